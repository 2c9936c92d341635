/**
 * Commands on 履职活动. Each runs in one unit of work (`ctx.uow.run`): the rows, history, audit record and events
 * commit together or not at all. Sign-in is one conditional write on the participant row (the unique index on
 * activity and member refuses a second row), so two scans at once still leave one sign-in.
 */
import { fixedSignInToken, fixedSignInTokenValid, newSignInSecret } from '../../../kernel/server/sign-in-code.ts';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { signInBatches } from '../../../kernel/server/sign-in-batch.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { findPeople } from '../../identity/index.ts';
import { membersAmong } from '../../organizations/index.ts';
import type { ActivityCreateBody, ServiceCreateBody } from '../contract.ts';
import { activitiesLifecycle, activitiesPermissions } from '../domain/activities-lifecycle.ts';
import { chinaDate, checkSignIn, checkSignUp, manages, readsAll, suggestMembers, type Refusal } from '../domain/activity-rules.ts';
import { findActivity, findHome, participantOf } from './repository.ts';
import { readActivitiesSettings } from './settings.ts';
import { activitiesDb, type ActivityRow, type NeedRow, type ParticipantRow } from './tables.ts';

export const LABEL = '履职活动';

export const activitySpec: WorkflowSpec<ActivityRow & { [k: string]: unknown }> = {
  workflow: activitiesLifecycle as WorkflowSpec<any>['workflow'],
  table: 'activities',
  entityLabel: LABEL,
  titleOf: (r) => r.title,
  canSee: (r, actor) => r.tenant_id === actor.tenantId,
  async apply({ transition, input }) {
    if (transition.name === 'end') return { outcome: input.outcome as string };
    return {};
  },
};

/** A China-time 'YYYY-MM-DDTHH:mm' as a stored UTC instant. */
export const fromChinaTime = (v: string) => new Date(Date.parse(`${v.replace(' ', 'T')}:00+08:00`)).toISOString();

const refuse = (r: Refusal) => (r.field ? invalid(r.field, '', r.message) : new AppError(r.code, r.message));

/** Is the actor the convener (召集人) of this 委员之家. */
const convenes = (home: { convener_user_id: string | null; tenant_id: string }, actor: Actor) => home.tenant_id === actor.tenantId && home.convener_user_id === actor.userId;

/** 新建活动: staff any kind; a 委员之家's convener a 委员之家活动 of their home. */
export async function createActivity(ctx: ModuleContext, actor: Actor, body: ActivityCreateBody, ip?: string): Promise<string> {
  const home = body.homeId ? await findHome(ctx.db, body.homeId) : undefined;
  if (body.homeId && (!home || home.tenant_id !== actor.tenantId)) throw invalid('homeId', '「委员之家」', '不存在');
  if (!manages(actor)) {
    if (!home || !convenes(home, actor)) throw new AppError('FORBIDDEN', '只有工作人员或委员之家的召集人可以组织活动');
    if (body.kind !== 'home' && body.kind !== 'service' && body.kind !== 'reading') throw invalid('kind', '「活动类型」', '：召集人只能组织委员之家活动、服务为民和读书活动');
  }
  if (body.kind === 'home' && !home) throw invalid('homeId', '「委员之家」', '必填：委员之家活动须属于一个委员之家');
  if (body.kind === 'service' && !body.serviceKind) throw invalid('serviceKind', '「服务类别」', '必填：服务为民活动须写明服务类别');
  const startsAt = fromChinaTime(body.startsAt);
  const endsAt = fromChinaTime(body.endsAt);
  if (endsAt <= startsAt) throw invalid('endsAt', '「结束时间」', '应晚于开始时间');
  if ((body.lat === undefined) !== (body.lng === undefined)) throw invalid(body.lat === undefined ? 'lat' : 'lng', body.lat === undefined ? '「纬度」' : '「经度」', '缺失：经纬度须同时填写');
  const settings = await readActivitiesSettings(ctx, actor.tenantId);
  const lat = body.lat ?? home?.lat ?? null;
  const lng = body.lng ?? home?.lng ?? null;
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(activitySpec, {
      id, tenant_id: actor.tenantId, kind: body.kind, service_kind: body.kind === 'service' ? body.serviceKind ?? null : null, title: body.title, body: body.body,
      home_id: home?.id ?? null, county: body.county ?? home?.county ?? null, place: body.place ?? home?.place ?? null, lat, lng, radius_m: body.radiusM ?? settings.radiusM,
      starts_at: startsAt, ends_at: endsAt, held_on: chinaDate(startsAt), capacity: body.capacity ?? null, outcome: null,
      signin_secret: newSignInSecret(), owner_user_id: actor.userId, owner_name: actor.displayName,
    }, actor, ip);
    if (body.publish) await w.fire(activitySpec, { id, action: 'publish', expectedVersion: 1, input: {}, actor, ip });
  });
  return id;
}

