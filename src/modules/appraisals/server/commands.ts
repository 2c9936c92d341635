/**
 * Commands on 民主评议. Each runs in one unit of work (`ctx.uow.run`): the rows, the history step, the work items (待办),
 * the audit record and the events commit together or not at all. Writes by the office are guarded by the appraisal's
 * version (stale: 409 VERSION_CONFLICT), a department's self-report by its own row's version.
 *
 * The vote (满意度测评): a member votes with the code of the meeting room's QR link, an invited representative with a
 * one-time code; one vote each, enforced by the unique key (appraisal_id, voter_key) of `appraisal_ballots`. The
 * ballot row says who voted and when, the marks say how, and nothing links the two: a mark has a random id and no time.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { getOrg, listUnits, membersAmong } from '../../organizations/index.ts';
import { recommendationsRequestedEvent, type RecommendationsRequestedPayload } from '../../recommendations/index.ts';
import type { AppraisalCreateBody, AppraisalEditBody } from '../contract.ts';
import { appraisalsLifecycle, appraisalsPermissions, planEditable, selfReportOpen, tokensIssuable } from '../domain/appraisals-lifecycle.ts';
import { manages, viewerOf } from '../domain/appraisals-policy.ts';
import { ballotFault, defaultChoiceScores, defaultItems, itemsFault } from '../domain/appraisals-scoring.ts';
import { findAppraisal, itemsOf, unitsOf } from './repository.ts';
import { appraisalsDb, type AppraisalRow, type AppraisalUnitRow } from './tables.ts';

export const LABEL = '民主评议';
/** The side task of each department while the self-check runs (提交自查报告), keyed by its `appraisal_units` row. */
export const selfReportTask = 'appraisal-self-report';

type Row = AppraisalRow & { [k: string]: unknown };

/** How the workflow runner handles a 民主评议: its table, who may fire, and the columns each transition writes. */
export function appraisalSpec(ctx: ModuleContext): WorkflowSpec<Row> {
  return {
    workflow: appraisalsLifecycle as unknown as WorkflowSpec<Row>['workflow'],
    table: 'appraisals',
    entityLabel: LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => viewerOf(r, actor, []) === 'staff',
    async apply({ transition, input }) {
      const today = ctx.calendar.today();
      switch (transition.name) {
        case 'start_self_check': return { self_report_due: input.selfReportDue as string };
        case 'publish': return { published_on: today };
        case 'send_rectification': return { rectification_sent_on: today };
        case 'close': return { summary: input.summary as string };
        default: return {};
      }
    },
  };
}

/** The appraisal, for the office only (else 404 for those who may not see it, 403 for those who may not manage). */
async function loadForOffice(ctx: ModuleContext, actor: Actor, id: string, what: string): Promise<AppraisalRow> {
  const row = await findAppraisal(ctx.db, id);
  if (!row || row.tenant_id !== actor.tenantId || !viewerOf(row, actor, [])) throw notFound(LABEL);
  if (!manages(actor)) throw forbidden(what);
  return row;
}

const expect = (row: AppraisalRow, version: number) => { if (Number(row.version) !== version) throw versionConflict(LABEL); };

/** The departments named are handling units (承办单位) of the CPPCC; returns their names. */
async function checkUnits(ctx: ModuleContext, tenantId: string, ids: readonly string[], field: string): Promise<Map<string, string>> {
  const units = new Map((await listUnits(ctx.db, tenantId)).map((u) => [u.id, u.short_name ?? u.name]));
  const seen = new Set<string>();
  for (const [i, u] of ids.entries()) {
    if (!units.has(u)) throw invalid(`${field}.${i}`, '「被评议单位」', '不是本级的承办单位');
    if (seen.has(u)) throw invalid(`${field}.${i}`, '「被评议单位」', '重复');
    seen.add(u);
  }
  return units;
}

