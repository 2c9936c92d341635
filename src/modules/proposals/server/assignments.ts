/**
 * 承办任务 of 分办 and 会办 units: opened with 交办 inside the proposal's transaction, cancelled by 重新交办, and moved
 * through their own small workflow by the kernel's runner (version check, history, work item, audit, event).
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import type { WorkingCalendar } from '../../../kernel/server/calendar.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { workOf, type Work } from '../../../kernel/server/unit-of-work.ts';
import { AppError, forbidden, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { allowedActions } from '../../../kernel/universal/workflow.ts';
import { unitRoleLabels, type AssignmentEntry, type UnitRole } from '../contract.ts';
import {
  assignmentStateLabel, buildAssignmentWorkflow, initialAssignmentState, openAssignmentStates, replySentActions, type AssignmentRecord,
} from '../domain/assignment-workflow.ts';
import type { ProposalDeadlines } from '../domain/proposal-lifecycle.ts';
import { canSeeProposal } from '../domain/proposal-policy.ts';
import type { ProposalDb } from './tables.ts';
import { findProposal, loadFacts, type ProposalRow } from './proposal-repository.ts';
import { readProposalSettings } from './settings.ts';
import { usersHoldingRoles } from './directory.ts';
import { handlingStates } from './stat-conditions.ts';

type Db = ProposalDb;
export const assignmentEntity = 'proposal_assignment';

export interface AssignmentRow extends AssignmentRecord {
  unit_name: string;
  title: string;
  reply_class: string | null;
  reply_text: string | null;
  opinion: string | null;
  due_date: string | null;
  /** 签收 */
  signed_at: string | null;
  done_at: string | null;
  /** 签发人 and 签发时间 of the unit's current reply (分办单位领导签发) */
  signer_id: string | null;
  signer_name: string | null;
  signed_off_at: string | null;
  /** when the unit's reply left it (报出): the sign-off, or the sending where no sign-off is required */
  reply_sent_at: string | null;
}

/**
 * 交办: one 承办任务 per 分办 or 会办 unit, in the proposal's unit of work: the part, its history entry, audit record and
 * `proposal_assignment.transitioned` event (which tells the unit's handlers of their new work item), and its work item.
 */
export async function openAssignments(trxOrWork: Transaction<any> | Work, p: { record: ProposalRow; units: Array<{ id: string; name: string }>; role: 'split' | 'co'; actor: Actor; now: string; deadlines: ProposalDeadlines; calendar: WorkingCalendar }) {
  const w = workOf(trxOrWork);
  const wf = buildAssignmentWorkflow(p.deadlines);
  const spec = { workflow: wf, titleOf: (r: AssignmentRow) => r.title } as unknown as WorkflowSpec<AssignmentRow>;
  const title = p.record.number ? `${p.record.number} ${p.record.title}` : p.record.title;
  for (const u of p.units) {
    const state = initialAssignmentState(p.role);
    const task = wf.states[state].task!;
    const due = p.calendar.addWorkingDays(p.calendar.today(), task.dueInWorkingDays!);
    const id = newId();
    const part = {
      id, tenant_id: p.record.tenant_id, proposal_id: p.record.id, unit_id: u.id, unit_name: u.name, role: p.role, title,
      reply_class: null, reply_text: null, opinion: null, due_date: due, signed_at: null, done_at: null,
      signer_id: null, signer_name: null, signed_off_at: null, reply_sent_at: null, state, version: 1, created_at: p.now, updated_at: p.now,
    };
    await w.trx.insertInto('proposal_assignments').values(part).execute();
    // the part's work item first: the event's subscriber reads it for the notice (待签收 / 待提交会办意见 and its due date)
    await w.openStateTask(spec, part as unknown as AssignmentRow);
    await w.record({
      tenantId: p.record.tenant_id, entityType: assignmentEntity, entityId: id, from: null, to: state, action: 'create', actor: p.actor,
      audit: { data: { state, proposalId: p.record.id, unitId: u.id, role: p.role } },
      event: { title, version: 1, audience: { orgIds: [u.id], roles: [task.role] } },
    });
  }
}

