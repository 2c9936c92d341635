/** The 委员 module has no tables of its own: it reads the members through the lookups of 组织机构 and 用户与权限. */
import { moduleDb, type AnyModuleDb, type ModuleDb, type ModuleTrx } from '../../../kernel/server/db/tables.ts';
export type MembersTables = Record<never, never>;

/** The module's view of the database: the kernel's tables and its own. */
export type MembersDb = ModuleDb<MembersTables>;
export type MembersTrx = ModuleTrx<MembersTables>;
export const membersDb = (db: AnyModuleDb): MembersDb => moduleDb<MembersTables>(db);
