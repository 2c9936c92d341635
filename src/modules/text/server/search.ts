/**
 * Cross-module search (全文检索): items are segmented with jieba (search mode) and stored as words in the database's
 * full-text index; a query's words must all match; results are ranked, checked against the owning module's
 * visibility, counted by module, year, status and handling unit, and highlighted.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { countWords, optimiseWords, rollSearchParts, uncountedKeys, writeCounts, writeWords, PART_ROWS, type IndexedItem } from './search-store.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { segmenter, isContentToken } from '../domain/segmenter.ts';
import { folderFor, highlight, snippet } from '../domain/highlight.ts';
import { sourceLabels, type SearchQuery, type SearchResponse } from '../contract.ts';
import { noSearchVisibility, visibleCandidateFacts, type SearchVisibility } from './search-policy.ts';
import { findMatches, type SearchMatch } from './search-index.ts';
import { orgNames } from '../../organizations/index.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { textDb, type TextDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

/** The China-time calendar year of a stored instant (UTC+8: from 16:00 UTC on 31 December it is the next year). */
const chinaYear = (iso: string): number => {
  const y = Number(iso.slice(0, 4));
  return iso.length > 10 && iso.slice(5, 10) === '12-31' && iso.slice(11, 13) >= '16' ? y + 1 : y;
};

/** A record's text to index (from any module). */
export interface TextItemInput {
  source: string;
  refId: string;
  title: string;
  body: string;
  unitId?: string | null;
  createdAt?: string;
  /** the record's state in its module (a hint shown with results; visibility is the module's search policy) */
  state?: string | null;
  /** the user who wrote the record: always finds it */
  ownerUserId?: string | null;
}

/** How many matches (the newest) are ranked by relevance, checked and counted for one query. */
export const SEARCH_WINDOW = 500;

/** New items of an import are written in transactions of this many. */
const WRITE_CHUNK = 4096;

/**
 * What the index keeps of an item's text (词频摘要): the words matched (search-mode segmentation, long words and their
 * sub-words, the title's counted twice), the text's length and how often its words occur in the text, for ranking by
 * title and text without reading the text back. `wordCounts` lists, as ` word count word count `, only the words whose
 * count in the text is not 1: those occurring more often, and the title's words the text lacks (0). A word of a match
 * that is not listed occurs once.
 */
export interface IndexedText { words: string[]; bodyLength: number; wordCounts: string }

/** A text's words as the index keeps them: search-mode segmentation, lower-cased, meaningful tokens only. */
export function indexTokens(t: string): string[] {
  return segmenter().cutForSearch(t).map((w) => w.trim().toLowerCase()).filter((w) => w && isContentToken(w));
}

/** The indexed form of a title and text (segmenting both). */
export function indexText(title: string, body: string): IndexedText {
  return indexedTokens(indexTokens(title), indexTokens(body), body.length);
}

/** The indexed form of a title's and a text's words, segmented already (`bodyLength`: the text's length). */
export function indexedTokens(titleWords: readonly string[], bodyWords: readonly string[], bodyLength: number): IndexedText {
  const counts = new Map<string, number>();
  for (const w of bodyWords) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of titleWords) if (!counts.has(w)) counts.set(w, 0);
  let wordCounts = ' ';
  for (const [w, n] of counts) if (n !== 1 && !/\s/.test(w)) wordCounts += `${w} ${n} `;
  return { words: [...titleWords, ...titleWords, ...bodyWords], bodyLength, wordCounts };
}

/** The words stored for an item: search-mode segmentation (long words and their sub-words), the title counted twice. */
export function indexWords(title: string, body: string): string[] {
  return indexText(title, body).words;
}

/** The words of a query: precise segmentation; stop words are dropped unless nothing else is left. */
export function queryWords(q: string): string[] {
  const seg = segmenter();
  const all = [...new Set(seg.cut(q).map((w) => w.trim().toLowerCase()).filter((w) => w && isContentToken(w)))];
  const content = all.filter((w) => !seg.isStopWord(w));
  return (content.length ? content : all).slice(0, 8);
}

