/** Tables of the text module (migrations 0400–0406), as the module's own server code sees them. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 文本条目: the text of a record of any module, for similar items, hot topics and the full-text search */
export interface TextItemsTable {
  id: string;
  tenant_id: string;
  /** the owning module's source name, e.g. 'proposal' */
  source: string;
  ref_id: string;
  title: string;
  body: string;
  unit_id: string | null;
  created_at: string;
  updated_at: string;
  /** 全文检索: the item's key in the index (bigint) */
  search_key: number | null;
  /** the owning module's visibility hints */
  state: string | null;
  owner_user_id: string | null;
}

/** 单位关键词规则 */
export interface TextUnitRulesTable {
  id: string;
  tenant_id: string;
  unit_id: string;
  /** JSON array of keywords */
  keywords: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 交办模型: the learned suggestion model per tenant (bytea on PostgreSQL, blob on SQLite) */
export interface TextModelsTable {
  id: string;
  tenant_id: string;
  kind: string;
  data: Uint8Array;
  examples: number;
  created_at: string;
  updated_at: string;
}

/** 交办记录 */
export interface TextAssignmentsTable {
  id: string;
  tenant_id: string;
  text: string;
  unit_id: string;
  created_at: string;
}

/** 自定义词库 */
export interface TextDictionaryTable {
  id: string;
  tenant_id: string;
  word: string;
  tag: string;
  created_by: string;
  created_at: string;
}

/** 词频摘要 on SQLite (derived, keyed by the search key); on PostgreSQL the counts live in `text_search` */
export interface TextCountsTable {
  search_key: number;
  body_len: number;
  /** JSON */
  word_counts: string;
}

/**
 * 全文检索 on PostgreSQL: the words with the facts a search returns, partitioned by key range (decision 0028). The
 * `words` column is a tsvector, written and read only through SQL.
 */
export interface TextSearchTable {
  search_key: number;
  tenant_id: string;
  id: string;
  source: string;
  ref_id: string;
  owner_user_id: string | null;
  created_at: string;
  state: string | null;
  unit_id: string | null;
  title: string;
  words: unknown;
  body_len: number | null;
  word_counts: string | null;
}

/** 全文检索 on SQLite: the contentless FTS5 table, its rowid the search key. */
export interface TextFtsTable {
  rowid: number;
  words: string;
}

export interface TextTables {
  text_items: TextItemsTable;
  text_unit_rules: TextUnitRulesTable;
  text_models: TextModelsTable;
  text_assignments: TextAssignmentsTable;
  text_dictionary: TextDictionaryTable;
  text_counts: TextCountsTable;
  text_search: TextSearchTable;
  text_fts: TextFtsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `textDb(ctx.db)`. */
export const textDb = moduleDb<TextTables>;
export type TextDb = ModuleDb<TextTables>;
