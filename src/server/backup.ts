/**
 * Dialect-neutral backup and restore: gzip'd JSON lines (a header, then each table's rows in primary-key order,
 * binary values as base64, then a trailer with row counts), so a SQLite backup restores into PostgreSQL and back.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { createGzip, createGunzip } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, readCatalogue, appendOnlyTables, resetSequences, type TableInfo, type DialectName, type DbHandle } from '../kernel/server/db/dialect.ts';
import { migrateToLatest, type MigrationDef } from '../kernel/server/migrate.ts';
import { verifyAuditChain, type VerifyResult } from '../kernel/server/audit.ts';
import { clock } from '../kernel/universal/clock.ts';

export const BACKUP_FORMAT = 'zhengxie-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: DialectName;
  migrations: string[];
}

export interface BackupResult { file: string; tables: Record<string, number>; bytes: number }
export interface RestoreResult { tables: Record<string, number>; audit: VerifyResult; migrations: string[] }

/** Tables the migrator owns; the header carries the migration list instead. */
const migratorTables = new Set(['zx_migrations', 'zx_migrations_lock']);

/**
 * Tables of the running deployment that a backup leaves out (decision 0031): sign-in sessions (a restored session
 * would sign someone in on the restored system) and the sign-in failures of each account and address.
 */
export const transientTables: ReadonlySet<string> = new Set(['sessions', 'login_failures']);
const notBackedUp = new Set([...migratorTables, ...transientTables]);

async function migrationsApplied(db: Kysely<any>, tables: string[]): Promise<string[]> {
  if (!tables.includes('zx_migrations')) return [];
  const rows = await db.selectFrom('zx_migrations').select('name').orderBy('name').execute();
  return rows.map((r: any) => String(r.name));
}

async function listAllTables(db: Kysely<any>): Promise<string[]> {
  return (await db.introspection.getTables({ withInternalKyselyTables: true })).filter((t) => !t.isView).map((t) => t.name);
}

/** Parents before children, so foreign keys hold as each table is restored; name order otherwise. */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo) => {
    if (done.has(t.name) || visiting.has(t.name)) return;
    visiting.add(t.name);
    for (const r of t.references) { const p = byName.get(r); if (p && p !== t) visit(p); }
    visiting.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return out;
}

// ——— value encoding ———

function encodeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $b64?: unknown }).$b64 === 'string') return Buffer.from((v as { $b64: string }).$b64, 'base64');
  return v;
}

// ——— backup ———

/**
 * Write a backup of every table to `file`. Reads inside one transaction (a consistent snapshot on both databases),
 * page by page, and streams through gzip: memory stays flat whatever the size.
 */
