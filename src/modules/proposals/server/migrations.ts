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
];
