/** The 系统管理 module has no tables of its own: it works on the kernel's (working-day calendar, settings and audit log). */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';
export type SystemTables = Record<never, never>;

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `systemDb(ctx.db)`. */
export const systemDb = moduleDb<SystemTables>;
export type SystemDb = ModuleDb<SystemTables>;