let lastKey = 0;
/**
 * A new integer key for the full-text index, following creation time: milliseconds and a random suffix, and strictly
 * increasing within the process (many items indexed in one millisecond at seed or import), unique by index.
 */
export function newSearchKey(): number {
  lastKey = Math.max(lastKey + 1, clock.nowMs() * 1024 + Math.floor(Math.random() * 1024));
  return lastKey;
}

/** A stored row of `text_items`. */
interface ItemRow {
  id: string; tenant_id: string; source: string; ref_id: string; title: string; body: string; unit_id: string | null; created_at: string;
  state: string | null; owner_user_id: string | null; search_key: number | string;
}

/** What the index keeps of a stored item besides its words and their counts. */
export function indexedFacts(r: ItemRow): Omit<IndexedItem, keyof IndexedText> {
  return {
    id: r.id, tenantId: r.tenant_id, searchKey: Number(r.search_key), source: r.source, refId: r.ref_id, ownerUserId: r.owner_user_id,
    createdAt: r.created_at, state: r.state, unitId: r.unit_id, title: r.title,
  };
}

export class TextSearch {
  private checked?: Promise<void>;

  private readonly db: TextDb;
  constructor(db: AnyModuleDb, private readonly dialect: DialectName, private readonly visibility: SearchVisibility = noSearchVisibility) { this.db = textDb(db); }

  /** Items written since this process last checked whether the open part of the index is full (PostgreSQL). */
  private writtenSinceRoll = 0;

  /** Stores an item in the index after its row is written: its words and their counts (`indexText`), and its facts. */
  async write(item: IndexedItem): Promise<void> {
    await writeWords(this.db, this.dialect, [item]);
    await this.wrote(1);
  }

  /**
   * PostgreSQL: after every eighth of a part's items written by this process, close the open part if it is full (the
   * check is one count of that part; other instances writing too only make parts close a little later than full).
   */
  private async wrote(n: number): Promise<void> {
    if (this.dialect !== 'postgres') return;
    this.writtenSinceRoll += n;
    if (this.writtenSinceRoll < PART_ROWS / 8) return;
    this.writtenSinceRoll = 0;
    await rollSearchParts(this.db);
  }

  /**
   * Stores many new items of one tenant with their words in batches (demo data, imports): one transaction, no per-item
   * round trips. Items whose record is indexed already are returned, for the caller to index one by one.
   */
  async writeNew(tenantId: string, items: readonly TextItemInput[]): Promise<TextItemInput[]> {
    const have = new Set<string>();
    for (let at = 0; at < items.length; at += 500) {
      const chunk = items.slice(at, at + 500);
      const rows = await this.db.selectFrom('text_items').select(['source', 'ref_id']).where('tenant_id', '=', tenantId)
        .where('ref_id', 'in', chunk.map((x) => x.refId)).execute();
      for (const r of rows as Array<{ source: string; ref_id: string }>) have.add(`${r.source}\u0000${r.ref_id}`);
    }
    const key = (x: TextItemInput) => `${x.source}\u0000${x.refId}`;
    const fresh = [...new Map(items.filter((x) => !have.has(key(x))).map((x) => [key(x), x])).values()];
    const now = clock.iso();
    const segmented = new Map<string, IndexedText>(); // generated and copied records repeat texts
    const textOf = (x: TextItemInput) => {
      const k = `${x.title}\u0000${x.body}`;
      let t = segmented.get(k);
      if (!t) segmented.set(k, (t = indexText(x.title, x.body)));
      return t;
    };
    // in transactions of a few thousand items, between which the open part of the PostgreSQL index may be closed
    for (let from = 0; from < fresh.length; from += WRITE_CHUNK) {
      const chunk = fresh.slice(from, from + WRITE_CHUNK);
      await this.db.transaction().execute(async (trx) => {
        for (let at = 0; at < chunk.length; at += 100) {
          const batch: IndexedItem[] = chunk.slice(at, at + 100).map((x) => ({
            id: newId(), tenantId, searchKey: newSearchKey(), source: x.source, refId: x.refId, ownerUserId: x.ownerUserId ?? null,
            createdAt: x.createdAt ?? now, state: x.state ?? null, unitId: x.unitId ?? null, title: x.title, ...textOf(x),
          }));
          await trx.insertInto('text_items').values(batch.map((b, i) => ({
            id: b.id, tenant_id: tenantId, source: b.source, ref_id: b.refId, title: b.title, body: chunk[at + i].body, unit_id: b.unitId, state: b.state,
            owner_user_id: b.ownerUserId, search_key: b.searchKey, created_at: b.createdAt, updated_at: now,
          }))).execute();
          await writeWords(trx, this.dialect, batch, { fresh: true });
        }
      });
      await this.wrote(chunk.length);
    }
    return items.filter((x) => have.has(key(x)));
  }