export async function fireActivity(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    await w.fire(activitySpec, { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
}

/** May the actor organise this activity (staff, or its creator, the convener). */
export const organises = (r: ActivityRow, actor: Actor) => r.tenant_id === actor.tenantId && (manages(actor) || r.owner_user_id === actor.userId);

async function loadVisible(ctx: ModuleContext, actor: Actor, id: string): Promise<ActivityRow> {
  const r = await findActivity(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(LABEL);
  return r;
}

const participantValues = (r: ActivityRow, userId: string, name: string) => ({
  id: newId(), activity_id: r.id, tenant_id: r.tenant_id, user_id: userId, name, kind: r.kind, held_on: r.held_on, home_id: r.home_id, county: r.county,
  signed_up_at: null, signed_in_at: null, signed_in_by: null, signed_in_by_name: null, distance_m: null, version: 1,
});

/** 报名: a member signs themselves up while the activity is 报名中 and has room. */
export async function signUp(ctx: ModuleContext, actor: Actor, id: string, ip?: string) {
  requirePermission(actor, activitiesPermissions.takePart, '报名参加活动');
  const r = await loadVisible(ctx, actor, id);
  const mine = await participantOf(ctx.db, id, actor.userId);
  const { n } = await activitiesDb(ctx.db).selectFrom('activity_participants').select((eb) => eb.fn.count<number>('signed_up_at').as('n')).where('activity_id', '=', id).executeTakeFirstOrThrow();
  const why = checkSignUp({ state: r.state, capacity: r.capacity === null ? null : Number(r.capacity), taken: Number(n), already: !!mine?.signed_up_at });
  if (why) throw refuse(why);
  await ctx.uow.run(async (w) => {
    const db = activitiesDb(w.trx);
    if (mine) await db.updateTable('activity_participants').set({ signed_up_at: w.now, version: Number(mine.version) + 1 }).where('id', '=', mine.id).execute();
    else await db.insertInto('activity_participants').values({ ...participantValues(r, actor.userId, actor.displayName), signed_up_at: w.now }).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity.sign_up', entityType: 'activity', entityId: r.id, ip });
  });
}

/** 取消报名: before the activity starts, and only a sign-up without a sign-in. */
export async function cancelSignUp(ctx: ModuleContext, actor: Actor, id: string, ip?: string) {
  const r = await loadVisible(ctx, actor, id);
  const mine = await participantOf(ctx.db, id, actor.userId);
  if (!mine?.signed_up_at) throw new AppError('CONFLICT', '您尚未报名本活动');
  if (mine.signed_in_at) throw new AppError('CONFLICT', '您已签到，不能取消报名');
  if (r.state !== 'open') throw new AppError('INVALID_TRANSITION', '报名已截止，不能取消');
  await ctx.uow.run(async (w) => {
    await activitiesDb(w.trx).deleteFrom('activity_participants').where('id', '=', mine.id).where('signed_in_at', 'is', null).execute();
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity.cancel_sign_up', entityType: 'activity', entityId: r.id, ip });
  });
}

/** The activity's sign-in token (shown as a QR link); the time window, not the token, bounds when it works. */
export const signInToken = (r: Pick<ActivityRow, 'id' | 'signin_secret'>) => fixedSignInToken(r.signin_secret, `activity|${r.id}`);
const tokenValid = (r: ActivityRow, token: string) => fixedSignInTokenValid(r.signin_secret, `activity|${r.id}`, token);

/** One sign-in to write: the activity, the member, who signs them in, the distance from the place. */
interface SignIn { r: ActivityRow; who: { userId: string; name: string }; actor: Actor; distanceM: number | null; ip?: string }

const again = (x: SignIn) => new AppError('CONFLICT', `${x.who.userId !== x.actor.userId ? x.who.name : '您'}已经签到，不能重复签到`);
const isUnique = (e: unknown) => !(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error)?.message));

/**
 * Write sign-ins in the caller's unit of work: each member's row by one conditional write (a member who did not sign
 * up may still come: the sign-in makes their row), then their audit records and events; a second sign-in is a 409 in
 * its place while the others commit.
 */
async function writeSignIns(w: Work, batch: readonly SignIn[]): Promise<Array<string | AppError>> {
  const db = activitiesDb(w.trx);
  const out: Array<string | AppError> = [];
  for (const x of batch) {
    const byStaff = x.who.userId !== x.actor.userId;
    const set = { signed_in_at: w.now, signed_in_by: x.actor.userId, signed_in_by_name: byStaff ? x.actor.displayName : null, distance_m: x.distanceM };
    const u = await db.updateTable('activity_participants').set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('activity_id', '=', x.r.id).where('user_id', '=', x.who.userId).where('signed_in_at', 'is', null).executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) {
      const exists = await db.selectFrom('activity_participants').select('signed_in_at').where('activity_id', '=', x.r.id).where('user_id', '=', x.who.userId).executeTakeFirst();
      if (exists) { out.push(again(x)); continue; }
      await db.insertInto('activity_participants').values({ ...participantValues(x.r, x.who.userId, x.who.name), ...set }).execute();
    }
    out.push(w.now);
  }
  const done = batch.filter((_, i) => !(out[i] instanceof AppError));
  await w.emitAll(done.map(({ r, who, actor }) => ({ type: 'activity.signed_in', tenantId: r.tenant_id, entityType: 'activity', entityId: r.id, actorId: actor.userId, payload: { userId: who.userId, kind: r.kind, byStaff: who.userId !== actor.userId } })));
  // one audit record per sign-in, chained in order under the chain's lock, taken once
  await w.auditAll(done.map(({ r, who, actor, distanceM, ip }) => ({
    tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity.sign_in', entityType: 'activity', entityId: r.id, data: { userId: who.userId, byStaff: who.userId !== actor.userId, distanceM }, ip,
  })));
  return out;
}

