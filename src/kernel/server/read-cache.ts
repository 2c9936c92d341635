/**
 * A small in-process cache for read models (worklists, counts) that domain events invalidate. Entries belong to a
 * scope (a tenant, or one shared scope); an event bumps its scope's generation so older entries are never served again.
 * The time limit only bounds how long a write that publishes no event (a bulk load, a restore) can go unseen.
 */
export class ReadCache<V> {
  private entries = new Map<string, { gen: number; at: number; value: Promise<V> }>();
  private generations = new Map<string, number>();
  private allGeneration = 0;

  constructor(private opts: { ttlMs: number; maxEntries: number }) {}

  private gen(scope: string): number {
    return this.allGeneration * 1_000_000 + (this.generations.get(scope) ?? 0);
  }

  /** The cached value for `key` in `scope`, or the loader's value (cached unless it fails). */
  get(scope: string, key: string, load: () => Promise<V>): Promise<V> {
    const k = `${scope}\u0000${key}`;
    const gen = this.gen(scope);
    const now = Date.now();
    const hit = this.entries.get(k);
    if (hit && hit.gen === gen && now - hit.at < this.opts.ttlMs) return hit.value;
    if (this.entries.size >= this.opts.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(k, { gen, at: now, value });
    value.catch(() => { if (this.entries.get(k)?.value === value) this.entries.delete(k); });
    return value;
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
