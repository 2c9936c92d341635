/**
 * Demo 分办 and 会办 parts consistent with each proposal's state: a 分办 unit has signed and replied by the time the
 * lead's reply is in (the lead replies last), some still handling while the proposal is in progress; a 会办 unit has
 * sent its opinion to the lead before the reply. A 分办 reply is drafted by the unit's clerk the day before its leader
 * signs it off (签发人, 签发时间: the reply left the unit then). Each part gets its history and, while open, its work
 * item. A separate random sequence keeps the rest of the demo data exactly as before.
 */
import { openTaskRow } from '../../../kernel/server/workflow-runner.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { assignmentWorkflow, type AssignmentState } from '../domain/assignment-workflow.ts';
import { assignmentEntity } from './assignments.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';

type Row = Record<string, any>;

const answered = new Set(['reply_signoff', 'reply_check', 'replied', 'rehandle', 'closed']);
const handling = new Set(['in_progress', 'extension_requested']);

/** The state of one unit's part given the proposal's state. */
function partState(role: string, proposalState: string, rand: () => number): AssignmentState {
  if (role === 'split') return answered.has(proposalState) ? 'replied' : handling.has(proposalState) ? (rand() < 0.5 ? 'replied' : 'in_progress') : 'assigned';
  return answered.has(proposalState) ? 'opinion_submitted' : handling.has(proposalState) ? (rand() < 0.6 ? 'opinion_submitted' : 'opinion_pending') : 'opinion_pending';
}

/** Between two ISO stamps, a fraction of the way. */
function between(a: string, b: string, f: number): string {
  const x = Date.parse(a);
  const y = Math.max(x, Date.parse(b));
  return new Date(x + (y - x) * f).toISOString();
}

/** The 签发人 of a unit: its leader (a demo account where one exists). */
export type SignerOf = (unitId: string) => { id: string; name: string };
const defaultSigner = (name: string): { id: string; name: string } => ({ id: 'seed', name: `${name}分管领导` });

export function seedAssignments(ctx: ModuleContext, proposals: Row[], unitRows: Row[], signerOf?: SignerOf): { assignments: Row[]; history: Row[]; tasks: Row[] } {
  const rand = seededRandom(20_250_546);
  const byProposal = new Map<string, Row[]>();
  for (const u of unitRows) if (u.role !== 'lead') (byProposal.get(u.proposal_id) ?? byProposal.set(u.proposal_id, []).get(u.proposal_id)!).push(u);
  const assignments: Row[] = [];
  const history: Row[] = [];
  const tasks: Row[] = [];
  for (const p of proposals) {
    const units = byProposal.get(p.id);
    if (!units?.length) continue;
    const title = p.number ? `${p.number} ${p.title}` : p.title;
    // the parts run from assignment to the lead's reply (or now, while handling)
    const from = units[0].created_at as string;
    const until = (p.state === 'reply_check' || answered.has(p.state)) ? (p.replied_at ?? p.updated_at) : p.updated_at;
    let pending = 0;
    for (const u of units) {
      const state = partState(u.role, p.state, rand);
      const id = newId();
      const signedAt = u.role === 'split' && state !== 'assigned' ? between(from, until, 0.05 + rand() * 0.1) : null;
      const doneAt = state === 'replied' || state === 'opinion_submitted' ? between(from, until, 0.5 + rand() * 0.4) : null;
      const row: Row = {
        id, tenant_id: p.tenant_id, proposal_id: p.id, unit_id: u.unit_id, unit_name: u.unit_name, role: u.role, title,
        reply_class: state === 'replied' ? (p.reply_class ?? (rand() < 0.7 ? 'A' : 'B')) : null,
        reply_text: state === 'replied' ? `${u.unit_name}关于${String(p.title).replace(/^关于/, '')}（分办部分）的答复：经研究，我单位职责范围内的事项办理情况如下……` : null,
        opinion: state === 'opinion_submitted' ? `${u.unit_name}会办意见：同意主办单位的办理方案，我单位将在职责范围内配合做好相关工作。` : null,
        due_date: null, signed_at: signedAt, done_at: doneAt, state, version: 1, created_at: from, updated_at: doneAt ?? signedAt ?? from,
        signer_id: null, signer_name: null, signed_off_at: null, reply_sent_at: null,
      };
      // 分办 replies: drafted a day before the sign-off (never before the unit signed for its part), without a draw
      const signer = state === 'replied' ? (signerOf?.(u.unit_id) ?? defaultSigner(u.unit_name)) : null;
      const draftedAt = signer ? new Date(Math.max(Date.parse(signedAt ?? from), Date.parse(doneAt!) - 86_400_000)).toISOString() : null;
      if (signer) Object.assign(row, { signer_id: signer.id, signer_name: signer.name, signed_off_at: doneAt, reply_sent_at: doneAt });
      if (u.role === 'split' && state !== 'replied') pending++;
      const steps: Array<[string | null, string, string, string]> = [[null, u.role === 'split' ? 'assigned' : 'opinion_pending', 'create', from]];
      if (signedAt) steps.push(['assigned', 'in_progress', 'sign', signedAt]);
      if (state === 'replied') steps.push(['in_progress', 'reply_signoff', 'reply', draftedAt!], ['reply_signoff', 'replied', 'sign_off', doneAt!]);
      if (state === 'opinion_submitted') steps.push(['opinion_pending', 'opinion_submitted', 'submit_opinion', doneAt!]);
      row.version = steps.length;
      const actorName = `${u.unit_name}经办人`;
      for (const [fromState, to, action, at] of steps) {
        history.push({
          id: newId(), tenant_id: p.tenant_id, entity_type: assignmentEntity, entity_id: id, from_state: fromState, to_state: to, action,
          actor_id: action === 'sign_off' ? signer!.id : 'seed', actor_name: action === 'create' ? '提案委' : action === 'sign_off' ? signer!.name : actorName,
          actor_org_id: action === 'create' ? p.tenant_id : u.unit_id,
          note: null, data: action === 'reply' ? JSON.stringify({ replyClass: row.reply_class }) : null, at,
        });
      }
      const since = (row.updated_at as string).slice(0, 10);
      const task = openTaskRow(assignmentWorkflow, row as any, ctx.calendar, { title, since, now: row.updated_at });
      if (task) { row.due_date = task.due_date; tasks.push(task); }
      assignments.push(row);
    }
    p.units_pending = pending;
  }
  return { assignments, history, tasks };
}
