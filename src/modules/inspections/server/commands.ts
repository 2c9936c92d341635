/**
 * Commands on 调研视察. Each runs in one unit of work (`ctx.uow.run`): the rows, the history step, the work items (待办),
 * the audit record and the events commit together or not at all, and the events are delivered from the outbox after
 * commit. Writes by the organisers are guarded by the trip's version (stale: 409 VERSION_CONFLICT).
 */
import { dailySignInToken, dailySignInTokenValid, newSignInSecret } from '../../../kernel/server/sign-in-code.ts';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { findPeople } from '../../identity/index.ts';
import { getOrg, listUnits, membersAmong } from '../../organizations/index.ts';
import {
  recommendationsInstructedEvent, recommendationsRequestedEvent, type RecommendationsInstructedPayload, type RecommendationsRequestedPayload,
} from '../../recommendations/contract.ts';
import type { InspectionCreateBody, InspectionEditBody, ReportBody } from '../contract.ts';
import { inspectionLifecycle, inspectionPermissions, organises, planningStates } from '../domain/inspection-lifecycle.ts';
import { canSeeInspection, datesProblem, mayChangePlan, mayCollect, mayOrganise, reportDue, signInOpen } from '../domain/inspection-rules.ts';
import { findInspection, participantOf } from './repository.ts';
import { defaultInspectionSettings, readInspectionSettings, type InspectionSettings } from './settings.ts';
import { inspectionsDb, type InspectionRow, type ParticipantRow } from './tables.ts';

export const LABEL = '调研视察';
type Row = InspectionRow & { [k: string]: unknown };

/** How the workflow runner handles a trip: its table, who may see it, and the columns each transition writes. */
export function inspectionSpec(ctx: ModuleContext, settings: InspectionSettings = defaultInspectionSettings): WorkflowSpec<Row> {
  return {
    workflow: inspectionLifecycle as unknown as WorkflowSpec<Row>['workflow'],
    table: 'inspections',
    entityLabel: LABEL,
    titleOf: (r) => `${r.kind === 'inspection' ? '视察' : '调研'}：${r.title}`,
    // another CPPCC's trip is not found; within the CPPCC the lifecycle's roles and guards decide (a 403)
    canSee: (r, actor) => r.tenant_id === actor.tenantId,
    async apply({ transition, input }) {
      const today = ctx.calendar.today();
      switch (transition.name) {
        case 'approve': return { approved_meeting: input.meeting as string, approved_on: input.approvedOn as string };
        case 'cancel': return { return_reason: input.reason as string };
        case 'start': return { started_on: today };
        // the report is due a number of working days after the day the trip actually ended
        case 'finish': return { ended_on: today, report_due: reportDue(ctx.calendar.isWorkday, today, settings.reportWorkingDays) };
        case 'return_report': return { return_reason: input.reason as string };
        case 'sign_off': return { signed_on: today };
        case 'send': return { sent_on: today };
        default: return {};
      }
    },
  };
}

/** Load a trip the actor may see (else 404), with the caller's own participation. */
export async function loadVisible(ctx: ModuleContext, actor: Actor, id: string): Promise<{ row: InspectionRow; me: ParticipantRow | undefined }> {
  const row = await findInspection(ctx.db, id);
  const me = row ? await participantOf(ctx.db, id, actor.userId) : undefined;
  if (!row || !canSeeInspection(row, actor, !!me)) throw notFound(LABEL);
  return { row, me };
}

/** The organisers of this trip only (牵头专委会 or 办公室), holding the permission. */
async function loadForOrganiser(ctx: ModuleContext, actor: Actor, id: string, what: string) {
  const loaded = await loadVisible(ctx, actor, id);
  if (!mayOrganise(loaded.row, actor)) throw forbidden(what);
  return loaded;
}

const expect = (row: InspectionRow, version: number) => { if (Number(row.version) !== version) throw versionConflict(LABEL); };