/** The appraisal group: members of the CPPCC, one 组长 at most. */
async function checkGroup(ctx: ModuleContext, tenantId: string, group: ReadonlyArray<{ userId: string; duty: string }>) {
  if (group.filter((g) => g.duty === 'leader').length > 1) throw invalid('group', '「评议组」', '只能有一位组长');
  const members = await membersAmong(ctx.db, tenantId, group.map((g) => g.userId));
  const bad = group.findIndex((g) => !members.has(g.userId));
  if (bad >= 0) throw invalid(`group.${bad}.userId`, '「评议组成员」', '不是本级政协委员');
  if (new Set(group.map((g) => g.userId)).size !== group.length) throw invalid('group', '「评议组」', '成员重复');
  return findPeople(ctx.db, group.map((g) => g.userId));
}

function checkItems(items: ReadonlyArray<{ name: string; weight: number }>) {
  const fault = itemsFault(items);
  if (fault) throw new AppError('VALIDATION_FAILED', fault[1], { field: fault[0], details: [{ field: fault[0], message: fault[1] }] });
}

function checkScores(s: { satisfied: number; basic: number; dissatisfied: number }) {
  if (!(s.satisfied >= s.basic && s.basic >= s.dissatisfied)) throw invalid('choiceScores', '「选项分值」', '应满足 满意 ≥ 基本满意 ≥ 不满意');
}

/** Replace the plan's side rows (departments, items, group) inside the unit of work. */
async function writePlan(w: Work, id: string, tenantId: string, plan: {
  units?: Array<{ id: string; name: string }>; items?: ReadonlyArray<{ name: string; weight: number }>; group?: Array<{ userId: string; name: string; duty: string }>;
}) {
  const db = appraisalsDb(w.trx);
  if (plan.units) {
    await db.deleteFrom('appraisal_units').where('appraisal_id', '=', id).execute();
    await db.insertInto('appraisal_units').values(plan.units.map((u, i) => ({
      id: newId(), appraisal_id: id, tenant_id: tenantId, unit_id: u.id, unit_name: u.name, seq: i + 1, self_report: null, self_report_at: null, self_report_by: null, version: 1,
    }))).execute();
  }
  if (plan.items) {
    await db.deleteFrom('appraisal_items').where('appraisal_id', '=', id).execute();
    await db.insertInto('appraisal_items').values(plan.items.map((it, i) => ({ id: newId(), appraisal_id: id, seq: i + 1, name: it.name, weight: it.weight }))).execute();
  }
  if (plan.group) {
    await db.deleteFrom('appraisal_group').where('appraisal_id', '=', id).execute();
    if (plan.group.length) await db.insertInto('appraisal_group').values(plan.group.map((g) => ({ id: newId(), appraisal_id: id, user_id: g.userId, name: g.name, duty: g.duty }))).execute();
  }
}

/** 新建民主评议 (筹备): the departments, the scope, the items and weights, the choices' scores, the appraisal group. */
export async function createAppraisal(ctx: ModuleContext, actor: Actor, body: AppraisalCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, appraisalsPermissions.manage, `组织${LABEL}`);
  if (body.plannedOn < ctx.calendar.today()) throw invalid('plannedOn', '「评议会议日期」', '不能早于今天');
  let committee: { id: string; name: string } | null = null;
  if (body.leadCommitteeId) {
    const c = await getOrg(ctx.db, body.leadCommitteeId);
    if (!c || c.kind !== 'committee' || c.tenant_id !== actor.tenantId) throw invalid('leadCommitteeId', '「牵头专委会」', '不是本级的专门委员会');
    committee = { id: c.id, name: c.short_name ?? c.name };
  }
  const units = await checkUnits(ctx, actor.tenantId, body.unitIds, 'unitIds');
  const items = body.items ?? defaultItems;
  checkItems(items);
  const scores = body.choiceScores ?? defaultChoiceScores;
  checkScores(scores);
  const group = body.group ?? [];
  const people = await checkGroup(ctx, actor.tenantId, group);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(appraisalSpec(ctx), {
      id, tenant_id: actor.tenantId, title: body.title, scope: body.scope, scope_note: body.scopeNote ?? null,
      lead_committee_id: committee?.id ?? null, lead_committee_name: committee?.name ?? null, planned_on: body.plannedOn, place: body.place ?? null,
      self_report_due: null, score_satisfied: scores.satisfied, score_basic: scores.basic, score_dissatisfied: scores.dissatisfied,
      vote_secret: randomBytes(24).toString('base64url'), published_on: null, rectification_sent_on: null, summary: null,
      owner_user_id: actor.userId, owner_name: actor.displayName,
    } as unknown as Row, actor, ip);
    await writePlan(w, id, actor.tenantId, {
      units: body.unitIds.map((u) => ({ id: u, name: units.get(u)! })), items,
      group: group.map((g) => ({ userId: g.userId, name: people.get(g.userId)?.name ?? g.userId, duty: g.duty })),
    });
  });
  return id;
}

