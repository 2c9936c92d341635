/**
 * Commands on 协商活动. Each runs in one unit of work (`ctx.uow.run`): the rows, the history step, the work items (待办),
 * the audit record and the events commit together or not at all, and the events are delivered from the outbox after
 * commit. Writes by the organisers are guarded by the consultation's version (stale: 409 VERSION_CONFLICT); a
 * participant's own answer by their row's version.
 */
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import { signInBatches } from '../../../kernel/server/sign-in-batch.ts';
import { dailySignInToken, dailySignInTokenValid, newSignInSecret } from '../../../kernel/server/sign-in-code.ts';
import { affected, runPrepared } from '../../../kernel/server/db/prepared.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { getOrg, listUnits, memberIdsOfGroup, membersAmong } from '../../organizations/index.ts';
import { recommendationsRequestedEvent, type RecommendationsRequestedPayload } from '../../recommendations/contract.ts';
import type { ConsultationCreateBody, ConsultationEditBody, InviteBody } from '../contract.ts';
import { beforeMeetingStates, consultationLifecycle, consultationPermissions, organises } from '../domain/consultation-lifecycle.ts';
import { canSeeConsultation, defaultDeadlines, mayAnswer, mayHandInSpeech, preparationDeadlines, readsAll, signInOpen, workingDaysAfter, type ConsultationDeadlines } from '../domain/consultation-rules.ts';
import { findConsultation, jsonIds, participantOf } from './repository.ts';
import { planDb } from './plan-tables.ts';
import { readConsultationSettings } from './settings.ts';
import { consultationsDb, type ConsultationRow, type ParticipantRow } from './tables.ts';

export const LABEL = '协商活动';
/** The work items beside the consultation's own: a member's invitation (协商会议邀请) and a leave request to decide. */
export const invitationEntity = 'consultation-invitation';
export const leaveEntity = 'consultation-leave';

type Row = ConsultationRow & { [k: string]: unknown };

/** How the workflow runner handles a 协商活动: its table, who may see it, and the columns each transition writes. */
export function consultationSpec(ctx: ModuleContext, settings: ConsultationDeadlines = defaultDeadlines): WorkflowSpec<Row> {
  return {
    workflow: consultationLifecycle as unknown as WorkflowSpec<Row>['workflow'],
    table: 'consultations',
    entityLabel: LABEL,
    titleOf: (r) => r.title,
    // only the organisers and the leaders fire transitions; they see the record without being invited
    canSee: (r, actor) => canSeeConsultation(r, actor, false),
    async apply({ transition, input }) {
      const today = ctx.calendar.today();
      switch (transition.name) {
        case 'send_notice': return { notice_sent_on: today };
        case 'send_materials': return { materials_sent_on: today };
        case 'hold': return { held_on: today, outcome_due: workingDaysAfter(ctx.calendar.isWorkday, today, settings.outcomeWorkingDays), ...(input.minutes ? { minutes: input.minutes as string } : {}) };
        case 'draft_outcome': return { outcome_kind: input.outcomeKind as string };
        case 'return_outcome': return { return_reason: input.reason as string };
        case 'send': return { sent_on: today };
        default: return {};
      }
    },
  };
}

/** Load a consultation the actor may see (else 404), with the caller's own invitation. */
export async function loadVisible(ctx: ModuleContext, actor: Actor, id: string): Promise<{ row: ConsultationRow; me: ParticipantRow | undefined }> {
  const row = await findConsultation(ctx.db, id);
  const me = row ? await participantOf(ctx.db, id, actor.userId) : undefined;
  if (!row || !canSeeConsultation(row, actor, !!me)) throw notFound(LABEL);
  return { row, me };
}

/** The organisers of this consultation only (牵头专委会 or 办公室), holding the permission. */
async function loadForOrganiser(ctx: ModuleContext, actor: Actor, id: string, what: string) {
  const loaded = await loadVisible(ctx, actor, id);
  if (!can(actor, consultationPermissions.manage) || !organises(loaded.row, actor)) throw forbidden(what);
  return loaded;
}

const expect = (row: ConsultationRow, version: number) => { if (Number(row.version) !== version) throw versionConflict(LABEL); };

