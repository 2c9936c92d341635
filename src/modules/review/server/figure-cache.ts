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
  /** how many computations the cache answered and how many it had to run (the benchmark reports them) */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private ctx: ModuleContext) {}

  /** Drop a CPPCC's cached figures (or every CPPCC's). */
  invalidate(tenantId?: string): void {
    this.cache.invalidate(tenantId);
  }

  /** The catalogue's figures of the scope as the actor may see them (sources decide by tenant and permissions). */
  groups(scope: FigureScope, actor: Actor): Promise<FigureGroup[]> {
    const sees = [actor.tenantId, [...actor.permissions].sort().join(',')].join('|');
    const key = [scope.from, scope.to, scope.year ?? '', clock.today(), sees].join('|');
    let missed = false;
    const p = this.cache.get(scope.tenantId, key, () => {
      missed = true;
      return this.ctx.figures.compute(this.ctx, scope, actor);
    });
    if (missed) this.stats.misses++; else this.stats.hits++;
    return p;
  }
}

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
