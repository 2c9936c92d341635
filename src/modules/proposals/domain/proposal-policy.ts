/**
 * Who may see a proposal (提案可见范围). Same-tenant staff with `proposal.read_all` see every submitted proposal of their
 * CPPCC; proposers and co-signers see their own; handling units see what was assigned to them; proposals marked public
 * (同意公开) are visible, once replied, to anyone signed in of that CPPCC. Anything else is "not found".
 */
import type { ProposalRecord } from './proposal-lifecycle.ts';

export interface PolicyActor {
  userId: string;
  orgId: string;
  tenantId: string;
  roles: readonly string[];
  permissions: ReadonlySet<string>;
}

/** Facts about a proposal held in its side tables. */
export interface VisibilityFacts {
  /** units the proposal was assigned to (主办, 会办, 分办) */
  unitIds: readonly string[];
  /** invited co-signers (联名) and merged proposals' proposers */
  cosignerUserIds: readonly string[];
}

export const unitRoles = ['unit_handler', 'unit_leader'] as const;
export const publicStates = ['replied', 'closed'] as const;

const has = (a: PolicyActor, p: string) => a.permissions.has('*') || a.permissions.has(p);

/** May the actor read proposals at all (the three admin roles may not: 三员分立)? */
export function canReadProposals(a: PolicyActor): boolean {
  return has(a, 'proposal.read') || has(a, 'proposal.read_all');
}

export function isUnitActor(a: PolicyActor): boolean {
  return a.roles.some((r) => (unitRoles as readonly string[]).includes(r));
}

export function canSeeProposal(r: Pick<ProposalRecord, 'tenant_id' | 'state' | 'proposer_user_id' | 'lead_unit_id'> & { is_public?: unknown }, a: PolicyActor, f: VisibilityFacts): boolean {
  if (!canReadProposals(a)) return false;
  if (r.proposer_user_id === a.userId) return true;
  if (f.cosignerUserIds.includes(a.userId)) return true;
  // a draft is the proposer's (and co-signers') alone
  if (r.state === 'draft') return false;
  if (has(a, 'proposal.read_all') && r.tenant_id === a.tenantId) return true;
  if (isUnitActor(a) && (r.lead_unit_id === a.orgId || f.unitIds.includes(a.orgId))) return true;
  if (Number(r.is_public) === 1 && (publicStates as readonly string[]).includes(r.state) && r.tenant_id === a.tenantId) return true;
  return false;
}

/** May the actor edit the draft's content (a draft or a proposal returned for revision)? */
export function canEditDraft(r: Pick<ProposalRecord, 'state' | 'proposer_user_id'>, a: PolicyActor): boolean {
  return (r.state === 'draft' || r.state === 'returned') && r.proposer_user_id === a.userId && has(a, 'proposal.create');
}

/** May the actor confirm a co-signature (联名确认) now? */
export function canConfirmCosign(r: Pick<ProposalRecord, 'state'>, a: PolicyActor, pendingCosignerIds: readonly string[]): boolean {
  return (r.state === 'draft' || r.state === 'returned') && pendingCosignerIds.includes(a.userId);
}
