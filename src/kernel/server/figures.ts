/**
 * The figure catalogue (统计数字目录): every module's figures, declared in its manifest (`figures`), computed for a scope
 * (an organisation and a period, or one member's own) as the actor may see them, grouped by module in manifest order
 * and, within a module, in the order the module declares them. Statistics pages, the member record, dashboards and the
 * annual review read this one catalogue, so a key has one definition and one value wherever it is shown.
 */
import type { App } from './http/server.ts';
import { actorOf } from './http/request-actor.ts';
import type { Actor } from './actor.ts';
import type { ModuleContext, ModuleManifest } from './module.ts';
import { familyPattern, type FigureDecl, type FigureScope, type FigureSource } from './contributions.ts';
import { AppError, invalid } from '../universal/errors.ts';
import { chinaToday } from '../universal/working-days.ts';
import { defaultWorkYearCalendar, workYear, workYearNumberOf, workYearOf, type WorkYearCalendar } from '../universal/work-year.ts';
import { z } from 'zod';
import { figuresQuery, figuresResponse, type Figure, type FigureGroup, type FiguresQuery, type Highlight } from '../universal/figures.ts';

export interface FigureCatalogue {
  /** the declared figures of every module that has some, in manifest order */
  readonly modules: ReadonlyArray<{ name: string; label: string; figures: readonly FigureDecl[] }>;
  /** the figures of the scope the actor may see, by module; `modules` limits the modules asked */
  compute(ctx: ModuleContext, scope: FigureScope, actor: Actor, opts?: { modules?: readonly string[] }): Promise<FigureGroup[]>;
  /** the notable records (重点记录) of an organisation's period the actor may read, by module in manifest order */
  highlights(ctx: ModuleContext, scope: FigureScope, actor: Actor, limit: number): Promise<Highlight[]>;
  /**
   * The figures of several periods of one organisation (or one member's) at once, one list of groups per scope in the
   * order given, each the same as `compute` of that scope: a source that counts periods together (`computePeriods`)
   * is asked once, any other once per period.
   */
  computePeriods(ctx: ModuleContext, scopes: readonly FigureScope[], actor: Actor, opts?: { modules?: readonly string[] }): Promise<FigureGroup[][]>;
  /**
   * The member figures (`<module>.member.*`) of many members of one organisation's period, as counts by key per member
   * (decision 0062): a source that counts members together (`computeMembers`) is asked once, any other once per member
   * (its `compute` with that member as subject, as `actor` may see it). `keys` limits the figures (and so the sources
   * asked); a member with nothing counted has an empty record.
   */
  computeMembers(ctx: ModuleContext, scope: FigureScope, userIds: readonly string[], actor: Actor, opts?: { keys?: readonly string[] }): Promise<Map<string, Record<string, number>>>;
}

