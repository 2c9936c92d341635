/**
 * The portal's rendered pages (门户页面缓存), in memory per instance: a bounded LRU of complete answers (body, its
 * compressed forms, ETag, Last-Modified), keyed by the address asked for. A page names its tenant and the section it
 * shows ('*' for pages that show every section: the home page, the sitemap); a domain event of a section drops the
 * tenant's pages of that section and its '*' pages. A time limit bounds how long a write that publishes no event goes
 * unseen (a page past it is served once more while it renders again). A page rendered while an event arrived is not kept (the tenant's generation moved under it).
 */
export interface CachedPage {
  status: number;
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  /** HTTP date of the render */
  lastModified: string;
  tenantId: string;
  /** the section the page shows, '*' for every section (home, sitemap), null for none (contact, robots) */
  section: string | null;
}

interface Entry { page: CachedPage; at: number }

export class PageCache {
  private entries = new Map<string, Entry>();
  private generations = new Map<string, number>();
  private global = 0;
  readonly stats = { hits: 0, misses: 0, dropped: 0 };

  constructor(private opts: { maxEntries: number; ttlMs: number; now: () => number }) {}

  get size(): number { return this.entries.size; }

  /** The tenant's generation: a render started at one generation is stored only if it is still the same. */
  generation(tenantId: string): number { return this.global * 1_000_000 + (this.generations.get(tenantId) ?? 0); }

  /** The page kept for `key`, if it is younger than the time limit. */
  get(key: string): CachedPage | undefined {
    const hit = this.lookup(key);
    return hit && !hit.stale ? hit.page : undefined;
  }

  /**
   * The page kept for `key`, and whether it is past the time limit (stale); a page past twice the limit is gone. A
   * stale page is served once more while a fresh one renders, so that readers of a busy page never wait on its render.
   */
  lookup(key: string): { page: CachedPage; stale: boolean } | undefined {
    const e = this.entries.get(key);
    if (!e) { this.stats.misses++; return undefined; }
    const age = this.opts.now() - e.at;
    if (age >= 2 * this.opts.ttlMs) {
      this.entries.delete(key);
      this.stats.misses++;
      return undefined;
    }
    // most recently used last: the first key is the one to evict
    this.entries.delete(key);
    this.entries.set(key, e);
    this.stats.hits++;
    return { page: e.page, stale: age >= this.opts.ttlMs };
  }

  /** Keep a page, unless its tenant saw an event since `generation` was read; evicts the least recently used. */
  set(key: string, page: CachedPage, generation: number): boolean {
    if (this.generation(page.tenantId) !== generation) return false;
    this.entries.delete(key);
    while (this.entries.size >= this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { page, at: this.opts.now() });
    return true;
  }

  /**
   * Drop a tenant's pages that show `section` and its pages of every section; without `section`, all its pages;
   * without a tenant, every page. Returns how many were dropped.
   */
  invalidate(tenantId?: string, section?: string): number {
    let n = 0;
    if (tenantId === undefined) {
      n = this.entries.size;
      this.entries.clear();
      this.global++;
    } else {
      this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
      for (const [k, e] of this.entries) {
        if (e.page.tenantId !== tenantId) continue;
        if (section === undefined || e.page.section === '*' || e.page.section === section) {
          this.entries.delete(k);
          n++;
        }
      }
    }
    this.stats.dropped += n;
    return n;
  }
}