  /**
   * Once per process: items without a key get one (in creation order, after the others); an index that lost its words
   * (derived data, not part of a backup) is written again from the stored texts, in key order so that the PostgreSQL
   * index's parts are cut as they fill; and items indexed before their text's length and word counts were kept get them.
   */
  ensureIndex(): Promise<void> {
    this.checked ??= (async () => {
      for (;;) {
        const rows = await this.db.selectFrom('text_items').select('id').where('search_key', 'is', null).orderBy('created_at').orderBy('id').limit(500).execute();
        if (!rows.length) break;
        for (const r of rows as Array<{ id: string }>) await this.db.updateTable('text_items').set({ search_key: newSearchKey() }).where('id', '=', r.id).execute();
      }
      const items = Number((await this.db.selectFrom('text_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
      if ((await countWords(this.db, this.dialect)) < items) {
        let after = -1;
        for (;;) {
          const rows = await this.db.selectFrom('text_items').selectAll().where('search_key', '>', after).orderBy('search_key').limit(500).execute() as ItemRow[];
          if (!rows.length) break;
          await writeWords(this.db, this.dialect, rows.map((r) => ({ ...indexedFacts(r), ...indexText(r.title, r.body) })));
          await this.wrote(rows.length);
          after = Number(rows[rows.length - 1].search_key);
        }
        return;
      }
      let counted = 0;
      for (let keys = await uncountedKeys(this.db, this.dialect, -1, 500); keys; keys = await uncountedKeys(this.db, this.dialect, keys.at(-1)!, 500)) {
        const rows = await this.db.selectFrom('text_items').select(['search_key', 'title', 'body']).where('search_key', 'in', keys).execute() as
          Array<{ search_key: number | string; title: string; body: string }>;
        await writeCounts(this.db, this.dialect, rows.map((r) => ({ searchKey: Number(r.search_key), ...indexText(r.title, r.body) })));
        counted += rows.length;
      }
      // PostgreSQL's index had every counted row rewritten: its dead versions cleared and its statistics renewed
      if (counted) await optimiseWords(this.db, this.dialect);
    })();
    this.checked.catch(() => { this.checked = undefined; });
    return this.checked;
  }

  async search(actor: Actor, q: SearchQuery, profile?: SearchProfile): Promise<SearchResponse> {
    await this.ensureIndex();
    let lap = profile ? process.cpuUsage() : undefined;
    const spent = (phase: keyof SearchProfile) => {
      if (!profile || !lap) return;
      const used = process.cpuUsage(lap);
      profile[phase] += (used.user + used.system) / 1000;
      lap = process.cpuUsage();
    };
    const words = queryWords(q.q);
    spent('words');
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize, words, facets: { module: [], year: [], status: [], unit: [] }, capped: false };
    if (!words.length) return empty;
    const matches = await findMatches(this.db, this.dialect, { tenantId: actor.tenantId, words, limit: SEARCH_WINDOW });
    spent('find');
    if (!matches.length) return empty;
    const tenantId = actor.tenantId;
    const visible = await visibleCandidateFacts(this.visibility, actor, matches.map((r) => ({ id: r.id, source: r.source, refId: r.refId, tenantId, ownerUserId: r.ownerUserId })));
    // every field written out (no spreads): hundreds of these per query, each of one shape, die young and cheap
    const seen: Seen[] = [];
    for (let order = 0; order < matches.length; order++) {
      const r = matches[order];
      const f = visible.get(r.id);
      if (!f) continue;
      const state = f.state !== undefined ? f.state : r.state;
      seen.push({
        id: r.id, key: r.key, source: r.source, refId: r.refId, ownerUserId: r.ownerUserId, createdAt: r.createdAt, state: r.state, title: r.title,
        bodyLength: r.bodyLength, counts: r.counts, order, score: 0, year: chinaYear(r.createdAt), status: state ? `${r.source}:${state}` : null,
        statusLabel: f.stateLabel ?? state ?? null, unitId: f.unitId !== undefined ? f.unitId : r.unitId,
      });
    }
    spent('visible');
    const facets = await this.facets(seen);
    spent('facets');
    const filtered = seen.filter((x) => (!q.module || x.source === q.module) && (q.year === undefined || x.year === q.year)
      && (!q.status || x.status === q.status) && (!q.unit || x.unitId === q.unit));
    // relevance by title and text, from the counts kept in the index; texts are read for the page's snippets only
    const ranked = rankMatches(filtered, words, storedCounts);
    const pageItems = ranked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    spent('rank');
    const bodies = new Map<number, string>();
    if (pageItems.length) {
      // by search key: the matches' keys lie close together (the newest), so their index entries share pages
      const rows = await this.db.selectFrom('text_items').select(['search_key', 'body']).where('search_key', 'in', pageItems.map((x) => x.key)).execute();
      for (const r of rows as Array<{ search_key: number | string; body: string }>) bodies.set(Number(r.search_key), r.body);
    }
    spent('texts');
    const top = ranked[0]?.score || 1;
    const out: SearchResponse = {
      items: pageItems.map((x) => {
        return {
          id: x.id, source: x.source, refId: x.refId, year: x.year, createdAt: x.createdAt,
          score: Math.round((x.score / top) * 1000) / 1000,
          title: highlight(x.title, words),
          snippet: snippet(bodies.get(x.key) ?? '', words),
          status: x.status, statusLabel: x.statusLabel, unitId: x.unitId,
          actions: ['open'],
        };
      }),
      total: filtered.length, page: q.page, pageSize: q.pageSize, words, facets, capped: matches.length >= SEARCH_WINDOW,
    };
    spent('page');
    return out;
  }

  /** Counts of the visible matches by module, year, status and handling unit (named through the organisations module). */
  private async facets(seen: Seen[]): Promise<SearchResponse['facets']> {
    const count = (key: (x: Seen) => string | null, label: (v: string, x: Seen) => string) => {
      const m = new Map<string, { label: string; count: number }>();
      for (const x of seen) {
        const k = key(x);
        if (k === null) continue;
        const e = m.get(k);
        if (e) e.count++; else m.set(k, { label: label(k, x), count: 1 });
      }
      return [...m].map(([value, e]) => ({ value, label: e.label, count: e.count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const module = count((x) => x.source, (v) => sourceLabels[v] ?? v);
    const status = count((x) => x.status, (_v, x) => x.statusLabel ?? '');
    // the same state name in two modules is told apart by the module's name
    if (module.length > 1) for (const f of status) f.label = `${sourceLabels[f.value.split(':')[0]] ?? f.value.split(':')[0]}·${f.label}`;
    const unit = count((x) => x.unitId, (v) => v);
    if (unit.length) {
      const names = await orgNames(this.db, unit.map((u) => u.value)).catch(() => new Map<string, { name: string }>());
      for (const u of unit) u.label = names.get(u.value)?.name ?? u.value;
    }
    return { module, year: count((x) => String(x.year), (v) => `${v}年`).sort((a, b) => b.value.localeCompare(a.value)), status, unit };
  }
}

/**
 * CPU milliseconds this process spent in each step of a search, added up over the searches it is passed to (the
 * benchmark's profile; CPU time rather than elapsed time, so that a loaded machine does not blur the steps; on
 * PostgreSQL the database server's own work is not in it).
 */
export interface SearchProfile {
  /** segmenting the query */
  words: number;
  /** the database finding the newest matches with their titles and facts */
  find: number;
  /** the owning modules' visibility */
  visible: number;
  /** facet counts and unit names */
  facets: number;
  /** ranking by title and text (from the counts kept in the index) */
  rank: number;
  /** reading the texts of the page (for its snippets) */
  texts: number;
  /** highlighting the page */
  page: number;
}

/** A profile with nothing spent yet. */
export const emptyProfile = (): SearchProfile => ({ words: 0, find: 0, visible: 0, facets: 0, rank: 0, texts: 0, page: 0 });

/** A visible match with the facts its facets need. */
interface Seen extends SearchMatch { order: number; score: number; year: number; status: string | null; statusLabel: string | null }

/** BM25's term-frequency saturation and length normalisation (the usual constants). */
const K1 = 1.2;
const B = 0.75;

/** Occurrences of `w` in `text`. */
function occurrences(text: string, w: string): number {
  let n = 0;
  for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) n++;
  return n;
}

/** Where ranking learns how long a match's text is and how often the `i`th query word occurs in it. */
export interface TextCounts<T> { length(x: T): number; count(x: T, i: number): number }

/**
 * The counts kept in the index, as the database reads them for the query's words. An item indexed before counts were
 * kept ranks by its title alone until `ensureIndex` adds them.
 */
export const storedCounts: TextCounts<SearchMatch> = {
  length: (x) => x.bodyLength ?? 0,
  count: (x, i) => (x.counts === null ? 0 : x.counts[i]),
};

/**
 * Counts read from the texts themselves (`bodyOf`), folded for `words` as titles are: what the stored counts stand for
 * (the benchmark's and tests' reference).
 */
export function countsInTexts<T>(words: readonly string[], bodyOf: (x: T) => string): TextCounts<T> {
  const fold = folderFor(words);
  return { length: (x) => bodyOf(x).length, count: (x, i) => occurrences(fold(bodyOf(x)), words[i]) };
}

/**
 * Relevance (BM25 over the title, counted twice as in the index, and the text, as `counts` tell), best first, the
 * newer first among equals (`order` is the position among the newest matches). Every match holds every query word,
 * so the words weigh alike (their document frequencies would scale all matches together); what ranks is how often
 * each word occurs against the length of the title and text. Each match's `score` is set to its relevance (the
 * matches are the search's own working objects); a new array holds them in rank order.
 */
export function rankMatches<T extends { title: string; order: number; score: number }>(matches: readonly T[], words: readonly string[], counts: TextCounts<NoInfer<T>>): T[] {
  const n = matches.length;
  const titles: string[] = new Array(n);
  const lengths = new Float64Array(n);
  let total = 0;
  const fold = folderFor(words);
  for (let i = 0; i < n; i++) {
    titles[i] = fold(matches[i].title);
    lengths[i] = 2 * titles[i].length + counts.length(matches[i]);
    total += lengths[i];
  }
  const avg = total / Math.max(1, n) || 1;
  for (let i = 0; i < n; i++) {
    const norm = K1 * (1 - B + (B * lengths[i]) / avg);
    let score = 0;
    for (let j = 0; j < words.length; j++) {
      const tf = 2 * occurrences(titles[i], words[j]) + counts.count(matches[i], j);
      score += (tf * (K1 + 1)) / (tf + norm);
    }
    matches[i].score = score;
  }
  return [...matches].sort((a, b) => b.score - a.score || a.order - b.order);
}