export function createFigureCatalogue(manifests: readonly Pick<ModuleManifest, 'name' | 'label' | 'figures'>[]): FigureCatalogue {
  const sources = manifests.filter((m): m is typeof m & { figures: FigureSource } => !!m.figures)
    .map((m) => ({ name: m.name, label: m.label, source: m.figures }));
  for (const s of sources) {
    const seen = new Set<string>();
    for (const d of s.source.figures) {
      if (!d.key.startsWith(`${s.name}.`)) throw new Error(`figure ${d.key} of module ${s.name} must be named '${s.name}.<name>'`);
      // lower case, digits and underscores: the keys travel in query strings (?keys=…) checked by that pattern
      if (d.per && d.key.split('.').filter((x) => x === '*').length !== 1) throw new Error(`figure family ${d.key} of module ${s.name}: one segment is '*', the ${d.per}`);
      if (!d.per && d.key.includes('*')) throw new Error(`figure ${d.key} of module ${s.name}: only a family (per) has a '*' segment`);
      if (!/^[a-z_]+(\.[a-z0-9_]+)+$/.test(d.per ? d.key.replace('.*', '.x') : d.key)) throw new Error(`figure ${d.key} of module ${s.name}: a key is lower case, digits and underscores`);
      if (seen.has(d.key)) throw new Error(`figure ${d.key} is declared twice`);
      seen.add(d.key);
    }
  }
  type Source = (typeof sources)[number];
  /** The source's figures checked against its declarations (a figure nobody declared would have no definition to hold the pages to), in declared order. */
  const ordered = (s: Source, kind: FigureDecl['scope'], figures: Figure[]): FigureGroup => {
    const decls = s.source.figures.filter((d) => d.scope === kind);
    const order = new Map(decls.map((d, i) => [d.key, i]));
    // a family's figures (one per committee) sit where the family is declared, in the order the source gives them
    const families = decls.map((d, i) => ({ i, re: familyPattern(d) })).filter((x): x is { i: number; re: RegExp } => x.re !== null);
    const at = new Map<Figure, number>();
    for (const f of figures) {
      const i = order.get(f.key) ?? families.find((x) => x.re.test(f.key))?.i;
      if (i === undefined) throw new AppError('INTERNAL', `统计数字 ${f.key} 未在模块「${s.label}」中声明`);
      at.set(f, i);
    }
    figures.sort((a, b) => at.get(a)! - at.get(b)!);
    return { module: s.name, label: s.label, figures };
  };
  const askedOf = (opts: { modules?: readonly string[] }) => (opts.modules ? sources.filter((s) => opts.modules!.includes(s.name)) : sources);
  return {
    modules: sources.map((s) => ({ name: s.name, label: s.label, figures: s.source.figures })),
    async compute(ctx, scope, actor, opts = {}) {
      const kind = scope.subject ? 'member' : 'organisation';
      const groups = await Promise.all(askedOf(opts).map(async (s) => ordered(s, kind, await s.source.compute(ctx, scope, actor))));
      return groups.filter((g) => g.figures.length > 0);
    },
    async highlights(ctx, scope, actor, limit) {
      if (scope.subject || limit <= 0) return [];
      const lists = await Promise.all(sources.map(async (s) => {
        const found = (await s.source.highlights?.(ctx, scope, actor, limit)) ?? [];
        // a module names its own records only
        for (const h of found) if (!h.key.startsWith(`${s.name}.`)) throw new AppError('INTERNAL', `重点记录 ${h.key} 不属于模块「${s.label}」`);
        return found;
      }));
      return lists.flat();
    },
    async computePeriods(ctx, scopes, actor, opts = {}) {
      if (!scopes.length) return [];
      const first = scopes[0];
      if (scopes.some((sc) => sc.tenantId !== first.tenantId || sc.subject?.userId !== first.subject?.userId)) {
        throw new AppError('INTERNAL', '统计数字的多个期间须属于同一组织（或同一委员）');
      }
      const kind = first.subject ? 'member' : 'organisation';
      // per source: one list of figures per scope
      const bySource = await Promise.all(askedOf(opts).map(async (s) => {
        const lists = s.source.computePeriods
          ? await s.source.computePeriods(ctx, scopes, actor)
          : await Promise.all(scopes.map((sc) => s.source.compute(ctx, sc, actor)));
        if (lists.length !== scopes.length) throw new AppError('INTERNAL', `模块「${s.label}」的统计数字期间数不符`);
        return lists.map((figures) => ordered(s, kind, figures));
      }));
      return scopes.map((_, i) => bySource.map((groups) => groups[i]).filter((g) => g.figures.length > 0));
    },
    async computeMembers(ctx, scope, userIds, actor, opts = {}) {
      const out = new Map<string, Record<string, number>>(userIds.map((u) => [u, {}]));
      const wanted = opts.keys ? new Set(opts.keys) : undefined;
      const asked = sources.filter((s) => s.source.figures.some((d) => d.scope === 'member' && (!wanted || wanted.has(d.key))));
      const memberKeys = (s: Source) => new Set(s.source.figures.filter((d) => d.scope === 'member').map((d) => d.key));
      const put = (userId: string, key: string, value: number) => {
        if (wanted && !wanted.has(key)) return;
        const rec = out.get(userId);
        if (rec) rec[key] = value;
      };
      const base = { tenantId: scope.tenantId, from: scope.from, to: scope.to, ...(scope.year !== undefined ? { year: scope.year } : {}) };
      await Promise.all(asked.map(async (s) => {
        const keys = memberKeys(s);
        if (s.source.computeMembers) {
          const counted = await s.source.computeMembers(ctx, base, userIds);
          for (const [userId, rec] of counted) for (const [k, v] of Object.entries(rec)) if (keys.has(k)) put(userId, k, v);
          return;
        }
        // one member at a time, a few at once (the pool of connections is shared)
        let next = 0;
        const worker = async () => {
          while (next < userIds.length) {
            const userId = userIds[next++];
            const figures = await s.source.compute(ctx, { ...base, subject: { userId } }, actor);
            for (const f of figures) if (keys.has(f.key)) put(userId, f.key, f.value);
          }
        };
        await Promise.all(Array.from({ length: Math.min(4, userIds.length) }, worker));
      }));
      return out;
    },
  };
}