/** Check the partner units (协办部门) or responsible units are handling units of the CPPCC. */
async function checkUnits(ctx: ModuleContext, tenantId: string, ids: readonly string[], field: string, label: string) {
  if (ids.length === 0) return;
  const units = new Set((await listUnits(ctx.db, tenantId)).map((u) => u.id));
  const bad = ids.find((u) => !units.has(u));
  if (bad) throw invalid(field, `「${label}」`, '不是本级的承办单位');
}

/** The 年度协商计划 item a meeting carries out: an item of this CPPCC's plan, not cancelled (else a 400 naming the field). */
async function checkPlanItem(ctx: ModuleContext, tenantId: string, planItemId: string | null | undefined) {
  if (!planItemId) return;
  const item = await planDb(ctx.db).selectFrom('consultation_plan_items').select(['id', 'status']).where('id', '=', planItemId).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!item) throw invalid('planItemId', '「年度协商计划项」', '不是本级年度协商计划中的议题');
  if (item.status !== 'planned') throw invalid('planItemId', '「年度协商计划项」', '已从计划中取消');
}

/** 新建协商活动: a meeting on a topic, led by a committee; the notice and materials deadlines count back from its date. */
export async function createConsultation(ctx: ModuleContext, actor: Actor, body: ConsultationCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, consultationPermissions.manage, `新建${LABEL}`);
  const committee = await getOrg(ctx.db, body.leadCommitteeId);
  if (!committee || committee.kind !== 'committee' || committee.tenant_id !== actor.tenantId) throw invalid('leadCommitteeId', '「牵头专委会」', '不是本级的专门委员会');
  if (!organises({ tenant_id: actor.tenantId, lead_committee_id: committee.id }, actor)) throw invalid('leadCommitteeId', '「牵头专委会」', '只能是您所在的专委会');
  await checkUnits(ctx, actor.tenantId, body.partnerUnitIds, 'partnerUnitIds', '协办部门');
  await checkPlanItem(ctx, actor.tenantId, body.planItemId);
  const today = ctx.calendar.today();
  if (body.plannedOn < today) throw invalid('plannedOn', '「会议日期」', '不能早于今天');
  const settings = await readConsultationSettings(ctx, actor.tenantId);
  const { noticeDue, materialsDue } = preparationDeadlines(ctx.calendar.isWorkday, body.plannedOn, settings);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(consultationSpec(ctx, settings), {
      id, tenant_id: actor.tenantId, title: body.title, form: body.form, topic: body.topic, lead_committee_id: committee.id,
      partner_unit_ids: JSON.stringify([...new Set(body.partnerUnitIds)]), planned_on: body.plannedOn, planned_time: body.plannedTime ?? null,
      place: body.place ?? null, plan_item_id: body.planItemId ?? null, notice_due: noticeDue, materials_due: materialsDue, outcome_due: null,
      notice_sent_on: null, materials_sent_on: null, held_on: null, sent_on: null, minutes: null, outcome_kind: null, outcome_text: null,
      recommendation_count: 0, return_reason: null, proposal_ids: '[]', report_ids: '[]', signin_secret: newSignInSecret(),
      owner_user_id: actor.userId, owner_name: actor.displayName,
    } as unknown as Row, actor, ip);
  });
  return id;
}

/** A step in the consultation's history that changes no state, bumping its version; returns the new version. */
async function step(w: Work, row: ConsultationRow, actor: Actor, action: string, version: number, note?: string | null, ip?: string, data?: Record<string, unknown>) {
  await w.record({
    tenantId: row.tenant_id, entityType: 'consultation', entityId: row.id, to: row.state, action, actor, note: note ?? null, ip,
    audit: { action: `consultation.${action}`, data: { version: version + 1, ...data } }, event: { title: row.title, version: version + 1 },
  });
}

