/**
 * The module's tables (ordinals 2600–2699). The same migration runs on SQLite and PostgreSQL: text ids and UTC
 * timestamps, 'YYYY-MM-DD' China dates, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const meetingsMigrations: MigrationDef[] = [
  {
    name: '2600_meetings',
    async up(db) {
      await db.schema.createTable('meetings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('agenda', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('signin_secret', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the list (newest first) and the figures (held meetings by kind and date)
      await db.schema.createIndex('meetings_tenant_held').on('meetings').columns(['tenant_id', 'held_on']).execute();
      await db.schema.createIndex('meetings_tenant_kind').on('meetings').columns(['tenant_id', 'kind', 'state', 'held_on']).execute();

      await db.schema.createTable('meeting_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('meeting_sessions_meeting').on('meeting_sessions').columns(['meeting_id', 'seq']).execute();

      await db.schema.createTable('meeting_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('leave_state', 'text')
        .addColumn('leave_reason', 'text')
        .addColumn('leave_decided_by', 'text')
        .addColumn('leave_decided_at', 'text')
        .addColumn('attendance', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // one row per member and meeting; a member's meetings (list, figures), a meeting's attendance by code
      await db.schema.createIndex('meeting_participants_one').on('meeting_participants').columns(['meeting_id', 'user_id']).unique().execute();
      await db.schema.createIndex('meeting_participants_user').on('meeting_participants').columns(['user_id', 'closed', 'held_on']).execute();
      await db.schema.createIndex('meeting_participants_tenant').on('meeting_participants').columns(['tenant_id', 'closed', 'held_on', 'attendance']).execute();

      await db.schema.createTable('meeting_signins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('meeting_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('signed_in_at', 'text', (c) => c.notNull())
        .addColumn('signed_in_by', 'text', (c) => c.notNull())
        .addColumn('by_staff', 'integer', (c) => c.notNull())
        .execute();
      // a member signs in to a session once: the database refuses a second row
      await db.schema.createIndex('meeting_signins_once').on('meeting_signins').columns(['session_id', 'user_id']).unique().execute();
      await db.schema.createIndex('meeting_signins_meeting').on('meeting_signins').columns(['meeting_id', 'user_id']).execute();

      await db.schema.createTable('meeting_speeches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('meeting_speeches_meeting').on('meeting_speeches').columns(['meeting_id', 'created_at']).execute();
      await db.schema.createIndex('meeting_speeches_user').on('meeting_speeches').columns(['user_id', 'state', 'held_on']).execute();
      await db.schema.createIndex('meeting_speeches_tenant').on('meeting_speeches').columns(['tenant_id', 'state', 'held_on']).execute();
    },
  },
];
