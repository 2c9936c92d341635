/**
 * Editing after the fact: an activity's details (修改活动) and a 委员之家 (修改委员之家), each with the version read
 * (stale → 409), audited; and 现场补录 (walk-ins), the members who came without signing up, added by the organisers so
 * that each counts once as a participation. A changed time or place is told to everyone who signed up or signed in
 * (the event `activity.rescheduled`, delivered after the commit).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { listCommittees, listSectors, memberIdsOf, memberIdsOfGroup, membersAmong, memberSectorsOf, sectorNames } from '../../organizations/index.ts';
import type { ActivityEditBody, HomeEditBody } from '../contract.ts';
import { chinaDate, manages } from '../domain/activity-rules.ts';
import { fromChinaTime, LABEL, organises } from './commands.ts';
import { findActivity, findHome } from './repository.ts';
import { activitiesDb, type ActivityRow, type HomeRow } from './tables.ts';

export const RESCHEDULED = 'activity.rescheduled';

const convenes = (home: Pick<HomeRow, 'convener_user_id' | 'tenant_id'> | undefined, actor: Actor) => !!home && home.tenant_id === actor.tenantId && home.convener_user_id === actor.userId;

/** May the actor edit this activity and add walk-ins: staff, its creator, or the convener of its 委员之家. */
export async function mayEdit(ctx: ModuleContext, r: ActivityRow, actor: Actor): Promise<boolean> {
  if (organises(r, actor)) return true;
  return !!r.home_id && convenes(await findHome(ctx.db, r.home_id), actor);
}

/** China time 'YYYY-MM-DD HH:mm' of a stored instant (what a notice says). */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 修改活动: the organisers correct the details; an archived activity is closed. */
export async function updateActivity(ctx: ModuleContext, actor: Actor, id: string, body: ActivityEditBody, ip?: string) {
  const r = await findActivity(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(LABEL);
  if (!(await mayEdit(ctx, r, actor))) throw forbidden('修改本活动');
  if (r.state === 'archived') throw new AppError('INVALID_TRANSITION', '活动已归档，不能修改');
  const kind = body.kind ?? r.kind;
  if (!manages(actor) && kind !== r.kind && kind !== 'home' && kind !== 'service' && kind !== 'reading') {
    throw invalid('kind', '「活动类型」', '：召集人只能组织委员之家活动、服务为民和读书活动');
  }
  if (kind === 'home' && !r.home_id) throw invalid('kind', '「活动类型」', '：委员之家活动须属于一个委员之家');
  const serviceKind = kind === 'service' ? (body.serviceKind === undefined ? r.service_kind : body.serviceKind) : null;
  if (kind === 'service' && !serviceKind) throw invalid('serviceKind', '「服务类别」', '必填：服务为民活动须写明服务类别');
  const startsAt = body.startsAt ? fromChinaTime(body.startsAt) : r.starts_at;
  const endsAt = body.endsAt ? fromChinaTime(body.endsAt) : r.ends_at;
  if (Number.isNaN(Date.parse(startsAt))) throw invalid('startsAt', '「开始时间」', '不是有效的时间');
  if (Number.isNaN(Date.parse(endsAt))) throw invalid('endsAt', '「结束时间」', '不是有效的时间');
  if (endsAt <= startsAt) throw invalid('endsAt', '「结束时间」', '应晚于开始时间');
  const lat = body.lat === undefined ? r.lat : body.lat;
  const lng = body.lng === undefined ? r.lng : body.lng;
  if ((lat === null) !== (lng === null)) throw invalid(lat === null ? 'lat' : 'lng', lat === null ? '「纬度」' : '「经度」', '缺失：经纬度须同时填写');
  if (body.capacity != null) {
    const { n } = await activitiesDb(ctx.db).selectFrom('activity_participants').select((eb) => eb.fn.count<number>('signed_up_at').as('n')).where('activity_id', '=', id).executeTakeFirstOrThrow();
    if (body.capacity < Number(n)) throw invalid('capacity', '「名额」', `不能少于已报名的 ${Number(n)} 人`);
  }
  const set = {
    kind, service_kind: serviceKind, title: body.title ?? r.title, body: body.body ?? r.body,
    county: body.county === undefined ? r.county : body.county, place: body.place === undefined ? r.place : body.place, lat, lng,
    radius_m: body.radiusM ?? Number(r.radius_m), starts_at: startsAt, ends_at: endsAt, held_on: chinaDate(startsAt),
    capacity: body.capacity === undefined ? r.capacity : body.capacity, outcome: body.outcome === undefined ? r.outcome : body.outcome,
  };
  const changed = (Object.keys(set) as Array<keyof typeof set>).filter((k) => String(set[k] ?? '') !== String(r[k] ?? ''));
  const timeChanged = set.starts_at !== r.starts_at || set.ends_at !== r.ends_at;
  const placeChanged = (set.place ?? '') !== (r.place ?? '');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('activities', id, body.version, { ...set, updated_at: w.now }, LABEL);
    // a participation carries copies of its activity's kind, day and county (the figures read one table)
    if (changed.some((k) => k === 'kind' || k === 'held_on' || k === 'county')) {
      await activitiesDb(w.trx).updateTable('activity_participants').set({ kind: set.kind, held_on: set.held_on, county: set.county }).where('activity_id', '=', id).execute();
    }
    await w.audit({
      tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity.update', entityType: 'activity', entityId: id,
      data: Object.fromEntries(changed.map((k) => [k, { from: r[k] ?? null, to: set[k] ?? null }])), ip,
    });
    if (timeChanged || placeChanged) {
      await w.emit({
        type: RESCHEDULED, tenantId: r.tenant_id, entityType: 'activity', entityId: id, actorId: actor.userId,
        payload: { title: set.title, startsAt: timeChanged ? set.starts_at : null, endsAt: timeChanged ? set.ends_at : null, place: placeChanged ? set.place : null },
      });
    }
  });
}

