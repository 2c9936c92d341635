/**
 * The figures of a period, as the catalogue answers them, cached per CPPCC, period and what the actor may see
 * (decision 0046). Every event the outbox delivers for a CPPCC drops that CPPCC's cached figures on every instance
 * (a record that changes is a figure that may change), so the dashboard never shows a figure its list disagrees
 * with; the day is part of the key (figures such as 当前超期 move with the date) and a short time limit covers writes
 * that publish no event (a bulk load, a restore).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { FigureScope } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { ReadCache } from '../../../kernel/server/read-cache.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { FigureGroup } from '../../../kernel/universal/figures.ts';

export class FigureCache {
  private cache = new ReadCache<FigureGroup[]>({ ttlMs: 60_000, maxEntries: 5_000 });
  /** several periods computed together (a trend's months), kept as one entry */
  private series = new ReadCache<FigureGroup[][]>({ ttlMs: 60_000, maxEntries: 1_000 });
  /** how many computations the cache answered and how many it had to run (the benchmark reports them) */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private ctx: ModuleContext) {}

  /** Drop a CPPCC's cached figures (or every CPPCC's). */
  invalidate(tenantId?: string): void {
    this.cache.invalidate(tenantId);
    this.series.invalidate(tenantId);
  }

  /** The catalogue's figures of the scope as the actor may see them (sources decide by tenant and permissions). */
  groups(scope: FigureScope, actor: Actor): Promise<FigureGroup[]> {
    const key = [scope.from, scope.to, scope.year ?? '', clock.today(), seenBy(actor)].join('|');
    let missed = false;
    const p = this.cache.get(scope.tenantId, key, () => {
      missed = true;
      return this.ctx.figures.compute(this.ctx, scope, actor);
    });
    if (missed) this.stats.misses++; else this.stats.hits++;
    return p;
  }

  /**
   * The figures of several periods of one CPPCC (a trend's months), one list of groups per scope, each the same as
   * `groups` of that scope; the catalogue counts them together where a source can (decision 0054).
   */
  periods(scopes: readonly FigureScope[], actor: Actor): Promise<FigureGroup[][]> {
    if (!scopes.length) return Promise.resolve([]);
    const key = [scopes.map((s) => `${s.from}~${s.to}~${s.year ?? ''}`).join(','), clock.today(), seenBy(actor)].join('|');
    let missed = false;
    const p = this.series.get(scopes[0].tenantId, key, () => {
      missed = true;
      return this.ctx.figures.computePeriods(this.ctx, scopes, actor);
    });
    if (missed) this.stats.misses++; else this.stats.hits++;
    return p;
  }
}

/** What decides the figures an actor sees: their tenant and permissions (the sources decide by them). */
const seenBy = (actor: Actor) => [actor.tenantId, [...actor.permissions].sort().join(',')].join('|');

/** The cache is the module's per-app instance; the module's subscription keeps it true. */
export const figureCacheOf = (ctx: ModuleContext) => ctx.contributions.instance<FigureCache>('review');

/**
 * Every delivered event drops its CPPCC's figures: on the instance that delivers it (before the command answers) and,
 * through the broadcast, on every other instance.
 */
export function subscribeFigureCache(ctx: ModuleContext): void {
  const drop = (e: { tenantId?: string }) => figureCacheOf(ctx).invalidate(e.tenantId || undefined);
  ctx.events.on('*', drop);
  ctx.events.onBroadcast('*', drop);
}
