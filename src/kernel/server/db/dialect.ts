/**
 * Every difference between SQLite and PostgreSQL lives in this file: connection, pragmas, column types
 * that differ (binary), number parsing, locking for the audit chain, append-only triggers, and which tables are
 * derived data left out of backups. (The text module keeps its own full-text storage: `text/server/search-store.ts`.)
 */
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type Transaction } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<any>;
  dialect: DialectName;
  /** closes the pool / file */
  destroy(): Promise<void>;
  /** a description without secrets, for logs */
  describe: string;
  /** the SQLite file, when on SQLite */
  sqliteFile?: string;
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; sqliteFile?: string }): Promise<DbHandle> {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pg = await import('pg');
    const Pool = pg.default.Pool;
    // counts and sums arrive as strings by default; the values we count fit in a JS number
    pg.default.types.setTypeParser(20, (v: string) => Number(v)); // int8
    pg.default.types.setTypeParser(1700, (v: string) => Number(v)); // numeric
    // JIT compilation off for this application's sessions: zhengxie's queries are short (a page, a year's statistics),
    // and a plan whose estimate crosses jit_above_cost spent 20 ms compiling to save less (decision 0026)
    const pool = new Pool({ connectionString: opts.databaseUrl, max: Number(process.env.PG_POOL_MAX ?? 10), options: '-c jit=off' });
    // an idle connection closed by the server (restart, failover, administrator) must not crash the process;
    // the pool drops it and the next query opens a new one
    pool.on('error', (err) => console.warn(`PostgreSQL idle connection closed: ${err.message}`));
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(opts.databaseUrl);
    return { db, dialect: 'postgres', destroy: () => db.destroy(), describe: `PostgreSQL ${u.host}${u.pathname}` };
  }
  const Database = (await import('better-sqlite3')).default;
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'zhengxie.db');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB: a year's statistics or a search over a large table then re-reads its pages
  // from the operating system on every query. A larger cache, reads through a memory map, and sort/group-by temp
  // b-trees in memory keep the working set in this process (decision 0026; both sizes are settings).
  raw.pragma(`cache_size = ${-1024 * sqliteSizeMb('SQLITE_CACHE_MB', 64)}`);
  raw.pragma(`mmap_size = ${1024 * 1024 * sqliteSizeMb('SQLITE_MMAP_MB', 1024)}`);
  raw.pragma('temp_store = MEMORY');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy(), describe: `SQLite ${file}`, sqliteFile: file };
}

/** A size in MB from the environment (0 turns the feature off), or the default. */
function sqliteSizeMb(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of megabytes (0 or more), not "${v}"`);
  return n;
}

/**
 * Kysely prepares a statement for every query; preparing costs as much as running a small one. Queries built by the
 * same code have the same SQL text, so prepared statements are kept and reused (Kysely runs each to completion at once).
 */
function withStatementCache(raw: import('better-sqlite3').Database, max = 2000) {
  const cache = new Map<string, import('better-sqlite3').Statement>();
  return {
    close: () => { cache.clear(); raw.close(); },
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        if (cache.size >= max) cache.clear();
        stmt = raw.prepare(sqlText);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/** Column type for binary content. */
export const binaryType = (d: DialectName) => (d === 'postgres' ? 'bytea' : 'blob');

/**
 * Serialise appends to the audit chain. SQLite already runs one writer at a time on our single connection;
 * PostgreSQL takes a transaction-scoped advisory lock.
 */
const AUDIT_CHAIN_LOCK = 4242001;
const LOCK_AUDIT_CHAIN = CompiledQuery.raw(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);

/**
 * PostgreSQL: an expression that takes the audit chain's lock once `after` (a number) is computed: a statement that
 * writes other rows first computes them in `after`, so that the lock is held only from its end (see the runner).
 */
export function lockAuditChainAfter(after: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)} + 0 * (${after}))`;
}
export async function lockAuditChain(trx: Transaction<any>, d: DialectName): Promise<void> {
  if (d === 'postgres') await trx.executeQuery(LOCK_AUDIT_CHAIN);
}

/**
 * The tail of a `select … for update` that lets several instances claim different rows of a queue (the outbox):
 * PostgreSQL skips rows another transaction holds; SQLite has one writer and no row locks.
 */
export function skipLocked(d: DialectName): string {
  return d === 'postgres' ? ' for update skip locked' : '';
}

