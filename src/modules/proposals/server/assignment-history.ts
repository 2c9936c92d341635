/**
 * What the 提案 module tells the unit suggestion (智能交办) about its records, as its manifest declares them: the
 * proposals a person assigned (交办), with their text and lead unit, and the proposals merged together (并案).
 */
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { AssignedText } from '../../../kernel/server/contributions.ts';
import { proposalDb } from './tables.ts';

/**
 * States a proposal's lead unit (主办单位) stands in once assigned; 申请调整 (objected) is left out: the unit
 * disputes the choice, and 重新交办 decides again.
 */
const ASSIGNED_STATES = ['assigned', 'in_progress', 'extension_requested', 'reply_signoff', 'reply_check', 'replied', 'rehandle', 'closed'];

/** The text a proposal is learned from: its title and body, as the 交办 event carries it. */
export const assignmentText = (r: { title: string; background: string | null; analysis: string | null; suggestions: string | null }) =>
  `${r.title}\n${[r.background, r.analysis, r.suggestions].filter(Boolean).join('\n')}`;

/** 交办记录: the tenant's assigned proposals with their current lead unit, in a stable order. */
export async function proposalAssignmentHistory(anyDb: AnyModuleDb, tenantId: string): Promise<AssignedText[]> {
  const rows = await proposalDb(anyDb).selectFrom('proposals')
    .select(['id', 'title', 'background', 'analysis', 'suggestions', 'lead_unit_id'])
    .where('tenant_id', '=', tenantId).where('lead_unit_id', 'is not', null).where('state', 'in', ASSIGNED_STATES)
    .orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, text: assignmentText(r), unitId: r.lead_unit_id! }));
}

/** 并案: the proposal, the one it was merged into and every proposal merged into either (followed a few steps). */
export async function mergedWith(anyDb: AnyModuleDb, id: string): Promise<string[]> {
  const db = proposalDb(anyDb);
  const group = new Set([id]);
  let frontier = [id];
  for (let step = 0; step < 4 && frontier.length; step++) {
    const rows = await db.selectFrom('proposals').select(['id', 'merged_into_id'])
      .where((eb) => eb.or([eb('id', 'in', frontier), eb('merged_into_id', 'in', frontier)])).execute();
    const next: string[] = [];
    for (const r of rows) {
      for (const x of [r.id, r.merged_into_id]) if (x && !group.has(x)) { group.add(x); next.push(x); }
    }
    frontier = next;
  }
  return [...group];
}