/** A step in the trip's history that changes no state (the version was bumped by the caller). */
async function step(w: Work, row: InspectionRow, actor: Actor, action: string, version: number, note?: string | null, ip?: string, data?: Record<string, unknown>) {
  await w.record({
    tenantId: row.tenant_id, entityType: 'inspection', entityId: row.id, to: row.state, action, actor, note: note ?? null, ip,
    audit: { action: `inspection.${action}`, data: { version: version + 1, ...data } }, event: { title: row.title, version: version + 1 },
  });
}

/** Check that every id is a member of the CPPCC (the field names the list). */
async function checkMembers(ctx: ModuleContext, tenantId: string, ids: readonly string[], field: string) {
  const members = await membersAmong(ctx.db, tenantId, [...ids]);
  const stranger = ids.find((u) => !members.has(u));
  if (stranger) throw invalid(field, '「参加委员」', '中有不是本级委员的人员');
}

/** The itinerary's stops must fall within the trip's days. */
function checkStops(stops: ReadonlyArray<{ onDate: string }>, from: string, to: string, field = 'stops') {
  stops.forEach((s, i) => { if (s.onDate < from || s.onDate > to) throw invalid(`${field}.${i}.onDate`, '「考察日期」', `应在 ${from} 至 ${to} 之间`); });
}

const stopRows = (inspectionId: string, stops: ReadonlyArray<{ onDate: string; place: string; purpose?: string }>, visited: Map<string, string | null> = new Map()) =>
  stops.map((s, i) => ({ id: newId(), inspection_id: inspectionId, seq: i + 1, on_date: s.onDate, place: s.place, purpose: s.purpose ?? null, visited_at: visited.get(`${s.onDate}|${s.place}`) ?? null }));

/** 列入计划: a trip proposed for the year's plan, led by a committee (the organiser's own, unless they are the office). */
export async function createInspection(ctx: ModuleContext, actor: Actor, body: InspectionCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, inspectionPermissions.manage, `新建${LABEL}`);
  const committee = await getOrg(ctx.db, body.leadCommitteeId);
  if (!committee || committee.kind !== 'committee' || committee.tenant_id !== actor.tenantId) throw invalid('leadCommitteeId', '「牵头专委会」', '不是本级的专门委员会');
  if (!organises({ tenant_id: actor.tenantId, lead_committee_id: committee.id }, actor)) throw invalid('leadCommitteeId', '「牵头专委会」', '只能是您所在的专委会');
  const bad = datesProblem(body.plannedFrom, body.plannedTo);
  if (bad) throw invalid(bad.field, '「结束日期」', bad.message);
  checkStops(body.stops, body.plannedFrom, body.plannedTo);
  const userIds = [...new Set(body.participantIds)];
  await checkMembers(ctx, actor.tenantId, userIds, 'participantIds');
  const people = await findPeople(ctx.db, userIds);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(inspectionSpec(ctx), {
      id, tenant_id: actor.tenantId, year: Number(body.plannedFrom.slice(0, 4)), kind: body.kind, title: body.title, topic: body.topic, proposer: body.proposer,
      lead_committee_id: committee.id, places: JSON.stringify(body.places), planned_from: body.plannedFrom, planned_to: body.plannedTo,
      approved_meeting: null, approved_on: null, started_on: null, ended_on: null, report_due: null, report_no: 0, report_title: null, report_body: null,
      problem_count: 0, recommendation_count: 0, signed_on: null, sent_on: null, return_reason: null, signin_secret: newSignInSecret(),
      owner_user_id: actor.userId, owner_name: actor.displayName,
    } as unknown as Row, actor, ip);
    const db = inspectionsDb(w.trx);
    if (userIds.length) {
      await db.insertInto('inspection_participants').values(userIds.map((u) => ({
        id: newId(), inspection_id: id, tenant_id: actor.tenantId, user_id: u, name: people.get(u)?.name ?? u, signed_in_at: null, signed_in_by: null, version: 1, created_at: w.now,
      }))).execute();
    }
    if (body.stops.length) await db.insertInto('inspection_stops').values(stopRows(id, body.stops)).execute();
  });
  return id;
}