/** Triggers that make a table append-only (no UPDATE, no DELETE). */
export function appendOnlyTriggerSql(d: DialectName, table: string): string[] {
  if (d === 'sqlite') {
    return [
      `CREATE TRIGGER IF NOT EXISTS ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      `CREATE TRIGGER IF NOT EXISTS ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    ];
  }
  return [
    `CREATE OR REPLACE FUNCTION zx_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`,
    `DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`,
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION zx_append_only()`,
  ];
}

/** The statements that lift append-only protection; used only by restore (which rebuilds the table) and tests. */
export function dropAppendOnlyTriggerSql(d: DialectName, table: string): string[] {
  if (d === 'sqlite') return [`DROP TRIGGER IF EXISTS ${table}_no_update`, `DROP TRIGGER IF EXISTS ${table}_no_delete`];
  return [`DROP TRIGGER IF EXISTS ${table}_append_only ON ${table}`];
}

/** Case-insensitive substring match (LIKE is case-sensitive on PostgreSQL). */
export function ilike(d: DialectName) {
  return d === 'postgres' ? 'ilike' : 'like';
}

/** Whether an error from the driver is a unique-constraint violation. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Names of the application's tables, for backup and restore. */
export async function listTables(db: Kysely<any>, d: DialectName): Promise<string[]> {
  if (d === 'sqlite') {
    const r = await sql<{ name: string }>`select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name`.execute(db);
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  return r.rows.map((x) => x.name);
}

// ——— catalogue reading for backup and restore ———

export interface TableInfo {
  name: string;
  /** columns that take values on insert (generated columns left out), in table order */
  columns: string[];
  /** primary-key columns in key order; empty when the table has none */
  pk: string[];
  /** tables this one references through foreign keys */
  references: string[];
}

/** Tables with their insertable columns, primary key and references, leaving out `exclude` and derived full-text data (FTS tables, tables commented `derived: …`, tsvector columns), which is rebuilt rather than backed up. */
export async function readCatalogue(db: Kysely<any>, exclude: ReadonlySet<string>, d: DialectName): Promise<TableInfo[]> {
  const out: TableInfo[] = [];
  if (d === 'sqlite') {
    const all = (await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows;
    // full-text search indexes (virtual tables and their shadow tables, and tables whose definition carries the comment
    // `derived: …`) are derived data: rebuilt, not backed up
    const virtual = all.filter((t) => /^create\s+virtual\s+table/i.test(t.sql ?? '')).map((t) => t.name);
    const marked = all.filter((t) => /\/\*\s*derived:/.test(t.sql ?? '')).map((t) => t.name);
    const isDerived = (n: string) => virtual.includes(n) || marked.includes(n) || virtual.some((v) => n.startsWith(`${v}_`));
    for (const t of all) {
      if (isDerived(t.name) || exclude.has(t.name)) continue;
      const cols = (await sql<{ name: string; pk: number; hidden: number }>`select name, pk, hidden from pragma_table_xinfo(${t.name}) order by cid`.execute(db)).rows;
      const fks = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t.name})`.execute(db)).rows;
      out.push({
        name: t.name,
        columns: cols.filter((c) => Number(c.hidden) === 0).map((c) => c.name),
        pk: cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => c.name),
        references: [...new Set(fks.map((f) => f.table))],
      });
    }
    return out;
  }
  // tables commented 'derived: …' (a module's full-text index and its parts) are rebuilt, not backed up
  const tables = (await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'derived:%'
    order by c.relname`.execute(db)).rows;
  for (const t of tables) {
    if (exclude.has(t.name)) continue;
    const cols = (await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${t.name} and is_generated = 'NEVER' and data_type <> 'tsvector' order by ordinal_position`.execute(db)).rows;
    const pk = (await sql<{ name: string }>`select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${t.name}))::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`.execute(db)).rows;
    const fks = (await sql<{ name: string }>`select c2.relname as name from pg_constraint k
      join pg_class c1 on c1.oid = k.conrelid join pg_class c2 on c2.oid = k.confrelid
      join pg_namespace n on n.oid = c1.relnamespace
      where k.contype = 'f' and n.nspname = current_schema() and c1.relname = ${t.name}`.execute(db)).rows;
    out.push({ name: t.name, columns: cols.map((c) => c.name), pk: pk.map((c) => c.name), references: [...new Set(fks.map((f) => f.name))] });
  }
  return out;
}

/** Tables protected by the append-only triggers of `appendOnlyTriggerSql`. */
export async function appendOnlyTables(db: Kysely<any>, d: DialectName): Promise<string[]> {
  if (d === 'sqlite') {
    const r = await sql<{ t: string }>`select distinct tbl_name as t from sqlite_master where type = 'trigger' and name = tbl_name || '_no_update'`.execute(db);
    return r.rows.map((x) => x.t);
  }
  const r = await sql<{ t: string }>`select distinct event_object_table as t from information_schema.triggers
    where trigger_schema = current_schema() and trigger_name = event_object_table || '_append_only'`.execute(db);
  return r.rows.map((x) => x.t);
}

/** After restoring explicit values into serial/identity columns, move their sequences past the highest value (PostgreSQL). */
export async function resetSequences(db: Kysely<any>, d: DialectName): Promise<void> {
  if (d !== 'postgres') return;
  const cols = (await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
    where table_schema = current_schema() and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(db)).rows;
  for (const { t, c } of cols) {
    await sql`select setval(pg_get_serial_sequence(${t}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(t)}), 0) + 1, false)`.execute(db);
  }
}

/** After a bulk load: refresh the planner's statistics (PostgreSQL; SQLite needs nothing). */
export async function optimiseForReading(db: Kysely<any>, d: DialectName): Promise<void> {
  if (d === 'postgres') await sql`analyze`.execute(db);
  else await sql`pragma optimize`.execute(db);
}