/** 修改: the organisers change the meeting (before it is held) or its minutes (after), under the version. */
export async function editConsultation(ctx: ModuleContext, actor: Actor, id: string, body: ConsultationEditBody, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, `修改${LABEL}`);
  if (row.state === 'closed') throw new AppError('INVALID_TRANSITION', `${LABEL}已办结，不能修改`);
  const before = (beforeMeetingStates as readonly string[]).includes(row.state);
  const meetingFields = (['title', 'form', 'topic', 'partnerUnitIds', 'plannedOn', 'plannedTime', 'place', 'planItemId'] as const).filter((k) => body[k] !== undefined);
  if (!before && meetingFields.length) throw invalid(meetingFields[0], '「会议安排」', '在会议召开后不能再修改');
  if (body.partnerUnitIds) await checkUnits(ctx, row.tenant_id, body.partnerUnitIds, 'partnerUnitIds', '协办部门');
  await checkPlanItem(ctx, row.tenant_id, body.planItemId);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.form !== undefined) set.form = body.form;
  if (body.topic !== undefined) set.topic = body.topic;
  if (body.partnerUnitIds !== undefined) set.partner_unit_ids = JSON.stringify([...new Set(body.partnerUnitIds)]);
  if (body.plannedTime !== undefined) set.planned_time = body.plannedTime;
  if (body.place !== undefined) set.place = body.place;
  if (body.planItemId !== undefined) set.plan_item_id = body.planItemId;
  if (body.minutes !== undefined) set.minutes = body.minutes;
  if (body.plannedOn !== undefined && body.plannedOn !== row.planned_on) {
    if (body.plannedOn < ctx.calendar.today()) throw invalid('plannedOn', '「会议日期」', '不能早于今天');
    const settings = await readConsultationSettings(ctx, row.tenant_id);
    const d = preparationDeadlines(ctx.calendar.isWorkday, body.plannedOn, settings);
    Object.assign(set, { planned_on: body.plannedOn, notice_due: d.noticeDue, materials_due: d.materialsDue });
  }
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('consultations', id, body.version, { ...set, updated_at: w.now }, LABEL);
    await step(w, row, actor, 'edit', body.version, null, ip, { fields: Object.keys(set) });
    // a new date moves the deadline of the open work item (通知, 材料 or 召开)
    if (set.planned_on) await w.openStateTask(consultationSpec(ctx), { ...row, ...set, version: body.version + 1 } as Row);
  });
}

/** Open a 协商会议邀请 work item for each invited member who has not answered yet. */
async function openInvitations(w: Work, row: ConsultationRow, userIds: readonly string[], actor: Actor) {
  for (const userId of userIds) {
    await w.openTask({
      tenantId: row.tenant_id, entityType: invitationEntity, entityId: row.id, recordType: 'consultation', state: row.state,
      title: row.title, label: '协商会议邀请', userId, dueDate: row.planned_on, actor,
    });
  }
}

/** Fire a lifecycle action. 发出通知 sends the invitations; 报送 sends the recommendations to the tracker. */
export async function fireConsultation(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  const settings = await readConsultationSettings(ctx, req.actor.tenantId);
  await ctx.uow.run(async (w) => {
    const res = await w.fire(consultationSpec(ctx, settings), {
      id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip,
      note: typeof req.input.note === 'string' ? req.input.note : typeof req.input.reason === 'string' ? req.input.reason : undefined,
    });
    const row = res.record as unknown as ConsultationRow;
    const db = consultationsDb(w.trx);
    if (req.action === 'send_notice') {
      // the notice is the invitation: each invited member who has not answered gets a work item and a notice
      const invited = await db.selectFrom('consultation_participants').select('user_id').where('consultation_id', '=', row.id)
        .where('kind', '=', 'member').where('status', '=', 'invited').execute();
      await openInvitations(w, row, invited.map((p) => p.user_id!).filter(Boolean), req.actor);
    }
    if (req.action === 'hold') {
      // the meeting is over: unanswered invitations are moot
      await w.closeTasks(invitationEntity, row.id);
    }
    if (req.action === 'send') {
      const recs = await db.selectFrom('consultation_recommendations').selectAll().where('consultation_id', '=', row.id).orderBy('seq').execute();
      const payload: RecommendationsRequestedPayload = {
        tenantId: row.tenant_id,
        source: { module: 'consultations', type: 'consultation', id: row.id, title: row.title, link: `/consultations/${encodeURIComponent(row.id)}` },
        requestedBy: req.actor.userId,
        items: recs.map((r) => ({ key: String(r.seq), text: r.text, unitIds: jsonIds(r.unit_ids), dueInWorkingDays: Number(r.due_working_days) })),
      };
      await w.emit({
        type: recommendationsRequestedEvent, tenantId: row.tenant_id, entityType: 'consultation', entityId: row.id, actorId: req.actor.userId,
        payload: payload as unknown as Record<string, unknown>,
      });
    }
  });
}

