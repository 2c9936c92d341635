/**
 * The consultation meetings' tables (ordinals 1300–1349; the annual plan's are 1350–1399). The same migration runs on
 * SQLite and PostgreSQL with the portable conventions: text ids, dates and timestamps, JSON as text, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const consultationsMigrations: MigrationDef[] = [
  {
    name: '1300_consultations',
    async up(db) {
      await db.schema.createTable('consultations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('lead_committee_id', 'text', (c) => c.notNull())
        .addColumn('partner_unit_ids', 'text', (c) => c.notNull())
        .addColumn('planned_on', 'text', (c) => c.notNull())
        .addColumn('planned_time', 'text')
        .addColumn('place', 'text')
        .addColumn('plan_item_id', 'text')
        .addColumn('notice_due', 'text', (c) => c.notNull())
        .addColumn('materials_due', 'text', (c) => c.notNull())
        .addColumn('outcome_due', 'text')
        .addColumn('notice_sent_on', 'text')
        .addColumn('materials_sent_on', 'text')
        .addColumn('held_on', 'text')
        .addColumn('sent_on', 'text')
        .addColumn('minutes', 'text')
        .addColumn('outcome_kind', 'text')
        .addColumn('outcome_text', 'text')
        .addColumn('recommendation_count', 'integer', (c) => c.notNull())
        .addColumn('return_reason', 'text')
        .addColumn('proposal_ids', 'text', (c) => c.notNull())
        .addColumn('report_ids', 'text', (c) => c.notNull())
        .addColumn('signin_secret', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // a CPPCC's meetings by date (lists and figures of a year), a committee's, a plan item's
      await db.schema.createIndex('consultations_tenant_planned').on('consultations').columns(['tenant_id', 'planned_on', 'state']).execute();
      await db.schema.createIndex('consultations_committee').on('consultations').columns(['lead_committee_id', 'planned_on']).execute();
      await db.schema.createIndex('consultations_plan_item').on('consultations').column('plan_item_id').execute();

      await db.schema.createTable('consultation_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consultation_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('leave_reason', 'text')
        .addColumn('signed_in_at', 'text')
        .addColumn('signed_in_by', 'text')
        .addColumn('speech_kind', 'text')
        .addColumn('speech_order', 'integer')
        .addColumn('speech_text', 'text')
        .addColumn('speech_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // a member is invited once per meeting (a second invitation is ignored, a second sign-in refused)
      await db.schema.createIndex('consultation_participants_member').on('consultation_participants').columns(['consultation_id', 'user_id']).unique().execute();
      await db.schema.createIndex('consultation_participants_user').on('consultation_participants').columns(['user_id', 'consultation_id']).execute();

      await db.schema.createTable('consultation_recommendations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consultation_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('unit_ids', 'text', (c) => c.notNull())
        .addColumn('due_working_days', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consultation_recommendations_of').on('consultation_recommendations').columns(['consultation_id', 'seq']).execute();

      await db.schema.createTable('consultation_instructions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consultation_id', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consultation_instructions_of').on('consultation_instructions').column('consultation_id').execute();
    },
  },
  {
    // 关联: one row per linked proposal or 社情民意 report, so that the record's own page finds its consultations
    name: '1301_consultation_links',
    async up(db) {
      await db.schema.createTable('consultation_links')
        .addColumn('consultation_id', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('consultation_links_pk', ['consultation_id', 'entity_type', 'entity_id'])
        .execute();
      await db.schema.createIndex('consultation_links_entity').on('consultation_links').columns(['entity_type', 'entity_id', 'consultation_id']).execute();
      // the links recorded before: the id lists on the meeting's row
      const rows = await db.selectFrom('consultations').select(['id', 'proposal_ids', 'report_ids']).execute() as Array<{ id: string; proposal_ids: string; report_ids: string }>;
      const parse = (s: string) => { try { const v = JSON.parse(s); return Array.isArray(v) ? [...new Set(v.map(String))] : []; } catch { return []; } };
      const values = rows.flatMap((r) => [
        ...parse(r.proposal_ids).map((id, i) => ({ consultation_id: r.id, entity_type: 'proposal', entity_id: id, seq: i + 1 })),
        ...parse(r.report_ids).map((id, i) => ({ consultation_id: r.id, entity_type: 'opinion', entity_id: id, seq: i + 1 })),
      ]);
      for (let at = 0; at < values.length; at += 500) await db.insertInto('consultation_links').values(values.slice(at, at + 500)).execute();
    },
  },
];