/** Tell those who signed up or signed in that the time or place changed (one notice per change). */
export function subscribeActivityNotices(ctx: ModuleContext): void {
  ctx.events.on(RESCHEDULED, async (e) => {
    if (!e.entityId) return;
    const p = e.payload as { title: string; startsAt: string | null; endsAt: string | null; place: string | null };
    const rows = await activitiesDb(ctx.db).selectFrom('activity_participants').select('user_id').where('activity_id', '=', e.entityId).execute();
    const to = rows.map((x) => x.user_id).filter((u) => u !== e.actorId);
    if (!to.length) return;
    const parts = [
      p.startsAt && p.endsAt ? `时间改为 ${chinaTime(p.startsAt)} 至 ${chinaTime(p.endsAt).slice(chinaTime(p.startsAt).slice(0, 10) === chinaTime(p.endsAt).slice(0, 10) ? 11 : 0)}` : '',
      p.place ? `地点改为 ${p.place}` : '',
    ].filter(Boolean);
    await ctx.notifier.notify({
      tenantId: e.tenantId, userIds: to, kind: 'activity', title: `活动变更：${p.title}`, body: `您报名参加的「${p.title}」${parts.join('，')}，请按新的安排参加。`,
      link: `/activities/${encodeURIComponent(e.entityId)}`, key: e.id ? `activity:${e.id}` : undefined,
    });
  });
}

/* ------------------------------------------------------------------ 委员之家 */

