/** The 待办 module has no tables of its own: it works on the kernel's (work items). */
import { moduleDb, type AnyModuleDb, type ModuleDb, type ModuleTrx } from '../../../kernel/server/db/tables.ts';
export type WorklistTables = Record<never, never>;

/** The module's view of the database: the kernel's tables and its own. */
export type WorklistDb = ModuleDb<WorklistTables>;
export type WorklistTrx = ModuleTrx<WorklistTables>;
export const worklistDb = (db: AnyModuleDb): WorklistDb => moduleDb<WorklistTables>(db);
