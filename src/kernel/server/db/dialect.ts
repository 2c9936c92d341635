/**
 * Every difference between SQLite and PostgreSQL lives in this file: connection, pragmas, column types
 * that differ (binary), number parsing, locking for the audit chain, append-only triggers and text search.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
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
    const pool = new Pool({ connectionString: opts.databaseUrl, max: Number(process.env.PG_POOL_MAX ?? 10) });
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
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy(), describe: `SQLite ${file}`, sqliteFile: file };
}

/** Column type for binary content. */
export const binaryType = (d: DialectName) => (d === 'postgres' ? 'bytea' : 'blob');

/**
 * Serialise appends to the audit chain. SQLite already runs one writer at a time on our single connection;
 * PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockAuditChain(trx: Transaction<any>, d: DialectName): Promise<void> {
  if (d === 'postgres') await sql`select pg_advisory_xact_lock(4242001)`.execute(trx);
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