/**
 * Sign-ins that arrive together commit together, through the kernel's queue (decisions 0054, 0067). If a shared unit of
 * work fails as a whole (two requests inserting the same member's row at the same moment meet the unique index), each
 * is tried alone and the second is a 409.
 */
const signInQueue = signInBatches<SignIn>({ write: writeSignIns, refusal: (x, e) => (isUnique(e) ? again(x) : e) });

/** Mark a member signed in, once (409 for a second or a race lost). Sign-ins arriving together share a unit of work. */
async function markSignedIn(ctx: ModuleContext, r: ActivityRow, who: { userId: string; name: string }, actor: Actor, distanceM: number | null, ip?: string): Promise<string> {
  return signInQueue(ctx).add({ r, who, actor, distanceM, ip });
}

/** 扫码签到: the member, signed in on their phone, opens the activity's link: only for themselves, once, in the window, at the place. */
export async function signInByLink(ctx: ModuleContext, actor: Actor, id: string, body: { token: string; lat?: number; lng?: number; userId?: string }, ip?: string) {
  requirePermission(actor, activitiesPermissions.takePart, '签到');
  if (body.userId && body.userId !== actor.userId) throw new AppError('FORBIDDEN', '不能替他人签到：请本人扫码签到，或由工作人员代签');
  const r = await loadVisible(ctx, actor, id);
  if (!tokenValid(r, body.token)) throw invalid('token', '「签到码」', '无效，请扫描本活动的签到码');
  const [mine, settings] = await Promise.all([participantOf(ctx.db, id, actor.userId), readActivitiesSettings(ctx, r.tenant_id)]);
  const { refusal, distanceM } = checkSignIn({
    state: r.state, nowMs: clock.nowMs(), window: { startsAt: r.starts_at, endsAt: r.ends_at, earlyMinutes: settings.earlyMinutes },
    place: r.lat !== null && r.lng !== null ? { lat: Number(r.lat), lng: Number(r.lng), radiusM: Number(r.radius_m) } : null,
    at: body.lat !== undefined && body.lng !== undefined ? { lat: body.lat, lng: body.lng } : null, byStaff: false, signedInAt: mine?.signed_in_at ?? null,
  });
  if (refusal) throw refuse(refusal);
  const at = await markSignedIn(ctx, r, { userId: actor.userId, name: actor.displayName }, actor, distanceM, ip);
  return { activityId: r.id, title: r.title, name: actor.displayName, signedInAt: at, distanceM };
}

