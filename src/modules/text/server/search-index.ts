/**
 * Finding the newest matches of a query in the full-text index (全文检索索引) of `text_items`, with the facts
 * visibility, facets and ranking need. The words are stored by the kernel's search functions (FTS5 on SQLite, a
 * tsvector with a GIN index on PostgreSQL). SQLite reads the facts of a match from a covering index
 * (`text_items_search_facts`, migration 0403) rather than from the wide row that holds the text; PostgreSQL intersects
 * the posting lists once for a query expected to match few items, in newest slices otherwise.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';

/** One match of the index: the item, its title, and the facts visibility and facets need. */
export interface SearchMatch { id: string; source: string; refId: string; ownerUserId: string | null; createdAt: string; state: string | null; unitId: string | null; title: string }

const tsQuote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const ftsQuote = (w: string) => `"${w.replace(/"/g, '""')}"`;

interface FactsRow { id: string; source: string; ref_id: string; owner_user_id: string | null; created_at: string; state: string | null; unit_id: string | null; title: string; search_key: number | string }

const toMatch = (x: FactsRow): SearchMatch => ({
  id: x.id, source: x.source, refId: x.ref_id, ownerUserId: x.owner_user_id, createdAt: x.created_at, state: x.state, unitId: x.unit_id, title: x.title,
});

/**
 * Items of a tenant holding every one of `words`: the newest `limit` matches (by search key, which follows creation
 * time), newest first, each with its title and facts.
 */
export async function findMatches(db: Kysely<any>, d: DialectName, q: { tenantId: string; words: readonly string[]; limit: number }): Promise<SearchMatch[]> {
  const words = [...new Set(q.words.map((w) => w.replace(/\s+/g, '')).filter(Boolean))];
  if (!words.length) return [];
  if (d === 'sqlite') return (await sqliteFindStatement({ ...q, words }).execute(db)).rows.map(toMatch);
  const rows = await newestMatchesPg(db, q.tenantId, words, q.limit);
  return rows.sort((a, b) => Number(b.search_key) - Number(a.search_key)).map(toMatch);
}

/**
 * SQLite: FTS5 walks its index from the highest rowid and stops at the limit; each match is checked (tenant) and
 * described from the covering index alone.
 */
export function sqliteFindStatement(q: { tenantId: string; words: readonly string[]; limit: number }) {
  return sql<FactsRow>`select i.id, i.source, i.ref_id, i.owner_user_id, i.created_at, i.state, i.unit_id, i.title, i.search_key
    from text_fts join text_items i indexed by text_items_search_facts on i.search_key = text_fts.rowid and i.tenant_id = ${q.tenantId}
    where text_fts match ${q.words.map(ftsQuote).join(' ')} order by text_fts.rowid desc limit ${q.limit}`;
}

/**
 * PostgreSQL: the newest `limit` matches with their facts. A query expected to match few items (from the planner's
 * statistics of the words, see `wordStats`) is answered in one pass: its posting lists are intersected once and the
 * matches read and sorted. Otherwise newest slices come first (1%, 5% and 25% of the keys, then the rest), each by the
 * intersection of the GIN posting lists with the key range, in one statement whose limit stops before the older slices
 * are read — but each slice that runs intersects the posting lists again, and when the planner deems the posting lists
 * selective it reads every match of the whole table in each slice and filters by the key range, which for a rare
 * query is the whole cost four times over.
 */
