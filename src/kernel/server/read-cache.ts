/**
 * A small in-process cache for read models (worklists, counts, list pages) that domain events invalidate. Entries
 * belong to a scope (a tenant, or one shared scope); an event bumps its scope's generation so older entries are never
 * served again. The time limit only bounds how long a write that publishes no event (a bulk load, a restore) can go
 * unseen: an entry past it, whose scope has seen no event, is served once more while its fresh value loads, so that
 * readers of a busy page do not all wait on the database at the moment it expires.
 */
import { clock } from '../universal/clock.ts';
interface Entry<V> { gen: number; at: number; value: Promise<V>; settled: boolean; refreshing: boolean }

export class ReadCache<V> {
  private entries = new Map<string, Entry<V>>();
  private generations = new Map<string, number>();
  private allGeneration = 0;

  constructor(private opts: { ttlMs: number; maxEntries: number }) {}

  private gen(scope: string): number {
    return this.allGeneration * 1_000_000 + (this.generations.get(scope) ?? 0);
  }

  private store(k: string, gen: number, value: Promise<V>): Entry<V> {
    if (this.entries.size >= this.opts.maxEntries) this.entries.clear();
    const entry: Entry<V> = { gen, at: clock.nowMs(), value, settled: false, refreshing: false };
    this.entries.set(k, entry);
    value.then(() => { entry.settled = true; }, () => { if (this.entries.get(k) === entry) this.entries.delete(k); });
    return entry;
  }

  /** The cached value for `key` in `scope`, or the loader's value (cached unless it fails). */
  get(scope: string, key: string, load: () => Promise<V>): Promise<V> {
    const k = `${scope}\u0000${key}`;
    const gen = this.gen(scope);
    const hit = this.entries.get(k);
    if (hit && hit.gen === gen) {
      const age = clock.nowMs() - hit.at;
      if (age < this.opts.ttlMs) return hit.value;
      if (age < 2 * this.opts.ttlMs && hit.settled) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          const fresh = load();
          fresh.then(() => {
            // kept only if no event arrived while it loaded
            if (this.entries.get(k) === hit && this.gen(scope) === gen) this.store(k, gen, fresh);
          }, () => { hit.refreshing = false; });
        }
        return hit.value;
      }
    }
    return this.store(k, gen, load()).value;
  }

  /** Forget everything in one scope, or in every scope. */
  invalidate(scope?: string): void {
    if (scope === undefined) {
      this.allGeneration++;
      this.entries.clear();
      return;
    }
    this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
  }
}
