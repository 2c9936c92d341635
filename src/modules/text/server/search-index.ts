/**
 * Finding the newest matches of a query in the full-text index (全文检索索引) of `text_items`, with the facts
 * visibility, facets and ranking need. The words are kept by `search-store.ts` (FTS5 on SQLite, a table partitioned
 * by key with a GIN index per part on PostgreSQL). SQLite reads the facts of a match from a covering index
 * (`text_items_search_facts`, migration 0403) rather than from the wide row that holds the text; PostgreSQL reads the
 * parts newest first, and keeps the facts in the index's rows.
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
 * PostgreSQL: the newest `limit` matches with their facts, in one statement: `text_search_newest` (`search-store.ts`)
 * reads the index's parts newest first, and the facts are stored with the words.
 */
async function newestMatchesPg(db: Kysely<any>, tenantId: string, words: readonly string[], limit: number): Promise<FactsRow[]> {
  const query = words.map(tsQuote).join(' & ');
  return (await sql<FactsRow>`select * from text_search_newest(${tenantId}, ${query}::tsquery, ${limit})`.execute(db)).rows;
}
