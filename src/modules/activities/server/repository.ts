/**
 * Reading 履职活动 (Kysely, both databases). Activities are open to every member of their CPPCC (they sign up for
 * them); participations and service records to the member themselves and the staff who read all. Each list query is
 * also the figure's count (figures.ts), so a figure's list always agrees with it.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import type { ActivityListQuery, ParticipationQuery, ServiceQuery } from '../contract.ts';
import { activitiesDb, type ActivityRow, type HomeRow, type ParticipantRow } from './tables.ts';

const like = (s: string) => `%${s.replace(/[%_\\]/g, '')}%`;

export async function findActivity(db: AnyModuleDb, id: string): Promise<ActivityRow | undefined> {
  return activitiesDb(db).selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findHome(db: AnyModuleDb, id: string): Promise<HomeRow | undefined> {
  return activitiesDb(db).selectFrom('activity_homes').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function participantOf(db: AnyModuleDb, activityId: string, userId: string): Promise<ParticipantRow | undefined> {
  return activitiesDb(db).selectFrom('activity_participants').selectAll().where('activity_id', '=', activityId).where('user_id', '=', userId).executeTakeFirst();
}

/** The activities matching a query (a CPPCC's, by kind, state, home, county, keyword and the China dates they are held on). */
export function activityQuery(db: AnyModuleDb, actor: Actor, q: Omit<ActivityListQuery, 'page' | 'pageSize'>) {
  const tdb = activitiesDb(db);
  // 我的活动: start from the member's own rows (their participations and the activities they organise, both indexed)
  // and join the activities to them, rather than testing every activity of the CPPCC
  const mine = tdb.selectFrom('activity_participants as p').select('p.activity_id').where('p.tenant_id', '=', actor.tenantId).where('p.user_id', '=', actor.userId)
    .union(tdb.selectFrom('activities as o').select('o.id as activity_id').where('o.owner_user_id', '=', actor.userId));
  let base = (q.mine
    ? tdb.selectFrom(mine.as('m')).innerJoin('activities', 'activities.id', 'm.activity_id')
    : tdb.selectFrom('activities')) as unknown as ReturnType<typeof tdb.selectFrom<'activities'>>;
  base = base.where('activities.tenant_id', '=', actor.tenantId);
  if (q.kind) base = base.where('activities.kind', 'in', q.kind.split(','));
  if (q.state) base = base.where('activities.state', 'in', q.state.split(','));
  if (q.homeId) base = base.where('activities.home_id', '=', q.homeId);
  if (q.county) base = base.where('activities.county', '=', q.county);
  if (q.q) base = base.where('activities.title', 'like', like(q.q));
  if (q.from) base = base.where('activities.held_on', '>=', q.from);
  if (q.to) base = base.where('activities.held_on', '<=', q.to);
  return base;
}

export interface ActivityCounts { signedUp: number; signedIn: number; peopleServed: number; me: { signedUp: boolean; signedInAt: string | null } }

/** Sign-ups, sign-ins, people served (its completed service records) and the caller's own row, for some activities. */
export async function countsOf(db: AnyModuleDb, ids: string[], userId: string): Promise<Map<string, ActivityCounts>> {
  const out = new Map<string, ActivityCounts>(ids.map((id) => [id, { signedUp: 0, signedIn: 0, peopleServed: 0, me: { signedUp: false, signedInAt: null } }]));
  if (ids.length === 0) return out;
  const tdb = activitiesDb(db);
  const [parts, served, mine] = await Promise.all([
    tdb.selectFrom('activity_participants').select(['activity_id', (eb) => eb.fn.count<number>('signed_up_at').as('up'), (eb) => eb.fn.count<number>('signed_in_at').as('inn')])
      .where('activity_id', 'in', ids).groupBy('activity_id').execute(),
    tdb.selectFrom('activity_services').select(['activity_id', (eb) => eb.fn.sum<number>('people_served').as('n')])
      .where('activity_id', 'in', ids).where('state', '=', 'done').groupBy('activity_id').execute(),
    tdb.selectFrom('activity_participants').select(['activity_id', 'signed_up_at', 'signed_in_at']).where('activity_id', 'in', ids).where('user_id', '=', userId).execute(),
  ]);
  for (const p of parts) Object.assign(out.get(p.activity_id)!, { signedUp: Number(p.up), signedIn: Number(p.inn) });
  for (const s of served) out.get(s.activity_id!)!.peopleServed = Number(s.n ?? 0);
  for (const m of mine) out.get(m.activity_id)!.me = { signedUp: m.signed_up_at !== null, signedInAt: m.signed_in_at };
  return out;
}