/** 修改计划: the organisers change the plan (before the trip ends), under the version. */
export async function editInspection(ctx: ModuleContext, actor: Actor, id: string, body: InspectionEditBody, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, `修改${LABEL}`);
  const why = mayChangePlan(row.state);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const from = body.plannedFrom ?? row.planned_from;
  const to = body.plannedTo ?? row.planned_to;
  const bad = datesProblem(from, to);
  if (bad) throw invalid(bad.field, bad.field === 'plannedTo' ? '「结束日期」' : '「开始日期」', bad.message);
  if (row.state === 'underway' && (body.plannedFrom || body.plannedTo) && from !== row.planned_from) throw invalid('plannedFrom', '「开始日期」', '调研视察开始后不能再修改');
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.topic !== undefined) set.topic = body.topic;
  if (body.proposer !== undefined) set.proposer = body.proposer;
  if (body.places !== undefined) set.places = JSON.stringify(body.places);
  if (body.plannedFrom !== undefined) Object.assign(set, { planned_from: from, year: Number(from.slice(0, 4)) });
  if (body.plannedTo !== undefined) set.planned_to = to;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('inspections', id, body.version, { ...set, updated_at: w.now }, LABEL);
    await step(w, row, actor, 'edit', body.version, null, ip, { fields: Object.keys(set) });
    // new dates move the deadline of the open work item (开展 or 完成实地)
    if (set.planned_from || set.planned_to) await w.openStateTask(inspectionSpec(ctx), { ...row, ...set, version: body.version + 1 } as Row);
  });
}

/** Fire a lifecycle action. 报送 sends the report's recommendations to the tracker (建议落实) in the same transaction. */
export async function fireInspection(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  const settings = await readInspectionSettings(ctx, req.actor.tenantId);
  await ctx.uow.run(async (w) => {
    const res = await w.fire(inspectionSpec(ctx, settings), {
      id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip,
      note: typeof req.input.note === 'string' ? req.input.note : typeof req.input.reason === 'string' ? req.input.reason : typeof req.input.meeting === 'string' ? `${req.input.meeting}（${String(req.input.approvedOn ?? '')}）` : undefined,
    });
    if (req.action !== 'send') return;
    const row = res.record as unknown as InspectionRow;
    const recs = await inspectionsDb(w.trx).selectFrom('inspection_findings').selectAll().where('inspection_id', '=', row.id).where('type', '=', 'recommendation').orderBy('seq').execute();
    const payload = requestedPayload(row, recs, req.actor.userId, settings.replyWorkingDays);
    await w.emit({ type: recommendationsRequestedEvent, tenantId: row.tenant_id, entityType: 'inspection', entityId: row.id, actorId: req.actor.userId, payload: payload as unknown as Record<string, unknown> });
  });
}

/** What 报送 sends the tracker: one entry per recommendation of the report, keyed by its number (the demo data sends the same). */
export function requestedPayload(
  row: Pick<InspectionRow, 'tenant_id' | 'kind' | 'id' | 'report_title' | 'title'>, recs: Array<{ seq: number; text: string; unit_ids: string; due_working_days: number | null }>,
  requestedBy: string, replyWorkingDays: number,
): RecommendationsRequestedPayload {
  return {
    tenantId: row.tenant_id,
    source: { module: 'inspections', type: row.kind === 'inspection' ? 'inspection' : 'investigation', id: row.id, title: row.report_title ?? row.title, link: `/inspections/${encodeURIComponent(row.id)}` },
    requestedBy,
    items: recs.map((r) => ({ key: String(r.seq), text: r.text, unitIds: JSON.parse(r.unit_ids) as string[], dueInWorkingDays: Number(r.due_working_days ?? replyWorkingDays) })),
  };
}