export async function homeDetailOf(ctx: ModuleContext, actor: Actor, id: string) {
  const h = await findHome(ctx.db, id);
  if (!h || h.tenant_id !== actor.tenantId) throw notFound('委员之家');
  const tdb = activitiesDb(ctx.db);
  const [members, acts] = await Promise.all([
    tdb.selectFrom('activity_home_members').select(['user_id', 'name']).where('home_id', '=', id).orderBy('name').execute(),
    tdb.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('home_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  return {
    id: h.id, name: h.name, county: h.county, town: h.town, place: h.place, lat: h.lat === null ? null : Number(h.lat), lng: h.lng === null ? null : Number(h.lng),
    convenerUserId: h.convener_user_id, convenerName: h.convener_name, members: members.length, activities: Number(acts.n), version: Number(h.version),
    memberList: members.map((m) => ({ userId: m.user_id, name: m.name })), canEdit: manages(actor) || convenes(h, actor), canChangeConvener: manages(actor),
  };
}

/** 修改委员之家: staff change anything; the convener changes the name, place and members but not who convenes. */
export async function updateHome(ctx: ModuleContext, actor: Actor, id: string, body: HomeEditBody, ip?: string) {
  const h = await findHome(ctx.db, id);
  if (!h || h.tenant_id !== actor.tenantId) throw notFound('委员之家');
  if (!manages(actor) && !convenes(h, actor)) throw forbidden('修改委员之家');
  if (!manages(actor) && body.convenerUserId !== undefined && body.convenerUserId !== h.convener_user_id) throw new AppError('FORBIDDEN', '只有工作人员可以更换召集人', { field: 'convenerUserId' });
  const lat = body.lat === undefined ? h.lat : body.lat;
  const lng = body.lng === undefined ? h.lng : body.lng;
  if ((lat === null) !== (lng === null)) throw invalid(lat === null ? 'lat' : 'lng', lat === null ? '「纬度」' : '「经度」', '缺失：经纬度须同时填写');
  const convener = body.convenerUserId === undefined ? h.convener_user_id : body.convenerUserId;
  const current = await activitiesDb(ctx.db).selectFrom('activity_home_members').select('user_id').where('home_id', '=', id).execute();
  const memberIds = body.memberIds ?? current.map((m) => m.user_id);
  const ids = [...new Set([...(convener ? [convener] : []), ...memberIds])];
  const members = await membersAmong(ctx.db, actor.tenantId, ids);
  const stranger = ids.find((u) => !members.has(u));
  if (stranger) throw invalid(stranger === convener ? 'convenerUserId' : 'memberIds', stranger === convener ? '「召集人」' : '「成员」', `中的 ${stranger} 不是本级政协委员`);
  const people = await findPeople(ctx.db, ids);
  const before = new Set(current.map((m) => m.user_id));
  const set = {
    name: body.name ?? h.name, county: body.county ?? h.county, town: body.town === undefined ? h.town : body.town, place: body.place === undefined ? h.place : body.place,
    lat, lng, convener_user_id: convener, convener_name: convener ? people.get(convener)?.name ?? null : null,
  };
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('activity_homes', id, body.version, set, '委员之家');
    const db = activitiesDb(w.trx);
    await db.deleteFrom('activity_home_members').where('home_id', '=', id).execute();
    if (ids.length) await db.insertInto('activity_home_members').values(ids.map((u) => ({ home_id: id, tenant_id: h.tenant_id, user_id: u, name: people.get(u)?.name ?? u }))).execute();
    await w.audit({
      tenantId: h.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity_home.update', entityType: 'activity_home', entityId: id,
      data: { name: set.name, convenerUserId: convener, joined: ids.filter((u) => !before.has(u)), left: [...before].filter((u) => !ids.includes(u)) }, ip,
    });
  });
}

/* ------------------------------------------------------------------ 现场补录 */

