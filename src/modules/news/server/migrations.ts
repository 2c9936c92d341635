/**
 * The module's tables (ordinals 2300–2399): 新闻 (news_items), 媒体报道 (news_media), 通知公告 (news_notices) and their
 * 阅读回执 (news_notice_receipts, one row per addressee, written when the notice is sent). Portable columns: text ids
 * and timestamps, 'YYYY-MM-DD' dates, integers. (2300 replaced the template's skeleton table before any release.)
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const newsMigrations: MigrationDef[] = [
  {
    name: '2300_news_items',
    async up(db) {
      await db.schema.createTable('news_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('column_code', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('channels', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('reviewer_user_id', 'text')
        .addColumn('reviewer_name', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('published_on', 'text')
        .addColumn('published_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the desk's list (by state and time), the public columns and the year's figures (published, by column and date)
      await db.schema.createIndex('news_items_tenant_state').on('news_items').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('news_items_published').on('news_items').columns(['tenant_id', 'state', 'column_code', 'published_on']).execute();
      await db.schema.createIndex('news_items_pub_date').on('news_items').columns(['tenant_id', 'state', 'published_on']).execute();
      await db.schema.createIndex('news_items_owner').on('news_items').columns(['owner_user_id', 'created_at']).execute();
    },
  },
  {
    name: '2301_news_media',
    async up(db) {
      await db.schema.createTable('news_media')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('outlet', 'text', (c) => c.notNull())
        .addColumn('report_date', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('column_code', 'text', (c) => c.notNull())
        // related members (相关委员): JSON arrays of ids and names as they were
        .addColumn('member_ids', 'text', (c) => c.notNull())
        .addColumn('member_names', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('news_media_tenant_date').on('news_media').columns(['tenant_id', 'report_date']).execute();
    },
  },
  {
    name: '2302_news_notices',
    async up(db) {
      await db.schema.createTable('news_notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('audience_ref', 'text')
        .addColumn('audience_label', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('sent_on', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('addressed', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('news_notices_tenant_state').on('news_notices').columns(['tenant_id', 'state', 'sent_on']).execute();
      await db.schema.createTable('news_notice_receipts')
        .addColumn('notice_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('reminders', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('news_notice_receipts_pk', ['notice_id', 'user_id'])
        .execute();
      // 我的通知 (one person's, unread first) and a notice's read/unread lists
      await db.schema.createIndex('news_notice_receipts_user').on('news_notice_receipts').columns(['user_id', 'read_at']).execute();
      await db.schema.createIndex('news_notice_receipts_notice').on('news_notice_receipts').columns(['notice_id', 'read_at']).execute();
    },
  },
];
