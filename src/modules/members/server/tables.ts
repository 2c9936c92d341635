/**
 * The 委员 module's own tables (migrations 1200–1299); the registry itself lives in 组织机构's tables and is read and
 * written through that module's functions.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/**
 * 身份证号 of a member, kept only as a keyed digest (never shown, never exported): an import finds an existing member by
 * it, so a member entered again is updated, not added twice. One digest per member and per CPPCC.
 */
export interface MemberIdNumbersTable { tenant_id: string; user_id: string; digest: string; updated_at: string }

export interface MembersTables { member_id_numbers: MemberIdNumbersTable }

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `membersDb(ctx.db)`. */
export const membersDb = moduleDb<MembersTables>;
export type MembersDb = ModuleDb<MembersTables>;
