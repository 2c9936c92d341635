/**
 * Fires one lifecycle action on a proposal through the kernel's unit of work (one transaction: version check,
 * history, work item, audit, events in the outbox), with the proposal's own effects of each action:
 * numbering on 立案, units on 交办, deadlines on 签收 and 延期, reply fields on 答复, links on 并案.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { isUniqueViolation } from '../../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { AppError, invalid, notFound } from '../../../../kernel/universal/errors.ts';
import { chinaToday } from '../../../../kernel/universal/working-days.ts';
import { proposalLifecycle, type TransitionInput } from '../../domain/proposal-lifecycle.ts';
import { canSeeProposal } from '../../domain/proposal-policy.ts';
import { formatNumber, stampSubmission } from '../../domain/proposal-session.ts';
import type { ProposalSettings } from '../../domain/proposal-settings.ts';
import { findOrg, tenantUsersHoldingRoles, usersHoldingRoles } from '../directory.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import { cancelAssignments, openAssignments } from '../assignments.ts';
import type { Satisfaction } from '../../contract.ts';
import { aggregateSatisfaction, evaluatorsOf, pendingEvaluators } from '../../domain/proposal-evaluation.ts';
import { closeCosignTasks } from './confirm-cosign.ts';
import { findProposal, loadFacts, nextNumberSeq, type ProposalRow } from '../proposal-repository.ts';
import { proposalSpec } from '../proposal-spec.ts';
import { readProposalSettings } from '../settings.ts';
import { consentConversion, emitConversion, offerConversion, refuseConversion } from '../conversion.ts';
import type { Work } from '../../../../kernel/server/unit-of-work.ts';
import type { DomainEvent } from '../../../../kernel/server/events.ts';
import { clock } from '../../../../kernel/universal/clock.ts';
import { proposalDb, type ProposalDb } from '../tables.ts';

export interface FireInput { id: string; action: string; version: number; input: TransitionInput; actor: Actor; ip?: string }

type Effect = (c: { ctx: ModuleContext; w: Work; trx: ProposalDb; record: ProposalRow; input: TransitionInput; actor: Actor; now: string; settings: ProposalSettings }) =>
  Promise<Record<string, unknown>> | Record<string, unknown>;

async function unitOrThrow(trx: ProposalDb, tenantId: string, id: string, field: string, label: string) {
  // inside the transition's transaction: on SQLite a query on another connection would wait for this one
  const o = await findOrg(trx, id);
  // units are assigned within the proposal's CPPCC only (the list queries rely on it)
  if (!o || o.kind !== 'gov_unit' || o.tenantId !== tenantId) throw invalid(field, label, '不是本级的承办单位');
  return o;
}

/** 交办 / 重新交办: the lead unit and the co-handling (会办) or split (分办) units, each of those with its own 承办任务. */
const assignUnits: Effect = async ({ ctx, w, trx, record, input, now, actor, settings }) => {
  const lead = await unitOrThrow(trx, record.tenant_id, input.leadUnitId!, 'leadUnitId', '「主办单位」');
  const others = [];
  for (const u of [...new Set(input.coUnitIds ?? [])]) others.push(await unitOrThrow(trx, record.tenant_id, u, 'coUnitIds', '「会办（分办）单位」'));
  await trx.deleteFrom('proposal_units').where('proposal_id', '=', record.id).execute();
  const role = input.mode === 'split' ? 'split' : 'co';
  await trx.insertInto('proposal_units').values([
    { proposal_id: record.id, unit_id: lead.id, tenant_id: record.tenant_id, unit_name: lead.name, role: 'lead', created_at: now },
    ...others.map((o) => ({ proposal_id: record.id, unit_id: o.id, tenant_id: record.tenant_id, unit_name: o.name, role, created_at: now })),
  ]).execute();
  await cancelAssignments(w, record.id, now);
  if (others.length) await openAssignments(w, { record, units: others, role, actor, now, deadlines: settings.deadlines, calendar: ctx.calendar });
  return { lead_unit_id: lead.id, lead_unit_name: lead.name, handling_mode: input.mode, due_date: null, units_pending: role === 'split' ? others.length : 0 };
};

const startHandling: Effect = ({ ctx, settings }) => ({ due_date: ctx.calendar.addWorkingDays(ctx.calendar.today(), settings.deadlines.handle) });

/** The evaluation work items (待评价) are one per proposer, beside the runner's own task, under this entity type. */
export const evaluationEntity = 'proposal-evaluation';

