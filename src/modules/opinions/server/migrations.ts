/** Tables of the 社情民意 module: reports with their revisions and lineage, issues (期) with pieces and sources, and events. */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const opinionMigrations: MigrationDef[] = [
  {
    name: '1100_opinions_reports',
    async up(db) {
      await db.schema.createTable('opinion_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        // 原稿: the text as submitted, kept for the side-by-side view
        .addColumn('submitted_title', 'text', (c) => c.notNull())
        .addColumn('submitted_body', 'text', (c) => c.notNull())
        .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('topic', 'text')
        .addColumn('submitter_user_id', 'text', (c) => c.notNull())
        .addColumn('submitter_name', 'text', (c) => c.notNull())
        .addColumn('submitter_org_id', 'text')
        // lineage: a copy sent up points at the report it came from; root is the originating report
        .addColumn('source_report_id', 'text')
        .addColumn('source_tenant_id', 'text')
        .addColumn('source_tenant_name', 'text')
        .addColumn('root_report_id', 'text', (c) => c.notNull())
        .addColumn('up_copy_id', 'text')
        .addColumn('sent_up_at', 'text')
        .addColumn('sent_up_to', 'text')
        .addColumn('issue_id', 'text')
        .addColumn('issue_number', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('returned_at', 'text')
        .addColumn('accepted_at', 'text')
        .addColumn('verified_at', 'text')
        .addColumn('revision_count', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opinion_reports_tenant_state').on('opinion_reports').columns(['tenant_id', 'state', 'submitted_at']).execute();
      await db.schema.createIndex('opinion_reports_tenant_submitted').on('opinion_reports').columns(['tenant_id', 'submitted_at']).execute();
      await db.schema.createIndex('opinion_reports_submitter').on('opinion_reports').columns(['submitter_user_id', 'submitted_at']).execute();
      await db.schema.createIndex('opinion_reports_root').on('opinion_reports').column('root_report_id').execute();
      await db.schema.createIndex('opinion_reports_source').on('opinion_reports').columns(['source_report_id', 'tenant_id']).execute();
      await db.schema.createIndex('opinion_reports_issue').on('opinion_reports').column('issue_id').execute();

      // 修改记录: every version of the text, the first being the submitted one
      await db.schema.createTable('opinion_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('editor_id', 'text', (c) => c.notNull())
        .addColumn('editor_name', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opinion_revisions_report').on('opinion_revisions').columns(['report_id', 'seq']).unique().execute();

      // 期: a numbered issue per tenant and year
      await db.schema.createTable('opinion_issues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number_seq', 'integer', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('piece_count', 'integer', (c) => c.notNull())
        .addColumn('recipients', 'text')
        .addColumn('signed_by', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('distributed_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opinion_issues_number').on('opinion_issues').columns(['tenant_id', 'year', 'number_seq']).unique().execute();
      await db.schema.createIndex('opinion_issues_tenant_created').on('opinion_issues').columns(['tenant_id', 'created_at']).execute();

      // 篇目: one report (单篇) or several combined (综合)
      await db.schema.createTable('opinion_pieces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('issue_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opinion_pieces_issue').on('opinion_pieces').columns(['issue_id', 'seq']).execute();
      await db.schema.createTable('opinion_piece_sources')
        .addColumn('piece_id', 'text', (c) => c.notNull())
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('issue_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('opinion_piece_sources_pk', ['piece_id', 'report_id'])
        .execute();
      await db.schema.createIndex('opinion_piece_sources_report').on('opinion_piece_sources').column('report_id').execute();

      // 采用、批示、转送、反馈: recorded where they happen, read down the lineage by root_report_id
      await db.schema.createTable('opinion_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('tenant_name', 'text', (c) => c.notNull())
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('root_report_id', 'text', (c) => c.notNull())
        // credited to the originating report's submitter
        .addColumn('submitter_user_id', 'text', (c) => c.notNull())
        .addColumn('submitter_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('adoption_type', 'text')
        .addColumn('leader_level', 'text')
        .addColumn('text', 'text')
        .addColumn('department', 'text')
        .addColumn('points', 'real', (c) => c.notNull().defaultTo(0))
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        // an event brought in from another deployment's file keeps that file's id, so importing twice adds nothing
        .addColumn('external_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opinion_events_root').on('opinion_events').columns(['root_report_id', 'kind', 'level']).execute();
      await db.schema.createIndex('opinion_events_report').on('opinion_events').column('report_id').execute();
      await db.schema.createIndex('opinion_events_submitter').on('opinion_events').columns(['submitter_user_id', 'at']).execute();
      await db.schema.createIndex('opinion_events_external').on('opinion_events').columns(['tenant_id', 'external_id']).execute();
    },
  },
];