export async function listActivities(db: AnyModuleDb, actor: Actor, q: ActivityListQuery): Promise<{ rows: ActivityRow[]; total: number }> {
  const base = activityQuery(db, actor, q);
  const [rows, total] = await Promise.all([
    base.selectAll('activities').orderBy('activities.starts_at', 'desc').orderBy('activities.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/**
 * Participations (参加人次): sign-ins, by date held, member, kind, home and county. A member reads only their own; the
 * staff who read all (or the duty record's readers, checked by the caller) any member's.
 */
export function participationQuery(db: AnyModuleDb, tenantId: string, q: Omit<ParticipationQuery, 'page' | 'pageSize'>) {
  let base = activitiesDb(db).selectFrom('activity_participants as p').where('p.tenant_id', '=', tenantId).where('p.signed_in_at', 'is not', null);
  if (q.userId) base = base.where('p.user_id', '=', q.userId);
  if (q.kind) base = base.where('p.kind', '=', q.kind);
  if (q.homeId) base = base.where('p.home_id', '=', q.homeId);
  if (q.county) base = base.where('p.county', '=', q.county);
  if (q.from) base = base.where('p.held_on', '>=', q.from);
  if (q.to) base = base.where('p.held_on', '<=', q.to);
  return base;
}

export async function listParticipations(db: AnyModuleDb, tenantId: string, q: ParticipationQuery) {
  const base = participationQuery(db, tenantId, q);
  const [rows, total] = await Promise.all([
    base.innerJoin('activities as a', 'a.id', 'p.activity_id').selectAll('p').select('a.title as activity_title')
      .orderBy('p.held_on', 'desc').orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Members taking part (参加活动的委员): distinct members with a sign-in, with their number of participations. */
export async function listMembersTakingPart(db: AnyModuleDb, tenantId: string, q: ParticipationQuery) {
  const grouped = participationQuery(db, tenantId, q).select(['p.user_id', (eb) => eb.fn.max('p.name').as('name'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy('p.user_id');
  const [rows, total] = await Promise.all([
    activitiesDb(db).selectFrom(grouped.as('g')).selectAll().orderBy('g.n', 'desc').orderBy('g.user_id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    countDistinctMembers(db, tenantId, q),
  ]);
  return { rows: rows.map((r) => ({ userId: r.user_id, name: String(r.name), participations: Number(r.n) })), total };
}
export async function countDistinctMembers(db: AnyModuleDb, tenantId: string, q: Omit<ParticipationQuery, 'page' | 'pageSize'>): Promise<number> {
  const { n } = await participationQuery(db, tenantId, q).select(sql<number>`count(distinct p.user_id)`.as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/** Service records (服务记录, 好事): by member, activity, state, county, home and service date. */
export function serviceQuery(db: AnyModuleDb, tenantId: string, q: Omit<ServiceQuery, 'page' | 'pageSize' | 'mine'>) {
  let base = activitiesDb(db).selectFrom('activity_services as s').where('s.tenant_id', '=', tenantId);
  if (q.userId) base = base.where('s.user_id', '=', q.userId);
  if (q.activityId) base = base.where('s.activity_id', '=', q.activityId);
  if (q.state) base = base.where('s.state', '=', q.state);
  if (q.county) base = base.where('s.county', '=', q.county);
  if (q.homeId) base = base.where('s.home_id', '=', q.homeId);
  if (q.from) base = base.where('s.on_date', '>=', q.from);
  if (q.to) base = base.where('s.on_date', '<=', q.to);
  return base;
}

export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'activity', id);
}

/** 委员之家 of a CPPCC with their members and the year's activities. */
export async function listHomes(db: AnyModuleDb, tenantId: string, period?: { from: string; to: string }) {
  const tdb = activitiesDb(db);
  let acts = tdb.selectFrom('activities').select(['home_id', (eb) => eb.fn.countAll<number>().as('n')]).where('tenant_id', '=', tenantId).where('home_id', 'is not', null);
  if (period) acts = acts.where('held_on', '>=', period.from).where('held_on', '<=', period.to);
  const [homes, members, counts] = await Promise.all([
    tdb.selectFrom('activity_homes').selectAll().where('tenant_id', '=', tenantId).orderBy('county').orderBy('name').execute(),
    tdb.selectFrom('activity_home_members').select(['home_id', (eb) => eb.fn.countAll<number>().as('n')]).where('tenant_id', '=', tenantId).groupBy('home_id').execute(),
    acts.groupBy('home_id').execute(),
  ]);
  const m = new Map(members.map((r) => [r.home_id, Number(r.n)]));
  const a = new Map(counts.map((r) => [r.home_id, Number(r.n)]));
  return homes.map((h) => ({ ...h, members: m.get(h.id) ?? 0, activities: a.get(h.id) ?? 0 }));
}