const titleOf = (r: ProposalRow) => (r.number ? `${r.number} ${r.title}` : r.title);
const roundOf = (r: ProposalRow) => Math.max(1, Number(r.reply_round ?? 0));

/** Close the 待评价 work items of the proposal (only one person's, when `userId` is given). */
async function closeEvaluationTasks(w: Work, proposalId: string, userId?: string) {
  await w.closeTasks(evaluationEntity, proposalId, userId ? { userId } : {});
}

/** Keep one person's rating of the current reply, with whether they are the first proposer, a co-signer or a merged proposer. */
async function recordRating(trx: ProposalDb, record: ProposalRow, actor: Actor, satisfaction: Satisfaction, comment: string | undefined, now: string) {
  const co = record.proposer_user_id === actor.userId ? null
    : await trx.selectFrom('proposal_cosigners').select('kind').where('proposal_id', '=', record.id).where('user_id', '=', actor.userId).executeTakeFirst();
  await trx.insertInto('proposal_evaluations').values({
    id: newId(), tenant_id: record.tenant_id, proposal_id: record.id, round: roundOf(record), user_id: actor.userId, user_name: actor.displayName,
    evaluator_kind: co ? (co.kind === 'merged' ? 'merged' : 'cosigner') : 'proposer', satisfaction, comment: comment || null, created_at: now,
  }).execute();
}

/** The proposal's satisfaction from every rating of the current reply. */
async function roundSatisfaction(trx: ProposalDb, record: ProposalRow): Promise<Satisfaction | null> {
  const rows = await trx.selectFrom('proposal_evaluations').select('satisfaction').where('proposal_id', '=', record.id).where('round', '=', roundOf(record)).execute();
  return aggregateSatisfaction(rows.map((r: any) => r.satisfaction as Satisfaction));
}

