/**
 * The 公益 tables (ordinals 2800–2899), the same on SQLite and PostgreSQL; amounts in whole 元 (bigint).
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const charityMigrations: MigrationDef[] = [
  {
    name: '2800_charity',
    async up(db) {
      await db.schema.createTable('charity_drives')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('target_yuan', 'bigint')
        .addColumn('intro', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('charity_drives_tenant').on('charity_drives').columns(['tenant_id', 'starts_on']).execute();
      await db.schema.createTable('charity_donations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('drive_id', 'text', (c) => c.notNull())
        .addColumn('donor_kind', 'text', (c) => c.notNull())
        .addColumn('donor_user_id', 'text')
        .addColumn('donor_name', 'text', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addColumn('donated_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('charity_donations_drive').on('charity_donations').columns(['drive_id', 'donated_on']).execute();
      await db.schema.createIndex('charity_donations_tenant').on('charity_donations').columns(['tenant_id', 'donated_on']).execute();
      await db.schema.createIndex('charity_donations_donor').on('charity_donations').columns(['tenant_id', 'donor_user_id', 'donated_on']).execute();
      await db.schema.createTable('charity_beneficiaries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('drive_id', 'text', (c) => c.notNull())
        .addColumn('student_name', 'text', (c) => c.notNull())
        .addColumn('school', 'text', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addColumn('given_on', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('charity_beneficiaries_drive').on('charity_beneficiaries').columns(['drive_id', 'given_on']).execute();
      await db.schema.createIndex('charity_beneficiaries_tenant').on('charity_beneficiaries').columns(['tenant_id', 'given_on']).execute();
    },
  },
];
