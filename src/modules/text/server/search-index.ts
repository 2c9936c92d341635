/**
 * Finding the newest matches of a query in the full-text index (全文检索索引) of `text_items`, with the facts
 * visibility, facets and ranking need (the title, the text's length and its word counts). The words are kept by `search-store.ts` (FTS5 on SQLite, a table partitioned
 * by key with a GIN index per part on PostgreSQL). SQLite reads the facts of a match from a covering index
 * (`text_items_search_facts`, migration 0403) rather than from the wide row that holds the text; PostgreSQL reads the
 * parts newest first, and keeps the facts in the index's rows.
 */
import { sql } from 'kysely';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { TextDb } from './tables.ts';

/**
 * One match of the index: the item and its search key, its title, the facts visibility and facets need, and for
 * ranking its text's length and how often each query word occurs in the text (`counts[i]` for the `i`th word asked),
 * read from the counts kept in the index (null for an item indexed before they were kept, until `ensureIndex` adds them).
 */
export interface SearchMatch {
  id: string; key: number; source: string; refId: string; ownerUserId: string | null; createdAt: string; state: string | null; unitId: string | null; title: string;
  bodyLength: number | null; counts: number[] | null;
}

const tsQuote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const ftsQuote = (w: string) => `"${w.replace(/"/g, '""')}"`;

interface FactsRow {
  id: string; source: string; ref_id: string; owner_user_id: string | null; created_at: string; state: string | null; unit_id: string | null; title: string; search_key: number | string;
  body_len: number | null; counts: number[] | null;
}

const toMatch = (x: FactsRow): SearchMatch => ({
  id: x.id, key: Number(x.search_key), source: x.source, refId: x.ref_id, ownerUserId: x.owner_user_id, createdAt: x.created_at, state: x.state, unitId: x.unit_id, title: x.title,
  bodyLength: x.body_len, counts: x.counts,
});

/** How a word is looked up in the kept counts (`IndexedText.wordCounts`, ` word count word count `). */
const needleOf = (w: string) => ` ${w.replace(/\s+/g, '')} `;

/**
 * Items of a tenant holding every one of `words`: the newest `limit` matches (by search key, which follows creation
 * time), newest first, each with its title and facts.
 */
export async function findMatches(db: TextDb, d: DialectName, q: { tenantId: string; words: readonly string[]; limit: number }): Promise<SearchMatch[]> {
  const words = [...new Set(q.words.map((w) => w.replace(/\s+/g, '')).filter(Boolean))];
  if (!words.length) return [];
  const needles = q.words.map(needleOf);
  if (d === 'sqlite') {
    return (await sqliteFindStatement({ ...q, words }, needles).execute(db)).rows.map((r) => {
      const row = r as unknown as FactsRow & Record<string, number | null>;
      row.counts = row.c0 === null ? null : needles.map((_n, i) => Number(row[`c${i}`]));
      return toMatch(row);
    });
  }
  const rows = await newestMatchesPg(db, q.tenantId, words, needles, q.limit);
  return rows.sort((a, b) => Number(b.search_key) - Number(a.search_key)).map(toMatch);
}

/**
 * SQLite: FTS5 walks its index from the highest rowid and stops at the limit; each match is checked (tenant) and
 * described from the covering index alone, its counts read from `text_counts` by the same key.
 */
export function sqliteFindStatement(q: { tenantId: string; words: readonly string[]; limit: number }, needles: readonly string[] = q.words.map(needleOf)) {
  // the count of each word in the text: a listed word's number (the integer a cast reads from the text after it), else 1
  const counts = needles.map((n, i) => sql`case when c.word_counts is null then null when instr(c.word_counts, ${n}) = 0 then 1
    else cast(substr(c.word_counts, instr(c.word_counts, ${n}) + length(${n})) as integer) end as ${sql.raw(`c${i}`)}`);
  return sql<FactsRow>`select i.id, i.source, i.ref_id, i.owner_user_id, i.created_at, i.state, i.unit_id, i.title, i.search_key, c.body_len, ${sql.join(counts)}
    from text_fts join text_items i indexed by text_items_search_facts on i.search_key = text_fts.rowid and i.tenant_id = ${q.tenantId}
    left join text_counts c on c.search_key = text_fts.rowid
    where text_fts match ${q.words.map(ftsQuote).join(' ')} order by text_fts.rowid desc limit ${q.limit}`;
}

/**
 * PostgreSQL: the newest `limit` matches with their facts and the query words' counts, in one statement:
 * `text_search_newest` (`search-store.ts`) reads the index's parts newest first, and the facts are stored with the words.
 */
async function newestMatchesPg(db: TextDb, tenantId: string, words: readonly string[], needles: readonly string[], limit: number): Promise<FactsRow[]> {
  const query = words.map(tsQuote).join(' & ');
  const shares = await wordShares(db);
  // the rarest word's share: an upper bound of the query's (words often come together); a window sized on too high a
  // share only falls short and the rest of the part follows, where too low a share would sort every match of the part
  const share = shares.freq.size ? Math.min(...words.map((w) => shares.freq.get(w) ?? shares.rare)) : 0;
  return (await sql<FactsRow>`select * from text_search_newest(${tenantId}, ${query}::tsquery, ${needles}::text[], ${share}, ${limit})`.execute(db)).rows;
}

/** The most common words of the newest analysed part of the PostgreSQL index, with the share of its items holding each. */
interface WordShares { freq: Map<string, number>; rare: number }

const sharesCache = new WeakMap<object, { at: number; shares: Promise<WordShares> }>();

/**
 * From the planner's statistics of the newest part that has them (autovacuum analyses a part as it fills), read again
 * every five minutes: the share of the items holding each of the most common words, and for any other word half the
 * least common one's. A query's share is taken as its rarest word's; the database
 * function reads a window of the newest part first for a query expected in enough of its items.
 */
function wordShares(db: TextDb): Promise<WordShares> {
  const hit = sharesCache.get(db);
  if (hit && clock.nowMs() - hit.at < 300_000) return hit.shares;
  const shares = (async (): Promise<WordShares> => {
    const rows = (await sql<{ part: string; elems: string[] | null; freqs: number[] | null }>`select s.tablename as part,
      s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs from pg_stats s
      where s.schemaname = current_schema() and s.tablename like 'text\\_search\\_%' and s.attname = 'words' and s.most_common_elems is not null`.execute(db)).rows;
    const newest = rows.sort((a, b) => Number(/(\d+)$/.exec(b.part)?.[1] ?? 0) - Number(/(\d+)$/.exec(a.part)?.[1] ?? 0))[0];
    const elems = newest?.elems ?? [];
    const freqs = (newest?.freqs ?? []).slice(0, elems.length).map(Number);
    return { freq: new Map(elems.map((w, i) => [w, freqs[i]])), rare: freqs.length ? Math.min(...freqs) / 2 : 0 };
  })();
  sharesCache.set(db, { at: clock.nowMs(), shares });
  shares.catch(() => sharesCache.delete(db));
  return shares;
}
