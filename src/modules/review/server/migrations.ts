/**
 * The module's tables (ordinals 1600–1699). The same migration runs on SQLite and PostgreSQL, so columns use the
 * portable conventions: text ids and timestamps, integers, JSON as text.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const reviewMigrations: MigrationDef[] = [
  {
    name: '1600_review_documents',
    async up(db) {
      await db.schema.createTable('review_documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('wording', 'text', (c) => c.notNull())
        .addColumn('return_reason', 'text')
        .addColumn('editor_user_id', 'text', (c) => c.notNull())
        .addColumn('editor_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // one review per CPPCC and year
      await db.schema.createIndex('review_documents_tenant_year').unique().on('review_documents').columns(['tenant_id', 'year']).execute();
    },
  },
];
