/** The 待办 module has no tables of its own: it works on the kernel's (work items). */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';
export type WorklistTables = Record<never, never>;

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `worklistDb(ctx.db)`. */
export const worklistDb = moduleDb<WorklistTables>;
export type WorklistDb = ModuleDb<WorklistTables>;