/** A step in the appraisal's history that changes no state. */
async function step(w: Work, row: AppraisalRow, actor: Actor, action: string, version: number, note?: string | null, ip?: string, data?: Record<string, unknown>) {
  await w.record({
    tenantId: row.tenant_id, entityType: 'appraisal', entityId: row.id, to: row.state, action, actor, note: note ?? null, ip,
    audit: { action: `appraisal.${action}`, data: { version, ...data } }, event: { title: row.title, version },
  });
}

/** 修改评议方案: the plan while 筹备; the meeting's date and place until the vote opens. */
export async function editAppraisal(ctx: ModuleContext, actor: Actor, id: string, body: AppraisalEditBody, ip?: string): Promise<void> {
  const row = await loadForOffice(ctx, actor, id, `修改${LABEL}`);
  const planFields = (['scope', 'scopeNote', 'unitIds', 'items', 'choiceScores', 'group'] as const).filter((k) => body[k] !== undefined);
  if (planFields.length && !planEditable(row.state)) throw invalid(planFields[0], '「评议方案」', '只能在筹备阶段修改');
  if ((body.plannedOn !== undefined || body.place !== undefined || body.title !== undefined) && !['preparing', 'self_check'].includes(row.state)) {
    throw new AppError('INVALID_TRANSITION', '测评开始后不能再修改评议会议安排');
  }
  if (body.plannedOn !== undefined && body.plannedOn !== row.planned_on && body.plannedOn < ctx.calendar.today()) throw invalid('plannedOn', '「评议会议日期」', '不能早于今天');
  const units = body.unitIds ? await checkUnits(ctx, row.tenant_id, body.unitIds, 'unitIds') : null;
  if (body.items) checkItems(body.items);
  if (body.choiceScores) checkScores(body.choiceScores);
  const people = body.group ? await checkGroup(ctx, row.tenant_id, body.group) : null;
  expect(row, body.version);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.scope !== undefined) set.scope = body.scope;
  if (body.scopeNote !== undefined) set.scope_note = body.scopeNote;
  if (body.plannedOn !== undefined) set.planned_on = body.plannedOn;
  if (body.place !== undefined) set.place = body.place;
  if (body.choiceScores) Object.assign(set, { score_satisfied: body.choiceScores.satisfied, score_basic: body.choiceScores.basic, score_dissatisfied: body.choiceScores.dissatisfied });
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('appraisals', id, body.version, { ...set, updated_at: w.now }, LABEL);
    await writePlan(w, id, row.tenant_id, {
      units: units ? body.unitIds!.map((u) => ({ id: u, name: units.get(u)! })) : undefined,
      items: body.items,
      group: people ? body.group!.map((g) => ({ userId: g.userId, name: people.get(g.userId)?.name ?? g.userId, duty: g.duty })) : undefined,
    });
    await step(w, row, actor, 'setup', body.version + 1, null, ip, { fields: [...Object.keys(set), ...planFields] });
  });
}

/**
 * Fire a lifecycle action. 启动自查 puts a 提交自查报告 work item on each department's worklist; 开始测评 closes those
 * still open; 交办整改 sends the rectification items to the recommendation tracker (建议落实) in the same transaction.
 */
