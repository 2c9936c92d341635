/**
 * 优秀提案评选 rounds: create a year's round, nominate (office, handling unit or special committee, with a reason),
 * send the review list to the chair's meeting, record its decision on each nominee, and publish (通报), which marks the
 * confirmed proposals 优秀提案 with the year. Each command is one unit of work: the round moves through the kernel's
 * workflow runner (version check → 409, history, work items, audit, event), and publication marks the proposals and
 * emits their `proposal.excellent` events with it; a nomination bumps the round's version and is written with its
 * audit record and event.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { can } from '../../../../kernel/server/actor.ts';
import { ilike, isUniqueViolation } from '../../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../../kernel/server/workflow-runner.ts';
import { AppError, forbidden, invalid, notFound } from '../../../../kernel/universal/errors.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import { allowedActions } from '../../../../kernel/universal/workflow.ts';
import type { z } from 'zod';
import { canSeeProposal } from '../../domain/proposal-policy.ts';
import {
  checkDecisions, excellentRoundWorkflow, mayNominate, nominationSourceFor, nominationSourceLabels, nomineeStatusLabels, roundActionPermission, roundStateLabel,
  type ExcellentRoundRecord, type NominationSource, type NomineeStatus,
} from '../../domain/excellent-round.ts';
import type {
  ExcellentNominee, ExcellentRound, ExcellentRoundList, ExcellentRoundTransition, excellentNominateBody, excellentRoundCreate,
} from '../../domain/review-contract.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';
import { getOrg } from '../../../organizations/index.ts';
import { proposalDb } from '../tables.ts';

interface RoundRow extends ExcellentRoundRecord {
  title: string;
  meeting_date: string | null;
  meeting_note: string | null;
  notice: string | null;
  published_at: string | null;
}

const office = (a: Actor, tenantId: string) => a.tenantId === tenantId && can(a, 'proposal.read_all');

const spec = (apply?: WorkflowSpec<RoundRow>['apply']): WorkflowSpec<RoundRow> => ({
  workflow: excellentRoundWorkflow as WorkflowSpec<RoundRow>['workflow'],
  table: 'proposal_excellent_rounds',
  entityLabel: '优秀提案评选',
  titleOf: (r) => r.title,
  // every reader of the tenant sees a round (units and committees nominate into it); the guards say who acts
  canSee: (r, a) => r.tenant_id === a.tenantId,
  apply,
});

async function findRound(ctx: ModuleContext, id: string, actor: Actor): Promise<RoundRow> {
  const r = (await proposalDb(ctx.db).selectFrom('proposal_excellent_rounds').selectAll().where('id', '=', id).executeTakeFirst()) as RoundRow | undefined;
  if (!r || r.tenant_id !== actor.tenantId) throw notFound('优秀提案评选');
  return r;
}

export async function createRound(ctx: ModuleContext, actor: Actor, body: z.infer<typeof excellentRoundCreate>, ip?: string): Promise<string> {
  if (!can(actor, 'proposal.review')) throw forbidden('发起优秀提案评选');
  const title = body.title ?? `${body.year}年度优秀提案评选`;
  try {
    const r = await ctx.workflows.create(spec(), { id: newId(), tenant_id: actor.tenantId, year: body.year, title, meeting_date: null, meeting_note: null, notice: null, published_at: null } as any, actor, ip);
    return r.id;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${body.year} 年度已有优秀提案评选`, { field: 'year' });
    throw e;
  }
}

export async function nominate(ctx: ModuleContext, actor: Actor, roundId: string, body: z.infer<typeof excellentNominateBody>, ip?: string): Promise<void> {
  const round = await findRound(ctx, roundId, actor);
  const p = await findProposal(ctx.db, body.proposalId);
  const facts = p ? await loadFacts(ctx.db, body.proposalId) : null;
  if (!p || !facts || !canSeeProposal(p, actor, facts)) throw invalid('proposalId', '「提案」', '不存在');
  const who = nominationSourceFor(round, { ...p, unitIds: facts.unitIds }, actor);
  if ('refused' in who) {
    if (round.state !== 'nominating') throw new AppError('INVALID_TRANSITION', who.refused);
    throw forbidden(`推荐优秀提案（${who.refused}）`);
  }
  const source: NominationSource = who.source;
  const recommender = source === 'office' ? '提案委' : actor.orgId;
  const orgName = source === 'office' ? '提案委'
    : (await getOrg(ctx.db, actor.orgId))?.name ?? actor.displayName;
  const version = body.version ?? Number(round.version);
  try {
    await ctx.uow.run(async (w) => {
      await w.trx.insertInto('proposal_excellent_nominees').values({
        id: newId(), tenant_id: round.tenant_id, round_id: round.id, proposal_id: p.id, source, recommender_org_id: source === 'office' ? null : recommender,
        recommender_name: orgName, nominated_by: actor.userId, reason: body.reason, status: 'nominated', decision_note: null, created_at: w.now, updated_at: w.now,
      }).execute();
      // the round under the version read (or shown): one that moved on to review meanwhile takes no more nominations
      await w.bumpVersion('proposal_excellent_rounds', round.id, version, { updated_at: w.now }, '优秀提案评选');
      await w.audit({
        tenantId: round.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.excellent_nominated', entityType: 'proposal', entityId: p.id,
        data: { roundId: round.id, source }, ip,
      });
      await w.emit({
        type: 'proposal.excellent_nominated', tenantId: round.tenant_id, entityType: 'proposal', entityId: p.id, actorId: actor.userId,
        payload: { roundId: round.id, source, roundVersion: version + 1 },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '这件提案已在本次评选的提名中', { field: 'proposalId' });
    throw e;
  }
}

/** start_review / decide / publish through the runner. */
export async function fireRound(ctx: ModuleContext, actor: Actor, roundId: string, body: ExcellentRoundTransition, ip?: string): Promise<void> {
  const round = await findRound(ctx, roundId, actor);
  const perm = roundActionPermission[body.action];
  if (perm && !can(actor, perm)) throw forbidden(`「${excellentRoundWorkflow.transitions.find((t) => t.name === body.action)?.label ?? body.action}」`);
  const confirmed: Array<{ proposal_id: string; reason: string }> = [];
  const roundSpec = spec(async ({ trx, record, transition, now }) => {
    const nominees = await trx.selectFrom('proposal_excellent_nominees').select(['id', 'proposal_id', 'status', 'reason']).where('round_id', '=', record.id).execute();
    if (transition.name === 'start_review') {
      if (!nominees.length) throw invalid('action', '「操作」', '还没有任何提名，不能提交审定');
      return {};
    }
    if (transition.name === 'decide') {
      const decisions = body.decisions ?? [];
      const bad = checkDecisions(nominees.map((n: any) => n.id), decisions);
      if (bad) throw invalid('decisions', '「审定结果」', bad);
      if (body.meetingDate! > ctx.calendar.today()) throw invalid('meetingDate', '「主席会议日期」', '不能晚于今天');
      for (const d of decisions) {
        await trx.updateTable('proposal_excellent_nominees').set({ status: d.decision === 'confirm' ? 'confirmed' : 'dropped', decision_note: d.note ?? null, updated_at: now })
          .where('id', '=', d.nomineeId).execute();
      }
      return { meeting_date: body.meetingDate, meeting_note: body.meetingNote ?? null };
    }
    if (transition.name === 'publish') {
      for (const n of nominees as any[]) {
        if (n.status !== 'confirmed') continue;
        confirmed.push({ proposal_id: n.proposal_id, reason: n.reason });
        await trx.updateTable('proposals').set((eb) => ({ is_excellent: 1, excellent_year: record.year, excellent_reason: n.reason, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', n.proposal_id).execute();
      }
      return { notice: body.notice, published_at: now };
    }
    return {};
  });
  await ctx.uow.run(async (w) => {
    await w.fire(roundSpec, { id: round.id, action: body.action, expectedVersion: body.version, input: { ...body }, actor, ip });
    // each proposal marked 优秀 is an event of its own, committed with the publication
    for (const c of confirmed) {
      await w.emit({ type: 'proposal.excellent', tenantId: round.tenant_id, entityType: 'proposal', entityId: c.proposal_id, actorId: actor.userId, payload: { excellent: true, year: round.year } });
    }
  });
  if (body.action === 'publish' && confirmed.length) {
    const rows = await proposalDb(ctx.db).selectFrom('proposals').select(['id', 'number', 'title', 'proposer_user_id']).where('id', 'in', confirmed.map((c) => c.proposal_id)).execute();
    for (const r of rows as any[]) {
      await ctx.notifier.notify({ tenantId: round.tenant_id, userIds: [r.proposer_user_id], kind: 'proposal', title: '优秀提案', body: `您的提案「${r.number ?? ''} ${r.title}」被评为${round.year}年度优秀提案。`, link: `/proposals/${r.id}` });
    }
  }
}

async function nomineesOf(ctx: ModuleContext, round: RoundRow, actor: Actor): Promise<ExcellentNominee[]> {
  let q = proposalDb(ctx.db).selectFrom('proposal_excellent_nominees as n').innerJoin('proposals as p', 'p.id', 'n.proposal_id')
    .select(['n.id', 'n.proposal_id', 'n.source', 'n.recommender_name', 'n.recommender_org_id', 'n.reason', 'n.status', 'n.decision_note', 'n.created_at',
      'p.number', 'p.title', 'p.proposer_name', 'p.lead_unit_name', 'p.released_class', 'p.satisfaction'])
    .where('n.round_id', '=', round.id);
  // the office and the chair's meeting see the whole list; a unit or committee its own recommendations, and the result once published
  if (!office(actor, round.tenant_id)) {
    q = round.state === 'published'
      ? q.where((eb) => eb.or([eb('n.recommender_org_id', '=', actor.orgId), eb('n.status', '=', 'confirmed')]))
      : q.where('n.recommender_org_id', '=', actor.orgId);
  }
  const rows = await q.orderBy('n.created_at').execute();
  return rows.map((r: any) => ({
    id: r.id, proposalId: r.proposal_id, number: r.number ?? null, title: r.title, proposerName: r.proposer_name, leadUnitName: r.lead_unit_name ?? null,
    replyClass: r.released_class ?? null, satisfaction: r.satisfaction ?? null,
    source: r.source, sourceLabel: nominationSourceLabels[r.source as NominationSource] ?? r.source, recommenderName: r.recommender_name, reason: r.reason,
    status: r.status, statusLabel: nomineeStatusLabels[r.status as NomineeStatus] ?? r.status, decisionNote: r.decision_note ?? null, at: r.created_at,
  }));
}

function presentRound(r: RoundRow, actor: Actor) {
  return {
    id: r.id, year: Number(r.year), title: r.title, state: r.state as ExcellentRound['state'], stateLabel: roundStateLabel(r.state), version: Number(r.version),
    meetingDate: r.meeting_date ?? null, meetingNote: r.meeting_note ?? null, notice: r.notice ?? null, publishedAt: r.published_at ?? null,
    actions: allowedActions(excellentRoundWorkflow, r.state, { record: r, actor }).filter((a) => !roundActionPermission[a.name] || can(actor, roundActionPermission[a.name])),
    canNominate: mayNominate(r.state, actor),
  };
}

export async function roundDetail(ctx: ModuleContext, actor: Actor, id: string): Promise<ExcellentRound> {
  const r = await findRound(ctx, id, actor);
  return { ...presentRound(r, actor), nominees: await nomineesOf(ctx, r, actor) };
}

export async function listRounds(ctx: ModuleContext, actor: Actor): Promise<ExcellentRoundList> {
  const rows = (await proposalDb(ctx.db).selectFrom('proposal_excellent_rounds').selectAll().where('tenant_id', '=', actor.tenantId).orderBy('year', 'desc').execute()) as RoundRow[];
  const counts = rows.length ? await proposalDb(ctx.db).selectFrom('proposal_excellent_nominees').select(['round_id', 'status']).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', 'in', rows.map((r) => r.id)).groupBy(['round_id', 'status']).execute() : [];
  const n = (id: string, status?: string) => counts.filter((c: any) => c.round_id === id && (!status || c.status === status)).reduce((s, c: any) => s + Number(c.n), 0);
  return {
    items: rows.map((r) => ({ ...presentRound(r, actor), nominated: n(r.id), confirmed: n(r.id, 'confirmed') })),
    canCreate: can(actor, 'proposal.review'),
  };
}

/** Answered proposals of the round's year the caller may nominate (for the picker), by title words. */
export async function nominationCandidates(ctx: ModuleContext, actor: Actor, id: string, q?: string) {
  const r = await findRound(ctx, id, actor);
  let query = proposalDb(ctx.db).selectFrom('proposals').select(['id', 'number', 'title', 'proposer_name', 'lead_unit_name'])
    .where('tenant_id', '=', r.tenant_id).where('year', '=', r.year).where('replied_at', 'is not', null);
  if (!can(actor, 'proposal.review')) {
    if (can(actor, 'proposal.handle')) query = query.where((eb) => eb('id', 'in', eb.selectFrom('proposal_units').select('proposal_id').where('unit_id', '=', actor.orgId)));
    else if (actor.roles.includes('committee_staff')) query = query.where('committee_id', '=', actor.orgId);
    else return { items: [] };
  }
  if (q) query = query.where('title', ilike(ctx.dialect), `%${q.replace(/[\\%_]/g, '')}%`);
  const rows = await query.orderBy('number_seq').limit(30).execute();
  return { items: rows.map((x: any) => ({ id: x.id, number: x.number ?? null, title: x.title, proposerName: x.proposer_name, leadUnitName: x.lead_unit_name ?? null })) };
}
