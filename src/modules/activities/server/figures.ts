/**
 * The module's figures (统计数字) in the kernel's catalogue and on its statistics page: activities by kind,
 * participations (sign-ins), members taking part, good deeds (completed service records) and people served. Each is
 * counted with the very query its list runs, so a figure's list agrees with it; a period counts by the date held
 * (activities, participations) or served (service records). A member's own figures (activities.member.*) reach the
 * duty record (我的履职) through the catalogue, like the consultations' do.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { activityKindLabels, activityKinds, readsAll } from '../domain/activity-rules.ts';
import { mayReadDutyRecords } from './commands.ts';
import { memberReadingFigure, noteQuery, readingFigures } from './reading.ts';
import { activityQuery, countDistinctMembers, listHomes, participationQuery, serviceQuery } from './repository.ts';

type Period = { from: string; to: string };
/** A slice of the CPPCC: one county, or one 委员之家. */
type Slice = { county?: string; homeId?: string };
const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member'): FigureDecl => ({ key: `activities.${name}`, label, unit, scope });

const orgDecls = [
  decl('total', '履职活动', '次', 'organisation'),
  ...activityKinds.map((k) => decl(`kind_${k}`, activityKindLabels[k], '次', 'organisation')),
  decl('participations', '委员参加活动', '人次', 'organisation'),
  decl('home_participations', '委员参加委员之家活动', '人次', 'organisation'),
  decl('members', '参加活动的委员', '人', 'organisation'),
  decl('deeds', '服务为民办好事', '件', 'organisation'),
  decl('served', '服务群众', '人次', 'organisation'),
  decl('reading_notes', '读书心得', '篇', 'organisation'),
  decl('reading_members', '参与读书的委员', '人', 'organisation'),
];
const memberDecls = [
  decl('member.participations', '参加履职活动', '次', 'member'),
  decl('member.deeds', '服务为民办好事', '件', 'member'),
  decl('member.served', '服务群众', '人次', 'member'),
  decl('member.reading_notes', '读书打卡（读书心得）', '篇', 'member'),
];
const labelOf = (key: string) => [...orgDecls, ...memberDecls].find((d) => d.key === key)!;
const fig = (key: string, value: number, list: Figure['list']): Figure => ({ key, label: labelOf(key).label, unit: labelOf(key).unit, value, list });

/** The organisation's figures of a period, for the whole CPPCC or one county or 委员之家. */
export async function orgFigures(ctx: Pick<ModuleContext, 'db'>, actor: Actor, period: Period, slice: Slice = {}): Promise<Figure[]> {
  const tenantId = actor.tenantId;
  const s: Record<string, string> = {};
  if (slice.county) s.county = slice.county;
  if (slice.homeId) s.homeId = slice.homeId;
  const count = async (q: { select: (f: any) => any }) => Number(((await (q.select((eb: any) => eb.fn.countAll().as('n')) as any).executeTakeFirstOrThrow()) as { n: number }).n);
  const activityFigure = async (key: string, kind?: string) => {
    const query = { ...period, ...s, ...(kind ? { kind } : {}) };
    return fig(key, await count(activityQuery(ctx.db, actor, query)), { api: '/api/activities', web: '/activities', query, rows: 'activity' });
  };
  const pq = { ...period, ...s };
  const done = { ...period, ...s, state: 'done' as const };
  const hq = { ...pq, kind: 'home' };
  // reading groups belong to the CPPCC, not to a county or 委员之家: the reading figures come with the whole CPPCC only
  const reading = slice.county || slice.homeId ? Promise.resolve([]) : readingFigures(ctx.db, tenantId, period);
  const [total, kinds, participations, homeParticipations, members, deeds, served, readingFigs] = await Promise.all([
    activityFigure('activities.total'),
    Promise.all(activityKinds.map((k) => activityFigure(`activities.kind_${k}`, k))),
    count(participationQuery(ctx.db, tenantId, pq)),
    count(participationQuery(ctx.db, tenantId, hq)),
    countDistinctMembers(ctx.db, tenantId, pq),
    count(serviceQuery(ctx.db, tenantId, done)),
    serviceQuery(ctx.db, tenantId, done).select((eb) => eb.fn.sum<number>('s.people_served').as('n')).executeTakeFirstOrThrow(),
    reading,
  ]);
  return [
    total, ...kinds,
    fig('activities.participations', participations, { api: '/api/activities/participations', query: pq, rows: 'activity_participant' }),
    fig('activities.home_participations', homeParticipations, { api: '/api/activities/participations', query: hq, rows: 'activity_participant' }),
    fig('activities.members', members, { api: '/api/activities/members', query: pq, rows: 'member' }),
    fig('activities.deeds', deeds, { api: '/api/activities/services', web: '/activities/services', query: done, rows: 'activity_service' }),
    fig('activities.served', Number(served.n ?? 0), { api: '/api/activities/services', web: '/activities/services', query: done, rows: 'activity_service', sum: 'peopleServed' }),
    ...readingFigs,
  ];
}

