/**
 * The 委员工作室 tables (ordinals 2700–2799). The same migration runs on SQLite and PostgreSQL: text ids and
 * timestamps, 'YYYY-MM-DD' dates, integers, and bigint for amounts in whole 元 (a project of 50 亿元 exceeds int4).
 * Every list has its index: a CPPCC's records by date (figures and lists), a studio's records, a member's part; the
 * loans' and projects' indexes end with the id (the lists' order) and the amount (the figures' sums read the index only).
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const studiosMigrations: MigrationDef[] = [
  {
    name: '2700_studios',
    async up(db) {
      await db.schema.createTable('studios')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('intro', 'text', (c) => c.notNull())
        .addColumn('convener_user_id', 'text')
        .addColumn('convener_name', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studios_tenant_kind').on('studios').columns(['tenant_id', 'kind', 'name']).execute();

      await db.schema.createTable('studio_members')
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('studio_members_pk', ['studio_id', 'user_id'])
        .execute();
      await db.schema.createIndex('studio_members_user').on('studio_members').columns(['tenant_id', 'user_id']).execute();

      await db.schema.createTable('studio_activities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('others', 'text')
        .addColumn('people_served', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_activities_tenant').on('studio_activities').columns(['tenant_id', 'held_on', 'id']).execute();
      await db.schema.createIndex('studio_activities_studio').on('studio_activities').columns(['studio_id', 'held_on', 'id']).execute();
      await db.schema.createTable('studio_activity_members')
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('studio_activity_members_pk', ['activity_id', 'user_id'])
        .execute();
      await db.schema.createIndex('studio_activity_members_user').on('studio_activity_members').columns(['tenant_id', 'user_id', 'held_on']).execute();

      await db.schema.createTable('studio_cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('matter', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('outcome', 'text')
        .addColumn('agreement', 'text')
        .addColumn('parties', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_cases_tenant').on('studio_cases').columns(['tenant_id', 'received_on']).execute();
      await db.schema.createIndex('studio_cases_studio').on('studio_cases').columns(['studio_id', 'outcome', 'received_on']).execute();
      await db.schema.createTable('studio_case_handlers')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('studio_case_handlers_pk', ['case_id', 'user_id'])
        .execute();
      await db.schema.createIndex('studio_case_handlers_user').on('studio_case_handlers').columns(['tenant_id', 'user_id', 'received_on']).execute();

      await db.schema.createTable('studio_needs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('enterprise', 'text', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('recorded_on', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_needs_studio').on('studio_needs').columns(['studio_id', 'state', 'recorded_on']).execute();
      await db.schema.createIndex('studio_needs_tenant').on('studio_needs').columns(['tenant_id', 'recorded_on']).execute();
      await db.schema.createTable('studio_offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('bank', 'text', (c) => c.notNull())
        .addColumn('product', 'text', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addColumn('recorded_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_offers_studio').on('studio_offers').columns(['studio_id', 'recorded_on']).execute();
      await db.schema.createIndex('studio_offers_tenant').on('studio_offers').columns(['tenant_id', 'recorded_on']).execute();
      await db.schema.createTable('studio_loans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('need_id', 'text')
        .addColumn('offer_id', 'text')
        .addColumn('enterprise', 'text', (c) => c.notNull())
        .addColumn('bank', 'text', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addColumn('granted_on', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_loans_tenant').on('studio_loans').columns(['tenant_id', 'granted_on', 'id', 'amount_yuan']).execute();
      await db.schema.createIndex('studio_loans_studio').on('studio_loans').columns(['studio_id', 'granted_on', 'id', 'amount_yuan']).execute();

      await db.schema.createTable('studio_projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('studio_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('investor', 'text', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('introduced_on', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('studio_projects_tenant').on('studio_projects').columns(['tenant_id', 'introduced_on', 'id', 'amount_yuan']).execute();
      await db.schema.createIndex('studio_projects_studio').on('studio_projects').columns(['studio_id', 'introduced_on', 'id', 'amount_yuan']).execute();
    },
  },
];
