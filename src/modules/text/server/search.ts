/**
 * Cross-module search (全文检索): items are segmented with jieba (search mode) and stored as words in the database's
 * full-text index; a query's words must all match; results are ranked, checked against the owning module's
 * visibility, counted by module and year, and highlighted.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import { countSearchWords, searchWords, writeSearchWords, type DialectName } from '../../../kernel/server/db/dialect.ts';
import { segmenter, isContentToken } from '../domain/segmenter.ts';
import { highlight, snippet } from '../domain/highlight.ts';
import { sourceLabels, type SearchQuery, type SearchResponse } from '../contract.ts';
import { visibleCandidates } from './search-policy.ts';

/** How many matches (the newest) are ranked by relevance, checked and counted for one query. */
export const SEARCH_WINDOW = 1000;

/** The words stored for an item: search-mode segmentation (long words and their sub-words), the title counted twice. */
export function indexWords(title: string, body: string): string[] {
  const seg = segmenter();
  const words = (t: string) => seg.cutForSearch(t).map((w) => w.trim().toLowerCase()).filter((w) => w && isContentToken(w));
  const t = words(title);
  return [...t, ...t, ...words(body)];
}

/** The words of a query: precise segmentation; stop words are dropped unless nothing else is left. */
export function queryWords(q: string): string[] {
  const seg = segmenter();
  const all = [...new Set(seg.cut(q).map((w) => w.trim().toLowerCase()).filter((w) => w && isContentToken(w)))];
  const content = all.filter((w) => !seg.isStopWord(w));
  return (content.length ? content : all).slice(0, 8);
}

/** A new integer key for the full-text index: milliseconds and a random suffix, unique in practice and by index. */
export function newSearchKey(): number {
  return Date.now() * 1024 + Math.floor(Math.random() * 1024);
}

export class TextSearch {
  private checked?: Promise<void>;

  constructor(private readonly db: Kysely<any>, private readonly dialect: DialectName) {}

  /** Stores an item's words (after its row is written). */
  async write(item: { id: string; searchKey: number; title: string; body: string }): Promise<void> {
    await writeSearchWords(this.db, this.dialect, item, indexWords(item.title, item.body));
  }

  /**
   * Once per process: items without a key get one, and a full-text index that lost its content (SQLite's is derived
   * data, not part of a backup) is rebuilt from the stored texts.
   */
  ensureIndex(): Promise<void> {
    this.checked ??= (async () => {
      const withKey = Number((await this.db.selectFrom('text_items').select((eb) => eb.fn.countAll().as('n')).where('search_key', 'is not', null).executeTakeFirst())?.n ?? 0);
      const missing = await this.db.selectFrom('text_items').select('id').where('search_key', 'is', null).limit(1).execute();
      if (!missing.length && (await countSearchWords(this.db, this.dialect)) >= withKey) return;
      let after = '';
      for (;;) {
        const rows = await this.db.selectFrom('text_items').select(['id', 'search_key', 'title', 'body']).where('id', '>', after).orderBy('id').limit(500).execute();
        if (!rows.length) break;
        for (const r of rows as any[]) {
          let key = r.search_key === null ? null : Number(r.search_key);
          if (key === null) {
            key = newSearchKey();
            await this.db.updateTable('text_items').set({ search_key: key }).where('id', '=', r.id).execute();
          }
          await this.write({ id: r.id, searchKey: key, title: r.title, body: r.body });
        }
        after = rows[rows.length - 1].id;
      }
    })();
    this.checked.catch(() => { this.checked = undefined; });
    return this.checked;
  }

  async search(actor: Actor, q: SearchQuery): Promise<SearchResponse> {
    await this.ensureIndex();
    const words = queryWords(q.q);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, words, facets: { module: [], year: [] }, capped: false };
    if (!words.length) return empty;
    const ranked = await searchWords(this.db, this.dialect, { tenantId: actor.tenantId, words, limit: SEARCH_WINDOW });
    if (!ranked.length) return empty;
    ranked.sort((a, b) => b.score - a.score);
    const visible = await visibleCandidates(this.db, actor, ranked.map((r) => ({ ...r, tenantId: actor.tenantId })));
    const seen = ranked.filter((r) => visible.has(r.id)).map((r) => ({ ...r, year: Number(r.createdAt.slice(0, 4)) }));
    const count = (key: (x: typeof seen[number]) => string, label: (v: string) => string) => {
      const m = new Map<string, number>();
      for (const x of seen) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
      return [...m].map(([value, n]) => ({ value, label: label(value), count: n }));
    };
    const facets = {
      module: count((x) => x.source, (v) => sourceLabels[v] ?? v).sort((a, b) => b.count - a.count),
      year: count((x) => String(x.year), (v) => `${v}年`).sort((a, b) => b.value.localeCompare(a.value)),
    };
    const filtered = seen.filter((x) => (!q.module || x.source === q.module) && (q.year === undefined || x.year === q.year));
    const pageItems = filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const texts = new Map<string, { title: string; body: string }>();
    if (pageItems.length) {
      const rows = await this.db.selectFrom('text_items').select(['id', 'title', 'body']).where('id', 'in', pageItems.map((x) => x.id)).execute();
      for (const r of rows as any[]) texts.set(r.id, { title: r.title, body: r.body });
    }
    const top = seen[0]?.score || 1;
    return {
      items: pageItems.map((x) => ({
        id: x.id, source: x.source, refId: x.refId, year: x.year, createdAt: x.createdAt,
        score: Math.round((x.score / top) * 1000) / 1000,
        title: highlight(texts.get(x.id)?.title ?? '', words),
        snippet: snippet(texts.get(x.id)?.body ?? '', words),
        actions: ['open'],
      })),
      total: filtered.length, page: q.page, pageSize: q.pageSize, words, facets, capped: ranked.length >= SEARCH_WINDOW,
    };
  }
}
