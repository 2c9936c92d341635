/** Tables of the 提案 module: proposals, their co-signers (联名) and their handling units (承办单位). */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const proposalMigrations: MigrationDef[] = [
  {
    name: '1000_proposals_proposals',
    async up(db) {
      await db.schema.createTable('proposals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('session_label', 'text', (c) => c.notNull())
        // 提案编号 per tenant and year, assigned on filing (立案)
        .addColumn('number_seq', 'integer')
        .addColumn('number', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('background', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('analysis', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('suggestions', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('proposer_user_id', 'text', (c) => c.notNull())
        // names are snapshots taken when the record is written, so lists need no joins across modules
        .addColumn('proposer_name', 'text', (c) => c.notNull())
        .addColumn('proposer_org_id', 'text')
        .addColumn('sector_id', 'text')
        .addColumn('committee_id', 'text')
        .addColumn('cosigner_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cosigners_pending', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lead_unit_id', 'text')
        .addColumn('lead_unit_name', 'text')
        .addColumn('handling_mode', 'text')
        .addColumn('reply_class', 'text')
        .addColumn('reply_text', 'text')
        .addColumn('satisfaction', 'text')
        .addColumn('not_filed_reason', 'text')
        .addColumn('extension_days', 'integer')
        .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_excellent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('merged_into_id', 'text')
        .addColumn('due_date', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('filed_at', 'text')
        .addColumn('replied_at', 'text')
        .execute();
      // list filters and paging over 100k rows: tenant + year + state, tenant by recency, a unit's work, a proposer's own
      await db.schema.createIndex('proposals_tenant_year_state').on('proposals').columns(['tenant_id', 'year', 'state', 'created_at']).execute();
      await db.schema.createIndex('proposals_tenant_created').on('proposals').columns(['tenant_id', 'created_at']).execute();
      // the review queue and other state lists across years
      await db.schema.createIndex('proposals_tenant_state').on('proposals').columns(['tenant_id', 'state', 'created_at']).execute();
      // public replied proposals, which every signed-in user of the tenant sees
      await db.schema.createIndex('proposals_tenant_public').on('proposals').columns(['tenant_id', 'is_public', 'state']).execute();
      // a unit's work; tenant and is_public make it covering for the unit's visibility count
      await db.schema.createIndex('proposals_lead_unit_state').on('proposals').columns(['lead_unit_id', 'state', 'tenant_id', 'is_public']).execute();
      await db.schema.createIndex('proposals_proposer').on('proposals').columns(['proposer_user_id', 'created_at']).execute();
      await db.schema.createIndex('proposals_number').on('proposals').columns(['tenant_id', 'year', 'number_seq']).unique().execute();
      await db.schema.createIndex('proposals_merged_into').on('proposals').column('merged_into_id').execute();

      await db.schema.createTable('proposal_cosigners')
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        // 'invited' co-signer (联名) or 'merged' proposer of a proposal merged into this one (并案)
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('invited'))
        .addColumn('confirmed_at', 'text')
        .addPrimaryKeyConstraint('proposal_cosigners_pk', ['proposal_id', 'user_id'])
        .execute();
      await db.schema.createIndex('proposal_cosigners_user').on('proposal_cosigners').columns(['user_id', 'proposal_id']).execute();

      await db.schema.createTable('proposal_units')
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('proposal_units_pk', ['proposal_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('proposal_units_unit').on('proposal_units').columns(['unit_id', 'proposal_id']).execute();
    },
  },
  {
    name: '1010_proposals_evaluations',
    async up(db) {
      // 待评价人 (JSON array of user ids), 答复轮次 (each release of a reply is a round), 领导关注 (after 不满意)
      await db.schema.alterTable('proposals').addColumn('evaluators_pending', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('reply_round', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('proposals').addColumn('leader_attention', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // 评价: one rating per proposer per reply round, kept for statistics
      await db.schema.createTable('proposal_evaluations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        // 'proposer' (第一提案人), 'cosigner' (联名人) or 'merged' (并案提案人)
        .addColumn('evaluator_kind', 'text', (c) => c.notNull())
        .addColumn('satisfaction', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_evaluations_once').on('proposal_evaluations').columns(['proposal_id', 'round', 'user_id']).unique().execute();
      await db.schema.createIndex('proposal_evaluations_user').on('proposal_evaluations').columns(['user_id', 'created_at']).execute();
      // 双向评议: one score per side (handling by the proposer, quality by the lead unit)
      await db.schema.createTable('proposal_mutual_scores')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('scorer_user_id', 'text', (c) => c.notNull())
        .addColumn('scorer_name', 'text', (c) => c.notNull())
        .addColumn('scorer_org_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_mutual_scores_once').on('proposal_mutual_scores').columns(['proposal_id', 'side']).unique().execute();
    },
  },
  {
    name: '1020_proposals_assignments',
    async up(db) {
      // 分办: split units that have not yet replied; the lead's reply waits for them
      await db.schema.alterTable('proposals').addColumn('units_pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // 承办任务: one per 分办 or 会办 unit (the lead's part is the proposal's own lifecycle)
      await db.schema.createTable('proposal_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('reply_class', 'text')
        .addColumn('reply_text', 'text')
        .addColumn('opinion', 'text')
        .addColumn('due_date', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('done_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_assignments_proposal').on('proposal_assignments').columns(['proposal_id', 'created_at']).execute();
      await db.schema.createIndex('proposal_assignments_unit_state').on('proposal_assignments').columns(['unit_id', 'state']).execute();
    },
  },
  {
    name: '1030_proposals_consultations',
    async up(db) {
      // 面商记录: a handling unit's consultations with the proposer
      await db.schema.createTable('proposal_consultations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('people', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('recorded_by_user_id', 'text', (c) => c.notNull())
        .addColumn('recorded_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_consultations_proposal').on('proposal_consultations').columns(['proposal_id', 'date']).execute();
    },
  },
  {
    name: '1040_proposals_reminders',
    async up(db) {
      // 催办 / 超期提醒: one row per reminder sent, so that of several instances only the one that claims it sends it
      await db.schema.createTable('proposal_reminders')
        .addColumn('claim_key', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('task_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '1050_proposals_key_followup',
    async up(db) {
      // 重点提案 status and 督办方案; 跨年度跟踪 (二次交办): the year it was followed up into and how many times
      await db.schema.alterTable('proposals').addColumn('key_status', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('key_plan', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('excellent_reason', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('follow_up_year', 'integer').execute();
      await db.schema.alterTable('proposals').addColumn('follow_up_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('proposals_tenant_key_status').on('proposals').columns(['tenant_id', 'key_status']).execute();
      // 领衔督办: the leaders supervising a key proposal
      await db.schema.createTable('proposal_key_leaders')
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('proposal_key_leaders_pk', ['proposal_id', 'user_id'])
        .execute();
      await db.schema.createIndex('proposal_key_leaders_user').on('proposal_key_leaders').columns(['user_id', 'proposal_id']).execute();
      // 督办记录: progress notes, supervision meetings and inspections on a key proposal
      await db.schema.createTable('proposal_supervision_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('proposal_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('author_user_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_supervision_notes_proposal').on('proposal_supervision_notes').columns(['proposal_id', 'date']).execute();
    },
  },
  {
    name: '1060_proposals_list_covering_index',
    async up(db) {
      // a page of a tenant's list is found in this index alone (visibility needs state and proposer); only the page's rows are read
      await db.schema.createIndex('proposals_tenant_list').on('proposals').columns(['tenant_id', 'created_at', 'id', 'state', 'proposer_user_id']).execute();
    },
  },
];
