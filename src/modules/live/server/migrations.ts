/**
 * The module's tables (ordinals 1900–1999). The same migration runs on SQLite and PostgreSQL: text ids and
 * timestamps, integers. (1900 replaces the placeholder table the module was generated with, never released.)
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const liveMigrations: MigrationDef[] = [
  {
    name: '1900_live_sessions',
    async up(db) {
      // 议政会/场次
      await db.schema.createTable('live_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('host_user_ids', 'text', (c) => c.notNull())
        .addColumn('responder_unit_ids', 'text', (c) => c.notNull())
        .addColumn('expert_user_ids', 'text', (c) => c.notNull())
        .addColumn('public_access', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull().unique())
        .addColumn('moderate_public', 'integer', (c) => c.notNull())
        .addColumn('consultation_id', 'text')
        .addColumn('event_seq', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_sessions_tenant').on('live_sessions').columns(['tenant_id', 'opens_at']).execute();

      // 参与者: a signed-in person (user_id) or a public participant (token_hash, maybe phone_hash)
      await db.schema.createTable('live_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('org_id', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text')
        .addColumn('phone_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_participants_user').on('live_participants').columns(['session_id', 'user_id']).unique().execute();
      await db.schema.createIndex('live_participants_token').on('live_participants').columns(['token_hash']).execute();

      // 验证码 for public participants who join by phone
      await db.schema.createTable('live_phone_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('phone_hash', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_phone_codes_phone').on('live_phone_codes').columns(['session_id', 'phone_hash', 'created_at']).execute();

      // 发言、提问、答复
      await db.schema.createTable('live_contributions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('flagged_words', 'text')
        .addColumn('reject_reason', 'text')
        .addColumn('reply_to', 'text')
        .addColumn('routed_unit_id', 'text')
        .addColumn('routed_unit_name', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_contributions_session').on('live_contributions').columns(['session_id', 'status', 'created_at']).execute();

      // 议题观点 (statements) and 表态 (votes): one vote per statement and participant
      await db.schema.createTable('live_statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('live_statements_session').on('live_statements').columns(['session_id', 'created_at']).execute();
      await db.schema.createTable('live_votes')
        .addColumn('statement_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('value', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('live_votes_pk', ['statement_id', 'participant_id'])
        .execute();
      await db.schema.createIndex('live_votes_session').on('live_votes').columns(['session_id']).execute();

      // the room's stream, in order (the SSE event id is `seq`), and the latest opinion groups
      await db.schema.createTable('live_events')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('hosts_only', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('live_events_pk', ['session_id', 'seq'])
        .execute();
      await db.schema.createTable('live_groups')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '1901_live_followups',
    async up(db) {
      // 会后转办: a question or contribution the hosts sent on after the session (委员建议 for the tracker, or a
      // 社情民意 draft), when and by whom; a contribution is sent on once
      await db.schema.alterTable('live_contributions').addColumn('followup_kind', 'text').execute();
      await db.schema.alterTable('live_contributions').addColumn('followup_at', 'text').execute();
      await db.schema.alterTable('live_contributions').addColumn('followup_by', 'text').execute();
    },
  },
  {
    name: '1902_live_attendance',
    async up(db) {
      // 到场: an invited person who came into the open room, once per session (the hosts' turnout)
      await db.schema.createTable('live_attendance')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('first_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('live_attendance_pk', ['session_id', 'user_id'])
        .execute();
    },
  },
];