/** 重新交办: the earlier units' open parts are cancelled (作废), each with its history entry, audit record and event, and their work items closed. */
export async function cancelAssignments(trxOrWork: Transaction<any> | Work, proposalId: string, now: string, actor?: Actor) {
  const w = workOf(trxOrWork);
  const open = await w.trx.selectFrom('proposal_assignments').select(['id', 'tenant_id', 'state', 'version', 'title']).where('proposal_id', '=', proposalId).where('state', 'in', [...openAssignmentStates]).execute();
  for (const r of open as Array<{ id: string; tenant_id: string; state: string; version: number; title: string }>) {
    await w.bumpVersion('proposal_assignments', r.id, Number(r.version), { state: 'cancelled', updated_at: now }, '承办任务');
    await w.closeTasks(assignmentEntity, r.id);
    const by = actor ?? w.actor;
    if (by) {
      await w.record({
        tenantId: r.tenant_id, entityType: assignmentEntity, entityId: r.id, from: r.state, to: 'cancelled', action: 'cancel', actor: by,
        note: '重新交办', event: { title: r.title, version: Number(r.version) + 1 },
      });
    }
  }
}

export async function listAssignments(db: Db, proposalId: string): Promise<AssignmentRow[]> {
  return (await db.selectFrom('proposal_assignments').selectAll().where('proposal_id', '=', proposalId).where('state', '!=', 'cancelled')
    .orderBy('created_at').orderBy('unit_name').execute()) as AssignmentRow[];
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentRow | undefined> {
  return (await db.selectFrom('proposal_assignments').selectAll().where('id', '=', id).executeTakeFirst()) as AssignmentRow | undefined;
}

/**
 * What the caller sees of each unit's part: the office and the lead unit see every reply and opinion; a unit sees its
 * own; the proposer sees the 分办 replies once the proposal's reply is released (会办意见 go to the lead only).
 */
export function presentAssignments(rows: AssignmentRow[], proposal: ProposalRow, actor: Actor, deadlines: ProposalDeadlines, replySignOff = true): AssignmentEntry[] {
  const wf = buildAssignmentWorkflow(deadlines, { replySignOff });
  const office = can(actor, 'proposal.read_all') && actor.tenantId === proposal.tenant_id;
  const lead = proposal.lead_unit_id === actor.orgId;
  const handling = (handlingStates as readonly string[]).includes(proposal.state);
  return rows.map((r) => {
    const own = r.unit_id === actor.orgId;
    const showReply = office || lead || own || (r.role === 'split' && !!proposal.replied_at);
    const showOpinion = office || lead || own;
    return {
      id: r.id, unitId: r.unit_id, unitName: r.unit_name, role: r.role as UnitRole, roleLabel: unitRoleLabels[r.role as UnitRole] ?? r.role,
      state: r.state, stateLabel: assignmentStateLabel(r.state), version: Number(r.version), dueDate: r.due_date ?? null,
      replyClass: showReply ? (r.reply_class ?? null) : null, replyText: showReply ? (r.reply_text ?? null) : null,
      opinion: showOpinion ? (r.opinion ?? null) : null, signedAt: r.signed_at ?? null, doneAt: r.done_at ?? null,
      signerName: showReply ? (r.signer_name ?? null) : null, signedOffAt: showReply ? (r.signed_off_at ?? null) : null,
      replyLetterUrl: showReply && mayHaveSplitLetter(r, proposal, actor) ? `/api/proposals/${proposal.id}/assignments/${r.id}/reply-letter.docx` : null,
      actions: handling ? allowedActions(wf, r.state, { record: r, actor }).filter(() => can(actor, 'proposal.handle')) : [],
    };
  });
}

/**
 * Who may have a 分办 unit's own reply as a letter (分办答复函), by the rule of the lead's letter: the unit itself and
 * the office as soon as a draft has text; anyone else who sees the proposal (the lead unit, the proposer, co-signers,
 * the public for a public proposal) once that unit's reply has left it (已答复) and the proposal's reply is released,
 * which is when the detail shows them 分办 replies at all.
 */
export function mayHaveSplitLetter(part: AssignmentRow, proposal: ProposalRow, actor: Actor): boolean {
  if (part.role !== 'split' || !part.reply_text) return false;
  const released = part.state === 'replied' && !!proposal.replied_at;
  return released || part.unit_id === actor.orgId || (can(actor, 'proposal.read_all') && actor.tenantId === proposal.tenant_id);
}

/**
 * A 分办 part and its proposal for the reply letter: a proposal the actor may not see, or a part of another proposal, is
 * not found; a 会办 part has no reply of its own (409 CONFLICT); a part with no reply yet, or one not yet released to
 * this reader, is 409 INVALID_TRANSITION 「这个单位还没有答复」 (so a draft's existence leaks to no one).
 */
export async function splitReplyForLetter(db: Db, proposalId: string, assignmentId: string, actor: Actor): Promise<{ proposal: ProposalRow; part: AssignmentRow & { reply_text: string } }> {
  const proposal = await findProposal(db, proposalId);
  const facts = proposal ? await loadFacts(db, proposalId) : null;
  if (!proposal || !facts || !canSeeProposal(proposal, actor, facts)) throw notFound('提案');
  const part = await findAssignment(db, assignmentId);
  if (!part || part.proposal_id !== proposal.id || part.state === 'cancelled') throw notFound('承办任务');
  if (part.role !== 'split') {
    throw new AppError('CONFLICT', '「承办任务」是会办：会办单位向主办单位提交会办意见，没有自己的答复函', { field: 'assignmentId' });
  }
  if (!mayHaveSplitLetter(part, proposal, actor)) throw new AppError('INVALID_TRANSITION', '这个单位还没有答复');
  return { proposal, part: part as AssignmentRow & { reply_text: string } };
}

export interface AssignmentFire { proposalId: string; assignmentId: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }

/**
 * 分办 sign, reply and sign-off, 会办 opinion: one unit of work through the runner. A 分办 reply counts down the
 * proposal's pending units once it has left the unit: at the leader's sign-off (签发), or as sent when none is required.
 */
export async function fireAssignment(ctx: ModuleContext, req: AssignmentFire): Promise<void> {
  const proposal = await findProposal(ctx.db, req.proposalId);
  const facts = proposal ? await loadFacts(ctx.db, req.proposalId) : null;
  if (!proposal || !facts || !canSeeProposal(proposal, req.actor, facts)) throw notFound('提案');
  const a = await findAssignment(ctx.db, req.assignmentId);
  if (!a || a.proposal_id !== proposal.id) throw notFound('承办任务');
  if (!can(req.actor, 'proposal.handle')) throw forbidden('办理提案');
  if (!(handlingStates as readonly string[]).includes(proposal.state)) {
    throw new AppError('INVALID_TRANSITION', '提案当前不在办理阶段');
  }
  const settings = await readProposalSettings(ctx, proposal.tenant_id);
  // 承办单位无签发人 (setting proposals.noSigner), as for the lead unit: a 分办 clerk's reply that would wait for a leader
  // the unit does not have either waits with the office told, or leaves the unit unsigned for the office's check
  const noSigner = settings.replySignOff && req.action === 'reply' && a.role === 'split' && a.state !== 'reply_signoff'
    && (await usersHoldingRoles(ctx.db, [a.unit_id], ['unit_leader'])).length === 0;
  const replySignOff = settings.replySignOff && !(noSigner && settings.noSigner === 'office_check');
  // the reply's class is one of the tenant's 答复类别: the transition's own check
  const workflow = buildAssignmentWorkflow(settings.deadlines, { replySignOff, replyClasses: settings.replyClasses.map((c) => c.code) });
  const spec: WorkflowSpec<AssignmentRow> = {
    workflow,
    table: 'proposal_assignments',
    entityLabel: '承办任务',
    titleOf: (r) => r.title,
    // whoever may see the proposal (checked above) may see its units' parts; the guards say who may act
    canSee: (r, actor) => r.tenant_id === actor.tenantId && r.proposal_id === proposal.id,
    apply: async ({ trx, record, transition, input, actor, now }) => {
      if (transition.name === 'sign') return { signed_at: now, due_date: ctx.calendar.addWorkingDays(ctx.calendar.today(), settings.deadlines.handle) };
      if (transition.name === 'submit_opinion') return { opinion: input.opinion, done_at: now };
      const sent = transition.to === 'replied';
      if (sent) {
        await trx.updateTable('proposals')
          .set((eb) => ({ units_pending: eb('units_pending', '-', 1), version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', record.proposal_id).where('units_pending', '>', 0).execute();
      }
      const signer = { signer_id: actor.userId, signer_name: actor.displayName, signed_off_at: now };
      const noSigner = { signer_id: null, signer_name: null, signed_off_at: null };
      // the part is done when the reply leaves the unit; a new draft clears the signer, so a signer always belongs to the current reply
      if (transition.name === 'reply') return { reply_class: input.replyClass, reply_text: input.replyText, ...noSigner, done_at: sent ? now : null, reply_sent_at: sent ? now : null };
      if (transition.name === 'reply_sign') return { reply_class: input.replyClass, reply_text: input.replyText, ...signer, done_at: now, reply_sent_at: now };
      if (transition.name === 'sign_off') return { ...signer, done_at: now, reply_sent_at: now };
      return {};
    },
  };
  // one unit of work: the part's transition (version check, history, work item, audit, its event), the 无签发人 step,
  // and, when a 分办 reply leaves the unit, `proposal.unit_replied` in the outbox, committing together
  await ctx.uow.run(async (w) => {
    const fired = await w.fire(spec, { id: a.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
    if (noSigner) await partNoSignerStep(ctx, w, fired.record, settings.noSigner, req.actor);
    // the office's 无签发人 work item on this part ends when its reply leaves 待签发
    if (a.state === 'reply_signoff' && fired.to !== 'reply_signoff') await w.closeTasks(partNoSignerEntity, a.id);
    // the proposal's own version moved: lists and details read it again
    if (replySentActions.includes(req.action) && fired.to === 'replied') {
      await w.emit({
        type: 'proposal.unit_replied', tenantId: proposal.tenant_id, entityType: 'proposal', entityId: proposal.id, actorId: req.actor.userId,
        payload: { unitId: a.unit_id, assignmentId: a.id },
      });
    }
  });
}

/** The proposal office's work item 「…无签发人」 on a 分办 unit's part (opens the proposal the part belongs to). */
export const partNoSignerEntity = 'proposal_assignment-no-signer';

/**
 * A 分办 unit's reply with no one in the unit to sign it off (the lead unit's rule, setting `proposals.noSigner`):
 * with notify_office the office is given a work item naming the unit (the reply waits in 待签发 until the unit has a
 * leader account, who then finds it in their worklist); with office_check the reply left the unit unsigned and goes
 * with the proposal's reply to the office's check. The part's history says which.
 */
async function partNoSignerStep(ctx: ModuleContext, w: Work, part: AssignmentRow, mode: 'notify_office' | 'office_check', actor: Actor) {
  const unit = part.unit_name || '分办单位';
  if (mode === 'notify_office') {
    await w.openTask({
      tenantId: part.tenant_id, entityType: partNoSignerEntity, entityId: part.id, recordType: assignmentEntity, state: part.state, title: part.title,
      label: `${unit}无签发人`, orgId: part.tenant_id, role: 'proposal_staff',
      dueDate: ctx.calendar.addWorkingDays(ctx.calendar.today(), 1), actor,
    });
  }
  await w.record({
    tenantId: part.tenant_id, entityType: assignmentEntity, entityId: part.id, to: part.state, action: 'no_signer', actor,
    note: mode === 'notify_office' ? `${unit}没有可签发答复的单位领导账号，已通知提案委` : `${unit}没有可签发答复的单位领导账号，分办答复未经签发报出，由提案委审核`,
    data: { unitId: part.unit_id, mode },
  });
}