/** 邀请参会: members (hand-picked, a committee's, a sector's) and others (department heads, experts, the public). */
export async function invite(ctx: ModuleContext, actor: Actor, id: string, body: InviteBody, ip?: string): Promise<{ added: number }> {
  const { row } = await loadForOrganiser(ctx, actor, id, '邀请参会人员');
  if (!(beforeMeetingStates as readonly string[]).includes(row.state)) throw new AppError('INVALID_TRANSITION', '会议召开后不能再邀请参会人员');
  expect(row, body.version);
  const ids = new Set(body.userIds);
  const group = async (by: 'committee' | 'sector', groupId: string, field: string, label: string) => {
    const rows = await memberIdsOfGroup(ctx.db, row.tenant_id, by, groupId).execute() as Array<{ user_id: string }>;
    if (rows.length === 0) throw invalid(field, `「${label}」`, '没有本级委员');
    for (const r of rows) ids.add(r.user_id);
  };
  if (body.committeeId) await group('committee', body.committeeId, 'committeeId', '按专委会');
  if (body.sectorId) await group('sector', body.sectorId, 'sectorId', '按界别');
  const members = await membersAmong(ctx.db, row.tenant_id, [...ids]);
  const stranger = [...ids].find((u) => !members.has(u));
  if (stranger) throw invalid('userIds', '「委员」', '中有不是本级委员的人员');
  for (const o of body.others) if (o.orgId) await checkUnits(ctx, row.tenant_id, [o.orgId], 'others', '所在部门');
  const existing = new Set((await consultationsDb(ctx.db).selectFrom('consultation_participants').select('user_id').where('consultation_id', '=', id).where('user_id', 'is not', null).execute()).map((r) => r.user_id));
  const fresh = [...ids].filter((u) => !existing.has(u));
  const people = await findPeople(ctx.db, fresh);
  if (fresh.length === 0 && body.others.length === 0) return { added: 0 };
  await ctx.uow.run(async (w) => {
    const db = consultationsDb(w.trx);
    const base = { consultation_id: id, tenant_id: row.tenant_id, status: 'invited', leave_reason: null, signed_in_at: null, signed_in_by: null, speech_kind: null, speech_order: null, speech_text: null, speech_at: null, version: 1, created_at: w.now };
    const rows = [
      ...fresh.map((u) => ({ ...base, id: newId(), kind: 'member', user_id: u, name: people.get(u)?.name ?? u, org_id: null })),
      // others do not answer through the system: the organisers confirm them when they invite them
      ...body.others.map((o) => ({ ...base, id: newId(), kind: o.kind, user_id: null, name: o.name, org_id: o.orgId ?? null, status: 'confirmed' })),
    ];
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('consultation_participants').values(rows.slice(i, i + 200)).execute();
    await w.bumpVersion('consultations', id, body.version, { updated_at: w.now }, LABEL);
    await step(w, row, actor, 'invite', body.version, `${rows.length} 人`, ip, { members: fresh.length, others: body.others.length });
    // invited after the notice went out: the invitation goes now
    if (row.state !== 'preparing') await openInvitations(w, row, fresh, actor);
  });
  return { added: fresh.length + body.others.length };
}

/** 取消邀请: before the meeting, the organisers take a participant off the list. */
export async function uninvite(ctx: ModuleContext, actor: Actor, id: string, participantId: string, version: number, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, '取消邀请');
  if (!(beforeMeetingStates as readonly string[]).includes(row.state)) throw new AppError('INVALID_TRANSITION', '会议召开后不能再取消邀请');
  const p = await consultationsDb(ctx.db).selectFrom('consultation_participants').selectAll().where('id', '=', participantId).where('consultation_id', '=', id).executeTakeFirst();
  if (!p) throw notFound('参会人员');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('consultations', id, version, { updated_at: w.now }, LABEL);
    await consultationsDb(w.trx).deleteFrom('consultation_participants').where('id', '=', participantId).execute();
    if (p.user_id) await w.closeTasks(invitationEntity, id, { userId: p.user_id });
    await w.closeTasks(leaveEntity, participantId);
    await step(w, row, actor, 'uninvite', version, p.name, ip);
  });
}

/** Update a participant's row under its version (a second answer from another tab is a 409). */
async function bumpParticipant(w: Work, p: ParticipantRow, set: Record<string, unknown>) {
  const r = await consultationsDb(w.trx).updateTable('consultation_participants').set({ ...set, version: Number(p.version) + 1 })
    .where('id', '=', p.id).where('version', '=', Number(p.version)).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw versionConflict('参会答复');
}

