/**
 * Names and kinds of the people and organisations a proposal refers to. Organisations come through the organisations
 * module's public index; people through the identity module's index.
 */
import type { Kysely } from 'kysely';
import { getOrg } from '../../organizations/index.ts';
export { findPeople, type PersonRef } from '../../identity/index.ts';

export interface OrgRef { id: string; name: string; kind: string; tenantId: string }

export async function findOrg(db: Kysely<any>, id: string): Promise<OrgRef | null> {
  const o = await getOrg(db, id);
  return o && o.active ? { id: o.id, name: o.name, kind: o.kind, tenantId: o.tenant_id } : null;
}

/** The active users holding one of `roles` in one of `orgIds` (for messages to leaders and unit leaders). */
export async function usersHoldingRoles(db: Kysely<any>, orgIds: string[], roles: string[]): Promise<string[]> {
  if (!orgIds.length || !roles.length) return [];
  const rows = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('user_roles.user_id as id')
    .where('user_roles.org_id', 'in', orgIds).where('user_roles.role_code', 'in', roles).where('users.active', '=', 1).distinct().execute();
  return rows.map((r: any) => String(r.id));
}

/** The active users of a CPPCC (tenant) holding one of `roles` in any of its organisations (the office, the leaders). */
export async function tenantUsersHoldingRoles(db: Kysely<any>, tenantId: string, roles: string[]): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('user_roles.user_id as id')
    .where('users.tenant_id', '=', tenantId).where('user_roles.role_code', 'in', roles).where('users.active', '=', 1).distinct().execute();
  return rows.map((r: any) => String(r.id));
}
