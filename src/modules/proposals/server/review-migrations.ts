/** Tables for 审查会议 conversion (转社情民意 / 转参考件) and the yearly 优秀提案 selection round (migrations 1080–1089). */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const reviewMigrations: MigrationDef[] = [
  {
    name: '1080_proposals_conversion_excellent',
    async up(db) {
      // 转办: on 不予立案 the office may offer conversion; the proposer consents or refuses (征得提案人同意)
      await db.schema.alterTable('proposals').addColumn('conversion_offer', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('conversion_status', 'text').execute();
      // what the proposal became ('opinion' 社情民意 / 'reference' 参考件), when, and the record created for it: the statistics count these
      await db.schema.alterTable('proposals').addColumn('converted_to', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('converted_at', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('converted_ref_id', 'text').execute();
      // 优秀提案: the selection year it was published in
      await db.schema.alterTable('proposals').addColumn('excellent_year', 'integer').execute();
      await db.schema.createIndex('proposals_tenant_converted').on('proposals').columns(['tenant_id', 'converted_to']).execute();

      // 优秀提案评选: one round per tenant and year (征集提名 → 审议 → 主席会议审定 → 通报)
      await db.schema.createTable('proposal_excellent_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('meeting_date', 'text')
        .addColumn('meeting_note', 'text')
        .addColumn('notice', 'text')
        .addColumn('published_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_excellent_rounds_year').on('proposal_excellent_rounds').columns(['tenant_id', 'year']).unique().execute();
      // 提名: by the office, or recommended by a handling unit or a special committee, with a reason; the meeting confirms or drops it
      await db.schema.createTable('proposal_excellent_nominees')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('round_id', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('recommender_org_id', 'text')
        .addColumn('recommender_name', 'text', (c) => c.notNull())
        .addColumn('nominated_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decision_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_excellent_nominees_once').on('proposal_excellent_nominees').columns(['round_id', 'proposal_id']).unique().execute();
      await db.schema.createIndex('proposal_excellent_nominees_proposal').on('proposal_excellent_nominees').column('proposal_id').execute();
    },
  },
];