/** A member's figures (委员履职) of a period: participations, deeds and people served. */
export async function memberFigures(ctx: Pick<ModuleContext, 'db'>, tenantId: string, userId: string, period: Period): Promise<Figure[]> {
  const pq = { ...period, userId };
  const done = { ...period, userId, state: 'done' as const };
  const [p, d, s, r] = await Promise.all([
    participationQuery(ctx.db, tenantId, pq).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    serviceQuery(ctx.db, tenantId, done).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    serviceQuery(ctx.db, tenantId, done).select((eb) => eb.fn.sum<number>('s.people_served').as('n')).executeTakeFirstOrThrow(),
    memberReadingFigure(ctx.db, tenantId, userId, period),
  ]);
  return [
    fig('activities.member.participations', Number(p.n), { api: '/api/activities/participations', query: pq, rows: 'activity_participant' }),
    fig('activities.member.deeds', Number(d.n), { api: '/api/activities/services', query: done, rows: 'activity_service' }),
    fig('activities.member.served', Number(s.n ?? 0), { api: '/api/activities/services', query: done, rows: 'activity_service', sum: 'peopleServed' }),
    r,
  ];
}

/** The statistics page: the totals, and the same figures by county and by 委员之家. */
export async function activityStats(ctx: Pick<ModuleContext, 'db'>, actor: Actor, period: Period) {
  const homes = await listHomes(ctx.db, actor.tenantId, period);
  const counties = [...new Set(homes.map((h) => h.county))];
  const [totals, byCounty, byHome] = await Promise.all([
    orgFigures(ctx, actor, period),
    Promise.all(counties.map(async (county) => ({ key: county, label: county, figures: await orgFigures(ctx, actor, period, { county }) }))),
    Promise.all(homes.map(async (h) => ({ key: h.id, label: h.name, county: h.county, figures: (await orgFigures(ctx, actor, period, { homeId: h.id })).filter((f) => ['activities.total', 'activities.participations', 'activities.members', 'activities.deeds', 'activities.served'].includes(f.key)) }))),
  ]);
  return { from: period.from, to: period.to, homes: homes.length, totals, byCounty, byHome };
}

export const activitiesFigureSource: FigureSource = {
  figures: [...orgDecls, ...memberDecls],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    if (scope.subject) {
      if (scope.subject.userId !== actor.userId && !mayReadDutyRecords(actor)) return [];
      return memberFigures(ctx, scope.tenantId, scope.subject.userId, period);
    }
    if (!readsAll(actor)) return [];
    return orgFigures(ctx, actor, period);
  },
  // many members' figures at once (the duty score, decision 0062): the same three queries as `memberFigures`, grouped by member
  async computeMembers(ctx, scope, userIds) {
    const period = { from: scope.from, to: scope.to };
    const done = { ...period, state: 'done' as const };
    const wanted = new Set(userIds);
    const [p, d, r] = await Promise.all([
      participationQuery(ctx.db, scope.tenantId, period).select(['p.user_id as user_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('p.user_id').execute(),
      serviceQuery(ctx.db, scope.tenantId, done).select(['s.user_id as user_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('s.people_served').as('served')]).groupBy('s.user_id').execute(),
      noteQuery(ctx.db, scope.tenantId, period).select(['n.user_id as user_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('n.user_id').execute(),
    ]);
    const out = new Map<string, Record<string, number>>();
    const rec = (u: string) => { let r = out.get(u); if (!r) out.set(u, (r = {})); return r; };
    for (const r of p) if (wanted.has(String(r.user_id))) rec(String(r.user_id))['activities.member.participations'] = Number(r.n);
    for (const x of r) if (wanted.has(String(x.user_id))) rec(String(x.user_id))['activities.member.reading_notes'] = Number(x.n);
    for (const r of d) {
      if (!wanted.has(String(r.user_id))) continue;
      const x = rec(String(r.user_id));
      x['activities.member.deeds'] = Number(r.n);
      x['activities.member.served'] = Number(r.served ?? 0);
    }
    return out;
  },
};