export async function fireAppraisal(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  const row = await findAppraisal(ctx.db, req.id);
  if (!row || !viewerOf(row, req.actor, [])) throw notFound(LABEL);
  const units = await unitsOf(ctx.db, row.id);
  if (req.action === 'start_self_check') {
    const due = req.input.selfReportDue;
    if (typeof due === 'string' && due < ctx.calendar.today()) throw invalid('input.selfReportDue', '「自查报告截止日期」', '不能早于今天');
  }
  const recs = req.action === 'send_rectification'
    ? await appraisalsDb(ctx.db).selectFrom('appraisal_rectifications').selectAll().where('appraisal_id', '=', row.id).orderBy('seq').execute()
    : [];
  if (req.action === 'send_rectification' && recs.length === 0) throw new AppError('INVALID_TRANSITION', '请先填写整改事项，至少要有一项才能交办整改');
  await ctx.uow.run(async (w) => {
    const res = await w.fire(appraisalSpec(ctx), {
      id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip,
      note: typeof req.input.summary === 'string' ? req.input.summary : undefined,
    });
    const r = res.record as unknown as AppraisalRow;
    if (req.action === 'start_self_check') {
      for (const u of units) {
        await w.openTask({
          tenantId: r.tenant_id, entityType: selfReportTask, entityId: u.id, recordType: 'appraisal', state: r.state, title: r.title,
          label: '提交民主评议自查报告', orgId: u.unit_id, role: 'unit_handler', dueDate: r.self_report_due, actor: req.actor,
        });
      }
    }
    if (req.action === 'open_vote') for (const u of units) await w.closeTasks(selfReportTask, u.id);
    if (req.action === 'send_rectification') {
      const payload = rectificationPayload(r, recs, req.actor.userId);
      await w.emit({
        type: recommendationsRequestedEvent, tenantId: r.tenant_id, entityType: 'appraisal', entityId: r.id, actorId: req.actor.userId,
        payload: payload as unknown as Record<string, unknown>,
      });
    }
  });
}

/** What the tracker is asked to follow when the rectification items are sent (交办整改); the demo data sends the same. */
export function rectificationPayload(
  r: Pick<AppraisalRow, 'tenant_id' | 'id' | 'title'>, recs: Array<{ seq: number; text: string; unit_id: string; due_working_days: number }>, requestedBy: string,
): RecommendationsRequestedPayload {
  return {
    tenantId: r.tenant_id,
    source: { module: 'appraisals', type: 'appraisal', id: r.id, title: `${r.title}整改意见`, link: `/appraisals/${encodeURIComponent(r.id)}` },
    requestedBy,
    items: recs.map((x) => ({ key: String(x.seq), text: x.text, unitIds: [x.unit_id], dueInWorkingDays: Number(x.due_working_days) })),
  };
}