const effects: Record<string, Effect> = {
  submit: ({ record, now, settings }) => {
    const stamp = stampSubmission(chinaToday(new Date(now)), settings.sessionCalendar);
    return { year: stamp.year, session_label: stamp.sessionLabel, category: stamp.category, submitted_at: record.submitted_at ?? now };
  },
  file: async ({ trx, record, input, now }) => {
    const seq = await nextNumberSeq(trx, record.tenant_id, record.year);
    return { number_seq: seq, number: formatNumber(seq), filed_at: now, ...(input.isKey !== undefined ? { is_key: input.isKey ? 1 : 0 } : {}) };
  },
  /** 不予立案, optionally offering 转社情民意 / 转参考件 to the proposer (who consents or refuses) */
  not_file: async ({ ctx, w, record, input, actor, settings }) => ({
    not_filed_reason: input.reasonCode,
    ...(input.convertTo ? await offerConversion(ctx, w, record, input.convertTo, actor, settings.deadlines.revise) : {}),
  }),
  /** a withdrawn draft asks no one to co-sign any more (待确认联名 closes) */
  withdraw: async ({ w, record }) => { await closeCosignTasks(w, record.id); return {}; },
  consent_conversion: ({ w, record, now }) => consentConversion(w, record, now),
  refuse_conversion: ({ w, record }) => refuseConversion(w, record),
  /** 并案: the proposer of the merged proposal keeps credit on the target and is answered with it (并案办理、分别答复). */
  merge: async ({ trx, record, input }) => {
    const target = await findProposal(trx, input.targetId!);
    if (!target || target.tenant_id !== record.tenant_id) throw invalid('targetId', '「并入提案」', '不存在');
    if (['draft', 'returned', 'withdrawn', 'not_filed', 'merged'].includes(target.state)) throw invalid('targetId', '「并入提案」', `处于「${proposalLifecycle.states[target.state].label}」状态，不能并入`);
    const people = [{ id: record.proposer_user_id, name: record.proposer_name }];
    const cos = await trx.selectFrom('proposal_cosigners').select(['user_id', 'name']).where('proposal_id', '=', record.id).execute();
    for (const c of cos as any[]) people.push({ id: c.user_id, name: c.name });
    const already = new Set((await trx.selectFrom('proposal_cosigners').select('user_id').where('proposal_id', '=', target.id).execute()).map((r: any) => r.user_id));
    already.add(target.proposer_user_id);
    const add = people.filter((p) => !already.has(p.id) && (already.add(p.id), true));
    if (add.length) {
      await trx.insertInto('proposal_cosigners').values(add.map((p) => ({
        proposal_id: target.id, user_id: p.id, tenant_id: target.tenant_id, name: p.name, kind: 'merged', confirmed_at: clock.iso(),
      }))).execute();
    }
    return { merged_into_id: target.id };
  },
  assign: assignUnits,
  reassign: assignUnits,
  sign: startHandling,
  reject_objection: startHandling,
  request_extension: ({ input, settings }) => ({ extension_days: input.extensionDays ?? settings.deadlines.extension }),
  approve_extension: ({ ctx, record, settings }) => {
    const from = record.due_date && record.due_date > ctx.calendar.today() ? record.due_date : ctx.calendar.today();
    return { due_date: ctx.calendar.addWorkingDays(from, Number(record.extension_days ?? settings.deadlines.extension)), extension_days: null };
  },
  reject_extension: () => ({ extension_days: null }),
  /**
   * 答复: with 签发 required the draft waits for the unit's leader (no signer yet); without, the reply leaves the unit now.
   * 答复并签发 / 签发: the leader's name and time are kept (签发人, 签发时间); the reply leaves the unit (报出) at that moment.
   */
  reply: ({ input, now, settings }) => ({
    reply_class: input.replyClass, reply_text: input.replyText, signer_id: null, signer_name: null, signed_at: null,
    ...(settings.replySignOff ? {} : { reply_sent_at: now }),
  }),
  reply_sign: ({ input, actor, now }) => ({
    reply_class: input.replyClass, reply_text: input.replyText, signer_id: actor.userId, signer_name: actor.displayName, signed_at: now, reply_sent_at: now,
  }),
  sign_off: ({ actor, now }) => ({ signer_id: actor.userId, signer_name: actor.displayName, signed_at: now, reply_sent_at: now }),
  /** 退回答复: the unit answers again, and its leader signs the new reply */
  reject_reply: () => ({ signer_id: null, signer_name: null, signed_at: null }),
  /** 督办审核 may change the reply class before release */
  /** the reply goes to every proposer: each gets a 待评价 work item, due at the end of the evaluation window */
  release: async ({ ctx, w, trx, record, input, actor, now, settings }) => {
    const cos = await trx.selectFrom('proposal_cosigners').select(['user_id', 'confirmed_at']).where('proposal_id', '=', record.id).execute();
    const who = evaluatorsOf(record.proposer_user_id, cos as Array<{ user_id: string; confirmed_at: string | null }>);
    const due = ctx.calendar.addWorkingDays(ctx.calendar.today(), settings.deadlines.evaluate);
    await closeEvaluationTasks(w, record.id);
    // each proposer is told of their 待评价 by the task.opened event
    for (const u of who) {
      await w.openTask({
        tenantId: record.tenant_id, entityType: evaluationEntity, entityId: record.id, recordType: 'proposal', state: 'replied',
        title: titleOf(record), label: '待评价', userId: u, dueDate: due, actor,
      });
    }
    // the released reply is kept apart from the unit's later drafts (a re-handling's new reply is a draft until released)
    const replyClass = input.replyClass ?? record.reply_class;
    return {
      reply_class: replyClass, released_class: replyClass, released_text: record.reply_text, replied_at: now, satisfaction: null,
      evaluators_pending: JSON.stringify(who), reply_round: Number(record.reply_round ?? 0) + 1,
    };
  },
  /** one proposer rates while others have still to */
  rate: async ({ w, trx, record, input, actor, now }) => {
    await recordRating(trx, record, actor, input.satisfaction!, input.comment, now);
    await closeEvaluationTasks(w, record.id, actor.userId);
    return { evaluators_pending: JSON.stringify(pendingEvaluators(record).filter((u) => u !== actor.userId)) };
  },
  /** the last proposer rates: the proposal closes with the least satisfied rating of the round */
  evaluate: async ({ w, trx, record, input, actor, now }) => {
    await recordRating(trx, record, actor, input.satisfaction!, input.comment, now);
    await closeEvaluationTasks(w, record.id);
    return { satisfaction: await roundSatisfaction(trx, record), evaluators_pending: '[]' };
  },
  /** any proposer's 不满意 sends it back to the unit, with the leaders' attention */
  request_rehandle: async ({ w, ctx, trx, record, input, actor, now, settings }) => {
    await recordRating(trx, record, actor, 'unsatisfied', input.comment || input.reason, now);
    await closeEvaluationTasks(w, record.id);
    return {
      satisfaction: 'unsatisfied', evaluators_pending: '[]', leader_attention: 1,
      due_date: ctx.calendar.addWorkingDays(ctx.calendar.today(), settings.deadlines.rehandle),
    };
  },
  /** 二次交办: a B-class answer is handled again in a later year by the same lead unit, until the office closes it */
  follow_up: async ({ w, ctx, record }) => {
    await closeEvaluationTasks(w, record.id);
    return { follow_up_year: Number(ctx.calendar.today().slice(0, 4)), follow_up_count: Number(record.follow_up_count ?? 0) + 1, due_date: null, evaluators_pending: null };
  },
  /** 办结 by the office when the evaluation window has passed: the ratings given so far make the satisfaction */
  close: async ({ w, trx, record }) => {
    await closeEvaluationTasks(w, record.id);
    return { satisfaction: await roundSatisfaction(trx, record), evaluators_pending: '[]' };
  },
};