/**
 * The period of a query: a 工作年度 (the current one by default) or `from`–`to`, both given. A year's days are those of
 * the working year on the CPPCC's calendar (decision 0041): with the 12-05 cut-off, 2027 is 2026-12-06 … 2027-12-05.
 */
export function figureScopeOf(tenantId: string, q: Pick<FiguresQuery, 'year' | 'from' | 'to' | 'userId'>,
  calendar: WorkYearCalendar = defaultWorkYearCalendar, today: string = chinaToday()): FigureScope {
  if (q.year !== undefined && (q.from !== undefined || q.to !== undefined)) throw invalid('from', '「开始日期」', '与「年度」只能指定一个');
  if ((q.from === undefined) !== (q.to === undefined)) throw invalid(q.from === undefined ? 'from' : 'to', q.from === undefined ? '「开始日期」' : '「结束日期」', '开始日期和结束日期应同时指定');
  const subject = q.userId ? { subject: { userId: q.userId } } : {};
  if (q.from !== undefined && q.to !== undefined) {
    if (q.from > q.to) throw invalid('from', '「开始日期」', `${q.from} 晚于结束日期 ${q.to}`);
    // the days of a whole working year are that 工作年度
    const wy = workYearOf(q.to, calendar);
    const whole = q.from === wy.startsOn && q.to === wy.endsOn;
    return { tenantId, from: q.from, to: q.to, ...(whole ? { year: wy.year } : {}), ...subject };
  }
  const wy = workYear(q.year ?? workYearNumberOf(today, calendar), calendar);
  return { tenantId, from: wy.startsOn, to: wy.endsOn, year: wy.year, ...subject };
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });

/**
 * The catalogue's route. `workYearCalendar` reads a CPPCC's 工作年度 calendar (a setting of the organisations module,
 * handed in by the server), so that a year asked for means the same days as on every page.
 */
export function figureRoutes(app: App, ctx: ModuleContext, catalogue: FigureCatalogue,
  workYearCalendar: (tenantId: string) => Promise<WorkYearCalendar> = async () => defaultWorkYearCalendar) {
  app.get('/api/figures', {
    schema: {
      tags: ['figures'],
      summary: '统计数字目录：某一年度（或起止日期）本级政协各模块的统计数字，或某位委员本人的履职数字（userId）；每个数字附带其明细列表，列表总数与数字相等；只返回调用者有权查看的数字',
      querystring: figuresQuery,
      response: { 200: figuresResponse, 400: errorBody, 401: errorBody },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const scope = figureScopeOf(actor.tenantId, req.query, await workYearCalendar(actor.tenantId));
    const names = req.query.modules?.split(',');
    const unknown = names?.find((n) => !catalogue.modules.some((m) => m.name === n));
    if (unknown) throw invalid('modules', '「模块」', `没有统计数字的模块：${unknown}`);
    const groups = await catalogue.compute(ctx, scope, actor, { modules: names });
    return { from: scope.from, to: scope.to, year: scope.year ?? null, userId: scope.subject?.userId ?? null, groups };
  });
}
