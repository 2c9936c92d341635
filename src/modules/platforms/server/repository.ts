/**
 * Reading the platforms, their consultations and results (Kysely, both databases). Every query is limited to what the
 * actor may see (`Scope`): the staff's CPPCC and those below it (a county: its own; the city: every county), or, for a
 * convener, the platforms they convene. The figures count with these very queries, so a figure equals its list.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { perPeriod, periodOfDate, spanOf, type Period } from '../../../kernel/server/db/periods.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { orgNames, visibleTenantIds } from '../../organizations/index.ts';
import type { ActivityListQuery, PlatformListQuery, ResultListQuery } from '../contract.ts';
import { convenes, readsPlatforms } from '../domain/platform-policy.ts';
import { resultLifecycle } from '../domain/result-lifecycle.ts';
import { platformsDb, type ActivityRow, type PlatformRow, type ResultRow, type TopicRow } from './tables.ts';

/**
 * What an actor may see: the CPPCCs whose platforms they read (staff), within one town when their account is limited to
 * it (乡镇工作人员), and whether they see the ones they convene.
 */
export interface Scope { tenants: string[]; convenerId: string; town: string | null }

/** The town a staff account is limited to, or null (the whole county, or the city). */
export async function staffTownOf(db: AnyModuleDb, userId: string): Promise<string | null> {
  const r = await platformsDb(db).selectFrom('platforms_staff_towns').select('town').where('user_id', '=', userId).executeTakeFirst();
  return r?.town ?? null;
}

export async function scopeOf(db: AnyModuleDb, actor: Actor): Promise<Scope> {
  const staff = readsPlatforms(actor);
  const [tenants, town] = staff ? await Promise.all([visibleTenantIds(db, actor.tenantId), staffTownOf(db, actor.userId)]) : [[], null];
  return { tenants, convenerId: convenes(actor) ? actor.userId : '', town };
}

/** Narrow the scope to one county; a county the actor may not read is a 403 naming the field. */
export function narrow(scope: Scope, county: string | undefined): Scope {
  if (!county) return scope;
  if (!scope.tenants.includes(county)) throw new AppError('FORBIDDEN', '无权查看该县（区）的有事来商量平台', { field: 'county' });
  return { tenants: [county], convenerId: '', town: scope.town };
}

/** the registry's ids of a town's platforms in the scope's CPPCCs */
const platformsOfTown = (eb: ExpressionBuilder<any, any>, s: Scope) =>
  platformsDb(eb as never).selectFrom('platforms_registry').select('id').where('tenant_id', 'in', s.tenants).where('town', '=', s.town!);

/** platforms the scope sees, on a query over a table with `tenant_id` and a platform id column */
function seen(eb: ExpressionBuilder<any, any>, s: Scope, tenantCol: string, platformCol: string | null) {
  const ors = [];
  if (s.tenants.length) {
    const tenants = eb(eb.ref(tenantCol), 'in', s.tenants);
    ors.push(!s.town ? tenants : platformCol === null ? eb.and([tenants, eb(eb.ref('town'), '=', s.town)]) : eb.and([tenants, eb(eb.ref(platformCol), 'in', platformsOfTown(eb, s))]));
  }
  if (s.convenerId) {
    ors.push(platformCol === null
      ? eb(eb.ref('convener_user_id'), '=', s.convenerId)
      : eb(eb.ref(platformCol), 'in', platformsDb(eb as never).selectFrom('platforms_registry').select('id').where('convener_user_id', '=', s.convenerId)));
  }
  return ors.length ? eb.or(ors) : eb.val(false);
}

