/** Tables of the text module (migrations 0400–0449): indexed items, unit rules, learned models, dictionary words, assignments. */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { binaryType } from '../../../kernel/server/db/dialect.ts';
import { sql } from 'kysely';
import { PART_ROWS, createSearchFunction, createSearchTable, indexParts } from './search-store.ts';

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
      // the words: a contentless FTS5 table on SQLite; on PostgreSQL a tsvector column (moved to its own table by 0404)
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE IF NOT EXISTS text_fts USING fts5(words, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
      } else {
        await sql`ALTER TABLE text_items ADD COLUMN search_tsv tsvector`.execute(db);
        await sql`CREATE INDEX IF NOT EXISTS text_items_search ON text_items USING gin (search_tsv)`.execute(db);
      }
    },
  },
  {
    name: '0402_text_search_tuning',
    async up(db, dialect) {
      /** 全文检索: finer statistics of the search key, from which the search takes its newest slices (PostgreSQL) */
      if (dialect === 'postgres') await sql`ALTER TABLE text_items ALTER COLUMN search_key SET STATISTICS 1000`.execute(db);
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
  {
    name: '0404_text_search_parts',
    async up(db, dialect) {
      /**
       * 全文检索 (PostgreSQL): the words move out of the wide items into a table of their own with the facts a search
       * returns, partitioned by key ranges, each part with its own GIN index (decision 0028). Words stored already are carried over, cut into parts of
       * PART_ROWS items in key order. The old column stays (unindexed, no longer written) so that instances of the
       * previous version keep working through a rolling upgrade; a later migration drops it.
       */
      if (dialect !== 'postgres') return;
      const cuts = (await sql<{ k: string }>`select search_key::text as k from (
          select search_key, row_number() over (order by search_key) as r from text_items where search_tsv is not null and search_key is not null
        ) x where r % ${PART_ROWS} = 1 and r > 1 order by search_key`.execute(db)).rows.map((r) => r.k);
      await createSearchTable(db, cuts);
      await sql`insert into text_search (search_key, tenant_id, id, source, ref_id, owner_user_id, created_at, state, unit_id, title, words)
        select search_key, tenant_id, id, source, ref_id, owner_user_id, created_at, state, unit_id, title, search_tsv from text_items
        where search_tsv is not null and search_key is not null`.execute(db);
      await sql`set local maintenance_work_mem = '256MB'`.execute(db);
      await indexParts(db);
      await createSearchFunction(db);
      await sql`drop index if exists text_items_search`.execute(db);
    },
  },
  {
    name: '0405_text_search_old_words',
    async up(db, dialect) {
      /**
       * 全文检索 (PostgreSQL): the words' old column, unwritten since 0404 (kept then for instances of the version
       * before it), goes, with the finer statistics of the search key that only the old search read (0402). Dropping a
       * column only marks it dropped; its space is reclaimed as rows are rewritten, or at once by `VACUUM FULL text_items`.
       */
      if (dialect !== 'postgres') return;
      await sql`ALTER TABLE text_items DROP COLUMN IF EXISTS search_tsv`.execute(db);
      await sql`ALTER TABLE text_items ALTER COLUMN search_key SET STATISTICS -1`.execute(db);
    },
  },
  {
    name: '0406_text_search_counts',
    async up(db, dialect) {
      /**
       * 全文检索: each item's text length and word counts (词频摘要) beside its words in the index, so that a search
       * ranks every match by title and text without reading the texts back (decision 0029). Derived data like the
       * words: SQLite keeps them in a narrow table keyed by the search key, PostgreSQL in its index's rows, whose
       * search function now takes the query's words and returns their counts. Items indexed before get them on the
       * first search after the upgrade (`TextSearch.ensureIndex`).
       */
      if (dialect === 'sqlite') {
        await sql`CREATE TABLE text_counts (/* derived: word counts of the full-text index, rebuilt from text_items, not backed up */
          search_key INTEGER PRIMARY KEY, body_len INTEGER NOT NULL, word_counts TEXT NOT NULL)`.execute(db);
        return;
      }
      // the counts kept in the row itself: a row over TOAST's target moves its words (read only through the GIN index) out first
      await sql`ALTER TABLE text_search ADD COLUMN body_len integer, ADD COLUMN word_counts text`.execute(db);
      await sql`ALTER TABLE text_search ALTER COLUMN word_counts SET STORAGE MAIN`.execute(db);
      // the items still to count, found at once (empty once counted)
      await sql`CREATE INDEX text_search_uncounted ON text_search (search_key) WHERE word_counts IS NULL`.execute(db);
      // it takes the query's words and returns their counts: a changed signature is a new function
      await sql`DROP FUNCTION IF EXISTS text_search_newest(text, tsquery, float8, integer)`.execute(db);
      await createSearchFunction(db);
    },
  },
];