/** The invited member's answer: 确认参会, or 请假 with a reason (the organisers approve it). */
export async function answer(ctx: ModuleContext, actor: Actor, id: string, body: { answer: 'confirm' | 'leave'; reason?: string }, ip?: string): Promise<void> {
  const { row, me } = await loadVisible(ctx, actor, id);
  if (!me || me.kind !== 'member') throw forbidden('答复邀请（您不在本次协商会议的参会名单中）');
  const why = mayAnswer(row.state, ctx.calendar.today(), row.planned_on);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  if (body.answer === 'leave' && !body.reason) throw invalid('reason', '「请假事由」', '必填');
  if (me.status === 'leave_approved') throw new AppError('INVALID_TRANSITION', '您的请假已获批准');
  await ctx.uow.run(async (w) => {
    await bumpParticipant(w, me, body.answer === 'confirm' ? { status: 'confirmed', leave_reason: null } : { status: 'leave_requested', leave_reason: body.reason });
    await w.closeTasks(invitationEntity, id, { userId: actor.userId });
    if (body.answer === 'leave') {
      await w.openTask({
        tenantId: row.tenant_id, entityType: leaveEntity, entityId: me.id, recordType: 'consultation', state: row.state, title: `${me.name}：${row.title}`,
        label: '审批协商会议请假', orgId: row.lead_committee_id, role: 'committee_staff', dueDate: row.planned_on, actor,
      });
    } else {
      await w.closeTasks(leaveEntity, me.id);
    }
    await w.record({
      tenantId: row.tenant_id, entityType: 'consultation', entityId: id, to: row.state, action: body.answer === 'confirm' ? 'confirm' : 'ask_leave', actor, ip,
      note: body.answer === 'leave' ? body.reason : null, audit: { action: `consultation.${body.answer === 'confirm' ? 'confirm' : 'ask_leave'}`, data: { participantId: me.id } },
      event: { title: row.title, version: Number(row.version) },
    });
  });
}

/** 审批请假: the organisers approve a leave request, or refuse it (the member is asked to attend, and answers again). */
export async function decideLeave(ctx: ModuleContext, actor: Actor, id: string, participantId: string, body: { version: number; approve: boolean }, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, '审批请假');
  const p = await consultationsDb(ctx.db).selectFrom('consultation_participants').selectAll().where('id', '=', participantId).where('consultation_id', '=', id).executeTakeFirst();
  if (!p) throw notFound('参会人员');
  if (p.status !== 'leave_requested') throw new AppError('INVALID_TRANSITION', `${p.name}没有待审批的请假`);
  if (Number(p.version) !== body.version) throw versionConflict('参会答复');
  await ctx.uow.run(async (w) => {
    await bumpParticipant(w, p, { status: body.approve ? 'leave_approved' : 'invited' });
    await w.closeTasks(leaveEntity, p.id);
    if (!body.approve && p.user_id) await openInvitations(w, row, [p.user_id], actor);
    await w.record({
      tenantId: row.tenant_id, entityType: 'consultation', entityId: id, to: row.state, action: body.approve ? 'approve_leave' : 'refuse_leave', actor, ip, note: p.name,
      audit: { action: `consultation.${body.approve ? 'approve_leave' : 'refuse_leave'}`, data: { participantId: p.id } },
      event: { title: row.title, version: Number(row.version), audience: p.user_id ? { userIds: [p.user_id] } : undefined },
    });
  });
}

