/**
 * The year in figures, read from the figures catalogue only (never another module's tables): a year's figures of a
 * CPPCC with last year's and the change (同比), those that need attention, the twelve months of a year, and the CPPCCs
 * the actor may see side by side. A module with no figures, or none for this actor, contributes nothing.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureScope } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { notFound } from '../../../kernel/universal/errors.ts';
import type { Figure, FigureGroup } from '../../../kernel/universal/figures.ts';
import { currentWorkYear, orgNames, visibleTenantIds, workYearFor } from '../../organizations/index.ts';
import type { Counties, Dashboard, Trends, YearFigure } from '../contract.ts';
import { changePercent } from '../domain/review-document.ts';
import { countyRecordsLink, viewerIn } from './county-view.ts';
import { figureCacheOf } from './figure-cache.ts';

export interface Organisation { id: string; name: string }

/** The CPPCCs the actor may look at: their own first, then those below it (the city's counties). */
export async function organisationsOf(ctx: ModuleContext, actor: Actor): Promise<Organisation[]> {
  const ids = await visibleTenantIds(ctx.db, actor.tenantId);
  const ordered = [actor.tenantId, ...ids.filter((id) => id !== actor.tenantId)];
  const names = await orgNames(ctx.db, ordered);
  return ordered.map((id) => ({ id, name: names.get(id)?.name ?? id }));
}

/** The organisation a query names (the actor's own by default); one the actor may not see is not found. */
export async function organisationFor(ctx: ModuleContext, actor: Actor, org?: string): Promise<{ organisation: Organisation; organisations: Organisation[] }> {
  const organisations = await organisationsOf(ctx, actor);
  const organisation = organisations.find((o) => o.id === (org ?? actor.tenantId));
  if (!organisation) throw notFound('政协组织');
  return { organisation, organisations };
}

/** The year a query asks for: the given one, or the CPPCC's current 工作年度. */
export async function yearOf(ctx: ModuleContext, tenantId: string, year?: number): Promise<number> {
  return year ?? (await currentWorkYear(ctx.settings, tenantId)).year;
}

/** The catalogue's scope of a 工作年度 of a CPPCC. */
export async function yearScope(ctx: ModuleContext, tenantId: string, year: number): Promise<FigureScope> {
  const wy = await workYearFor(ctx.settings, tenantId, year);
  return { tenantId, from: wy.startsOn, to: wy.endsOn, year };
}

const query = (q: Record<string, string>) => new URLSearchParams(q).toString();
/** The records behind a figure: the list API's URL (its `total` is the figure) and the web page showing them. */
export function linksOf(f: Figure): { link: string | null; page: string | null } {
  if (!f.list) return { link: null, page: null };
  const q = query(f.list.query);
  return { link: `${f.list.api}${q ? `?${q}` : ''}`, page: f.list.web ? `${f.list.web}${q ? `?${q}` : ''}` : null };
}

/**
 * The links of a figure of `tenantId` for a reader of `actor.tenantId`: their own CPPCC's list and page, or, for a
 * county the city looks at, the county's list through `GET /api/dashboard/records` (the list pages show the reader's
 * own CPPCC, so there is no page).
 */
export function linksFor(actor: Actor, tenantId: string, year: number, f: Figure): { link: string | null; page: string | null } {
  const own = linksOf(f);
  if (tenantId === actor.tenantId || !own.link) return own;
  return { link: countyRecordsLink(tenantId, year, own.link), page: null };
}

/** Which declared keys need attention (需关注), from the modules' declarations. */
function attentionKeys(ctx: ModuleContext): Set<string> {
  return new Set(ctx.figures.modules.flatMap((m) => m.figures.filter((d) => d.attention).map((d) => d.key)));
}

