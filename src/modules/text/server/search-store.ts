/**
 * Where the words of the full-text index (全文检索索引) are kept. The application segments Chinese itself (jieba); the
 * database only stores and matches whole words, keyed by `text_items.search_key`:
 * - SQLite: a contentless FTS5 table `text_fts` (unicode61 over space-separated words, rowid = the key), and beside it
 *   `text_counts`, each item's text length and word counts (词频摘要, decision 0029), keyed the same way.
 * - PostgreSQL: `text_search`, one row per item with its key, its words (a tsvector), its text length and word counts,
 *   and the facts a search returns (the item's id, source, record, owner, time, state, unit and title), partitioned by ranges of the key into parts
 *   (分区) of about `PART_ROWS` items, each with its own GIN index (decision 0028). The newest part is open-ended; when
 *   it holds `PART_ROWS` items it is closed at its highest key and a new open part follows (`rollSearchParts`). A
 *   search reads the parts newest first and stops once it has its matches, so a common word's posting list is decoded
 *   for the newest parts only; the facts come with the rows the search visits anyway, not from the wide items.
 * Both are derived data: left out of backups (`readCatalogue`) and rebuilt from the stored texts.
 */
import { sql } from 'kysely';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
// raw SQL on each dialect's own index tables (text_fts, text_search parts), called also by migrations with the untyped handle
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

/**
 * One item for the index: its key and words, its text's length and its words' counts (`indexText` in `search.ts`), and
 * (PostgreSQL) the facts a search returns with it.
 */
export interface IndexedItem {
  id: string; tenantId: string; searchKey: number; source: string; refId: string; ownerUserId: string | null; createdAt: string;
  state: string | null; unitId: string | null; title: string; words: readonly string[]; bodyLength: number; wordCounts: string;
}

/** Items per part of the PostgreSQL index: the posting lists a search of common words decodes are those of a part. */
export const PART_ROWS = 131_072;

/** Marks a table as derived full-text data: `readCatalogue` leaves it out of backups. */
const DERIVED_COMMENT = 'derived: full-text index, rebuilt from text_items, not backed up';

const tsQuote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const clean = (words: readonly string[]) => words.map((w) => w.replace(/\s+/g, '')).filter(Boolean);

/**
 * A tsvector literal of the distinct words (no text-search parser involved, so CJK words stay exactly as segmented).
 * Without positions: the search asks only whether an item holds every word and ranks in the application.
 */
function tsvectorLiteral(words: readonly string[]): string {
  return [...new Set(clean(words))].map(tsQuote).join(' ');
}

/** Stores (or replaces) items in the index; `fresh`: the items are new (SQLite then need not remove earlier words). */
export async function writeWords(db: AnyModuleDb, d: DialectName, items: readonly IndexedItem[], opts: { fresh?: boolean } = {}): Promise<void> {
  if (!items.length) return;
  if (d === 'sqlite') {
    if (!opts.fresh) await sql`delete from text_fts where rowid in (${sql.join(items.map((i) => i.searchKey))})`.execute(db);
    await sql`insert into text_fts(rowid, words) values ${sql.join(items.map((i) => sql`(${i.searchKey}, ${clean(i.words).join(' ')})`))}`.execute(db);
    await writeCounts(db, d, items);
    return;
  }
  const rows = [...new Map(items.map((i) => [i.searchKey, i])).values()];
  await sql`insert into text_search (search_key, tenant_id, id, source, ref_id, owner_user_id, created_at, state, unit_id, title, body_len, word_counts, words)
    values ${sql.join(rows.map((i) => sql`(${i.searchKey}, ${i.tenantId}, ${i.id}, ${i.source}, ${i.refId}, ${i.ownerUserId}, ${i.createdAt}, ${i.state}, ${i.unitId}, ${i.title}, ${i.bodyLength}, ${i.wordCounts}, ${tsvectorLiteral(i.words)}::tsvector)`))}
    on conflict (search_key) do update set tenant_id = excluded.tenant_id, id = excluded.id, source = excluded.source, ref_id = excluded.ref_id,
      owner_user_id = excluded.owner_user_id, created_at = excluded.created_at, state = excluded.state, unit_id = excluded.unit_id, title = excluded.title,
      body_len = excluded.body_len, word_counts = excluded.word_counts, words = excluded.words`.execute(db);
}