/** 代为签到: an organiser signs a member in at the door (no location check; the record names who did it). */
export async function signInFor(ctx: ModuleContext, actor: Actor, id: string, userId: string, ip?: string) {
  const r = await loadVisible(ctx, actor, id);
  if (!organises(r, actor)) throw forbidden('代为签到');
  if (!(await membersAmong(ctx.db, r.tenant_id, [userId])).has(userId)) throw invalid('userId', '「委员」', '不是本级政协委员');
  const [mine, settings, people] = await Promise.all([participantOf(ctx.db, id, userId), readActivitiesSettings(ctx, r.tenant_id), findPeople(ctx.db, [userId])]);
  const { refusal } = checkSignIn({
    state: r.state, nowMs: clock.nowMs(), window: { startsAt: r.starts_at, endsAt: r.ends_at, earlyMinutes: settings.earlyMinutes },
    place: null, byStaff: true, signedInAt: mine?.signed_in_at ?? null,
  });
  const name = people.get(userId)?.name ?? userId;
  if (refusal) throw refuse(refusal.code === 'CONFLICT' ? { ...refusal, message: `${name}${refusal.message}` } : refusal);
  const at = await markSignedIn(ctx, r, { userId, name }, actor, null, ip);
  return { activityId: r.id, title: r.title, name, signedInAt: at, distanceM: null };
}

/** The sign-in link for the QR code shown at the activity (its organisers only). */
export async function signInCodeOf(ctx: ModuleContext, actor: Actor, id: string) {
  const r = await loadVisible(ctx, actor, id);
  if (!organises(r, actor)) throw forbidden('查看签到码');
  if (r.state !== 'open' && r.state !== 'ongoing') throw new AppError('INVALID_TRANSITION', '活动未在报名或进行中，没有签到码');
  const settings = await readActivitiesSettings(ctx, r.tenant_id);
  const token = signInToken(r);
  return { token, url: `/activities/${encodeURIComponent(r.id)}/signin?t=${encodeURIComponent(token)}`, opensAt: new Date(Date.parse(r.starts_at) - settings.earlyMinutes * 60_000).toISOString(), closesAt: r.ends_at };
}

/* ------------------------------------------------------------------ 服务为民: service records, needs, skills */

/** 记录服务: a member records what they did (for an activity they signed in to, or a need matched to them). */
export async function recordService(ctx: ModuleContext, actor: Actor, body: ServiceCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, activitiesPermissions.takePart, '记录服务');
  let activity: ActivityRow | undefined;
  let need: NeedRow | undefined;
  if (body.activityId) {
    activity = await findActivity(ctx.db, body.activityId);
    if (!activity || activity.tenant_id !== actor.tenantId) throw invalid('activityId', '「活动」', '不存在');
    const mine = await participantOf(ctx.db, activity.id, actor.userId);
    if (!mine?.signed_in_at) throw new AppError('FORBIDDEN', '只有在本活动签到的委员可以记录服务');
  }
  if (body.needId) {
    need = await activitiesDb(ctx.db).selectFrom('activity_needs').selectAll().where('id', '=', body.needId).executeTakeFirst();
    if (!need || need.tenant_id !== actor.tenantId) throw invalid('needId', '「需求」', '不存在');
    if (need.matched_user_id !== actor.userId) throw new AppError('FORBIDDEN', '这项需求没有匹配给您');
    if (need.state !== 'matched' || need.service_id) throw new AppError('CONFLICT', '这项需求已有服务记录');
  }
  if (body.onDate > clock.today()) throw invalid('onDate', '「服务日期」', '不能晚于今天');
  const skills = await activitiesDb(ctx.db).selectFrom('activity_member_skills').select('county').where('user_id', '=', actor.userId).executeTakeFirst();
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = activitiesDb(w.trx);
    await db.insertInto('activity_services').values({
      id, tenant_id: actor.tenantId, activity_id: activity?.id ?? null, need_id: need?.id ?? null, user_id: actor.userId, name: actor.displayName,
      service_kind: body.serviceKind, content: body.content, people_served: body.peopleServed, on_date: body.onDate,
      county: activity?.county ?? need?.county ?? skills?.county ?? null, home_id: activity?.home_id ?? null,
      state: body.done ? 'done' : 'ongoing', version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    if (need) {
      const u = await db.updateTable('activity_needs').set({ service_id: id, ...(body.done ? { state: 'done' } : {}), version: Number(need.version) + 1, updated_at: w.now })
        .where('id', '=', need.id).where('version', '=', need.version).executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT', '需求已被他人修改，请刷新后重试');
    }
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'activity_service.record', entityType: 'activity_service', entityId: id, data: { activityId: activity?.id, needId: need?.id, peopleServed: body.peopleServed }, ip });
    await w.emit({ type: 'activity_service.recorded', tenantId: actor.tenantId, entityType: 'activity_service', entityId: id, actorId: actor.userId, payload: { userId: actor.userId, done: !!body.done } });
  });
  return id;
}