export async function findPlatform(db: AnyModuleDb, id: string): Promise<PlatformRow | undefined> {
  return platformsDb(db).selectFrom('platforms_registry').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findTopic(db: AnyModuleDb, id: string): Promise<TopicRow | undefined> {
  return platformsDb(db).selectFrom('platforms_topics').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findActivity(db: AnyModuleDb, id: string): Promise<ActivityRow | undefined> {
  return platformsDb(db).selectFrom('platforms_activities').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findResult(db: AnyModuleDb, id: string): Promise<ResultRow | undefined> {
  return platformsDb(db).selectFrom('platforms_results').selectAll().where('id', '=', id).executeTakeFirst();
}

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, '')}%`;

/** The registry query (active platforms) for a scope and filters. */
function platformsQuery(db: AnyModuleDb, s: Scope, q: Pick<PlatformListQuery, 'town' | 'q' | 'mine'>) {
  let base = platformsDb(db).selectFrom('platforms_registry').where('active', '=', 1)
    .where((eb) => (q.mine ? eb('convener_user_id', '=', s.convenerId) : seen(eb, s, 'tenant_id', null)));
  if (q.town) base = base.where('town', '=', q.town);
  if (q.q) { const like = likeOf(q.q); base = base.where((eb) => eb.or([eb('name', 'like', like), eb('village', 'like', like), eb('convener_name', 'like', like)])); }
  return base;
}

async function pageOf<O>(base: SelectQueryBuilder<any, any, any>, order: (b: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, O>, page: { page: number; pageSize: number }, count = true) {
  const [rows, total] = await Promise.all([
    order(base.selectAll()).limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute() as Promise<O[]>,
    count ? base.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number | string }> : Promise.resolve({ n: 0 }),
  ]);
  return { rows, total: Number(total.n) };
}

export async function listPlatforms(db: AnyModuleDb, s: Scope, q: PlatformListQuery): Promise<{ rows: PlatformRow[]; total: number }> {
  const base = platformsQuery(db, narrow(s, q.county), q);
  return pageOf<PlatformRow>(base, (b) => b.orderBy('tenant_id').orderBy('town').orderBy('village'), q);
}

/** Every platform of the scope matching the filters, for the Excel export (in registry order). */
export async function allPlatforms(db: AnyModuleDb, s: Scope, q: Omit<PlatformListQuery, 'page' | 'pageSize'>): Promise<PlatformRow[]> {
  return platformsQuery(db, narrow(s, q.county), q).selectAll().orderBy('tenant_id').orderBy('town').orderBy('village').execute();
}

export async function countPlatforms(db: AnyModuleDb, s: Scope): Promise<number> {
  const r = await platformsQuery(db, s, {}).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

function activitiesQuery(db: AnyModuleDb, s: Scope, q: Omit<ActivityListQuery, 'page' | 'pageSize' | 'county'>) {
  let base = platformsDb(db).selectFrom('platforms_activities').where((eb) => seen(eb, s, 'tenant_id', 'platform_id'));
  if (q.platformId) base = base.where('platform_id', '=', q.platformId);
  if (q.from) base = base.where('held_on', '>=', q.from);
  if (q.to) base = base.where('held_on', '<=', q.to);
  return base;
}

/**
 * A page of a table's rows in the order of a day column, newest first: the page's ids chosen from the index (narrow
 * entries sorted, whatever the number of rows in the period), then those rows read. The city's list of a year over
 * twelve counties otherwise gathered and sorted every row of the year to show twenty.
 */
async function pageByDay<O>(db: AnyModuleDb, table: 'platforms_activities' | 'platforms_results', day: 'held_on' | 'handed_on', base: SelectQueryBuilder<any, any, any>, page: { page: number; pageSize: number }) {
  const ids = base.select(`${table}.id` as any).orderBy(day, 'desc').orderBy('id', 'desc').limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [rows, total] = await Promise.all([
    platformsDb(db).selectFrom(table).selectAll().where('id', 'in', ids).orderBy(day, 'desc').orderBy('id', 'desc').execute() as Promise<O[]>,
    base.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number | string }>,
  ]);
  return { rows, total: Number(total.n) };
}

export async function listActivities(db: AnyModuleDb, s: Scope, q: ActivityListQuery) {
  return pageByDay<ActivityRow>(db, 'platforms_activities', 'held_on', activitiesQuery(db, narrow(s, q.county), q), q);
}
export async function countActivities(db: AnyModuleDb, s: Scope, q: { from?: string; to?: string }): Promise<number> {
  return Number((await activitiesQuery(db, s, q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

function resultsQuery(db: AnyModuleDb, s: Scope, q: Omit<ResultListQuery, 'page' | 'pageSize' | 'county'>) {
  let base = platformsDb(db).selectFrom('platforms_results').where((eb) => seen(eb, s, 'tenant_id', 'platform_id'));
  if (q.platformId) base = base.where('platform_id', '=', q.platformId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.from) base = base.where('handed_on', '>=', q.from);
  if (q.to) base = base.where('handed_on', '<=', q.to);
  if (q.implementedFrom) base = base.where('implemented_on', '>=', q.implementedFrom);
  if (q.implementedTo) base = base.where('implemented_on', '<=', q.implementedTo);
  return base;
}

export function checkStates(state: string | undefined) {
  const bad = state?.split(',').find((x) => !resultLifecycle.states[x]);
  if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
}

export async function listResults(db: AnyModuleDb, s: Scope, q: ResultListQuery) {
  return pageByDay<ResultRow>(db, 'platforms_results', 'handed_on', resultsQuery(db, narrow(s, q.county), q), q);
}
export async function countResults(db: AnyModuleDb, s: Scope, q: Omit<ResultListQuery, 'page' | 'pageSize' | 'county'>): Promise<number> {
  return Number((await resultsQuery(db, s, q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

/** Activities held in each period (one query over their span, grouped by the period of `held_on`; one period, one count). */
export async function countActivitiesByPeriod(db: AnyModuleDb, s: Scope, periods: readonly Period[]): Promise<number[]> {
  // one period (the year's figures): a plain count from the index, not each row's period worked out and grouped
  if (periods.length === 1) return [await countActivities(db, s, periods[0])];
  const rows = await activitiesQuery(db, s, spanOf(periods)).select((eb) => [periodOfDate('held_on', periods).as('period'), eb.fn.countAll().as('n')]).groupBy(sql`1`).execute();
  return perPeriod(rows, periods.length);
}

/** Results handed over (`handed`) or implemented (`implemented`) in each period, as `countResults` counts each. */
export async function countResultsByPeriod(db: AnyModuleDb, s: Scope, periods: readonly Period[], on: 'handed' | 'implemented'): Promise<number[]> {
  const span = spanOf(periods);
  const q = on === 'handed' ? { from: span.from, to: span.to } : { implementedFrom: span.from, implementedTo: span.to };
  if (periods.length === 1) return [await countResults(db, s, q)];
  const rows = await resultsQuery(db, s, q).select((eb) => [periodOfDate(on === 'handed' ? 'handed_on' : 'implemented_on', periods).as('period'), eb.fn.countAll().as('n')])
    .groupBy(sql`1`).execute();
  return perPeriod(rows, periods.length);
}

/** Counts per county of a scope, in one grouped query each (the overview's grid). */
export async function countsByCounty(db: AnyModuleDb, s: Scope, period: { from: string; to: string }) {
  const tdb = platformsDb(db);
  const inScope = (eb: ExpressionBuilder<any, any>) => (s.town && s.tenants.length
    ? eb.and([eb('tenant_id', 'in', s.tenants), eb('platform_id', 'in', platformsOfTown(eb, s))])
    : eb('tenant_id', 'in', s.tenants.length ? s.tenants : ['-']));
  const registryInScope = (eb: ExpressionBuilder<any, any>) => (s.town && s.tenants.length
    ? eb.and([eb('tenant_id', 'in', s.tenants), eb('town', '=', s.town)])
    : eb('tenant_id', 'in', s.tenants.length ? s.tenants : ['-']));
  const n = (eb: ExpressionBuilder<any, any>) => eb.fn.countAll().as('n');
  const [p, a, r, i] = await Promise.all([
    tdb.selectFrom('platforms_registry').select(['tenant_id', n]).where('active', '=', 1).where(registryInScope).groupBy('tenant_id').execute(),
    tdb.selectFrom('platforms_activities').select(['tenant_id', n]).where(inScope).where('held_on', '>=', period.from).where('held_on', '<=', period.to).groupBy('tenant_id').execute(),
    tdb.selectFrom('platforms_results').select(['tenant_id', n]).where(inScope).where('handed_on', '>=', period.from).where('handed_on', '<=', period.to).groupBy('tenant_id').execute(),
    tdb.selectFrom('platforms_results').select(['tenant_id', n]).where(inScope).where('implemented_on', '>=', period.from).where('implemented_on', '<=', period.to).groupBy('tenant_id').execute(),
  ]);
  const m = (rows: Array<{ tenant_id: string; n: unknown }>) => new Map(rows.map((x) => [x.tenant_id, Number(x.n)]));
  return { platforms: m(p), activities: m(a), results: m(r), implemented: m(i) };
}

export async function topicsOf(db: AnyModuleDb, platformId: string): Promise<TopicRow[]> {
  return platformsDb(db).selectFrom('platforms_topics').selectAll().where('platform_id', '=', platformId).orderBy('raised_on', 'desc').orderBy('id').limit(200).execute();
}
export async function resultsOfActivities(db: AnyModuleDb, activityIds: string[]): Promise<ResultRow[]> {
  if (!activityIds.length) return [];
  return platformsDb(db).selectFrom('platforms_results').selectAll().where('activity_id', 'in', activityIds).orderBy('handed_on').orderBy('id').execute();
}
export async function resultCounts(db: AnyModuleDb, activityIds: string[]): Promise<Map<string, number>> {
  if (!activityIds.length) return new Map();
  const rows = await platformsDb(db).selectFrom('platforms_results').select(['activity_id', (eb) => eb.fn.countAll().as('n')]).where('activity_id', 'in', activityIds).groupBy('activity_id').execute();
  return new Map(rows.map((r) => [r.activity_id, Number(r.n)]));
}
export async function platformsByIds(db: AnyModuleDb, ids: string[]): Promise<Map<string, PlatformRow>> {
  if (!ids.length) return new Map();
  const rows = await platformsDb(db).selectFrom('platforms_registry').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
/** County names (short: 潞州区政协 → shown as the county). */
export async function countyNames(db: AnyModuleDb, ids: string[]): Promise<Map<string, string>> {
  const names = await orgNames(db, [...new Set(ids)]);
  return new Map([...names].map(([k, v]) => [k, v.name]));
}