/** 参加人员: the members on the trip; one already signed in may not be dropped. */
export async function setParticipants(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; userIds: string[] }, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, '调整参加人员');
  const why = mayChangePlan(row.state);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  expect(row, body.version);
  const wanted = [...new Set(body.userIds)];
  await checkMembers(ctx, row.tenant_id, wanted, 'userIds');
  const current = await inspectionsDb(ctx.db).selectFrom('inspection_participants').selectAll().where('inspection_id', '=', id).execute();
  const keep = new Set(wanted);
  const dropped = current.filter((p) => !keep.has(p.user_id));
  const signed = dropped.find((p) => p.signed_in_at);
  if (signed) throw invalid('userIds', '「参加委员」', `${signed.name}已签到，不能移出`);
  const have = new Set(current.map((p) => p.user_id));
  const fresh = wanted.filter((u) => !have.has(u));
  const people = await findPeople(ctx.db, fresh);
  await ctx.uow.run(async (w) => {
    const db = inspectionsDb(w.trx);
    await w.bumpVersion('inspections', id, body.version, { updated_at: w.now }, LABEL);
    if (dropped.length) await db.deleteFrom('inspection_participants').where('id', 'in', dropped.map((p) => p.id)).execute();
    if (fresh.length) {
      await db.insertInto('inspection_participants').values(fresh.map((u) => ({
        id: newId(), inspection_id: id, tenant_id: row.tenant_id, user_id: u, name: people.get(u)?.name ?? u, signed_in_at: null, signed_in_by: null, version: 1, created_at: w.now,
      }))).execute();
    }
    await step(w, row, actor, 'participants', body.version, `${wanted.length} 人（新增 ${fresh.length}，移出 ${dropped.length}）`, ip);
  });
}

/** 行程: the stops of the itinerary, in order; a stop that stays (same day and place) keeps its 已考察 mark. */
export async function setItinerary(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; stops: Array<{ onDate: string; place: string; purpose?: string }> }, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, '调整行程');
  const why = mayChangePlan(row.state);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  expect(row, body.version);
  checkStops(body.stops, row.planned_from, row.planned_to);
  const old = await inspectionsDb(ctx.db).selectFrom('inspection_stops').selectAll().where('inspection_id', '=', id).execute();
  const visited = new Map(old.map((s) => [`${s.on_date}|${s.place}`, s.visited_at]));
  await ctx.uow.run(async (w) => {
    const db = inspectionsDb(w.trx);
    await w.bumpVersion('inspections', id, body.version, { updated_at: w.now }, LABEL);
    await db.deleteFrom('inspection_stops').where('inspection_id', '=', id).execute();
    if (body.stops.length) await db.insertInto('inspection_stops').values(stopRows(id, body.stops, visited)).execute();
    await step(w, row, actor, 'itinerary', body.version, `${body.stops.length} 个考察点`, ip);
  });
}

/** 到达考察点: an organiser or a participant marks a stop visited while the trip is under way (once). */
export async function markVisited(ctx: ModuleContext, actor: Actor, id: string, stopId: string, ip?: string): Promise<void> {
  const { row, me } = await loadVisible(ctx, actor, id);
  if (!me && !mayOrganise(row, actor)) throw forbidden('标记考察点（您不在本次调研视察的参加人员中）');
  if (row.state !== 'underway') throw new AppError('INVALID_TRANSITION', '调研视察进行中才能标记考察点');
  const stop = await inspectionsDb(ctx.db).selectFrom('inspection_stops').selectAll().where('id', '=', stopId).where('inspection_id', '=', id).executeTakeFirst();
  if (!stop) throw notFound('考察点');
  await ctx.uow.run(async (w) => {
    const r = await inspectionsDb(w.trx).updateTable('inspection_stops').set({ visited_at: w.now }).where('id', '=', stopId).where('visited_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `「${stop.place}」已标记为已考察`);
    await w.record({
      tenantId: row.tenant_id, entityType: 'inspection', entityId: id, to: row.state, action: 'visit', actor, ip, note: stop.place,
      audit: { action: 'inspection.visit', data: { stopId } }, event: { title: row.title, version: Number(row.version) },
    });
  });
}

/** 现场记录: a participant or organiser adds a note with photos, or a document received, during the trip or the drafting. */
export async function addNote(ctx: ModuleContext, actor: Actor, id: string, body: { kind: 'note' | 'document'; text: string; stopId?: string; attachmentIds: string[] }, ip?: string): Promise<string> {
  const { row, me } = await loadVisible(ctx, actor, id);
  if (!me && !mayOrganise(row, actor)) throw forbidden('添加现场记录（您不在本次调研视察的参加人员中）');
  const why = mayCollect(row.state);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  if (body.stopId) {
    const stop = await inspectionsDb(ctx.db).selectFrom('inspection_stops').select('id').where('id', '=', body.stopId).where('inspection_id', '=', id).executeTakeFirst();
    if (!stop) throw invalid('stopId', '「考察点」', '不是本次调研视察的考察点');
  }
  const ids = [...new Set(body.attachmentIds)];
  if (ids.length) {
    const used = await inspectionsDb(ctx.db).selectFrom('inspection_notes').select('attachment_ids').where('inspection_id', '=', id).execute();
    const taken = new Set(used.flatMap((u) => JSON.parse(u.attachment_ids) as string[]));
    if (ids.some((a) => taken.has(a))) throw invalid('attachmentIds', '「照片或附件」', '已用于另一条现场记录');
  }
  const noteId = newId();
  await ctx.uow.run(async (w) => {
    // the photos are the actor's own uploads, linked to the trip (anyone who sees the trip sees them)
    await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: 'inspection', entityId: id, actor, field: 'attachmentIds' });
    await inspectionsDb(w.trx).insertInto('inspection_notes').values({
      id: noteId, inspection_id: id, tenant_id: row.tenant_id, kind: body.kind, stop_id: body.stopId ?? null, text: body.text,
      attachment_ids: JSON.stringify(ids), author_user_id: actor.userId, author_name: actor.displayName, created_at: w.now,
    }).execute();
    await w.audit({ tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'inspection.note', entityType: 'inspection', entityId: id, data: { noteId, kind: body.kind, photos: body.attachmentIds.length }, ip });
    await w.emit({ type: 'inspection.noted', tenantId: row.tenant_id, entityType: 'inspection', entityId: id, actorId: actor.userId, payload: { noteId, kind: body.kind } });
  });
  return noteId;
}