/** The figures of a year with last year's and the change, by module in the catalogue's order. */
export async function yearFigures(ctx: ModuleContext, actor: Actor, tenantId: string, year: number): Promise<Array<{ module: string; label: string; figures: YearFigure[] }>> {
  const cache = figureCacheOf(ctx);
  // a county the city looks at: the catalogue asked as the reader would be in that county (decision 0072)
  const viewer = viewerIn(actor, tenantId);
  const [now, before] = await Promise.all([
    yearScope(ctx, tenantId, year).then((s) => cache.groups(s, viewer)),
    yearScope(ctx, tenantId, year - 1).then((s) => cache.groups(s, viewer)),
  ]);
  const previous = new Map(before.flatMap((g) => g.figures.map((f) => [f.key, f.value] as const)));
  const attention = attentionKeys(ctx);
  return now.map((g: FigureGroup) => ({
    module: g.module, label: g.label,
    figures: g.figures.map((f) => {
      const prev = previous.get(f.key) ?? null;
      return {
        ...f, module: g.module, moduleLabel: g.label,
        previous: prev, change: prev === null ? null : Math.round((f.value - prev) * 100) / 100, changePercent: changePercent(f.value, prev),
        attention: attention.has(f.key), ...linksFor(actor, tenantId, year, f),
      };
    }),
  }));
}

export async function dashboardOf(ctx: ModuleContext, actor: Actor, q: { year?: number; org?: string }): Promise<Dashboard> {
  const { organisation, organisations } = await organisationFor(ctx, actor, q.org);
  const year = await yearOf(ctx, organisation.id, q.year);
  const scope = await yearScope(ctx, organisation.id, year);
  const modules = await yearFigures(ctx, actor, organisation.id, year);
  const attention = modules.flatMap((m) => m.figures).filter((f) => f.attention && f.value !== 0);
  return { year, from: scope.from, to: scope.to, organisation, organisations, modules, attention };
}

/** The month periods of a 工作年度: calendar months, the first from the year's first day, the last to its last. */
export function monthPeriods(year: number, startsOn: string, endsOn: string): Array<{ month: string; from: string; to: string }> {
  return Array.from({ length: 12 }, (_, i) => {
    const mm = String(i + 1).padStart(2, '0');
    const last = new Date(Date.UTC(year, i + 1, 0)).getUTCDate();
    return { month: `${year}-${mm}`, from: i === 0 ? startsOn : `${year}-${mm}-01`, to: i === 11 ? endsOn : `${year}-${mm}-${String(last).padStart(2, '0')}` };
  });
}

/**
 * Each figure month by month: the catalogue asked for the twelve months' periods at once (sources that count only whole years, such
 * as proposals by session year, answer nothing for a month and have no trend). By default the first figures of each
 * module that answers, and those that need attention.
 */
export async function trendsOf(ctx: ModuleContext, actor: Actor, q: { year?: number; org?: string; keys?: string }): Promise<Trends> {
  const started = performance.now();
  const { organisation } = await organisationFor(ctx, actor, q.org);
  const year = await yearOf(ctx, organisation.id, q.year);
  const wy = await workYearFor(ctx.settings, organisation.id, year);
  const periods = monthPeriods(year, wy.startsOn, wy.endsOn);
  const cache = figureCacheOf(ctx);
  // the twelve months together: a source that counts periods in one grouped query is asked once (decision 0054)
  const months = await cache.periods(periods.map((p) => ({ tenantId: organisation.id, from: p.from, to: p.to })), viewerIn(actor, organisation.id));
  const byMonth = months.map((gs) => new Map(gs.flatMap((g) => g.figures.map((f) => [f.key, { f, module: g.module }] as const))));
  const answered = new Map<string, { f: Figure; module: string }>();
  for (const m of byMonth) for (const [k, v] of m) if (!answered.has(k)) answered.set(k, v);
  const attention = attentionKeys(ctx);
  let keys: string[];
  if (q.keys) keys = q.keys.split(',').filter((k) => answered.has(k));
  else {
    // the declared order: each module's first three figures, and those that need attention
    const perModule = new Map<string, number>();
    keys = ctx.figures.modules.flatMap((m) => m.figures.filter((d) => d.scope === 'organisation').map((d) => d.key))
      .filter((k) => answered.has(k))
      .filter((k) => {
        const m = answered.get(k)!.module;
        const n = perModule.get(m) ?? 0;
        if (n < 3 || attention.has(k)) { perModule.set(m, n + 1); return true; }
        return false;
      });
  }
  const series = keys.map((key) => {
    const { f, module } = answered.get(key)!;
    const cells = byMonth.map((m) => m.get(key)?.f);
    const links = cells.map((c) => (c ? linksFor(actor, organisation.id, year, c) : { link: null, page: null }));
    return { key, label: f.label, unit: f.unit, module, values: cells.map((c) => c?.value ?? null), links: links.map((l) => l.link), pages: links.map((l) => l.page) };
  });
  return { year, months: periods.map((p) => p.month), series, ms: Math.round(performance.now() - started) };
}

