/**
 * Indexes for the lists and statistics at a province's volume (see docs/decisions/0017): the period statistics and the
 * filtered list counts read one covering index over (tenant, submitted day) instead of the table; the list order
 * (urgent first, newest first) reads an index in that order; the lineage filters (adopted, instructed, by level) find
 * their events by kind instead of scanning them.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const opinionPerfMigrations: MigrationDef[] = [
  {
    name: '1120_opinions_list_stats_indexes',
    async up(db) {
      await db.schema.createIndex('opinion_reports_period_cover').on('opinion_reports')
        .columns(['tenant_id', 'submitted_at', 'state', 'submitter_user_id', 'submitter_org_id', 'source_tenant_id', 'root_report_id', 'accepted_at', 'returned_at', 'sent_up_at', 'source_report_id', 'urgent', 'id'])
        .execute();
      // a list page walks this index in its order and checks the filters on the index entries, reading only the rows it shows
      await db.schema.createIndex('opinion_reports_tenant_urgent_submitted').on('opinion_reports')
        .columns(['tenant_id', 'urgent', 'submitted_at', 'id', 'state', 'submitter_user_id', 'submitter_org_id', 'source_tenant_id', 'root_report_id', 'accepted_at', 'returned_at', 'sent_up_at', 'source_report_id'])
        .execute();
      // the editors' queue (a state, urgent first, oldest first) reads its page straight from this index
      await db.schema.createIndex('opinion_reports_tenant_state_urgent').on('opinion_reports').columns(['tenant_id', 'state', 'urgent', 'submitted_at', 'id']).execute();
      await db.schema.createIndex('opinion_events_kind').on('opinion_events').columns(['kind', 'level', 'leader_level', 'root_report_id']).execute();
    },
  },
];