/* ------------------------------------------------------------------ sign-in (签到) */

/** The trip's sign-in code for a day: the day and a signature only the server can make (shown as a QR link). */
export const signInToken = (row: Pick<InspectionRow, 'id' | 'signin_secret'>, date: string) => dailySignInToken(row.signin_secret, row.id, date);
const tokenValid = (row: InspectionRow, token: string, today: string) => dailySignInTokenValid(row.signin_secret, row.id, token, today);

/** Mark one participant signed in, once: a second sign-in is a 409. Each sign-in counts in the member's duty record. */
async function markSignedIn(ctx: ModuleContext, row: InspectionRow, p: ParticipantRow, actor: Actor, byStaff: boolean, ip?: string): Promise<string> {
  return ctx.uow.run(async (w) => {
    const r = await inspectionsDb(w.trx).updateTable('inspection_participants').set({ signed_in_at: w.now, signed_in_by: actor.userId, version: Number(p.version) + 1 })
      .where('id', '=', p.id).where('signed_in_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `${byStaff ? p.name : '您'}已经签到，不能重复签到`);
    await w.audit({ tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'inspection.sign_in', entityType: 'inspection', entityId: row.id, data: { participantId: p.id, userId: p.user_id, byStaff }, ip });
    await w.emit({ type: 'inspection.signed_in', tenantId: row.tenant_id, entityType: 'inspection', entityId: row.id, actorId: actor.userId, payload: { participantId: p.id, userId: p.user_id } });
    return w.now;
  });
}

/** 扫码签到: the member, signed in on their phone, opens the trip's code of the day; only for themselves, once. */
export async function signInByCode(ctx: ModuleContext, actor: Actor, id: string, token: string, ip?: string) {
  requirePermission(actor, inspectionPermissions.takePart, '签到');
  const row = await findInspection(ctx.db, id);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound(LABEL);
  const today = ctx.calendar.today();
  if (!tokenValid(row, token, today)) throw invalid('token', '「签到码」', '无效或已过期，请扫描现场的签到码');
  const why = signInOpen(row.state, today, row.planned_from, row.planned_to);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const me = await participantOf(ctx.db, id, actor.userId);
  if (!me) throw new AppError('FORBIDDEN', '您不在本次调研视察的参加人员中');
  const at = await markSignedIn(ctx, row, me, actor, false, ip);
  return { inspectionId: row.id, title: row.title, name: me.name, signedInAt: at };
}

/** 代为签到: the organisers sign a participant in on the spot. */
export async function signInFor(ctx: ModuleContext, actor: Actor, id: string, participantId: string, ip?: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '代为签到');
  const why = signInOpen(row.state, ctx.calendar.today(), row.planned_from, row.planned_to);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const p = await inspectionsDb(ctx.db).selectFrom('inspection_participants').selectAll().where('id', '=', participantId).where('inspection_id', '=', id).executeTakeFirst();
  if (!p) throw notFound('参加人员');
  const at = await markSignedIn(ctx, row, p, actor, true, ip);
  return { inspectionId: row.id, title: row.title, name: p.name, signedInAt: at };
}

