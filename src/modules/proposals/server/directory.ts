/**
 * Names and kinds of the people and organisations a proposal refers to. Organisations come through the organisations
 * module's public index; people are read from the users table by id (display name, tenant and role codes only).
 */
import type { Kysely } from 'kysely';
import { getOrg } from '../../organizations/index.ts';

export interface PersonRef { id: string; name: string; tenantId: string; roles: string[] }
export interface OrgRef { id: string; name: string; kind: string; tenantId: string }

export async function findPeople(db: Kysely<any>, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const out = new Map<string, PersonRef>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'tenant_id', 'role_codes']).where('id', 'in', [...new Set(ids)]).where('active', '=', 1).execute();
  for (const r of rows as any[]) out.set(r.id, { id: r.id, name: r.display_name, tenantId: r.tenant_id, roles: String(r.role_codes ?? '').split(',').filter(Boolean) });
  return out;
}

export async function findOrg(db: Kysely<any>, id: string): Promise<OrgRef | null> {
  const o = await getOrg(db, id);
  return o && o.active ? { id: o.id, name: o.name, kind: o.kind, tenantId: o.tenant_id } : null;
}
