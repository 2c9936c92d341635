/**
 * The module's figures (统计数字) in the kernel's catalogue (GET /api/figures) and the by-county overview. A figure is
 * true only if its list agrees: `list.api` with `list.query` answers a `total` equal to `value`. So each figure is
 * counted with the very query its list runs (repository.ts), over what the actor may see: a county's staff their
 * county, the city's staff every county below the city.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { orgNames, workYearFor } from '../../organizations/index.ts';
import type { Overview } from '../contract.ts';
import { readsPlatforms } from '../domain/platform-policy.ts';
import { countActivitiesByPeriod, countPlatforms, countResultsByPeriod, countsByCounty, scopeOf, type Scope } from './repository.ts';
import type { Period } from '../../../kernel/server/db/periods.ts';

const decl = (name: string, label: string, unit: string): FigureDecl => ({ key: `platforms.${name}`, label, unit, scope: 'organisation' });
export const platformFigures = {
  platforms: decl('platforms', '有事来商量平台', '个'),
  activities: decl('activities', '开展协商活动', '次'),
  results: decl('results', '形成协商成果', '项'),
  implemented: decl('implemented', '推动成果落实', '项'),
} as const;

type Counts = { platforms: number; activities: number; results: number; implemented: number };

/** The four figures of a scope (the whole of it, or one county: `county`) for a period, each with its list. */
export function figuresOf(counts: Counts, period: { from: string; to: string }, county?: string): Figure[] {
  const c: Record<string, string> = county ? { county } : {};
  const f = (d: FigureDecl, value: number, api: string, web: string, rows: string, query: Record<string, string>): Figure =>
    ({ key: d.key, label: d.label, unit: d.unit, value, list: { api, web, query: { ...c, ...query }, rows } });
  return [
    f(platformFigures.platforms, counts.platforms, '/api/platforms', '/platforms', 'platform', {}),
    f(platformFigures.activities, counts.activities, '/api/platforms/activities', '/platforms/activities', 'activity', { from: period.from, to: period.to }),
    f(platformFigures.results, counts.results, '/api/platforms/results', '/platforms/results', 'result', { from: period.from, to: period.to }),
    f(platformFigures.implemented, counts.implemented, '/api/platforms/results', '/platforms/results', 'result', { implementedFrom: period.from, implementedTo: period.to }),
  ];
}

/** The four figures of each period (the registry's count once; the others one query each over all the periods). */
async function countsOfPeriods(db: AnyModuleDb, s: Scope, periods: readonly Period[]): Promise<Counts[]> {
  const [platforms, activities, results, implemented] = await Promise.all([
    countPlatforms(db, s), countActivitiesByPeriod(db, s, periods), countResultsByPeriod(db, s, periods, 'handed'), countResultsByPeriod(db, s, periods, 'implemented'),
  ]);
  return periods.map((_, i) => ({ platforms, activities: activities[i], results: results[i], implemented: implemented[i] }));
}

export const platformsFigureSource: FigureSource = {
  figures: Object.values(platformFigures),
  async compute(ctx, scope, actor) {
    return (await platformsFigureSource.computePeriods!(ctx, [scope], actor))[0];
  },
  async computePeriods(ctx, scopes, actor) {
    // organisation figures only, for staff who read the platforms of that CPPCC (and those below it)
    if (scopes[0].subject || !readsPlatforms(actor) || actor.tenantId !== scopes[0].tenantId) return scopes.map(() => []);
    const s = await scopeOf(ctx.db, actor);
    const staff = { tenants: s.tenants, convenerId: '', town: s.town };
    // a year is the 工作年度 (its cut-off), as on the overview; a period of days is taken as it is
    const periods = await Promise.all(scopes.map((scope) => (scope.year !== undefined
      ? workYearFor(ctx.settings, scope.tenantId, scope.year).then((wy) => ({ from: wy.startsOn, to: wy.endsOn }))
      : { from: scope.from, to: scope.to })));
    const counts = await countsOfPeriods(ctx.db, staff, periods);
    return periods.map((p, i) => figuresOf(counts[i], p));
  },
};

/** 按县区概览: each county the actor reads with its four figures for the period, and the total. */
export async function overviewOf(db: AnyModuleDb, actor: Actor, period: { year: number; from: string; to: string }): Promise<Overview> {
  const s = await scopeOf(db, actor);
  const staff: Scope = { tenants: s.tenants, convenerId: '', town: s.town };
  const [by, names] = await Promise.all([countsByCounty(db, staff, period), orgNames(db, s.tenants)]);
  const of = (t: string): Counts => ({ platforms: by.platforms.get(t) ?? 0, activities: by.activities.get(t) ?? 0, results: by.results.get(t) ?? 0, implemented: by.implemented.get(t) ?? 0 });
  // one row per county; the city's own CPPCC shows only when it holds platforms itself
  const counties = s.tenants.filter((t) => s.tenants.length === 1 || t !== actor.tenantId || by.platforms.has(t));
  // the counties with the most platforms first, as the grid and the chart show them
  const rows = counties.map((t) => ({ countyId: t, countyName: names.get(t)?.name ?? '', figures: figuresOf(of(t), period, t) }))
    .sort((a, b) => b.figures[0].value - a.figures[0].value || a.countyName.localeCompare(b.countyName, 'zh-CN'));
  const all = s.tenants.map(of);
  const sum = (k: keyof Counts) => all.reduce((n, c) => n + c[k], 0);
  const total = figuresOf({ platforms: sum('platforms'), activities: sum('activities'), results: sum('results'), implemented: sum('implemented') }, period);
  return { year: period.year, from: period.from, to: period.to, counties: rows, total };
}
