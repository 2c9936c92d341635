/** Indexes for the statistics (提案统计) and its lists (migrations 1090–1099). */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const statsMigrations: MigrationDef[] = [
  {
    name: '1090_proposals_stats_indexes',
    async up(db) {
      // a session's statistics and the list of sessions (会议) the selector offers
      await db.schema.createIndex('proposals_tenant_session').on('proposals').columns(['tenant_id', 'session_label', 'year']).execute();
      // a year's statistics read from this index alone (every column the figures count by), never from the table rows
      // with their long texts: one range scan of (tenant_id, year); with created_at it also serves a page of a year's
      // list filtered by a statistics condition (界别, 专委会, 按期, 超期) without reading the rows
      await db.schema.createIndex('proposals_tenant_year_stats').on('proposals').columns([
        'tenant_id', 'year', 'state', 'submitted_at', 'filed_at', 'replied_at', 'due_date', 'type', 'category', 'reply_class', 'satisfaction',
        'is_key', 'is_excellent', 'converted_to', 'proposer_user_id', 'sector_id', 'committee_id', 'id', 'created_at',
      ]).execute();
    },
  },
];
