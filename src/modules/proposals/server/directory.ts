/**
 * Names and kinds of the people and organisations a proposal refers to. Organisations come through the organisations
 * module's public index; people through the identity module's index.
 */
import { getOrg } from '../../organizations/index.ts';
import type { ProposalDb } from './tables.ts';
export { findPeople, usersHoldingRoles, tenantUsersHoldingRoles, type PersonRef } from '../../identity/index.ts';

export interface OrgRef { id: string; name: string; kind: string; tenantId: string }

export async function findOrg(db: ProposalDb, id: string): Promise<OrgRef | null> {
  const o = await getOrg(db, id);
  return o && o.active ? { id: o.id, name: o.name, kind: o.kind, tenantId: o.tenant_id } : null;
}