/** The sign-in link of the day, for the organisers to show as a QR code. */
export async function signInCodeOf(ctx: ModuleContext, actor: Actor, id: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '查看签到码');
  const today = ctx.calendar.today();
  const why = signInOpen(row.state, today, row.planned_from, row.planned_to);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const token = signInToken(row, today);
  return { token, validOn: today, url: `/inspections/${encodeURIComponent(row.id)}/signin?t=${encodeURIComponent(token)}` };
}

/* ------------------------------------------------------------------ report, 批示 */

/** 起草报告: a new version of the report with its problems and recommendations (earlier versions are kept). */
export async function saveReport(ctx: ModuleContext, actor: Actor, id: string, body: ReportBody, ip?: string): Promise<number> {
  const { row } = await loadForOrganiser(ctx, actor, id, '起草报告');
  if (row.state !== 'drafting') throw new AppError('INVALID_TRANSITION', '只有报告起草中的调研视察可以修改报告');
  expect(row, body.version);
  const units = new Set((await listUnits(ctx.db, row.tenant_id)).map((u) => u.id));
  body.recommendations.forEach((r, i) => {
    const bad = r.unitIds.find((u) => !units.has(u));
    if (bad) throw invalid(`recommendations.${i}.unitIds`, '「责任单位」', '不是本级的承办单位');
  });
  const no = Number(row.report_no) + 1;
  await ctx.uow.run(async (w) => {
    const db = inspectionsDb(w.trx);
    await w.bumpVersion('inspections', id, body.version, {
      report_no: no, report_title: body.title, report_body: body.body, problem_count: body.problems.length, recommendation_count: body.recommendations.length, updated_at: w.now,
    }, LABEL);
    await db.insertInto('inspection_report_versions').values({
      id: newId(), inspection_id: id, no, title: body.title, body: body.body, problems: JSON.stringify(body.problems),
      recommendations: JSON.stringify(body.recommendations.map((r) => ({ text: r.text, unitIds: [...new Set(r.unitIds)], dueWorkingDays: r.dueWorkingDays ?? null }))),
      note: body.note ?? null, author_user_id: actor.userId, author_name: actor.displayName, created_at: w.now,
    }).execute();
    await db.deleteFrom('inspection_findings').where('inspection_id', '=', id).execute();
    const findings = [
      ...body.problems.map((p, i) => ({ id: newId(), inspection_id: id, tenant_id: row.tenant_id, type: 'problem', seq: i + 1, text: p.text, unit_ids: '[]', due_working_days: null })),
      ...body.recommendations.map((r, i) => ({ id: newId(), inspection_id: id, tenant_id: row.tenant_id, type: 'recommendation', seq: i + 1, text: r.text, unit_ids: JSON.stringify([...new Set(r.unitIds)]), due_working_days: r.dueWorkingDays ?? null })),
    ];
    for (let i = 0; i < findings.length; i += 100) await db.insertInto('inspection_findings').values(findings.slice(i, i + 100)).execute();
    await step(w, row, actor, 'report', body.version, `第 ${no} 稿：问题 ${body.problems.length} 个，建议 ${body.recommendations.length} 条${body.note ? `（${body.note}）` : ''}`, ip);
  });
  return no;
}

/**
 * 批示: a leader's instruction on the sent report (or on some of its recommendations), recorded as a step of the history
 * and an event; the tracker (建议落实) is told in the same unit of work, so its items show it and their departments hear.
 */