/** 完成服务: the member who served (or staff) closes a service record, with the final people served. */
export async function completeService(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; peopleServed?: number }, ip?: string) {
  const s = await activitiesDb(ctx.db).selectFrom('activity_services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || s.tenant_id !== actor.tenantId || (s.user_id !== actor.userId && !readsAll(actor))) throw notFound('服务记录');
  if (s.user_id !== actor.userId && !manages(actor)) throw forbidden('完成他人的服务记录');
  if (s.state === 'done') throw new AppError('INVALID_TRANSITION', '服务记录已完成');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('activity_services', id, body.version, { state: 'done', ...(body.peopleServed !== undefined ? { people_served: body.peopleServed } : {}), updated_at: w.now }, '服务记录');
    if (s.need_id) await activitiesDb(w.trx).updateTable('activity_needs').set((eb) => ({ state: 'done', version: eb('version', '+', 1), updated_at: w.now })).where('id', '=', s.need_id).execute();
    await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity_service.complete', entityType: 'activity_service', entityId: id, ip });
  });
}

/** 需求清单: staff enter a need from a community or unit. */
export async function createNeed(ctx: ModuleContext, actor: Actor, body: { title: string; detail: string; source: string; county?: string; skills?: string; serviceKind: string }, ip?: string): Promise<string> {
  if (!manages(actor)) throw forbidden('登记服务需求');
  const id = newId();
  await ctx.uow.run(async (w) => {
    await activitiesDb(w.trx).insertInto('activity_needs').values({
      id, tenant_id: actor.tenantId, title: body.title, detail: body.detail, source: body.source, county: body.county ?? null, skills: body.skills ?? null,
      service_kind: body.serviceKind, state: 'open', matched_user_id: null, matched_name: null, service_id: null, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'activity_need.create', entityType: 'activity_need', entityId: id, ip });
  });
  return id;
}

async function loadNeed(ctx: ModuleContext, actor: Actor, id: string): Promise<NeedRow> {
  const n = await activitiesDb(ctx.db).selectFrom('activity_needs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n || n.tenant_id !== actor.tenantId || (!readsAll(actor) && n.matched_user_id !== actor.userId)) throw notFound('服务需求');
  return n;
}

/** 推荐委员: members ranked by skills and place for a need (the staff then confirm one). */
export async function suggestionsFor(ctx: ModuleContext, actor: Actor, id: string) {
  if (!manages(actor)) throw forbidden('匹配服务需求');
  const need = await loadNeed(ctx, actor, id);
  const rows = await activitiesDb(ctx.db).selectFrom('activity_member_skills').select(['user_id', 'name', 'skills', 'county']).where('tenant_id', '=', actor.tenantId).execute();
  return suggestMembers({ skills: need.skills, county: need.county }, rows.map((r) => ({ userId: r.user_id, name: r.name, skills: r.skills, county: r.county })))
    .map((m) => ({ userId: m.userId, name: m.name, skills: m.skills, county: m.county, score: m.score, matched: m.matched }));
}

/** 确认匹配: the need goes to one member, who then serves it and records the service. */
export async function matchNeed(ctx: ModuleContext, actor: Actor, id: string, body: { version: number; userId: string }, ip?: string) {
  if (!manages(actor)) throw forbidden('匹配服务需求');
  const need = await loadNeed(ctx, actor, id);
  if (need.state === 'done') throw new AppError('INVALID_TRANSITION', '需求已完成，不能重新匹配');
  if (need.service_id) throw new AppError('INVALID_TRANSITION', '需求已有服务记录，不能重新匹配');
  if (!(await membersAmong(ctx.db, actor.tenantId, [body.userId])).has(body.userId)) throw invalid('userId', '「委员」', '不是本级政协委员');
  const name = (await findPeople(ctx.db, [body.userId])).get(body.userId)?.name ?? body.userId;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('activity_needs', id, body.version, { state: 'matched', matched_user_id: body.userId, matched_name: name, updated_at: w.now }, '服务需求');
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'activity_need.match', entityType: 'activity_need', entityId: id, data: { userId: body.userId }, ip });
    await w.emit({ type: 'activity_need.matched', tenantId: actor.tenantId, entityType: 'activity_need', entityId: id, actorId: actor.userId, payload: { userId: body.userId } });
  });
}

