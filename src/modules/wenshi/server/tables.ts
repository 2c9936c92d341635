/**
 * The module's tables as its own server code sees them (migrations 3000–3099). Column types follow the migrations on
 * both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, integers numbers. Read the database through
 * `wenshiDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 文史资料 */
export interface WenshiItemsTable {
  id: string;
  /** the CPPCC the record belongs to; every query filters by it */
  tenant_id: string;
  title: string;
  body: string;
  /** who created it (提交人), and their name as it was then */
  owner_user_id: string;
  owner_name: string;
  /** 办理期限, set on 受理; a working-day deadline the kernel moves when a year's holiday schedule changes */
  due_date: string | null;
  /** the latest 退回理由 and 办理结果, written by the lifecycle's `apply` */
  return_reason: string | null;
  result: string | null;
  state: string;
  /** optimistic version: every write sets version + 1 where version = the version the client read (else 409) */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WenshiTables {
  wenshi_items: WenshiItemsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `wenshiDb(ctx.db)`. */
export const wenshiDb = moduleDb<WenshiTables>;
export type WenshiDb = ModuleDb<WenshiTables>;
export type WenshiItemRow = WenshiItemsTable;