export async function backupDatabase(handle: DbHandle, file: string, opts: { pageSize?: number } = {}): Promise<BackupResult> {
  const { db, dialect } = handle;
  const pageSize = opts.pageSize ?? 2000;
  const tmp = `${file}.partial`;
  const out = fs.createWriteStream(tmp);
  const gz = createGzip({ level: 6 });
  gz.pipe(out);
  const write = async (obj: unknown) => {
    if (!gz.write(JSON.stringify(obj) + '\n')) await once(gz, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    let tx = db.transaction();
    if (dialect === 'postgres') tx = tx.setIsolationLevel('repeatable read');
    await tx.execute(async (trx) => {
      const tables = dependencyOrder(await readCatalogue(trx, notBackedUp, dialect));
      const header: BackupHeader = {
        format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: clock.iso(), dialect,
        migrations: await migrationsApplied(trx, [...tables.map((t) => t.name), 'zx_migrations']),
      };
      await write(header);
      for (const t of tables) {
        await write({ table: t.name, columns: t.columns, pk: t.pk });
        const order = t.pk.length ? t.pk : t.columns;
        let n = 0;
        // single-column keys page by key (fast at any depth); composite keys page by offset inside the snapshot
        let last: unknown = undefined;
        for (;;) {
          let q = trx.selectFrom(t.name).select(t.columns.map((c) => sql.ref(c).as(c)));
          for (const c of order) q = q.orderBy(sql.ref(c));
          if (t.pk.length === 1) {
            if (last !== undefined) q = q.where(sql.ref(t.pk[0]), '>', last);
          } else if (n > 0) q = q.offset(n);
          const rows = await q.limit(pageSize).execute();
          for (const r of rows) await write(t.columns.map((c) => encodeValue((r as Record<string, unknown>)[c])));
          n += rows.length;
          if (rows.length < pageSize) break;
          if (t.pk.length === 1) last = (rows[rows.length - 1] as Record<string, unknown>)[t.pk[0]];
        }
        counts[t.name] = n;
      }
      await write({ end: true, tables: counts });
    });
    gz.end();
    await finished(out);
    fs.renameSync(tmp, file);
  } catch (e) {
    gz.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { file, tables: counts, bytes: fs.statSync(file).size };
}

// ——— restore ———

export class RestoreRefused extends Error {}

/** A line reader with one line of look-ahead over a gzip'd JSON-lines file. */
function lineReader(file: string) {
  const input = fs.createReadStream(file).pipe(createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  let peeked: unknown = undefined;
  let lineNo = 0;
  return {
    async next(): Promise<unknown> {
      if (peeked !== undefined) { const p = peeked; peeked = undefined; return p; }
      for (;;) {
        const r = await it.next();
        if (r.done) return null;
        lineNo++;
        if (!r.value.trim()) continue;
        try { return JSON.parse(r.value); } catch { throw new RestoreRefused(`备份文件第 ${lineNo} 行不是有效的 JSON，文件可能已损坏`); }
      }
    },
    unshift(v: unknown) { peeked = v; },
    close() { rl.close(); input.destroy(); },
  };
}

/** Whether anything has happened in this database: every business write appends to the audit log, and users exist only once created. */
async function isEmptyDatabase(db: Kysely<any>): Promise<boolean> {
  const tables = await listAllTables(db);
  for (const t of ['audit_log', 'users']) {
    if (!tables.includes(t)) continue;
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    if (Number(r?.n ?? 0) > 0) return false;
  }
  return true;
}

/**
 * Restore a backup into an EMPTY database: migrate it to the backup's schema version, load each table in its own
 * transaction (batched inserts), with the append-only triggers lifted only meanwhile, then migrate to the latest
 * version and verify the audit chain.
 */
export async function restoreDatabase(handle: DbHandle, file: string, allMigrations: MigrationDef[], opts: { batchRows?: number } = {}): Promise<RestoreResult> {
  const { db, dialect } = handle;
  if (!fs.existsSync(file)) throw new RestoreRefused(`找不到备份文件：${file}`);
  const reader = lineReader(file);
  try {
    const header = (await reader.next()) as BackupHeader | null;
    if (!header || header.format !== BACKUP_FORMAT) throw new RestoreRefused('这不是智慧政协的备份文件');
    if (header.version > BACKUP_VERSION) throw new RestoreRefused(`备份格式版本 ${header.version} 比本程序支持的 ${BACKUP_VERSION} 新，请先升级程序`);
    const known = new Set(allMigrations.map((m) => m.name));
    const unknown = header.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new RestoreRefused(`备份来自更新的程序版本（未知的迁移：${unknown.join('、')}），请先升级程序`);

    if (!(await isEmptyDatabase(db))) throw new RestoreRefused('目标数据库不是空的：只能恢复到一个全新的空数据库');
    const applied = await migrationsApplied(db, await listAllTables(db));
    const wanted = new Set(header.migrations);
    if (applied.some((m) => !wanted.has(m))) {
      throw new RestoreRefused('目标数据库已迁移到比备份更新的版本：请恢复到一个全新的空数据库，恢复后会自动迁移到最新版本');
    }
    // the schema the backup was taken on; newer migrations run after the data is in
    await migrateToLatest(db, dialect, allMigrations.filter((m) => wanted.has(m.name)));

    const catalogue = new Map((await readCatalogue(db, migratorTables, dialect)).map((t) => [t.name, t]));
    const protectedTables = new Set(await appendOnlyTables(db, dialect));
    const counts: Record<string, number> = {};
    let trailer: { end: true; tables: Record<string, number> } | null = null;
    const lifted: string[] = [];
    try {
      for (;;) {
        const head = (await reader.next()) as { table?: string; columns?: string[]; end?: boolean; tables?: Record<string, number> } | null;
        if (head === null) break;
        if (head.end) { trailer = head as { end: true; tables: Record<string, number> }; break; }
        if (!head.table || !Array.isArray(head.columns)) throw new RestoreRefused('备份文件格式错误：缺少表头');
        if (transientTables.has(head.table)) {
          // a backup made before these tables were left out: their rows are read past, not restored
          for (;;) {
            const row = await reader.next();
            if (row === null || !Array.isArray(row)) { if (row !== null) reader.unshift(row); break; }
          }
          continue;
        }
        const target = catalogue.get(head.table);
        if (!target) throw new RestoreRefused(`目标数据库中没有表「${head.table}」`);
        const missing = head.columns.filter((c) => !target.columns.includes(c));
        if (missing.length) throw new RestoreRefused(`表「${head.table}」缺少列：${missing.join('、')}`);
        const columns = head.columns;
        const batchRows = Math.max(1, Math.min(opts.batchRows ?? 500, Math.floor(30000 / Math.max(1, columns.length))));
        if (protectedTables.has(head.table)) {
          for (const s of dropAppendOnlyTriggerSql(dialect, head.table)) await sql.raw(s).execute(db);
          lifted.push(head.table);
        }
        counts[head.table] = await db.transaction().execute(async (trx) => {
          // migrations may have filled reference rows; the backup carries the authoritative ones
          await trx.deleteFrom(head.table!).execute();
          let n = 0;
          let batch: Record<string, unknown>[] = [];
          const flush = async () => {
            if (!batch.length) return;
            await trx.insertInto(head.table!).values(batch).execute();
            n += batch.length;
            batch = [];
          };
          for (;;) {
            const row = await reader.next();
            if (row === null || !Array.isArray(row)) { if (row !== null) reader.unshift(row); break; }
            const rec: Record<string, unknown> = {};
            for (let i = 0; i < columns.length; i++) rec[columns[i]] = decodeValue(row[i]);
            batch.push(rec);
            if (batch.length >= batchRows) await flush();
          }
          await flush();
          return n;
        });
      }
    } finally {
      for (const t of lifted) for (const s of appendOnlyTriggerSql(dialect, t)) await sql.raw(s).execute(db);
    }
    if (!trailer) throw new RestoreRefused('备份文件不完整（缺少结尾记录），可能在写入时中断；已写入的数据不可信，请换用完整的备份');
    for (const [t, n] of Object.entries(trailer.tables)) {
      if (transientTables.has(t)) continue;
      if ((counts[t] ?? 0) !== n) throw new RestoreRefused(`表「${t}」应有 ${n} 行，实际恢复 ${counts[t] ?? 0} 行`);
    }
    await resetSequences(db, dialect);
    const migrated = await migrateToLatest(db, dialect, allMigrations);
    const audit = await verifyAuditChain(db);
    return { tables: counts, audit, migrations: migrated };
  } finally {
    reader.close();
  }
}
