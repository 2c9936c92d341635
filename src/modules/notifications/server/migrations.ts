/** Tables of the 消息通知 module: the in-app inbox and the log of deliveries through other channels. */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const notificationMigrations: MigrationDef[] = [
  {
    name: '0300_notifications_inbox',
    async up(db) {
      await db.schema.createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('read_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notifications_user_read_created').on('notifications').columns(['user_id', 'read_at', 'created_at']).execute();
    },
  },
  {
    name: '0301_notifications_deliveries',
    async up(db) {
      await db.schema.createTable('notification_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull()) // 'sent' | 'failed'
        .addColumn('error', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notification_deliveries_notification').on('notification_deliveries').columns(['notification_id']).execute();
    },
  },
  {
    name: '0302_notifications_dedupe_key',
    async up(db) {
      // a subscriber delivered twice (at least once, from the outbox) tells each person once
      await db.schema.alterTable('notifications').addColumn('dedupe_key', 'text').execute();
      await db.schema.createIndex('notifications_dedupe').on('notifications').columns(['dedupe_key', 'user_id']).unique().execute();
    },
  },
];
