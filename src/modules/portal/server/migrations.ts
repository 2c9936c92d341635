/**
 * The module's tables (ordinals 2400–2499). The same migration runs on SQLite and PostgreSQL: text ids and
 * timestamps, integers, JSON as text.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const portalMigrations: MigrationDef[] = [
  {
    name: '2400_portal_settings',
    async up(db) {
      // one row per CPPCC: its id is the tenant's, so the primary key is the only way in
      await db.schema.createTable('portal_settings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
