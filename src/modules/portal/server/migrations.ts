/**
 * The module's tables (ordinals 2400–2499). The same migration runs on SQLite and PostgreSQL: text ids and
 * timestamps, integers, JSON as text.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const portalMigrations: MigrationDef[] = [
  // the table the module was generated with (shipped before the portal took shape), dropped by 2402
  {
    name: '2400_portal_items',
    async up(db) {
      await db.schema.createTable('portal_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('result', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the list's two ways in: a CPPCC's records by state and time (staff), one person's own records (members)
      await db.schema.createIndex('portal_items_tenant_state').on('portal_items').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('portal_items_owner').on('portal_items').columns(['owner_user_id', 'created_at']).execute();
    },
  },
  {
    name: '2401_portal_settings',
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
  {
    name: '2402_portal_items_dropped',
    async up(db) {
      await db.schema.dropTable('portal_items').ifExists().execute();
    },
  },
];