/** 自查报告: the department appraised hands in (or replaces) its self-report, while the self-check runs. */
export async function submitSelfReport(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; text: string }, ip?: string): Promise<void> {
  const row = await findAppraisal(ctx.db, id);
  const units = row ? await unitsOf(ctx.db, id) : [];
  if (!row || !viewerOf(row, actor, units.map((u) => u.unit_id))) throw notFound(LABEL);
  const mine = units.find((u) => u.unit_id === actor.orgId);
  if (!mine || !can(actor, appraisalsPermissions.selfReport)) throw forbidden('提交自查报告（只有被评议单位可以提交）');
  if (!selfReportOpen(row.state)) throw new AppError('INVALID_TRANSITION', '测评已经开始，不能再提交或修改自查报告');
  if (Number(mine.version) !== body.version) throw versionConflict('自查报告');
  await ctx.uow.run(async (w) => {
    const r = await appraisalsDb(w.trx).updateTable('appraisal_units')
      .set({ self_report: body.text, self_report_at: w.now, self_report_by: actor.displayName, version: body.version + 1 })
      .where('id', '=', mine.id).where('version', '=', body.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw versionConflict('自查报告');
    await w.closeTasks(selfReportTask, mine.id);
    await w.record({
      tenantId: row.tenant_id, entityType: 'appraisal', entityId: row.id, to: row.state, action: 'self_report', actor, note: mine.unit_name, ip,
      audit: { action: 'appraisal.self_report', data: { unitId: mine.unit_id, length: body.text.length } }, event: { title: row.title, version: Number(row.version) },
    });
  });
}

/** 走访调研: the office records a visit to a department appraised. */
export async function addVisit(ctx: ModuleContext, actor: Actor, id: string, body: { unitId: string; visitedOn: string; note: string }, ip?: string): Promise<void> {
  const row = await loadForOffice(ctx, actor, id, '记录走访调研');
  if (row.state === 'closed') throw new AppError('INVALID_TRANSITION', `${LABEL}已办结，不能再记录走访`);
  const units = await unitsOf(ctx.db, id);
  const unit = units.find((u) => u.unit_id === body.unitId);
  if (!unit) throw invalid('unitId', '「走访单位」', '不是本次评议的单位');
  if (body.visitedOn > ctx.calendar.today()) throw invalid('visitedOn', '「走访日期」', '不能晚于今天');
  await ctx.uow.run(async (w) => {
    await appraisalsDb(w.trx).insertInto('appraisal_visits').values({ id: newId(), appraisal_id: id, unit_id: body.unitId, visited_on: body.visitedOn, note: body.note, recorded_by: actor.displayName, created_at: w.now }).execute();
    await w.record({
      tenantId: row.tenant_id, entityType: 'appraisal', entityId: id, to: row.state, action: 'visit', actor, note: `${unit.unit_name}（${body.visitedOn}）`, ip,
      audit: { action: 'appraisal.visit', data: { unitId: body.unitId, visitedOn: body.visitedOn } }, event: { title: row.title, version: Number(row.version) },
    });
  });
}

/* ------------------------------------------------------------------ the vote (满意度测评) */

/** The code on the meeting room's QR link: a signature of the appraisal only the server can make. */
export const voteCode = (row: Pick<AppraisalRow, 'id' | 'vote_secret'>) => createHmac('sha256', row.vote_secret).update(`vote|${row.id}`).digest('base64url').slice(0, 22);
export const voteLinkOf = (row: Pick<AppraisalRow, 'id' | 'vote_secret'>) => `/appraisals/${encodeURIComponent(row.id)}/vote?c=${encodeURIComponent(voteCode(row))}`;
function codeValid(row: AppraisalRow, code: string): boolean {
  const want = Buffer.from(voteCode(row));
  const got = Buffer.from(code);
  return want.length === got.length && timingSafeEqual(want, got);
}
const hashToken = (token: string) => createHash('sha256').update(`appraisal-token|${token}`).digest('hex');

/** 代表测评码: one-time codes for invited representatives without accounts, shown once (printed or as QR codes). */
export async function issueTokens(ctx: ModuleContext, actor: Actor, id: string, body: { count: number; label?: string }, ip?: string) {
  const row = await loadForOffice(ctx, actor, id, '生成代表测评码');
  if (!tokensIssuable(row.state)) throw new AppError('INVALID_TRANSITION', '测评结束后不能再生成代表测评码');
  const label = body.label ?? '特邀代表';
  const already = Number((await appraisalsDb(ctx.db).selectFrom('appraisal_tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('appraisal_id', '=', id).executeTakeFirstOrThrow()).n);
  const codes = Array.from({ length: body.count }, (_, i) => ({ label: `${label}${already + i + 1}`, code: randomBytes(12).toString('base64url') }));
  await ctx.uow.run(async (w) => {
    await appraisalsDb(w.trx).insertInto('appraisal_tokens').values(codes.map((c) => ({ id: newId(), appraisal_id: id, code_hash: hashToken(c.code), label: c.label, used_at: null, created_at: w.now }))).execute();
    await w.record({
      tenantId: row.tenant_id, entityType: 'appraisal', entityId: id, to: row.state, action: 'tokens', actor, note: `${body.count} 个`, ip,
      audit: { action: 'appraisal.tokens', data: { count: body.count, label } }, event: false,
    });
  });
  return { codes: codes.map((c) => ({ ...c, url: `/public/appraisals/${encodeURIComponent(id)}/vote?t=${encodeURIComponent(c.code)}` })) };
}

type Marks = ReadonlyArray<{ unitId: string; itemSeq: number; choice: string }>;

/**
 * The departments and items a ballot must mark. The plan is frozen once the appraisal leaves 筹备 (`planEditable`), so
 * while the vote runs they are read once per appraisal and kept (a few hundred ballots a minute read them otherwise).
 */
const frozenPlans = new Map<string, { unitIds: string[]; itemSeqs: number[] }>();
async function ballotPlan(ctx: ModuleContext, row: AppraisalRow) {
  const kept = frozenPlans.get(row.id);
  if (kept) return kept;
  const [units, items] = await Promise.all([unitsOf(ctx.db, row.id), itemsOf(ctx.db, row.id)]);
  const plan = { unitIds: units.map((u) => u.unit_id), itemSeqs: items.map((i) => i.seq) };
  if (!planEditable(row.state)) {
    if (frozenPlans.size > 200) frozenPlans.clear();
    frozenPlans.set(row.id, plan);
  }
  return plan;
}

/** The marks are complete and name this appraisal's departments and items (else 400 naming the mark). */
async function checkMarks(ctx: ModuleContext, row: AppraisalRow, marks: Marks) {
  const plan = await ballotPlan(ctx, row);
  const fault = ballotFault(marks, plan.unitIds, plan.itemSeqs);
  if (fault) throw new AppError('VALIDATION_FAILED', fault[1], { field: fault[0], details: [{ field: fault[0], message: fault[1] }] });
}

/** Write one ballot: who voted (refused by the unique key if they did already) and, apart, the marks. */
async function writeBallot(w: Work, row: AppraisalRow, voter: { key: string; kind: 'member' | 'representative'; name: string; actorId: string }, marks: Marks, ip?: string): Promise<string> {
  const db = appraisalsDb(w.trx);
  try {
    await db.insertInto('appraisal_ballots').values({ id: newId(), appraisal_id: row.id, tenant_id: row.tenant_id, voter_key: voter.key, voter_kind: voter.kind, voter_name: voter.name, cast_at: w.now }).execute();
  } catch (e) {
    if (/unique|duplicate/i.test(String((e as Error)?.message))) throw new AppError('CONFLICT', '您已经参加过本次测评，每人只能投票一次');
    throw e;
  }
  await db.insertInto('appraisal_marks').values(marks.map((m) => ({ id: randomUUID(), appraisal_id: row.id, unit_id: m.unitId, item_seq: m.itemSeq, choice: m.choice }))).execute();
  // the audit names the voter and the appraisal, never the choices
  await w.audit({ tenantId: row.tenant_id, actorId: voter.actorId, actorName: voter.name, action: 'appraisal.vote', entityType: 'appraisal', entityId: row.id, data: { kind: voter.kind }, ip });
  return w.now;
}

/** 扫码测评: a member, signed in on their phone, votes with the code of the meeting room's link; once. */
export async function castMemberBallot(ctx: ModuleContext, actor: Actor, id: string, body: { code: string; marks: Marks }, ip?: string) {
  requirePermission(actor, appraisalsPermissions.vote, '参加满意度测评');
  const row = await findAppraisal(ctx.db, id);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound(LABEL);
  if (!codeValid(row, body.code)) throw invalid('code', '「测评码」', '无效，请扫描会场的测评二维码');
  if (row.state !== 'voting') throw new AppError('INVALID_TRANSITION', row.state === 'preparing' || row.state === 'self_check' ? '测评尚未开始' : '测评已经结束');
  await checkMarks(ctx, row, body.marks);
  const castAt = await ctx.uow.run((w) => writeBallot(w, row, { key: `u:${actor.userId}`, kind: 'member', name: actor.displayName, actorId: actor.userId }, body.marks, ip));
  return { appraisalId: row.id, title: row.title, castAt };
}

/** The representative's code, if it is one of this appraisal's (else 400 naming the field). */
async function tokenOf(ctx: ModuleContext, id: string, token: string) {
  const t = await appraisalsDb(ctx.db).selectFrom('appraisal_tokens').selectAll().where('code_hash', '=', hashToken(token)).executeTakeFirst();
  if (!t || t.appraisal_id !== id) throw invalid('token', '「代表测评码」', '无效，请核对测评卡上的二维码');
  return t;
}

/** 代表测评: an invited representative without an account votes once with a one-time code. */
export async function castTokenBallot(ctx: ModuleContext, id: string, body: { token: string; marks: Marks }, ip?: string) {
  const row = await findAppraisal(ctx.db, id);
  if (!row) throw notFound(LABEL);
  const t = await tokenOf(ctx, id, body.token);
  if (t.used_at) throw new AppError('CONFLICT', '此测评码已经使用过，每个测评码只能投票一次');
  if (row.state !== 'voting') throw new AppError('INVALID_TRANSITION', row.state === 'preparing' || row.state === 'self_check' ? '测评尚未开始' : '测评已经结束');
  await checkMarks(ctx, row, body.marks);
  const castAt = await ctx.uow.run(async (w) => {
    const u = await appraisalsDb(w.trx).updateTable('appraisal_tokens').set({ used_at: w.now }).where('id', '=', t.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '此测评码已经使用过，每个测评码只能投票一次');
    return writeBallot(w, row, { key: `t:${t.id}`, kind: 'representative', name: t.label, actorId: `token:${t.id}` }, body.marks, ip);
  });
  return { appraisalId: row.id, title: row.title, castAt };
}

/** What the phone's ballot shows, for a member (with the room's code) or a representative (with their code). */
export async function voteFormOf(ctx: ModuleContext, id: string, who: { actor: Actor; code?: string } | { token: string }) {
  const row = await findAppraisal(ctx.db, id);
  let voterKey: string;
  if ('token' in who) {
    if (!row) throw notFound(LABEL);
    const t = await tokenOf(ctx, id, who.token);
    voterKey = `t:${t.id}`;
  } else {
    requirePermission(who.actor, appraisalsPermissions.vote, '参加满意度测评');
    if (!row || row.tenant_id !== who.actor.tenantId) throw notFound(LABEL);
    // without the room's code a member sees the ballot only once the vote has opened (the appraisal is then visible)
    if (who.code !== undefined ? !codeValid(row, who.code) : row.state === 'preparing' || row.state === 'self_check') throw invalid('code', '「测评码」', '无效，请扫描会场的测评二维码');
    voterKey = `u:${who.actor.userId}`;
  }
  const [units, items, ballot] = await Promise.all([
    unitsOf(ctx.db, id), itemsOf(ctx.db, id),
    appraisalsDb(ctx.db).selectFrom('appraisal_ballots').select('cast_at').where('appraisal_id', '=', id).where('voter_key', '=', voterKey).executeTakeFirst(),
  ]);
  return {
    appraisalId: row.id, title: row.title, plannedOn: row.planned_on,
    units: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name })), items,
    choices: [{ code: 'satisfied', label: '满意' }, { code: 'basic', label: '基本满意' }, { code: 'dissatisfied', label: '不满意' }],
    open: row.state === 'voting', voted: !!ballot, castAt: ballot?.cast_at ?? null,
  };
}

/* ------------------------------------------------------------------ 整改 */

/** 整改事项: the office writes what each department must rectify, once the results are published. */
export async function saveRectifications(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; items: Array<{ unitId: string; text: string; dueWorkingDays: number }> }, ip?: string) {
  const row = await loadForOffice(ctx, actor, id, '填写整改事项');
  if (row.state !== 'published') throw new AppError('INVALID_TRANSITION', '结果公布后、交办整改前才能填写整改事项');
  const units = new Map((await unitsOf(ctx.db, id)).map((u) => [u.unit_id, u]));
  body.items.forEach((it, i) => { if (!units.has(it.unitId)) throw invalid(`items.${i}.unitId`, '「整改单位」', '不是本次评议的单位'); });
  expect(row, body.version);
  await ctx.uow.run(async (w) => {
    const db = appraisalsDb(w.trx);
    await w.bumpVersion('appraisals', id, body.version, { updated_at: w.now }, LABEL);
    await db.deleteFrom('appraisal_rectifications').where('appraisal_id', '=', id).execute();
    await db.insertInto('appraisal_rectifications').values(body.items.map((it, i) => ({ id: newId(), appraisal_id: id, unit_id: it.unitId, seq: i + 1, text: it.text, due_working_days: it.dueWorkingDays }))).execute();
    await step(w, row, actor, 'rectification', body.version + 1, `${body.items.length} 项`, ip);
  });
}

export type { AppraisalUnitRow };
