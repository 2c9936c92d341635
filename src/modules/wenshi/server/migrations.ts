/**
 * The module's tables (ordinals 3000–3099). The same migration runs on SQLite and PostgreSQL: text ids and
 * timestamps, integers, 0/1 flags. Every list and filter has its index.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const wenshiMigrations: MigrationDef[] = [
  {
    name: '3000_wenshi_materials',
    async up(db) {
      await db.schema.createTable('wenshi_materials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('original_title', 'text', (c) => c.notNull())
        .addColumn('original_body', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text')
        .addColumn('contributor_name', 'text', (c) => c.notNull())
        .addColumn('contributor_contact', 'text')
        .addColumn('period', 'text')
        .addColumn('place', 'text')
        .addColumn('people', 'text')
        .addColumn('topic', 'text')
        .addColumn('decline_reason', 'text')
        .addColumn('issue_id', 'text')
        .addColumn('section', 'text')
        .addColumn('seq', 'integer')
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the staff list by state and time; 我的投稿; an issue's contents; the archive by period and by topic
      await db.schema.createIndex('wenshi_materials_tenant_state').on('wenshi_materials').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('wenshi_materials_owner').on('wenshi_materials').columns(['owner_user_id', 'created_at']).execute();
      await db.schema.createIndex('wenshi_materials_issue').on('wenshi_materials').columns(['issue_id', 'seq']).execute();
      // the archive's issue filter: with tenant and published first, the planner prefers it over (tenant, published, period)
      await db.schema.createIndex('wenshi_materials_archive_issue').on('wenshi_materials').columns(['tenant_id', 'published', 'issue_id', 'seq']).execute();
      await db.schema.createIndex('wenshi_materials_archive_period').on('wenshi_materials').columns(['tenant_id', 'published', 'period']).execute();
      await db.schema.createIndex('wenshi_materials_tenant_topic').on('wenshi_materials').columns(['tenant_id', 'topic']).execute();
      await db.schema.createIndex('wenshi_materials_tenant_created').on('wenshi_materials').columns(['tenant_id', 'created_at']).execute();

      await db.schema.createTable('wenshi_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('material_id', 'text', (c) => c.notNull())
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('editor_id', 'text', (c) => c.notNull())
        .addColumn('editor_name', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('wenshi_revisions_material').on('wenshi_revisions').columns(['material_id', 'no']).unique().execute();

      await db.schema.createTable('wenshi_issues')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('editor', 'text', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // 第N辑 is unique in a CPPCC; the list by year
      await db.schema.createIndex('wenshi_issues_number').on('wenshi_issues').columns(['tenant_id', 'number']).unique().execute();
      await db.schema.createIndex('wenshi_issues_year').on('wenshi_issues').columns(['tenant_id', 'published', 'year']).execute();
    },
  },
];
