/**
 * The module's tables. Migration names carry a global ordinal from the module's own range (1700–1799) and never change
 * once shipped: a later change to a table is a new migration with the next ordinal. The same migration runs on SQLite
 * and PostgreSQL, so columns use the portable conventions: text ids and timestamps, 'YYYY-MM-DD' dates, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const inspectionsMigrations: MigrationDef[] = [
  {
    name: '1700_inspections',
    async up(db) {
      await db.schema.createTable('inspections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('proposer', 'text', (c) => c.notNull())
        .addColumn('lead_committee_id', 'text', (c) => c.notNull())
        .addColumn('places', 'text', (c) => c.notNull())
        .addColumn('planned_from', 'text', (c) => c.notNull())
        .addColumn('planned_to', 'text', (c) => c.notNull())
        .addColumn('approved_meeting', 'text')
        .addColumn('approved_on', 'text')
        .addColumn('started_on', 'text')
        .addColumn('ended_on', 'text')
        .addColumn('report_due', 'text')
        .addColumn('report_no', 'integer', (c) => c.notNull())
        .addColumn('report_title', 'text')
        .addColumn('report_body', 'text')
        .addColumn('problem_count', 'integer', (c) => c.notNull())
        .addColumn('recommendation_count', 'integer', (c) => c.notNull())
        .addColumn('signed_on', 'text')
        .addColumn('sent_on', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('signin_secret', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the plan and the figures: a CPPCC's trips by date; a committee's trips
      await db.schema.createIndex('inspections_tenant_date').on('inspections').columns(['tenant_id', 'planned_from']).execute();
      await db.schema.createIndex('inspections_committee').on('inspections').columns(['lead_committee_id', 'planned_from']).execute();

      await db.schema.createTable('inspection_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('signed_in_at', 'text')
        .addColumn('signed_in_by', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inspection_participants_trip_user').unique().on('inspection_participants').columns(['inspection_id', 'user_id']).execute();
      await db.schema.createIndex('inspection_participants_user').on('inspection_participants').columns(['user_id']).execute();

      await db.schema.createTable('inspection_stops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text')
        .addColumn('visited_at', 'text')
        .execute();
      await db.schema.createIndex('inspection_stops_trip').on('inspection_stops').columns(['inspection_id', 'seq']).execute();

      await db.schema.createTable('inspection_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('stop_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('attachment_ids', 'text', (c) => c.notNull())
        .addColumn('author_user_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inspection_notes_trip').on('inspection_notes').columns(['inspection_id', 'created_at']).execute();

      await db.schema.createTable('inspection_report_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('problems', 'text', (c) => c.notNull())
        .addColumn('recommendations', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('author_user_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inspection_report_versions_trip').unique().on('inspection_report_versions').columns(['inspection_id', 'no']).execute();

      await db.schema.createTable('inspection_findings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('unit_ids', 'text', (c) => c.notNull())
        .addColumn('due_working_days', 'integer')
        .execute();
      await db.schema.createIndex('inspection_findings_trip').on('inspection_findings').columns(['inspection_id', 'type', 'seq']).execute();

      await db.schema.createTable('inspection_instructions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('inspection_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inspection_instructions_tenant_date').on('inspection_instructions').columns(['tenant_id', 'on_date']).execute();
      await db.schema.createIndex('inspection_instructions_trip').on('inspection_instructions').columns(['inspection_id']).execute();
    },
  },
  {
    // a 批示 names the recommendations it concerns (by number; null: the whole report) and carries its document (批示件)
    name: '1701_inspection_instructions_scope_document',
    async up(db) {
      await db.schema.alterTable('inspection_instructions').addColumn('recommendation_nos', 'text').execute();
      await db.schema.alterTable('inspection_instructions').addColumn('document_id', 'text').execute();
    },
  },
];
