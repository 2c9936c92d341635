/**
 * Who may see a 社情民意 report: only people of the CPPCC that holds it (a copy sent up belongs to the upper level);
 * there, its submitter, and editors and leaders with `opinion.read_all`. Everything else is "not found".
 */
import type { ReportRecord } from './opinion-lifecycle.ts';

export interface PolicyActor { userId: string; orgId: string; tenantId: string; roles: readonly string[]; permissions: ReadonlySet<string> }

const has = (a: PolicyActor, p: string) => a.permissions.has('*') || a.permissions.has(p);

/**
 * Any one of these opens the 社情民意 pages (my reports or the queue, 选题研判): the server's rule for its routes and
 * the permission the web's menu entries declare, so that the menu offers nobody a page that answers 403.
 */
export const opinionUsePermissions = ['opinion.submit', 'opinion.read_all', 'opinion.edit', 'opinion.sign'] as const;

export function canUseOpinions(a: PolicyActor): boolean {
  return opinionUsePermissions.some((p) => has(a, p));
}

export function canSeeReport(r: Pick<ReportRecord, 'tenant_id' | 'submitter_user_id'> & { source_report_id?: unknown }, a: PolicyActor): boolean {
  if (r.tenant_id !== a.tenantId) return false;
  if (has(a, 'opinion.read_all')) return true;
  // a copy sent up carries its submitter for credit, but is the upper level's record
  return r.submitter_user_id === a.userId && !r.source_report_id;
}

/** May the actor edit the text now (editors while it is being handled; the submitter while it is returned)? */
export function canEditReport(r: Pick<ReportRecord, 'tenant_id' | 'submitter_user_id' | 'state'>, a: PolicyActor): boolean {
  if (r.tenant_id !== a.tenantId) return false;
  if (r.state === 'returned') return r.submitter_user_id === a.userId && has(a, 'opinion.submit');
  return ['submitted', 'accepted', 'verified'].includes(r.state) && has(a, 'opinion.edit');
}

/** Reports may be sent up once accepted (录用) and not yet sent. */
export function canSendUp(r: Pick<ReportRecord, 'tenant_id' | 'state'> & { sent_up_at?: unknown }, a: PolicyActor): boolean {
  return r.tenant_id === a.tenantId && has(a, 'opinion.edit') && !r.sent_up_at && ['accepted', 'verified', 'compiled', 'reported'].includes(r.state);
}

export function canRecordEvent(r: Pick<ReportRecord, 'tenant_id' | 'state'>, a: PolicyActor): boolean {
  return r.tenant_id === a.tenantId && has(a, 'opinion.edit') && ['accepted', 'verified', 'compiled', 'reported'].includes(r.state);
}