/** 书面发言: the invited member hands in (or replaces) a written speech before the meeting. */
export async function handInSpeech(ctx: ModuleContext, actor: Actor, id: string, text: string, ip?: string): Promise<void> {
  const { row, me } = await loadVisible(ctx, actor, id);
  if (!me || me.kind !== 'member') throw forbidden('提交书面发言（您不在本次协商会议的参会名单中）');
  const why = mayHandInSpeech(row.state, ctx.calendar.today(), row.planned_on);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  await ctx.uow.run(async (w) => {
    await bumpParticipant(w, me, { speech_kind: me.speech_kind ?? 'written', speech_text: text, speech_at: w.now });
    await w.audit({ tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation.speech', entityType: 'consultation', entityId: id, data: { participantId: me.id, length: text.length }, ip });
    await w.emit({ type: 'consultation.speech', tenantId: row.tenant_id, entityType: 'consultation', entityId: id, actorId: actor.userId, payload: { participantId: me.id } });
  });
}

/** 安排发言: the order of speeches (口头 / 书面) with their texts; those left out have no place in the order. */
export async function arrangeSpeeches(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; speeches: Array<{ participantId: string; kind: 'oral' | 'written'; text?: string | null }> }, ip?: string): Promise<void> {
  const { row } = await loadForOrganiser(ctx, actor, id, '安排发言');
  if (['signoff', 'signed', 'sent', 'closed'].includes(row.state)) throw new AppError('INVALID_TRANSITION', '成果提交签发后不能再调整发言');
  expect(row, body.version);
  const known = new Set((await consultationsDb(ctx.db).selectFrom('consultation_participants').select('id').where('consultation_id', '=', id).execute()).map((r) => r.id));
  const seen = new Set<string>();
  body.speeches.forEach((s, i) => {
    if (!known.has(s.participantId)) throw invalid(`speeches.${i}.participantId`, '「参会人员」', '不在本次会议的参会名单中');
    if (seen.has(s.participantId)) throw invalid(`speeches.${i}.participantId`, '「参会人员」', '重复');
    seen.add(s.participantId);
  });
  await ctx.uow.run(async (w) => {
    const db = consultationsDb(w.trx);
    await w.bumpVersion('consultations', id, body.version, { updated_at: w.now }, LABEL);
    await db.updateTable('consultation_participants').set({ speech_order: null }).where('consultation_id', '=', id).execute();
    for (const [i, s] of body.speeches.entries()) {
      const set: Record<string, unknown> = { speech_order: i + 1, speech_kind: s.kind };
      if (s.text !== undefined) set.speech_text = s.text;
      await db.updateTable('consultation_participants').set(set).where('id', '=', s.participantId).execute();
    }
    await step(w, row, actor, 'speeches', body.version, `${body.speeches.length} 人发言`, ip);
  });
}

/* ------------------------------------------------------------------ sign-in (签到) */

/** The meeting's sign-in token for a day: the day and a signature only the server can make (shown as a QR link). */
export const signInToken = (row: Pick<ConsultationRow, 'id' | 'signin_secret'>, date: string) => dailySignInToken(row.signin_secret, row.id, date);
const tokenValid = (row: ConsultationRow, token: string, today: string) => dailySignInTokenValid(row.signin_secret, row.id, token, today);

/** One sign-in to write: the meeting, the participant as read, who signs them in. */
interface SignIn { ctx: ModuleContext; row: ConsultationRow; p: ParticipantRow; actor: Actor; byStaff: boolean; ip?: string }

/**
 * Write sign-ins in the caller's unit of work: each participant's row (only if not yet signed in), its audit record and
 * its event. A second sign-in's 409 is returned in its place rather than thrown, so that the others still commit.
 */
async function writeSignIns(w: Work, batch: readonly SignIn[]): Promise<Array<string | AppError>> {
  const out: Array<string | AppError> = [];
  for (const { p, actor, byStaff } of batch) {
    // a hot statement, compiled once (`runPrepared`); only a participant not yet signed in is marked
    const confirm = p.status === 'invited' || p.status === 'leave_requested';
    const r = await runPrepared(w.trx, `consultations:sign_in:${confirm}`, [w.now, actor.userId, Number(p.version) + 1, p.id], (d, v) =>
      d.updateTable('consultation_participants').set({ signed_in_at: v[0], signed_in_by: v[1], version: v[2], ...(confirm ? { status: 'confirmed' } : {}) })
        .where('id', '=', v[3]).where('signed_in_at', 'is', null));
    out.push(affected(r) === 1 ? w.now : new AppError('CONFLICT', `${byStaff ? p.name : '您'}已经签到，不能重复签到`));
  }
  const done = batch.filter((_, i) => !(out[i] instanceof AppError));
  await w.emitAll(done.map(({ row, p, actor }) => ({ type: 'consultation.signed_in', tenantId: row.tenant_id, entityType: 'consultation', entityId: row.id, actorId: actor.userId, payload: { participantId: p.id, userId: p.user_id, room: `consultation:${row.id}` } })));
  // one audit record per sign-in, chained in order under the chain's lock, taken once and last (held until the commit)
  await w.auditAll(done.map(({ row, p, actor, byStaff, ip }) => ({
    tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'consultation.sign_in', entityType: 'consultation', entityId: row.id,
    data: { participantId: p.id, userId: p.user_id, byStaff }, ip,
  })));
  return out;
}

/**
 * Sign-ins that arrive together commit together, through the kernel's queue (decisions 0054, 0067): each writes its own
 * row, audit record and event and is answered after the commit. One that a shared unit of work committed before it
 * failed is recognised by its time and answered as signed in.
 */
const signInQueue = signInBatches<SignIn>({
  write: writeSignIns,
  async committedAt(s, sharedNow, e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT')) return undefined;
    const now = await consultationsDb(s.ctx.db).selectFrom('consultation_participants').select(['signed_in_at', 'signed_in_by']).where('id', '=', s.p.id).executeTakeFirst();
    return now && now.signed_in_at === sharedNow && now.signed_in_by === s.actor.userId ? sharedNow : undefined;
  },
});

/** Mark one participant signed in, once: a second sign-in is a 409. Sign-ins arriving together share a unit of work. */
async function markSignedIn(ctx: ModuleContext, row: ConsultationRow, p: ParticipantRow, actor: Actor, byStaff: boolean, ip?: string): Promise<string> {
  return signInQueue(ctx).add({ ctx, row, p, actor, byStaff, ip });
}

/** 扫码签到: the member, signed in on their phone, opens the meeting's link; only for themselves, once, on the day. */
export async function signInByLink(ctx: ModuleContext, actor: Actor, id: string, body: { token: string; userId?: string }, ip?: string) {
  requirePermission(actor, consultationPermissions.attend, '签到');
  if (body.userId && body.userId !== actor.userId) throw new AppError('FORBIDDEN', '不能替他人签到');
  const row = await findConsultation(ctx.db, id);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound(LABEL);
  const today = ctx.calendar.today();
  if (!tokenValid(row, body.token, today)) throw invalid('token', '「签到码」', '无效或已过期，请扫描会场的签到码');
  const why = signInOpen(row.state, today, row.planned_on);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const me = await participantOf(ctx.db, id, actor.userId);
  if (!me) throw new AppError('FORBIDDEN', '您不在本次协商会议的参会名单中');
  const at = await markSignedIn(ctx, row, me, actor, false, ip);
  return { consultationId: row.id, title: row.title, name: me.name, signedInAt: at };
}

/** 代为签到: the organisers sign a participant in at the door. */
export async function signInFor(ctx: ModuleContext, actor: Actor, id: string, participantId: string, ip?: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '代为签到');
  const why = signInOpen(row.state, ctx.calendar.today(), row.planned_on);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const p = await consultationsDb(ctx.db).selectFrom('consultation_participants').selectAll().where('id', '=', participantId).where('consultation_id', '=', id).executeTakeFirst();
  if (!p) throw notFound('参会人员');
  const at = await markSignedIn(ctx, row, p, actor, true, ip);
  return { consultationId: row.id, title: row.title, name: p.name, signedInAt: at };
}