/** Stores (or replaces) the text lengths and word counts of indexed items: SQLite's `text_counts`, PostgreSQL's index rows. */
export async function writeCounts(db: AnyModuleDb, d: DialectName, items: ReadonlyArray<{ searchKey: number; bodyLength: number; wordCounts: string }>): Promise<void> {
  if (!items.length) return;
  if (d === 'sqlite') {
    await sql`insert or replace into text_counts (search_key, body_len, word_counts) values ${sql.join(items.map((i) => sql`(${i.searchKey}, ${i.bodyLength}, ${i.wordCounts})`))}`.execute(db);
    return;
  }
  await sql`update text_search s set body_len = v.len, word_counts = v.counts
    from (values ${sql.join(items.map((i) => sql`(${i.searchKey}::bigint, ${i.bodyLength}::integer, ${i.wordCounts}::text)`))}) as v(k, len, counts)
    where s.search_key = v.k`.execute(db);
}

/**
 * Keys of indexed items without their text's length and word counts (indexed before migration 0406), in key order
 * after `after`; `null` when none is left, found at once (PostgreSQL: a partial index of them; SQLite: one count each).
 */
export async function uncountedKeys(db: AnyModuleDb, d: DialectName, after: number, limit: number): Promise<number[] | null> {
  if (d === 'sqlite') {
    if (after < 0) {
      const r = (await sql<{ counted: number; items: number }>`select (select count(*) from text_counts) as counted,
        (select count(*) from text_items where search_key is not null) as items`.execute(db)).rows[0];
      if (Number(r.counted) >= Number(r.items)) return null;
    }
    const rows = (await sql<{ k: number }>`select i.search_key as k from text_items i where i.search_key > ${after}
      and not exists (select 1 from text_counts c where c.search_key = i.search_key) order by i.search_key limit ${limit}`.execute(db)).rows;
    return rows.length ? rows.map((r) => Number(r.k)) : null;
  }
  const rows = (await sql<{ k: string }>`select search_key as k from text_search where word_counts is null and search_key > ${after}
    order by search_key limit ${limit}`.execute(db)).rows;
  return rows.length ? rows.map((r) => Number(r.k)) : null;
}

/** Removes one item from the index. */
export async function deleteWords(db: AnyModuleDb, d: DialectName, searchKey: number): Promise<void> {
  if (d === 'sqlite') {
    await sql`delete from text_fts where rowid = ${searchKey}`.execute(db);
    await sql`delete from text_counts where search_key = ${searchKey}`.execute(db);
  } else await sql`delete from text_search where search_key = ${searchKey}`.execute(db);
}