/**
 * The CPPCCs the actor may see side by side (the city and each county; a county only itself), each with its own figures
 * of the year as the catalogue answers them for the reader seen from that CPPCC (decision 0072), each opening that
 * CPPCC's list. The figures in the catalogue's declared order, each with its module.
 */
export async function countiesOf(ctx: ModuleContext, actor: Actor, q: { year?: number }): Promise<Counties> {
  const organisations = await organisationsOf(ctx, actor);
  const year = await yearOf(ctx, actor.tenantId, q.year);
  const cache = figureCacheOf(ctx);
  const rows = await Promise.all(organisations.map(async (o) => {
    const groups = await cache.groups(await yearScope(ctx, o.id, year), viewerIn(actor, o.id));
    const values: Counties['rows'][number]['values'] = {};
    for (const g of groups) for (const f of g.figures) values[f.key] = { value: f.value, ...linksFor(actor, o.id, year, f) };
    return { organisation: o, values, groups };
  }));
  const answered = new Map<string, { label: string; unit: string }>();
  for (const r of rows) for (const g of r.groups) for (const f of g.figures) if (!answered.has(f.key)) answered.set(f.key, { label: f.label, unit: f.unit });
  const figures = ctx.figures.modules.flatMap((m) => m.figures.filter((d) => answered.has(d.key))
    .map((d) => ({ key: d.key, ...answered.get(d.key)!, module: m.name, moduleLabel: m.label })));
  return { year, organisations, figures, rows: rows.map(({ organisation, values }) => ({ organisation, values })) };
}

/**
 * The records behind one of a CPPCC's figures (`link`, as the dashboard gave it) read as the reader seen from that
 * CPPCC: the list's own answer (`items`, `total`, …). Only a link that one of the CPPCC's figures of the year names for
 * this reader; anything else is a 404, an organisation the reader may not see too.
 */
export async function countyListOf(ctx: ModuleContext, actor: Actor, q: { org: string; link: string; year?: number },
  read: (tenantId: string, url: string) => Promise<{ status: number; body: unknown }>): Promise<unknown> {
  const { organisation } = await organisationFor(ctx, actor, q.org);
  const year = await yearOf(ctx, organisation.id, q.year);
  const viewer = viewerIn(actor, organisation.id);
  const cache = figureCacheOf(ctx);
  // the link of a figure of the year or the year before (同比), or of one of its months (走势)
  const wy = await workYearFor(ctx.settings, organisation.id, year);
  const [now, before, months] = await Promise.all([
    yearScope(ctx, organisation.id, year).then((s) => cache.groups(s, viewer)),
    yearScope(ctx, organisation.id, year - 1).then((s) => cache.groups(s, viewer)),
    cache.periods(monthPeriods(year, wy.startsOn, wy.endsOn).map((p) => ({ tenantId: organisation.id, from: p.from, to: p.to })), viewer),
  ]);
  const named = [now, before, ...months].some((gs) => gs.some((g) => g.figures.some((f) => linksOf(f).link === q.link)));
  if (!named) throw notFound('统计数字明细');
  const r = await read(organisation.id, q.link);
  if (r.status !== 200) throw notFound('统计数字明细');
  return r.body;
}