/** The sign-in link of the day, for the screen in the meeting room (the organisers only). */
export async function signInCodeOf(ctx: ModuleContext, actor: Actor, id: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '查看签到码');
  const today = ctx.calendar.today();
  const why = signInOpen(row.state, today, row.planned_on);
  if (why) throw new AppError('INVALID_TRANSITION', why);
  const token = signInToken(row, today);
  return { token, validOn: today, url: `/consultations/${encodeURIComponent(row.id)}/signin?t=${encodeURIComponent(token)}` };
}

/* ------------------------------------------------------------------ outcome, 批示, links */

/** 成果: the outcome's text and its recommendations (each with responsible units and working days), while drafted. */
export async function saveOutcome(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; outcomeKind?: string; outcomeText: string; recommendations: Array<{ text: string; unitIds: string[]; dueWorkingDays: number }> }, ip?: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '起草协商成果');
  if (row.state !== 'drafting') throw new AppError('INVALID_TRANSITION', '只有成果起草中的协商活动可以修改成果');
  expect(row, body.version);
  for (const [i, r] of body.recommendations.entries()) await checkUnits(ctx, row.tenant_id, r.unitIds, `recommendations.${i}.unitIds`, '责任单位');
  await ctx.uow.run(async (w) => {
    const db = consultationsDb(w.trx);
    await w.bumpVersion('consultations', id, body.version, {
      outcome_text: body.outcomeText, ...(body.outcomeKind ? { outcome_kind: body.outcomeKind } : {}), recommendation_count: body.recommendations.length, updated_at: w.now,
    }, LABEL);
    await db.deleteFrom('consultation_recommendations').where('consultation_id', '=', id).execute();
    if (body.recommendations.length) {
      await db.insertInto('consultation_recommendations').values(body.recommendations.map((r, i) => ({
        id: newId(), consultation_id: id, seq: i + 1, text: r.text, unit_ids: JSON.stringify([...new Set(r.unitIds)]), due_working_days: r.dueWorkingDays,
      }))).execute();
    }
    await step(w, row, actor, 'outcome', body.version, `${body.recommendations.length} 条建议`, ip);
  });
}

