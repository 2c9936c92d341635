/** 承办单位领导签发: who signed a unit's reply off and when it left the unit (migration 1091 the lead unit, 1092 分办 units). */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const signOffMigrations: MigrationDef[] = [
  {
    name: '1091_proposals_reply_signoff',
    async up(db) {
      // 签发人 and 签发时间 of the current reply, and when the reply left the unit (报出: signed off, or sent when no sign-off is required)
      await db.schema.alterTable('proposals').addColumn('signer_id', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('signer_name', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('signed_at', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('reply_sent_at', 'text').execute();
      // replies released before the sign-off step left their unit no later than their release: the on-time figures stay as they were
      await db.updateTable('proposals').set((eb) => ({ reply_sent_at: eb.ref('replied_at') })).where('replied_at', 'is not', null).execute();
      // the statistics' covering index gains the date the unit's timeliness counts by (按期答复)
      await db.schema.dropIndex('proposals_tenant_year_stats').execute();
      await db.schema.createIndex('proposals_tenant_year_stats').on('proposals').columns([
        'tenant_id', 'year', 'state', 'submitted_at', 'filed_at', 'replied_at', 'reply_sent_at', 'due_date', 'type', 'category', 'reply_class', 'satisfaction',
        'is_key', 'is_excellent', 'converted_to', 'proposer_user_id', 'sector_id', 'committee_id', 'id', 'created_at',
      ]).execute();
    },
  },
  {
    name: '1092_proposal_assignments_reply_signoff',
    async up(db) {
      // a 分办 unit's own reply: 签发人 and 签发时间 (signed_at is already the unit's 签收), and when the reply left the unit (报出)
      await db.schema.alterTable('proposal_assignments').addColumn('signer_id', 'text').execute();
      await db.schema.alterTable('proposal_assignments').addColumn('signer_name', 'text').execute();
      await db.schema.alterTable('proposal_assignments').addColumn('signed_off_at', 'text').execute();
      await db.schema.alterTable('proposal_assignments').addColumn('reply_sent_at', 'text').execute();
      // replies given before the sign-off step left their unit when they were sent
      await db.updateTable('proposal_assignments').set((eb) => ({ reply_sent_at: eb.ref('done_at') }))
        .where('role', '=', 'split').where('state', '=', 'replied').execute();
    },
  },
];
