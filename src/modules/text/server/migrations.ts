/** Tables of the text module (migrations 0400–0449): indexed items, unit rules, learned models, dictionary words, assignments. */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { binaryType, textSearchDdl, textSearchTuningDdl } from '../../../kernel/server/db/dialect.ts';
import { sql } from 'kysely';

export const textMigrations: MigrationDef[] = [
  {
    name: '0400_text_tables',
    async up(db, dialect) {
      /** 文本条目: the text of a record of any module, for similar items and hot topics */
      await db.schema.createTable('text_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('text_items_ref').on('text_items').columns(['tenant_id', 'source', 'ref_id']).unique().execute();
      await db.schema.createIndex('text_items_recent').on('text_items').columns(['tenant_id', 'created_at']).execute();
      /** 单位关键词规则: keywords per handling unit for a cold start */
      await db.schema.createTable('text_unit_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('keywords', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('text_unit_rules_unit').on('text_unit_rules').columns(['tenant_id', 'unit_id']).unique().execute();
      /** 交办模型: the learned suggestion model per tenant */
      await db.schema.createTable('text_models')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('data', binaryType(dialect), (c) => c.notNull())
        .addColumn('examples', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('text_models_kind').on('text_models').columns(['tenant_id', 'kind']).unique().execute();
      /** 交办记录: past assignments the model learns from */
      await db.schema.createTable('text_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('text_assignments_tenant').on('text_assignments').columns(['tenant_id', 'created_at']).execute();
      /** 自定义词库: words administrators add to the segmenter */
      await db.schema.createTable('text_dictionary')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('word', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('text_dictionary_word').on('text_dictionary').columns(['tenant_id', 'word']).unique().execute();
    },
  },
  {
    name: '0401_text_search',
    async up(db, dialect) {
      /** 全文检索: an integer key per item for the full-text index, and the owning module's visibility hints */
      await db.schema.alterTable('text_items').addColumn('search_key', 'bigint').execute();
      await db.schema.alterTable('text_items').addColumn('state', 'text').execute();
      await db.schema.alterTable('text_items').addColumn('owner_user_id', 'text').execute();
      await db.schema.createIndex('text_items_search_key').on('text_items').column('search_key').unique().execute();
      await db.schema.createIndex('text_items_tenant_key').on('text_items').columns(['tenant_id', 'search_key']).execute();
      for (const s of textSearchDdl(dialect)) await sql.raw(s).execute(db);
    },
  },
  {
    name: '0402_text_search_tuning',
    async up(db, dialect) {
      /** 全文检索: finer statistics of the search key, from which the search takes its newest slices (PostgreSQL) */
      for (const s of textSearchTuningDdl(dialect)) await sql.raw(s).execute(db);
    },
  },
  {
    name: '0403_text_search_facts',
    async up(db, dialect) {
      /** 全文检索: the facts and title of a match read by its key from a narrow index, not from the row with its text */
      if (dialect === 'sqlite') {
        await db.schema.createIndex('text_items_search_facts').on('text_items')
          .columns(['search_key', 'tenant_id', 'id', 'source', 'ref_id', 'owner_user_id', 'created_at', 'state', 'unit_id', 'title']).execute();
      }
    },
  },
];
