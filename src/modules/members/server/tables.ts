/** The 委员 module has no tables of its own: it reads the members through the lookups of 组织机构 and 用户与权限. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';
export type MembersTables = Record<never, never>;

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `membersDb(ctx.db)`. */
export const membersDb = moduleDb<MembersTables>;
export type MembersDb = ModuleDb<MembersTables>;