/** Members the organisers may add: this CPPCC's members by name, 界别 or 专委会 (at most 50), with whether they are in. */
export async function walkInCandidatesFor(ctx: ModuleContext, actor: Actor, id: string, q: { q?: string; sectorId?: string; committeeId?: string }) {
  const r = await findActivity(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(LABEL);
  if (!(await mayEdit(ctx, r, actor))) throw forbidden('补录参加委员');
  let base = memberIdsOf(ctx.db, r.tenant_id);
  if (q.sectorId) base = base.where('member_profiles.user_id', 'in', memberIdsOfGroup(ctx.db, r.tenant_id, 'sector', q.sectorId));
  if (q.committeeId) base = base.where('member_profiles.user_id', 'in', memberIdsOfGroup(ctx.db, r.tenant_id, 'committee', q.committeeId));
  const ids = (await base.execute()).map((x) => x.user_id);
  const [people, sectorOf, sectors, committees, inRows] = await Promise.all([
    findPeople(ctx.db, ids), memberSectorsOf(ctx.db, r.tenant_id), listSectors(ctx.db, r.tenant_id), listCommittees(ctx.db, r.tenant_id),
    activitiesDb(ctx.db).selectFrom('activity_participants').select('user_id').where('activity_id', '=', id).where('signed_in_at', 'is not', null).execute(),
  ]);
  const signedIn = new Set(inRows.map((x) => x.user_id));
  const needle = q.q?.trim();
  const found = [...people.values()].filter((p) => !needle || p.name.includes(needle)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const names = await sectorNames(ctx.db, [...new Set(found.map((p) => sectorOf.get(p.id)).filter((s): s is string => !!s))]);
  return {
    items: found.slice(0, 50).map((p) => ({ userId: p.id, name: p.name, sectorName: names.get(sectorOf.get(p.id) ?? '') ?? null, signedIn: signedIn.has(p.id) })),
    total: found.length,
    sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
    committees: committees.map((c) => ({ id: c.id, name: c.short_name ?? c.name })),
  };
}

/**
 * 现场补录: the organisers record members who came without signing up (once the activity is under way or after it,
 * before it is archived). Each becomes a participation signed in by the organiser; one already in is left as is.
 */
export async function addWalkIns(ctx: ModuleContext, actor: Actor, id: string, userIds: string[], ip?: string) {
  const r = await findActivity(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(LABEL);
  if (!(await mayEdit(ctx, r, actor))) throw forbidden('补录参加委员');
  if (r.state !== 'ongoing' && r.state !== 'ended' && r.state !== 'open') throw new AppError('INVALID_TRANSITION', r.state === 'archived' ? '活动已归档，不能补录' : '活动尚未发布，不能补录参加委员');
  if (clock.today() < r.held_on) throw new AppError('INVALID_TRANSITION', `活动在 ${r.held_on} 举行，当天起才能补录参加委员`);
  const wanted = [...new Set(userIds)];
  const members = await membersAmong(ctx.db, r.tenant_id, wanted);
  const stranger = wanted.find((u) => !members.has(u));
  if (stranger) throw invalid('userIds', '「委员」', `中的 ${stranger} 不是本级政协委员`);
  const people = await findPeople(ctx.db, wanted);
  const nameOf = (u: string) => people.get(u)?.name ?? u;
  return ctx.uow.run(async (w) => {
    const db = activitiesDb(w.trx);
    const rows = await db.selectFrom('activity_participants').select(['id', 'user_id', 'signed_in_at']).where('activity_id', '=', id).where('user_id', 'in', wanted).execute();
    const byUser = new Map(rows.map((x) => [x.user_id, x]));
    const added: Array<{ userId: string; name: string }> = [];
    const already: Array<{ userId: string; name: string }> = [];
    const set = { signed_in_at: w.now, signed_in_by: actor.userId, signed_in_by_name: actor.displayName, distance_m: null };
    for (const u of wanted) {
      const row = byUser.get(u);
      if (row?.signed_in_at) { already.push({ userId: u, name: nameOf(u) }); continue; }
      if (row) {
        const x = await db.updateTable('activity_participants').set((eb) => ({ ...set, version: eb('version', '+', 1) })).where('id', '=', row.id).where('signed_in_at', 'is', null).executeTakeFirst();
        if (Number(x.numUpdatedRows) !== 1) { already.push({ userId: u, name: nameOf(u) }); continue; }
      } else {
        await db.insertInto('activity_participants').values({
          id: newId(), activity_id: r.id, tenant_id: r.tenant_id, user_id: u, name: nameOf(u), kind: r.kind, held_on: r.held_on, home_id: r.home_id, county: r.county,
          signed_up_at: null, ...set, version: 1,
        }).execute();
      }
      added.push({ userId: u, name: nameOf(u) });
      await w.emit({ type: 'activity.signed_in', tenantId: r.tenant_id, entityType: 'activity', entityId: r.id, actorId: actor.userId, payload: { userId: u, kind: r.kind, byStaff: true, walkIn: true } });
    }
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'activity.walk_in', entityType: 'activity', entityId: r.id, data: { added: added.map((a) => a.userId), already: already.map((a) => a.userId) }, ip });
    return { added, already };
  }).catch((e: unknown) => {
    // another organiser added the same member at the same moment (the unique index on activity and member)
    if (e instanceof AppError) throw e;
    if (/unique|duplicate/i.test(String((e as Error)?.message))) throw new AppError('CONFLICT', '有委员刚被他人补录，请刷新后重试');
    throw e;
  });
}