export async function fireTransition(ctx: ModuleContext, req: FireInput): Promise<ProposalRow> {
  const row = await findProposal(ctx.db, req.id);
  const facts = row ? await loadFacts(ctx.db, req.id) : null;
  if (!row || !facts || !canSeeProposal(row, req.actor, facts)) throw notFound('提案');
  const read = await readProposalSettings(ctx, row.tenant_id);
  // 承办单位无签发人: a clerk's reply that would wait for a leader the unit does not have (setting proposals.noSigner)
  const noSigner = read.replySignOff && req.action === 'reply' && row.state !== 'reply_signoff' && !!row.lead_unit_id
    && (await usersHoldingRoles(ctx.db, [row.lead_unit_id], ['unit_leader'])).length === 0;
  const settings = noSigner && read.noSigner === 'office_check' ? { ...read, replySignOff: false } : read;
  const input = req.input as Record<string, unknown>;
  // the unit of work the transition runs in, for effects that open or close side tasks
  let current: Work | undefined;
  const work = () => { if (!current) throw new Error('proposal effects run inside a unit of work'); return current; };
  const spec = proposalSpec(settings.deadlines, facts, async ({ trx, record, input: inp, actor, now, transition }) => {
    // the lifecycle has checked state, role, permission, guard, the action's input and its rules by now
    const effect = effects[transition.name];
    return effect ? effect({ ctx, w: work(), trx: proposalDb(trx), record, input: inp as TransitionInput, actor, now, settings }) : {};
  }, {
    followUpClasses: settings.followUpClasses, replySignOff: settings.replySignOff,
    replyClasses: settings.replyClasses.map((c) => c.code), notFiledReasons: settings.notFiledReasons.map((c) => c.code),
  });
  try {
    // one unit of work: the transition and the events it causes (search indexing, the unit suggestion's example, a
    // conversion to 社情民意) commit together, and the subscribers get them from the outbox
    return await ctx.uow.run(async (w) => {
      current = w;
      const res = await w.fire(spec, { id: req.id, action: req.action, expectedVersion: req.version, input, actor: req.actor, ip: req.ip });
      if (noSigner) await noSignerStep(ctx, w, res.record, read.noSigner, req.actor);
      // the office's 无签发人 work item ends when the reply leaves 待签发
      if (row.state === 'reply_signoff' && res.record.state !== 'reply_signoff') await w.closeTasks(noSignerEntity, row.id);
      await emitForText(w, res.record, req.action);
      if (req.action === 'consent_conversion') await emitConversion(w, res.record, req.actor);
      return res.record;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '提案编号已被同时占用，请重试');
    throw e;
  }
}

/** The proposal office's work item 「承办单位无签发人」 on a proposal (opens the proposal). */
export const noSignerEntity = 'proposal-no-signer';

/**
 * A reply sent by a unit with no one who can sign it off: either the office is given a work item saying so (the reply
 * waits in 待签发 until the unit has a leader account, who then finds it in their worklist), or the reply went to the
 * office's check without a signer, which the history says.
 */
async function noSignerStep(ctx: ModuleContext, w: Work, r: ProposalRow, mode: ProposalSettings['noSigner'], actor: Actor) {
  const unit = r.lead_unit_name ?? '承办单位';
  if (mode === 'notify_office') {
    await w.openTask({
      tenantId: r.tenant_id, entityType: noSignerEntity, entityId: r.id, recordType: 'proposal', state: r.state, title: titleOf(r),
      label: `${unit}无签发人`, orgId: r.tenant_id, role: 'proposal_staff',
      dueDate: ctx.calendar.addWorkingDays(ctx.calendar.today(), 1), actor,
    });
  }
  await w.record({
    tenantId: r.tenant_id, entityType: 'proposal', entityId: r.id, to: r.state, action: 'no_signer', actor,
    note: mode === 'notify_office' ? `${unit}没有可签发答复的单位领导账号，已通知提案委` : `${unit}没有可签发答复的单位领导账号，答复未经签发，转提案委审核`,
    data: { unitId: r.lead_unit_id, mode },
  });
}

/**
 * Tell the text module what it needs: a submitted proposal's text to index for similar-item search and hot topics
 * (text.index), and the unit a person chose on 交办 so the unit suggestion learns (text.assigned).
 */
async function emitForText(w: Work, r: ProposalRow, action: string): Promise<void> {
  const body = [r.background, r.analysis, r.suggestions].filter(Boolean).join('\n');
  if (action === 'submit') {
    await w.emit({
      type: 'text.index', tenantId: r.tenant_id, entityType: 'proposal', entityId: r.id,
      payload: { source: 'proposal', refId: r.id, title: r.title, body, createdAt: r.submitted_at ?? r.updated_at, ownerUserId: r.proposer_user_id, state: r.state },
    });
  }
  // a released reply (答复) is searchable too, by whoever may see the proposal
  if (action === 'release' && r.reply_text) {
    await w.emit({
      type: 'text.index', tenantId: r.tenant_id, entityType: 'proposal', entityId: r.id,
      payload: { source: 'reply', refId: r.id, title: r.title, body: r.reply_text, createdAt: r.updated_at, ownerUserId: r.proposer_user_id, state: r.state, unitId: r.lead_unit_id ?? null },
    });
  }
  if ((action === 'assign' || action === 'reassign') && r.lead_unit_id) {
    await w.emit({
      type: 'text.assigned', tenantId: r.tenant_id, entityType: 'proposal', entityId: r.id,
      payload: { text: `${r.title}\n${body}`, unitId: r.lead_unit_id },
    });
  }
}

/**
 * Delivered from the outbox after a proposal's transition: tell the 会办/分办 units their part, and after a 不满意 draw
 * the leaders' attention. Each person is told once per event. (Each proposer's 待评价 is a side task: its
 * task.opened event tells them.)
 */
export async function noticesAfterTransition(ctx: ModuleContext, e: DomainEvent): Promise<void> {
  if (!e.entityId) return;
  const r = await findProposal(ctx.db, e.entityId);
  if (!r) return;
  const action = String((e.payload as { action?: string }).action ?? '');
  await notifyAfter(ctx, r, action, String(e.actorId ?? ''), e.id ? `proposal:${e.id}` : undefined);
}

async function notifyAfter(ctx: ModuleContext, r: ProposalRow, action: string, actorId: string, key?: string): Promise<void> {
  const link = `/proposals/${r.id}`;
  if ((action === 'assign' || action === 'reassign') && r.handling_mode && r.handling_mode !== 'single') {
    const units = await proposalDb(ctx.db).selectFrom('proposal_assignments').select('unit_id').where('proposal_id', '=', r.id).where('state', '!=', 'cancelled').execute();
    const userIds = (await usersHoldingRoles(ctx.db, units.map((u: any) => u.unit_id), ['unit_handler', 'unit_leader'])).filter((u) => u !== actorId);
    if (userIds.length) {
      const what = r.handling_mode === 'split' ? '分办，请签收并直接答复提案人' : '会办，请在期限内向主办单位提交会办意见';
      await ctx.notifier.notify({ tenantId: r.tenant_id, userIds, key, kind: 'task', title: `新待办：${r.handling_mode === 'split' ? '分办' : '会办'}`, body: `「${titleOf(r)}」交由您单位${what}。`, link });
    }
  }
  if (action === 'request_rehandle') {
    const leaders = await tenantUsersHoldingRoles(ctx.db, r.tenant_id, ['leader']);
    const unitLeaders = r.lead_unit_id ? await usersHoldingRoles(ctx.db, [r.lead_unit_id], ['unit_leader']) : [];
    const userIds = [...new Set([...leaders, ...unitLeaders])].filter((u) => u !== actorId);
    if (userIds.length) {
      await ctx.notifier.notify({
        tenantId: r.tenant_id, userIds, key, kind: 'attention', title: '提案人不满意，重新办理',
        body: `「${titleOf(r)}」的提案人对答复不满意，已转${r.lead_unit_name ?? '承办单位'}重新办理，请关注督办。`, link,
      });
    }
  }
}
