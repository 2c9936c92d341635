/**
 * The module's tables. Migration names carry a global ordinal from the module's own range (2300–2399 here;
 * a module made with `scripts/new-module.ts` gets its own range) and never change once shipped: a later change to a
 * table is a new migration with the next ordinal. The same migration runs on SQLite and PostgreSQL, so columns use
 * the portable conventions: text ids and timestamps, 'YYYY-MM-DD' dates, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const newsMigrations: MigrationDef[] = [
  {
    name: '2300_news_items',
    async up(db) {
      await db.schema.createTable('news_items')
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
      await db.schema.createIndex('news_items_tenant_state').on('news_items').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('news_items_owner').on('news_items').columns(['owner_user_id', 'created_at']).execute();
    },
  },
];
