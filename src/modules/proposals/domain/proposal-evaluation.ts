/**
 * 评价: every proposer (the first proposer, confirmed co-signers and proposers of merged proposals) rates the reply;
 * the proposal's satisfaction aggregates their ratings. 双向评议: the unit scores the proposal's quality and the
 * proposer scores the handling, back to back. Pure rules, no I/O.
 */
import { mutualSides, type Satisfaction } from '../contract.ts';

/** The evaluators who have not yet rated the current reply, from the proposal row (a JSON array of user ids). */
export function pendingEvaluators(r: { evaluators_pending?: unknown; proposer_user_id: string }): string[] {
  const v = r.evaluators_pending;
  if (typeof v !== 'string' || v === '') return [r.proposer_user_id];
  try {
    const ids = JSON.parse(v);
    return Array.isArray(ids) ? ids.map(String) : [r.proposer_user_id];
  } catch {
    return [r.proposer_user_id];
  }
}

/** 评价人: the first proposer first, then every confirmed co-signer (联名) and merged proposer (并案), without repeats. */
export function evaluatorsOf(proposerUserId: string, cosigners: ReadonlyArray<{ user_id: string; confirmed_at: string | null }>): string[] {
  const out = [proposerUserId];
  for (const c of cosigners) if (c.confirmed_at && !out.includes(c.user_id)) out.push(c.user_id);
  return out;
}

const rank: Record<Satisfaction, number> = { satisfied: 0, basically_satisfied: 1, unsatisfied: 2 };

/** The proposal's satisfaction: the least satisfied rating counts (any 不满意 makes it 不满意); null when nobody rated. */
export function aggregateSatisfaction(ratings: readonly Satisfaction[]): Satisfaction | null {
  if (!ratings.length) return null;
  return ratings.reduce((worst, r) => (rank[r] > rank[worst] ? r : worst));
}

/** 双向评议 sides: the proposer scores the handling (办理质量); the unit scores the proposal (提案质量). */
export { mutualSides };
export type MutualSide = (typeof mutualSides)[number];
export const mutualSideLabels: Record<MutualSide, string> = { handling: '办理质量（提案人评）', quality: '提案质量（承办单位评）' };

/** The grade of a 0–100 score: 优秀 ≥ 90, 良好 75–89, 一般 60–74, 较差 below 60. */
export function mutualGrade(score: number): '优秀' | '良好' | '一般' | '较差' {
  if (score >= 90) return '优秀';
  if (score >= 75) return '良好';
  if (score >= 60) return '一般';
  return '较差';
}

/** Which side the actor scores, if any: the first proposer scores the handling; the lead unit scores the proposal. */
export function mutualSideOf(r: { proposer_user_id: string; lead_unit_id: string | null }, a: { userId: string; orgId: string; roles: readonly string[] }): MutualSide | null {
  if (r.proposer_user_id === a.userId && a.roles.includes('member')) return 'handling';
  if (r.lead_unit_id && r.lead_unit_id === a.orgId && a.roles.some((x) => x === 'unit_handler' || x === 'unit_leader')) return 'quality';
  return null;
}

/**
 * 背靠背: a side's score is shown to the other party only once both are in; each party always sees its own, and the
 * proposal office (which organises the evaluation) sees both.
 */
export function mayViewScore(side: MutualSide, viewerSide: MutualSide | null, bothIn: boolean, isOffice: boolean): boolean {
  return isOffice || bothIn || side === viewerSide;
}

/** Scoring opens once a reply has been released and stays open until the office archives the year. */
export function mutualScoringOpen(r: { replied_at?: unknown; state: string }): boolean {
  return !!r.replied_at && ['replied', 'rehandle', 'closed', 'reply_check', 'reply_signoff', 'in_progress'].includes(r.state);
}