/** 批示: a leader's instruction on the sent outcome, recorded as a step of the history and an event. */
export async function recordInstruction(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; by: string; text: string; onDate: string }, ip?: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '记录批示');
  if (row.state !== 'sent' && row.state !== 'closed') throw new AppError('INVALID_TRANSITION', '成果报送后才能记录领导批示');
  if (body.onDate > ctx.calendar.today()) throw invalid('onDate', '「批示日期」', '不能晚于今天');
  if (row.sent_on && body.onDate < row.sent_on) throw invalid('onDate', '「批示日期」', '不能早于报送日期');
  expect(row, body.version);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('consultations', id, body.version, { updated_at: w.now }, LABEL);
    await consultationsDb(w.trx).insertInto('consultation_instructions').values({ id: newId(), consultation_id: id, by_name: body.by, text: body.text, on_date: body.onDate, recorded_by: actor.userId, created_at: w.now }).execute();
    await step(w, row, actor, 'instruct', body.version, `${body.by}：${body.text}`, ip);
    await w.emit({ type: 'consultation.instructed', tenantId: row.tenant_id, entityType: 'consultation', entityId: id, actorId: actor.userId, payload: { by: body.by, text: body.text, onDate: body.onDate } });
  });
}

/** 关联: the proposals and 社情民意 reports the consultation yielded, each one the actor may see. */
export async function setLinks(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; proposalIds: string[]; reportIds: string[] }, ip?: string) {
  const { row } = await loadForOrganiser(ctx, actor, id, '关联提案和社情民意');
  expect(row, body.version);
  const check = async (type: string, ids: string[], field: string, label: string) => {
    const uniq = [...new Set(ids)];
    if (!uniq.length) return uniq;
    const seen = await ctx.contributions.visibleIds(type, actor, uniq);
    const bad = uniq.find((x) => !seen || !seen.has(x));
    if (bad) throw invalid(field, `「${label}」`, `中的 ${bad} 不存在或无权查看`);
    return uniq;
  };
  const proposals = await check('proposal', body.proposalIds, 'proposalIds', '关联提案');
  const reports = await check('opinion', body.reportIds, 'reportIds', '关联社情民意');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('consultations', id, body.version, { proposal_ids: JSON.stringify(proposals), report_ids: JSON.stringify(reports), updated_at: w.now }, LABEL);
    // the rows the linked records' pages read (关联协商), kept with the lists on the meeting's row
    const db = consultationsDb(w.trx);
    await db.deleteFrom('consultation_links').where('consultation_id', '=', id).execute();
    const links = [
      ...proposals.map((x, i) => ({ consultation_id: id, entity_type: 'proposal', entity_id: x, seq: i + 1 })),
      ...reports.map((x, i) => ({ consultation_id: id, entity_type: 'opinion', entity_id: x, seq: i + 1 })),
    ];
    if (links.length) await db.insertInto('consultation_links').values(links).execute();
    await step(w, row, actor, 'links', body.version, `提案 ${proposals.length} 件，社情民意 ${reports.length} 篇`, ip);
  });
}

/** May the caller change anything of the record as organiser (the web's buttons read it through `can`). */
export const organiserOf = (row: ConsultationRow, actor: Actor) => can(actor, consultationPermissions.manage) && organises(row, actor);
export const readsEverything = (actor: Actor) => readsAll(actor);