export async function recordInstruction(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; by: string; text: string; onDate: string; recommendationNos?: number[]; documentId?: string }, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, '记录批示');
  if (row.state !== 'sent' && row.state !== 'closed') throw new AppError('INVALID_TRANSITION', '报告报送后才能记录领导批示');
  if (body.onDate > ctx.calendar.today()) throw invalid('onDate', '「批示日期」', '不能晚于今天');
  if (row.sent_on && body.onDate < row.sent_on) throw invalid('onDate', '「批示日期」', '不能早于报送日期');
  expect(row, body.version);
  const nos = [...new Set(body.recommendationNos ?? [])];
  if (nos.length) {
    const have = new Set((await inspectionsDb(ctx.db).selectFrom('inspection_findings').select('seq').where('inspection_id', '=', id).where('type', '=', 'recommendation').execute()).map((f) => Number(f.seq)));
    const bad = nos.find((n) => !have.has(n));
    if (bad !== undefined) throw invalid('recommendationNos', '「针对的建议序号」', `报告中没有第 ${bad} 条建议`);
  }
  const instructionId = newId();
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('inspections', id, body.version, { updated_at: w.now }, LABEL);
    // the document belongs to the instruction: read by whoever sees the trip and by the departments it concerns
    if (body.documentId) await linkAttachments(w.trx, { ids: [body.documentId], entityType: INSTRUCTION_ENTITY, entityId: instructionId, actor, field: 'documentId' });
    await inspectionsDb(w.trx).insertInto('inspection_instructions').values({
      id: instructionId, inspection_id: id, tenant_id: row.tenant_id, by_name: body.by, text: body.text, on_date: body.onDate, recorded_by: actor.userId, created_at: w.now,
      recommendation_nos: nos.length ? JSON.stringify(nos.sort((a, b) => a - b)) : null, document_id: body.documentId ?? null,
    }).execute();
    const which = nos.length ? `（针对第 ${nos.join('、')} 条建议）` : '（整份报告）';
    await step(w, row, actor, 'instruct', body.version, `${body.by}${which}：${body.text}`, ip);
    await w.emit({ type: 'inspection.instructed', tenantId: row.tenant_id, entityType: 'inspection', entityId: id, actorId: actor.userId, payload: { by: body.by, text: body.text, onDate: body.onDate } });
    await w.emit({ type: recommendationsInstructedEvent, tenantId: row.tenant_id, entityType: 'inspection', entityId: id, actorId: actor.userId, payload: instructedPayload(row, actor.userId, { ...body, recommendationNos: nos }) as unknown as Record<string, unknown> });
  });
}

/** What the tracker is told of a 批示 on a sent report (the demo data sends the same). */
export function instructedPayload(row: Pick<InspectionRow, 'tenant_id' | 'kind' | 'id'>, recordedBy: string, i: { by: string; text: string; onDate: string; recommendationNos?: number[]; documentId?: string }): RecommendationsInstructedPayload {
  return {
    tenantId: row.tenant_id, source: { type: row.kind === 'inspection' ? 'inspection' : 'investigation', id: row.id },
    ...(i.recommendationNos?.length ? { itemKeys: i.recommendationNos.map(String) } : {}),
    instruction: { by: i.by, text: i.text, onDate: i.onDate, ...(i.documentId ? { documentId: i.documentId } : {}) }, recordedBy,
  };
}

/** The entity a 批示件 (an instruction's document) is attached to: the instruction row (see entities.ts for who reads it). */
export const INSTRUCTION_ENTITY = 'inspection_instruction';

/** What the caller may do beside the lifecycle's actions. */
export function abilitiesOf(row: InspectionRow, actor: Actor, me: ParticipantRow | undefined, today: string) {
  const organiser = mayOrganise(row, actor);
  return {
    organise: organiser,
    editPlan: organiser && !mayChangePlan(row.state),
    editReport: organiser && row.state === 'drafting',
    collect: (organiser || !!me) && !mayCollect(row.state),
    signIn: !!me && !me.signed_in_at && can(actor, inspectionPermissions.takePart) && !signInOpen(row.state, today, row.planned_from, row.planned_to),
    instruct: organiser && (row.state === 'sent' || row.state === 'closed'),
  };
}

export { planningStates };