/** 服务特长: a member keeps their skills and county for matching. */
export async function saveSkills(ctx: ModuleContext, actor: Actor, body: { skills: string; county?: string }) {
  requirePermission(actor, activitiesPermissions.takePart, '登记服务特长');
  await ctx.uow.run(async (w) => {
    const db = activitiesDb(w.trx);
    const row = { tenant_id: actor.tenantId, name: actor.displayName, skills: body.skills, county: body.county ?? null, updated_at: w.now };
    const u = await db.updateTable('activity_member_skills').set(row).where('user_id', '=', actor.userId).executeTakeFirst();
    if (Number(u.numUpdatedRows) === 0) await db.insertInto('activity_member_skills').values({ user_id: actor.userId, ...row }).execute();
  });
}

/* ------------------------------------------------------------------ 委员之家 */

export async function createHome(ctx: ModuleContext, actor: Actor, body: { name: string; county: string; town?: string; place?: string; lat?: number; lng?: number; convenerUserId?: string; memberIds: string[] }, ip?: string): Promise<string> {
  if (!manages(actor)) throw forbidden('登记委员之家');
  const ids = [...new Set([...(body.convenerUserId ? [body.convenerUserId] : []), ...body.memberIds])];
  const members = await membersAmong(ctx.db, actor.tenantId, ids);
  const stranger = ids.find((u) => !members.has(u));
  if (stranger) throw invalid(stranger === body.convenerUserId ? 'convenerUserId' : 'memberIds', stranger === body.convenerUserId ? '「召集人」' : '「成员」', `中的 ${stranger} 不是本级政协委员`);
  const people = await findPeople(ctx.db, ids);
  const id = newId();
  await ctx.uow.run(async (w) => {
    const db = activitiesDb(w.trx);
    await db.insertInto('activity_homes').values({
      id, tenant_id: actor.tenantId, name: body.name, county: body.county, town: body.town ?? null, place: body.place ?? null, lat: body.lat ?? null, lng: body.lng ?? null,
      convener_user_id: body.convenerUserId ?? null, convener_name: body.convenerUserId ? people.get(body.convenerUserId)?.name ?? null : null, version: 1, created_at: w.now,
    }).execute();
    if (ids.length) await db.insertInto('activity_home_members').values(ids.map((u) => ({ home_id: id, tenant_id: actor.tenantId, user_id: u, name: people.get(u)?.name ?? u }))).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'activity_home.create', entityType: 'activity_home', entityId: id, ip });
  });
  return id;
}

/** The 委员之家 the actor may create activities for: all for staff, the ones they convene for a member. */
export async function homesForCreating(ctx: ModuleContext, actor: Actor) {
  let q = activitiesDb(ctx.db).selectFrom('activity_homes').select(['id', 'name', 'county']).where('tenant_id', '=', actor.tenantId);
  if (!manages(actor)) q = q.where('convener_user_id', '=', actor.userId);
  return q.orderBy('county').orderBy('name').execute();
}

export const mayReadDutyRecords = (actor: Actor) => readsAll(actor) || can(actor, 'member.read_all');
export type { ParticipantRow };

/** 活动照片: an organiser or a member who signed in attaches their uploads to the activity. */
export async function addPhotos(ctx: ModuleContext, actor: Actor, id: string, attachmentIds: string[], ip?: string) {
  const r = await loadVisible(ctx, actor, id);
  if (!organises(r, actor) && !(await participantOf(ctx.db, id, actor.userId))?.signed_in_at) throw new AppError('FORBIDDEN', '只有组织者和签到的委员可以上传活动照片');
  await ctx.uow.run(async (w) => {
    await linkAttachments(w.trx, { ids: attachmentIds, entityType: 'activity', entityId: r.id, actor });
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity.photos', entityType: 'activity', entityId: r.id, data: { attachmentIds }, ip });
  });
}
