/**
 * 重点提案, 优秀提案 and 跨年度跟踪: the office proposes key-proposal candidates and the chair's meeting (a leader)
 * decides, naming supervising leaders (领衔督办) and a supervision plan; progress notes and meetings follow. Excellent
 * proposals are chosen among answered ones. Pure rules, no I/O.
 */

/** 重点提案 status: 候选 (proposed by the office) → 重点 (decided) or 未选定. */
export const keyStatuses = ['candidate', 'key', 'declined'] as const;
export type KeyStatus = (typeof keyStatuses)[number];
export const keyStatusLabels: Record<KeyStatus, string> = { candidate: '重点提案候选', key: '重点提案', declined: '未列为重点' };

/** 督办记录 kinds: 进展 / 督办会 / 视察调研. */
export const supervisionKinds = ['progress', 'meeting', 'inspection'] as const;
export type SupervisionKind = (typeof supervisionKinds)[number];
export const supervisionKindLabels: Record<SupervisionKind, string> = { progress: '办理进展', meeting: '督办会', inspection: '视察调研' };

interface Who { userId: string; orgId: string; tenantId: string; roles: readonly string[]; permissions: ReadonlySet<string> }
interface Rec { tenant_id: string; state: string; filed_at?: unknown; key_status?: unknown; lead_unit_id: string | null; replied_at?: unknown }
const has = (a: Who, p: string) => a.permissions.has('*') || a.permissions.has(p);

/** Filed and not yet finished: the office may propose it as a key proposal. */
export function canNominateKey(r: Rec, a: Who): boolean {
  return has(a, 'proposal.review') && r.tenant_id === a.tenantId && !!r.filed_at && r.state !== 'closed' && (r.key_status ?? null) !== 'candidate' && (r.key_status ?? null) !== 'key';
}

/** The chair's meeting (a leader with the right) decides a candidate. */
export function canDecideKey(r: Rec, a: Who): boolean {
  return has(a, 'proposal.key_decide') && r.tenant_id === a.tenantId && r.key_status === 'candidate';
}

/** Supervising leaders, the office and the lead unit record progress on a key proposal. */
export function canAddSupervisionNote(r: Rec, a: Who, leaderIds: readonly string[]): boolean {
  if (r.key_status !== 'key' || r.tenant_id !== a.tenantId) return false;
  return leaderIds.includes(a.userId) || has(a, 'proposal.review') || (r.lead_unit_id === a.orgId && has(a, 'proposal.handle'));
}

/** 优秀提案 are chosen among proposals whose reply has been released. */
export function canMarkExcellent(r: Rec, a: Who): boolean {
  return has(a, 'proposal.review') && r.tenant_id === a.tenantId && !!r.replied_at;
}
