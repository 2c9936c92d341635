/**
 * Commands on 会议. Each runs in one unit of work (`ctx.uow.run`): the rows, the audit record and the events commit
 * together or not at all. Writes to a meeting or a participant are guarded by the version the client read (409).
 */
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { signInBatches } from '../../../kernel/server/sign-in-batch.ts';
import { fixedSignInToken, fixedSignInTokenValid, newSignInSecret, signInWindowRefusal } from '../../../kernel/server/sign-in-code.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import { memberIdsOf, membersAmong, standingMemberIdsOf } from '../../organizations/index.ts';
import type { MeetingCreateBody, MeetingEditBody } from '../contract.ts';
import { attendanceOf, canSeeMeeting, leaveRefusal, manages, readsAll, type LeaveState, type MeetingKind } from '../domain/meeting-rules.ts';
import { meetingsLifecycle, meetingsPermissions } from '../domain/meetings-lifecycle.ts';
import { findMeeting, participantOf, sessionsOf, signInFacts } from './repository.ts';
import { defaultMeetingsSettings, readMeetingsSettings, type MeetingsSettings } from './settings.ts';
import { meetingsDb, type MeetingRow, type ParticipantRow, type SessionRow } from './tables.ts';

export const LABEL = '会议';

/** The China date of a stored UTC instant. */
export const chinaDateOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/** A China local time 'YYYY-MM-DDTHH:mm' (or an ISO instant with a zone) as a stored UTC instant. */
export const instantOf = (s: string) => new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}+08:00`).toISOString();

/** Attendance of every participant as it stands (sign-ins and leave), by the domain rule. */
export async function attendanceNow(db: ModuleContext['db'], meetingId: string, share: number) {
  const d = meetingsDb(db);
  const [sessions, people, signs] = await Promise.all([
    d.selectFrom('meeting_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow(),
    d.selectFrom('meeting_participants').select(['id', 'user_id', 'leave_state']).where('meeting_id', '=', meetingId).execute(),
    d.selectFrom('meeting_signins').select(['user_id', (eb) => eb.fn.countAll<number>().as('n')]).where('meeting_id', '=', meetingId).groupBy('user_id').execute(),
  ]);
  const signed = new Map(signs.map((s) => [s.user_id, Number(s.n)]));
  return people.map((p) => ({ id: p.id, userId: p.user_id, code: attendanceOf({ sessions: Number(sessions.n), signedIn: signed.get(p.user_id) ?? 0, leave: p.leave_state as LeaveState | null, presentShare: share }) }));
}

export function meetingSpec(settings: MeetingsSettings = defaultMeetingsSettings): WorkflowSpec<MeetingRow & { [k: string]: unknown }> {
  return {
    workflow: meetingsLifecycle as WorkflowSpec<any>['workflow'],
    table: 'meetings',
    entityLabel: LABEL,
    titleOf: (r) => r.title,
    // the runner's actions are the staff's; participants act through their own routes
    canSee: (r, actor) => canSeeMeeting(r, actor, false),
    async apply({ trx, record, transition }) {
      if (transition.name !== 'close') return {};
      // 结束会议: each participant's attendance is fixed by the rule, with the share as configured now
      for (const a of await attendanceNow(trx, record.id, settings.presentShare)) {
        await meetingsDb(trx).updateTable('meeting_participants').set((eb) => ({ attendance: a.code, closed: 1, version: eb('version', '+', 1) })).where('id', '=', a.id).execute();
      }
      return {};
    },
  };
}

/** The people a kind of meeting is for: every member (全体会议), the standing committee (常委会议), the leaders (主席会议). */
export async function peopleOfKind(ctx: Pick<ModuleContext, 'db'>, tenantId: string, kind: MeetingKind): Promise<string[]> {
  if (kind === 'plenary') return (await memberIdsOf(ctx.db, tenantId).execute()).map((r) => r.user_id);
  if (kind === 'standing') return standingMemberIdsOf(ctx.db, tenantId);
  return tenantUsersHoldingRoles(ctx.db, tenantId, ['leader']);
}

function checkSessions(sessions: MeetingCreateBody['sessions']) {
  const out = sessions.map((s, i) => {
    const startsAt = instantOf(s.startsAt);
    const endsAt = instantOf(s.endsAt);
    if (Number.isNaN(Date.parse(startsAt))) throw invalid(`sessions.${i}.startsAt`, '「开始时间」', '不是有效的时间');
    if (Number.isNaN(Date.parse(endsAt))) throw invalid(`sessions.${i}.endsAt`, '「结束时间」', '不是有效的时间');
    if (endsAt <= startsAt) throw invalid(`sessions.${i}.endsAt`, '「结束时间」', '应晚于开始时间');
    return { label: s.label, startsAt, endsAt };
  });
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** 新建会议: its sessions and the participants its kind calls for. Returns its id. */
export async function createMeeting(ctx: ModuleContext, actor: Actor, body: MeetingCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, meetingsPermissions.manage, `新建${LABEL}`);
  const sessions = checkSessions(body.sessions);
  const userIds = await peopleOfKind(ctx, actor.tenantId, body.kind);
  const people = await findPeople(ctx.db, userIds);
  const id = newId();
  const heldOn = chinaDateOf(sessions[0].startsAt);
  await ctx.uow.run(async (w) => {
    await w.create(meetingSpec(), {
      id, tenant_id: actor.tenantId, kind: body.kind, title: body.title, place: body.place, body: body.body, agenda: JSON.stringify(body.agenda),
      held_on: heldOn, signin_secret: newSignInSecret(), owner_user_id: actor.userId, owner_name: actor.displayName,
    }, actor, ip);
    const db = meetingsDb(w.trx);
    await db.insertInto('meeting_sessions').values(sessions.map((s, i) => ({ id: newId(), meeting_id: id, tenant_id: actor.tenantId, seq: i + 1, label: s.label, starts_at: s.startsAt, ends_at: s.endsAt }))).execute();
    const rows = userIds.filter((u) => people.has(u)).map((u) => participantValues(actor.tenantId, id, body.kind, heldOn, u, people.get(u)!.name, 'kind', w.now));
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('meeting_participants').values(rows.slice(i, i + 200)).execute();
  });
  return id;
}

const participantValues = (tenantId: string, meetingId: string, kind: string, heldOn: string, userId: string, name: string, source: string, now: string): ParticipantRow => ({
  id: newId(), meeting_id: meetingId, tenant_id: tenantId, user_id: userId, name, source, leave_state: null, leave_reason: null, leave_decided_by: null,
  leave_decided_at: null, attendance: null, kind, held_on: heldOn, closed: 0, version: 1, created_at: now,
});

/** Load a meeting the actor organises (staff of its CPPCC). */
async function loadManaged(ctx: ModuleContext, actor: Actor, id: string, what: string): Promise<MeetingRow> {
  const r = await findMeeting(ctx.db, id);
  await checkManaged(ctx, actor, r, what);
  return r!;
}

/** A meeting read already: the actor sees it (not found otherwise) and manages meetings (forbidden otherwise). */
async function checkManaged(ctx: ModuleContext, actor: Actor, r: Pick<MeetingRow, 'id' | 'tenant_id'> | undefined | null, what: string): Promise<void> {
  if (!r || r.tenant_id !== actor.tenantId || !(readsAll(actor) || (await participantOf(ctx.db, r.id, actor.userId)))) throw notFound(LABEL);
  if (!manages(actor)) throw forbidden(what);
}

/** Load a meeting the actor takes part in (a notified one). */
async function loadAttended(ctx: ModuleContext, actor: Actor, id: string): Promise<{ r: MeetingRow; me: ParticipantRow | undefined }> {
  const r = await findMeeting(ctx.db, id);
  const me = r ? await participantOf(ctx.db, id, actor.userId) : undefined;
  if (!r || !canSeeMeeting(r, actor, !!me)) throw notFound(LABEL);
  return { r, me };
}

export const canEdit = (r: MeetingRow, actor: Actor) => manages(actor) && r.tenant_id === actor.tenantId && r.state !== 'closed';

/** 修改: title, place, notes, agenda and materials, under the version read. */
export async function editMeeting(ctx: ModuleContext, actor: Actor, id: string, body: MeetingEditBody, ip?: string): Promise<void> {
  const r = await loadManaged(ctx, actor, id, `修改${LABEL}`);
  if (!canEdit(r, actor)) throw new AppError('INVALID_TRANSITION', '会议已结束，不能修改');
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.place !== undefined) set.place = body.place;
  if (body.body !== undefined) set.body = body.body;
  if (body.agenda !== undefined) set.agenda = JSON.stringify(body.agenda);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('meetings', id, body.version, { ...set, updated_at: w.now }, LABEL);
    if (body.attachmentIds?.length) await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: 'meeting', entityId: id, actor });
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'meeting.edit', entityType: 'meeting', entityId: id, data: { fields: Object.keys(set), attachments: body.attachmentIds?.length ?? 0 }, ip });
  });
}

/** Fire a lifecycle action (发出通知, 结束会议). */
export async function fireMeeting(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  const settings = await readMeetingsSettings(ctx, req.actor.tenantId);
  await ctx.uow.run(async (w) => {
    await w.fire(meetingSpec(settings), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
}

/** 增加参会人员: members or leaders of the CPPCC added one by one; told at once when the notice has gone out. */
export async function addParticipants(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; userIds: string[] }, ip?: string): Promise<void> {
  const r = await loadManaged(ctx, actor, id, '增加参会人员');
  if (r.state === 'closed') throw new AppError('INVALID_TRANSITION', '会议已结束，不能增加参会人员');
  const ids = [...new Set(body.userIds)];
  const [members, leaders, people, existing] = await Promise.all([
    membersAmong(ctx.db, r.tenant_id, ids), tenantUsersHoldingRoles(ctx.db, r.tenant_id, ['leader']), findPeople(ctx.db, ids),
    meetingsDb(ctx.db).selectFrom('meeting_participants').select('user_id').where('meeting_id', '=', id).where('user_id', 'in', ids).execute(),
  ]);
  const lead = new Set(leaders);
  const bad = ids.findIndex((u) => !members.has(u) && !lead.has(u));
  if (bad >= 0) throw invalid(`userIds.${bad}`, '「人员」', '不是本级政协委员或领导');
  if (existing.length) throw new AppError('CONFLICT', `${people.get(existing[0].user_id)?.name ?? ''}已在参会名单中`);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('meetings', id, body.version, { updated_at: w.now }, LABEL);
    await meetingsDb(w.trx).insertInto('meeting_participants').values(ids.map((u) => participantValues(r.tenant_id, id, r.kind, r.held_on, u, people.get(u)!.name, 'added', w.now))).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'meeting.add_participants', entityType: 'meeting', entityId: id, data: { userIds: ids }, ip });
    if (r.state === 'noticed') await w.emit({ type: 'meeting.invited', tenantId: r.tenant_id, entityType: 'meeting', entityId: id, actorId: actor.userId, payload: { userIds: ids } });
  });
}

/** 移出参会人员: before the meeting closes, someone who has not signed in. */
export async function removeParticipant(ctx: ModuleContext, actor: Actor, id: string, participantId: string, ip?: string): Promise<void> {
  const r = await loadManaged(ctx, actor, id, '移出参会人员');
  if (r.state === 'closed') throw new AppError('INVALID_TRANSITION', '会议已结束，不能移出参会人员');
  const p = await meetingsDb(ctx.db).selectFrom('meeting_participants').selectAll().where('id', '=', participantId).where('meeting_id', '=', id).executeTakeFirst();
  if (!p) throw notFound('参会人员');
  const signed = await meetingsDb(ctx.db).selectFrom('meeting_signins').select('id').where('meeting_id', '=', id).where('user_id', '=', p.user_id).executeTakeFirst();
  if (signed) throw new AppError('CONFLICT', `${p.name}已签到，不能移出`);
  await ctx.uow.run(async (w) => {
    await meetingsDb(w.trx).deleteFrom('meeting_participants').where('id', '=', p.id).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'meeting.remove_participant', entityType: 'meeting', entityId: id, data: { userId: p.user_id, name: p.name }, ip });
  });
}

/** 请假: a participant asks before the first session, with the reason; the staff are told through their work. */
export async function requestLeave(ctx: ModuleContext, actor: Actor, id: string, reason: string, ip?: string): Promise<void> {
  requirePermission(actor, meetingsPermissions.attend, '请假');
  const { r, me } = await loadAttended(ctx, actor, id);
  if (!me) throw new AppError('FORBIDDEN', '您不在本次会议的参会名单中');
  const [sessions, signs] = await Promise.all([sessionsOf(ctx.db, id), meetingsDb(ctx.db).selectFrom('meeting_signins').select('id').where('meeting_id', '=', id).where('user_id', '=', actor.userId).execute()]);
  const why = leaveRefusal({ state: r.state, nowMs: clock.nowMs(), firstStartsAt: sessions[0]?.starts_at ?? null, leave: me.leave_state as LeaveState | null, signedIn: signs.length });
  if (why) throw new AppError(r.state === 'noticed' ? 'CONFLICT' : 'INVALID_TRANSITION', why);
  await ctx.uow.run(async (w) => {
    const u = await meetingsDb(w.trx).updateTable('meeting_participants')
      .set({ leave_state: 'requested', leave_reason: reason, leave_decided_by: null, leave_decided_at: null, version: Number(me.version) + 1 })
      .where('id', '=', me.id).where('version', '=', me.version).executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw versionConflict('请假');
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'meeting.leave_request', entityType: 'meeting', entityId: id, data: { reason }, ip });
    await w.emit({ type: 'meeting.leave_requested', tenantId: r.tenant_id, entityType: 'meeting', entityId: id, actorId: actor.userId, payload: { participantId: me.id, name: me.name } });
  });
}

/** 准假 / 不准假: the staff decide, under the participant's version; the member is told. */
export async function decideLeave(ctx: ModuleContext, actor: Actor, id: string, participantId: string, body: { version: number; approve: boolean }, ip?: string): Promise<void> {
  const r = await loadManaged(ctx, actor, id, '审批请假');
  if (r.state !== 'noticed') throw new AppError('INVALID_TRANSITION', '只有已通知、未结束的会议可以审批请假');
  const p = await meetingsDb(ctx.db).selectFrom('meeting_participants').selectAll().where('id', '=', participantId).where('meeting_id', '=', id).executeTakeFirst();
  if (!p) throw notFound('参会人员');
  if (p.leave_state !== 'requested') throw new AppError('CONFLICT', `${p.name}没有待审批的请假`);
  await ctx.uow.run(async (w) => {
    const u = await meetingsDb(w.trx).updateTable('meeting_participants')
      .set({ leave_state: body.approve ? 'approved' : 'rejected', leave_decided_by: actor.userId, leave_decided_at: w.now, version: Number(p.version) + 1 })
      .where('id', '=', p.id).where('version', '=', body.version).executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw versionConflict('请假');
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: body.approve ? 'meeting.leave_approve' : 'meeting.leave_reject', entityType: 'meeting', entityId: id, data: { userId: p.user_id, name: p.name }, ip });
    await w.emit({ type: 'meeting.leave_decided', tenantId: r.tenant_id, entityType: 'meeting', entityId: id, actorId: actor.userId, payload: { userId: p.user_id, approve: body.approve } });
  });
}

/* ------------------------------------------------------------------ sign-in (签到) */

const subjectOf = (s: Pick<SessionRow, 'id'>) => `meeting-session|${s.id}`;
export const sessionToken = (r: Pick<MeetingRow, 'signin_secret'>, s: Pick<SessionRow, 'id'>) => fixedSignInToken(r.signin_secret, subjectOf(s));
/** What the sign-in path reads of a session. */
type SessionTimes = Pick<SessionRow, 'id' | 'label' | 'starts_at' | 'ends_at'>;
const windowOf = (s: SessionTimes, earlyMinutes: number) => ({ opensAt: Date.parse(s.starts_at) - earlyMinutes * 60_000, closesAt: s.ends_at });
const chinaTime = (ms: number | string) => new Date((typeof ms === 'number' ? ms : Date.parse(ms)) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Refuse a sign-in outside the session's window or to a meeting not under way. */
function checkWindow(r: Pick<MeetingRow, 'state'>, s: SessionTimes, earlyMinutes: number) {
  if (r.state !== 'noticed') throw new AppError('INVALID_TRANSITION', r.state === 'preparing' ? '会议尚未通知，不能签到' : '会议已结束，签到已关闭');
  const w = windowOf(s, earlyMinutes);
  const why = signInWindowRefusal(clock.nowMs(), w);
  if (why === 'early') throw new AppError('INVALID_TRANSITION', `签到尚未开始（${chinaTime(w.opensAt)} 起可签到）`);
  if (why === 'late') throw new AppError('INVALID_TRANSITION', `签到已截止（${s.label}已于 ${chinaTime(s.ends_at)} 结束）`);
}

async function loadSession(ctx: ModuleContext, id: string, sessionId: string): Promise<SessionRow> {
  const s = await meetingsDb(ctx.db).selectFrom('meeting_sessions').selectAll().where('id', '=', sessionId).where('meeting_id', '=', id).executeTakeFirst();
  if (!s) throw notFound('会次');
  return s;
}

/** One sign-in to write: the meeting, the session, the participant, who signs them in. */
interface SignIn { ctx: ModuleContext; r: Pick<MeetingRow, 'id' | 'tenant_id'>; s: SessionTimes; p: Pick<ParticipantRow, 'user_id' | 'name'>; actor: Actor; byStaff: boolean; ip?: string }

/** Write sign-ins in the caller's unit of work: their rows (the unique index refuses a second), audit records, events. */
async function writeSignIns(w: Work, batch: readonly SignIn[]): Promise<string[]> {
  await meetingsDb(w.trx).insertInto('meeting_signins').values(batch.map(({ r, s, p, actor, byStaff }) => ({
    id: newId(), session_id: s.id, meeting_id: r.id, tenant_id: r.tenant_id, user_id: p.user_id, signed_in_at: w.now, signed_in_by: actor.userId, by_staff: byStaff ? 1 : 0,
  }))).execute();
  await w.emitAll(batch.map(({ r, s, p, actor, byStaff }) => ({ type: 'meeting.signed_in', tenantId: r.tenant_id, entityType: 'meeting', entityId: r.id, actorId: actor.userId, payload: { sessionId: s.id, userId: p.user_id, byStaff } })));
  // one audit record per sign-in, chained in order under the chain's lock, taken once
  await w.auditAll(batch.map(({ r, s, p, actor, byStaff, ip }) => ({
    tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'meeting.sign_in', entityType: 'meeting', entityId: r.id, data: { sessionId: s.id, userId: p.user_id, byStaff }, ip,
  })));
  return batch.map(() => w.now);
}

const again = (x: SignIn) => new AppError('CONFLICT', `${x.byStaff ? x.p.name : '您'}已在${x.s.label}签到，不能重复签到`);
const isUnique = (e: unknown) => !(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error)?.message));

/**
 * Sign-ins that arrive together commit together, through the kernel's queue (decisions 0054, 0067). If a shared unit of
 * work fails as a whole (a member scanning twice at the same moment meets the unique index), each sign-in is tried
 * alone, so one cannot take the others down; the second of the same member is then a 409. One that the shared unit of
 * work committed before it failed is recognised by its time and answered as signed in.
 */
const signInQueue = signInBatches<SignIn>({
  write: writeSignIns,
  async committedAt(x, sharedNow, e) {
    if (!isUnique(e)) return undefined;
    const row = await meetingsDb(x.ctx.db).selectFrom('meeting_signins').select(['signed_in_at', 'signed_in_by']).where('session_id', '=', x.s.id).where('user_id', '=', x.p.user_id).executeTakeFirst();
    return row && row.signed_in_at === sharedNow && row.signed_in_by === x.actor.userId ? sharedNow : undefined;
  },
  refusal: (x, e) => (isUnique(e) ? again(x) : e),
});

/** Mark a participant present at a session, once (409 for a second). Sign-ins arriving together share a unit of work. */
async function markSignedIn(ctx: ModuleContext, x: SignIn, known?: { signedIn: boolean }): Promise<string> {
  const done = known ? known.signedIn : !!(await meetingsDb(ctx.db).selectFrom('meeting_signins').select('id').where('session_id', '=', x.s.id).where('user_id', '=', x.p.user_id).executeTakeFirst());
  if (done) throw again(x);
  return signInQueue(ctx).add(x);
}

/** 扫码签到: the member, signed in on their phone, opens the session's link: only for themselves, once, in the window. */
export async function signInByLink(ctx: ModuleContext, actor: Actor, id: string, sessionId: string, body: { token: string; userId?: string }, ip?: string) {
  requirePermission(actor, meetingsPermissions.attend, '签到');
  if (body.userId && body.userId !== actor.userId) throw new AppError('FORBIDDEN', '不能替他人签到：请本人扫码签到，或由工作人员代签');
  // the meeting, the session, the member's place in it and an earlier sign-in: one read
  const f = await signInFacts(ctx.db, id, sessionId, actor.userId);
  if (!f || f.meeting.tenant_id !== actor.tenantId) throw notFound(LABEL);
  const { meeting: r, session: s, participant: me } = f;
  if (!s) throw notFound('会次');
  if (!fixedSignInTokenValid(r.signin_secret, subjectOf(s), body.token)) throw invalid('token', '「签到码」', '无效，请扫描会场的签到码');
  if (!me) throw new AppError('FORBIDDEN', '您不在本次会议的参会名单中');
  const settings = await readMeetingsSettings(ctx, r.tenant_id);
  checkWindow(r, s, settings.earlyMinutes);
  const at = await markSignedIn(ctx, { ctx, r, s, p: me, actor, byStaff: false, ip }, f);
  return { meetingId: r.id, title: r.title, session: s.label, name: me.name, signedInAt: at };
}

/** 代为签到: the staff mark a participant present at a session (audited, naming who did it). */
export async function signInFor(ctx: ModuleContext, actor: Actor, id: string, sessionId: string, userId: string, ip?: string) {
  // the meeting, the session, the member's place in it and an earlier sign-in: one read, as for a sign-in by QR link
  // (a second only for staff who read meetings only as a participant)
  const f = await signInFacts(ctx.db, id, sessionId, userId);
  await checkManaged(ctx, actor, f?.meeting, '代为签到');
  const { meeting: r, session: s, participant: p } = f!;
  if (!s) throw notFound('会次');
  if (!p) throw invalid('userId', '「委员」', '不在本次会议的参会名单中');
  const settings = await readMeetingsSettings(ctx, r.tenant_id);
  checkWindow(r, s, settings.earlyMinutes);
  const at = await markSignedIn(ctx, { ctx, r, s, p, actor, byStaff: true, ip }, f);
  return { meetingId: r.id, title: r.title, session: s.label, name: p.name, signedInAt: at };
}

/** The session's sign-in link for the QR code on the meeting room's screen (the staff only). */
export async function signInCodeOf(ctx: ModuleContext, actor: Actor, id: string, sessionId: string) {
  const r = await loadManaged(ctx, actor, id, '查看签到码');
  if (r.state !== 'noticed') throw new AppError('INVALID_TRANSITION', '会议未在进行中，没有签到码');
  const s = await loadSession(ctx, id, sessionId);
  const settings = await readMeetingsSettings(ctx, r.tenant_id);
  const token = sessionToken(r, s);
  const w = windowOf(s, settings.earlyMinutes);
  return {
    token, sessionId: s.id, label: s.label, opensAt: new Date(w.opensAt).toISOString(), closesAt: s.ends_at,
    url: `/meetings/${encodeURIComponent(r.id)}/signin?s=${encodeURIComponent(s.id)}&t=${encodeURIComponent(token)}`,
  };
}

/* ------------------------------------------------------------------ 大会发言 */

export async function submitSpeech(ctx: ModuleContext, actor: Actor, id: string, body: { kind: string; title: string; body: string }, ip?: string): Promise<string> {
  requirePermission(actor, meetingsPermissions.attend, '提交发言');
  const { r, me } = await loadAttended(ctx, actor, id);
  if (!me) throw new AppError('FORBIDDEN', '您不在本次会议的参会名单中');
  if (r.state === 'closed') throw new AppError('INVALID_TRANSITION', '会议已结束，不能提交发言');
  const sid = newId();
  await ctx.uow.run(async (w) => {
    await meetingsDb(w.trx).insertInto('meeting_speeches').values({
      id: sid, meeting_id: id, tenant_id: r.tenant_id, user_id: actor.userId, name: me.name, kind: body.kind, title: body.title, body: body.body,
      state: 'submitted', held_on: r.held_on, decided_by: null, decided_at: null, version: 1, created_at: w.now,
    }).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'meeting.speech', entityType: 'meeting', entityId: id, data: { speechId: sid, kind: body.kind }, ip });
  });
  return sid;
}

/** 遴选发言: the staff select a speech (采用) or not, under its version. */
export async function decideSpeech(ctx: ModuleContext, actor: Actor, id: string, speechId: string, body: { version: number; select: boolean }, ip?: string): Promise<void> {
  const r = await loadManaged(ctx, actor, id, '遴选发言');
  const sp = await meetingsDb(ctx.db).selectFrom('meeting_speeches').selectAll().where('id', '=', speechId).where('meeting_id', '=', id).executeTakeFirst();
  if (!sp) throw notFound('发言');
  await ctx.uow.run(async (w) => {
    const u = await meetingsDb(w.trx).updateTable('meeting_speeches').set({ state: body.select ? 'selected' : 'declined', decided_by: actor.userId, decided_at: w.now, version: Number(sp.version) + 1 })
      .where('id', '=', sp.id).where('version', '=', body.version).executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) throw versionConflict('发言');
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: body.select ? 'meeting.speech_select' : 'meeting.speech_decline', entityType: 'meeting', entityId: id, data: { speechId, userId: sp.user_id }, ip });
  });
}

/** Whoever reads members' duty records (the staff, or member.read_all) may read anyone's attendance. */
export const mayReadDutyRecords = (actor: Actor) => readsAll(actor) || can(actor, 'member.read_all');