async function newestMatchesPg(db: Kysely<any>, tenantId: string, words: readonly string[], limit: number): Promise<FactsRow[]> {
  const stats = await wordStats(db);
  const query = words.map(tsQuote).join(' & ');
  const expected = stats.rows * words.reduce((p, w) => p * (stats.freq.get(w) ?? stats.rareFreq), 1);
  const share = stats.rows ? expected / stats.rows : 0;
  const cuts = expected <= SINGLE_PASS * limit ? [] : stats.cuts;
  const columns = sql`id, source, ref_id, owner_user_id, created_at, state, unit_id, title, search_key`;
  const walk = cuts.length > 0 && share >= WALK_SHARE;
  return db.transaction().execute(async (trx) => {
    let walked: FactsRow[] = [];
    if (walk) {
      // words held by a large share of the items: walking the newest slice's keys backwards and testing each row's words
      // meets the limit after about limit / share rows, where the GIN posting lists would be decoded whole
      await sql`select set_config('enable_bitmapscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
      walked = (await sql<FactsRow>`select ${columns} from text_items where tenant_id = ${tenantId} and search_key >= ${cuts[0]}
        and search_tsv @@ ${query}::tsquery order by search_key desc limit ${limit}`.execute(trx)).rows;
      if (walked.length >= limit) return walked;
      await sql`select set_config('enable_bitmapscan', 'on', true)`.execute(trx);
    }
    // (after a walk, the older slices) the plan that walks the keys backwards testing every row's words is ruled out
    // here: its cost depends on how far back the matches lie; slices run serially (a parallel append would start them all)
    const bounds = [...cuts, null].map((cut, i) => ({ from: cut, below: i === 0 ? null : cuts[i - 1] })).slice(walk ? 1 : 0);
    const slices = bounds.map(({ from, below }) => sql`(select ${columns} from text_items
      where tenant_id = ${tenantId} and search_tsv @@ ${query}::tsquery ${from === null ? sql`` : sql`and search_key >= ${from}`} ${below === null ? sql`` : sql`and search_key < ${below}`}
      order by search_key desc limit ${limit - walked.length})`);
    await sql`select set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    const rest = (await sql<FactsRow>`select * from (${sql.join(slices, sql` union all `)}) s limit ${limit - walked.length}`.execute(trx)).rows;
    return [...walked, ...rest];
  });
}

/**
 * Words held together by at least this share of the items are found by walking the newest keys (about limit / share
 * rows tested) rather than by decoding their posting lists (share × items entries); measured at 1M items, the walk
 * wins above about a tenth.
 */
const WALK_SHARE = 0.1;

/** A query expected to match at most this many times its limit is answered in one pass, without slices. */
const SINGLE_PASS = 4;

export interface WordStats {
  /** search keys above which lie the newest 1%, 5% and 25% of the items (empty without statistics) */
  cuts: number[];
  /** the planner's estimate of the items holding words */
  rows: number;
  /** share of the items holding each of the most common words */
  freq: Map<string, number>;
  /** the share assumed for any other word: half the least common listed one's */
  rareFreq: number;
}

const statsCache = new WeakMap<object, { at: number; stats: Promise<WordStats> }>();

/**
 * PostgreSQL: what the planner's statistics tell about the items (refreshed by ANALYZE / autovacuum; read again every
 * five minutes): the key cuts, from the histogram of the key column (1,000 buckets, migration 0402), and the most
 * common words with their shares, from the statistics of the words column. Without statistics (a small or new table)
 * every query is answered in one pass.
 */
export function wordStats(db: Kysely<any>): Promise<WordStats> {
  const hit = statsCache.get(db);
  if (hit && Date.now() - hit.at < 300_000) return hit.stats;
  const stats = (async (): Promise<WordStats> => {
    const r = await sql<{ attname: string; b: string | null; elems: string[] | null; freqs: number[] | null; rows: number | string }>`
      select s.attname, s.histogram_bounds::text as b, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs, c.reltuples as rows
      from pg_stats s join pg_class c on c.relname = s.tablename and c.relnamespace = (select oid from pg_namespace where nspname = s.schemaname)
      where s.schemaname = current_schema() and s.tablename = 'text_items' and s.attname in ('search_key', 'search_tsv')`.execute(db);
    const key = r.rows.find((x) => x.attname === 'search_key');
    const tsv = r.rows.find((x) => x.attname === 'search_tsv');
    const bounds = (key?.b ?? '').replace(/[{}]/g, '').split(',').filter(Boolean).map(Number).sort((a, b) => a - b);
    const at = (share: number) => bounds[Math.max(0, Math.min(bounds.length - 2, Math.round((bounds.length - 1) * (1 - share))))];
    const cuts = bounds.length < 20 ? [] : [...new Set([at(0.01), at(0.05), at(0.25)])].sort((a, b) => b - a);
    const elems = tsv?.elems ?? [];
    const freqs = (tsv?.freqs ?? []).map(Number);
    const freq = new Map(elems.map((w, i) => [w, freqs[i]]));
    const least = elems.length ? Math.min(...freqs.slice(0, elems.length)) : 0;
    return { cuts, rows: Math.max(0, Number(key?.rows ?? 0)), freq, rareFreq: least / 2 };
  })();
  statsCache.set(db, { at: Date.now(), stats });
  stats.catch(() => statsCache.delete(db));
  return stats;
}
