/** Tables of the 组织机构 module (migrations 0050–0053), as the module's own server code sees them. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';
import type { Generated } from 'kysely';
import type { OrgKind, OrgLevel } from '../domain/org-kinds.ts';

/** 组织: the tenancy tree (政协 city and counties, 专委会, 承办单位, …). */
export interface OrganizationsTable {
  id: string;
  parent_id: string | null;
  kind: OrgKind;
  level: OrgLevel | null;
  name: string;
  short_name: string | null;
  code: string | null;
  sort: Generated<number>;
  tenant_id: string;
  /** 0/1 */
  active: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 界别 */
export interface SectorsTable {
  id: string;
  tenant_id: string;
  name: string;
  sort: Generated<number>;
}

/** 委员档案: a member's profile beside their user account. */
export interface MemberProfilesTable {
  user_id: string;
  tenant_id: string;
  sector_id: string | null;
  party: string | null;
  term: string;
  /** 常委, 0/1 */
  is_standing: Generated<number>;
  gender: string | null;
  phone: string | null;
  workplace: string | null;
  /** 电子邮箱, 通讯地址 */
  email: string | null;
  address: string | null;
  /** 专长 and 关注领域: JSON arrays of short terms (for matching needs to members) */
  skills: string | null;
  fields: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** 任职: a member's place in one term (届): joined, left with its reason, 常委, posts (JSON array of 职务). */
export interface MemberTermsTable {
  user_id: string;
  term_no: number;
  tenant_id: string;
  joined_on: string;
  left_on: string | null;
  left_reason: string | null;
  /** 0/1 */
  is_standing: number;
  posts: string;
}

/** 联络记录: a staff member's visit, call or talk with a member. */
export interface MemberContactsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  kind: string;
  contact_on: string;
  staff_id: string;
  staff_name: string;
  notes: string;
  created_at: string;
}

/** 专委会成员 */
export interface CommitteeMembershipsTable {
  user_id: string;
  committee_id: string;
  tenant_id: string;
  role: string;
}

export interface OrganizationTables {
  organizations: OrganizationsTable;
  sectors: SectorsTable;
  member_profiles: MemberProfilesTable;
  committee_memberships: CommitteeMembershipsTable;
  member_terms: MemberTermsTable;
  member_contacts: MemberContactsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `orgDb(ctx.db)`. */
export const orgDb = moduleDb<OrganizationTables>;
export type OrganizationDb = ModuleDb<OrganizationTables>;