/** How many items the index holds (empty after a restore: it is not backed up). */
export async function countWords(db: AnyModuleDb, d: DialectName): Promise<number> {
  const r = d === 'sqlite'
    ? await sql<{ n: number }>`select count(*) as n from text_fts`.execute(db)
    : await sql<{ n: number | string }>`select count(*) as n from text_search`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * After loading or rebuilding many items: merge the FTS5 index into one segment (SQLite); vacuum and analyse the index
 * (PostgreSQL: GIN pending lists merged, the visibility map and hint bits set once rather than by the first searches).
 */
export async function optimiseWords(db: AnyModuleDb, d: DialectName): Promise<void> {
  if (d === 'sqlite') await sql`insert into text_fts(text_fts) values ('optimize')`.execute(db);
  else await sql`vacuum analyze text_search`.execute(db);
}

// ——— PostgreSQL parts ———

/** One part of the PostgreSQL index: the keys from `from` (null: no lower bound) up to below `to` (null: open). */
export interface SearchPart { name: string; from: string | null; to: string | null }

const bound = (v: string): string | null => (/^(MINVALUE|MAXVALUE)$/i.test(v.trim()) ? null : v.trim().replace(/^'|'$/g, ''));

/** The parts of `text_search`, oldest first. */
export async function readParts(db: AnyModuleDb): Promise<SearchPart[]> {
  const rows = (await sql<{ name: string; bound: string }>`select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
    from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = to_regclass('text_search')`.execute(db)).rows;
  const parts = rows.map((r) => {
    const m = /FROM \((.+?)\) TO \((.+?)\)/i.exec(r.bound);
    if (!m) throw new Error(`text_search: unexpected part bound ${r.bound}`);
    return { name: r.name, from: bound(m[1]), to: bound(m[2]) };
  });
  return parts.sort((a, b) => (a.from === null ? -1 : b.from === null ? 1 : Number(BigInt(a.from) - BigInt(b.from))));
}

const partName = (n: number) => `text_search_${String(n).padStart(4, '0')}`;
const nextPartNumber = (parts: readonly SearchPart[]) => 1 + Math.max(0, ...parts.map((p) => Number(/_(\d+)$/.exec(p.name)?.[1] ?? 0)));
const literal = (v: string | null, open: 'MINVALUE' | 'MAXVALUE') => (v === null ? open : String(BigInt(v)));

/** A new part for keys from `from` to below `to`. */
async function createPart(db: AnyModuleDb, name: string, from: string | null, to: string | null): Promise<void> {
  await sql.raw(`create table ${name} partition of text_search for values from (${literal(from, 'MINVALUE')}) to (${literal(to, 'MAXVALUE')})`).execute(db);
  await sql.raw(`comment on table ${name} is '${DERIVED_COMMENT}'`).execute(db);
}

/**
 * Creates the partitioned index (migration 0404), cut at `cuts` (ascending keys: each starts a part; an index being
 * built from existing words is cut every `PART_ROWS` of them), without rows. Its key and GIN indexes are added by
 * `indexParts` once the rows are in, which builds each part's index in one pass.
 */
export async function createSearchTable(db: AnyModuleDb, cuts: readonly string[]): Promise<void> {
  await sql`create table text_search (search_key bigint not null, tenant_id text not null, id text not null, source text not null, ref_id text not null,
    owner_user_id text, created_at text not null, state text, unit_id text, title text not null, words tsvector not null) partition by range (search_key)`.execute(db);
  await sql.raw(`comment on table text_search is '${DERIVED_COMMENT}'`).execute(db);
  const bounds = [null, ...cuts];
  for (let i = 0; i < bounds.length; i++) await createPart(db, partName(i + 1), bounds[i], bounds[i + 1] ?? null);
}

/** The columns `text_search_newest` returns: an item's key, the facts a search needs, and its text's length (the query words' counts follow). */
const FACTS = 'search_key, id, source, ref_id, owner_user_id, created_at, state, unit_id, title, body_len';

/**
 * `text_search_newest(tenant, query, needles, share, limit)`: the newest `limit` matches with their facts, newest first,
 * and how often each query word (as ` word `, `needles`) occurs in each match's text, from its kept counts.
 * - The parts are read newest first (their numbers follow their keys); a part's statement is planned only when the
 *   newer parts have not filled the limit, so a common word is answered from the newest part alone.
 * - Each part is read by its GIN index: the posting lists intersected once, the matching rows read and sorted by key.
 * - When the rows of the newest part that should give the limit twice over (by the query's expected `share` of the
 *   items, from the statistics) are at most half a part, that window of its newest rows is read first: their keys'
 *   bitmap (from the key index) and-ed with the words', so only the matches among them are read. At 1M items a word in
 *   a fifth of a full part took 85 ms by its posting lists alone (every match of the part read and sorted) and 4–8 ms
 *   in its window; a word in 7%, 12 and 6–8 ms. Words common apart but rare together cost only the window; the rest of
 *   the part follows if it did not fill the limit.
 * - Every other plan (a sequential scan, a walk of the keys testing each row's words, which reads many rows' words back
 *   from TOAST) is switched off for the function.
 */
export async function createSearchFunction(db: AnyModuleDb, partRows = PART_ROWS): Promise<void> {
  await sql.raw(`create or replace function text_search_newest(p_tenant text, p_query tsquery, p_needles text[], p_share float8, p_limit integer)
    returns table (search_key bigint, id text, source text, ref_id text, owner_user_id text, created_at text, state text, unit_id text, title text,
      body_len integer, counts integer[])
    language plpgsql stable rows 500
    set enable_seqscan = off set enable_indexscan = off set enable_indexonlyscan = off set enable_bitmapscan = on
    set max_parallel_workers_per_gather = 0 set jit = off
    as $fn$
    declare
      part name;
      newest boolean := true;
      found_ bigint;
      wanted integer := p_limit;
      below bigint;
      cols text;
    begin
      -- the facts, and each query word's count in the text: a listed word's number (in word_counts, after ' word '), else 1;
      -- counted over the rows kept (the limit's), not every match the part's statement sorts
      select '${FACTS}, case when word_counts is null then null::integer[] else array[' || coalesce(string_agg(format(
          'coalesce(nullif(split_part(substr(word_counts, nullif(strpos(word_counts, $5[%s]), 0) + %s), '' '', 1), '''')::integer, 1)',
          i, length(p_needles[i])), ', ' order by i), '') || ']::integer[] end'
        into cols from generate_subscripts(p_needles, 1) as i;
      for part in
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'text_search'::regclass order by substring(c.relname from '([0-9]+)$')::integer desc
      loop
        below := null;
        if newest and p_share > 0 and 2 * wanted / p_share <= ${partRows / 2} then
          -- the key below the window, from the key index alone (null: the part is smaller than the window)
          perform set_config('enable_indexonlyscan', 'on', true), set_config('enable_bitmapscan', 'off', true);
          execute format('select search_key from %I order by search_key desc offset $1 limit 1', part)
            into below using least(ceil(2 * wanted / p_share), 2147483647)::integer;
          perform set_config('enable_indexonlyscan', 'off', true), set_config('enable_bitmapscan', 'on', true);
          if below is not null then
            return query execute format('select %s from (select ${FACTS}, word_counts from %I where tenant_id = $1 and words @@ $2 and search_key > $4 order by search_key desc limit $3) f', cols, part)
              using p_tenant, p_query, wanted, below, p_needles;
            get diagnostics found_ = row_count;
            wanted := wanted - found_;
            exit when wanted <= 0;
          end if;
        end if;
        newest := false;
        return query execute format('select %s from (select ${FACTS}, word_counts from %I where tenant_id = $1 and words @@ $2 %s order by search_key desc limit $3) f', cols, part,
            case when below is null then '' else 'and search_key <= $4' end)
          using p_tenant, p_query, wanted, below, p_needles;
        get diagnostics found_ = row_count;
        wanted := wanted - found_;
        exit when wanted <= 0;
      end loop;
    end
    $fn$`).execute(db);
}

/** The key and the GIN index of every part, present and future. */
export async function indexParts(db: AnyModuleDb): Promise<void> {
  await sql`alter table text_search add constraint text_search_pkey primary key (search_key)`.execute(db);
  await sql`create index text_search_words on text_search using gin (words)`.execute(db);
}

/**
 * Closes the open part once it holds `partRows` items, at its highest key, and opens the next. Cheap when there is
 * nothing to do (one count of the open part); instances roll one at a time (an advisory lock). Searches and writes
 * wait while the closed part is checked against its new bound (one scan of the part, inside the change's lock).
 * Returns whether a part was closed.
 */
export async function rollSearchParts(db: AnyModuleDb, partRows = PART_ROWS): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('zhengxie.text_search.parts'))`.execute(trx);
    const parts = await readParts(trx);
    const open = parts.find((p) => p.to === null);
    if (!open) throw new Error('text_search has no open part');
    const r = (await sql<{ n: string | number; top: string | null }>`select count(*) as n, max(search_key)::text as top from ${sql.table(open.name)}`.execute(trx)).rows[0];
    if (Number(r.n) < partRows || r.top === null) return false;
    const cut = String(BigInt(r.top) + 1n);
    await sql.raw(`alter table text_search detach partition ${open.name}`).execute(trx);
    await sql.raw(`alter table text_search attach partition ${open.name} for values from (${literal(open.from, 'MINVALUE')}) to (${cut})`).execute(trx);
    await createPart(trx, partName(nextPartNumber(parts)), cut, null);
    return true;
  });
}
