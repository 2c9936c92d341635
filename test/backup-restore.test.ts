// Tests backup and restore: same rows in every table and a valid audit chain after a round trip, across dialects; non-empty targets refused.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { binaryType, openDatabase, type DbHandle } from '../src/kernel/server/db/dialect.ts';
import { migrateToLatest, type MigrationDef } from '../src/kernel/server/migrate.ts';
import { recordAudit, verifyAuditChain } from '../src/kernel/server/audit.ts';
import { systemActor } from '../src/kernel/server/actor.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { allMigrations, buildApp } from '../src/server/app.ts';
import { backupDatabase, restoreDatabase, RestoreRefused } from '../src/server/backup.ts';
import { createTestDatabase, type DialectKind, type TestDatabase } from './support/db.ts';
import { skipUnless } from './support/services.ts';
import { countWords } from '../src/modules/text/server/search-store.ts';
import { TextSearch } from '../src/modules/text/server/search.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { DEMO_TOTP_SECRETS } from '../src/server/seed.ts';
import { openTotpSecret } from '../src/modules/identity/index.ts';

/** A table with the awkward values: binary, Chinese text, nulls, integers, and a foreign key to another probe table. */
const probeMigration: MigrationDef = {
  name: '9990_test_backup_probe',
  async up(db, dialect) {
    await db.schema.createTable('zz_probe_parent').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).execute();
    await db.schema.createTable('zz_probe')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('zz_probe_parent.id'))
      .addColumn('title', 'text')
      .addColumn('n', 'integer')
      .addColumn('flag', 'integer')
      .addColumn('content', binaryType(dialect))
      .execute();
    await db.schema.createTable('zz_probe_pair')
      .addColumn('a', 'text', (c) => c.notNull()).addColumn('b', 'integer', (c) => c.notNull()).addColumn('v', 'text')
      .addPrimaryKeyConstraint('zz_probe_pair_pk', ['a', 'b']).execute();
  },
};
const migrations = () => [...allMigrations(), probeMigration];

const tmpFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zx-backup-')), name);

async function fillSource(tdb: TestDatabase): Promise<void> {
  const zx = await buildApp(tdb.config);
  try {
    const seedMod = await import('../src/server/seed.ts').catch(() => null);
    if (seedMod) await seedMod.seedDemoIfEmpty(zx.ctx);
    const { db, dialect } = zx.handle;
    await migrateToLatest(db, dialect, migrations());
    const parents = Array.from({ length: 30 }, (_, i) => ({ id: newId(), name: `上级 ${i}` }));
    await db.insertInto('zz_probe_parent').values(parents).execute();
    const rows = Array.from({ length: 2300 }, (_, i) => ({
      id: newId(), parent_id: i % 7 === 0 ? null : parents[i % 30].id, title: i % 11 === 0 ? null : `关于推进第${i}号老旧小区改造的建议 "quoted" \\ 换行\n`,
      n: i * 900001 - 1000000, flag: i % 2, content: i % 5 === 0 ? null : Buffer.from(Array.from({ length: 64 }, (_, k) => (i + k) % 256)),
    }));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('zz_probe').values(rows.slice(i, i + 500)).execute();
    await db.insertInto('zz_probe_pair').values(Array.from({ length: 50 }, (_, i) => ({ a: `k${i % 5}`, b: i, v: i % 3 ? `值${i}` : null }))).execute();
    await db.insertInto('calendar_overrides').values({ date: '2026-10-09', kind: 'holiday', note: '测试', updated_by: 'system', updated_at: clock.iso() }).execute();
    // a signed-in session and a sign-in failure: the running deployment's, not the backup's
    const someone = await db.selectFrom('users').select('id').where('username', '=', 'sysadmin').executeTakeFirst();
    if (someone) {
      await db.insertInto('sessions').values({ id: 'probe-session', user_id: someone.id, csrf_token: 'probe', created_at: clock.iso(), last_seen_at: clock.iso(), expires_at: clock.iso(), ip: '127.0.0.1', user_agent: null, totp_ok: 1 }).execute();
      await db.insertInto('login_failures').values({ username: 'sysadmin', ip: '10.0.0.9', failures: 2, first_failed_at: clock.iso(), last_failed_at: clock.iso(), blocked_until: null }).execute();
    }
    const actor = systemActor('T-TEST');
    for (let i = 0; i < 20; i++) await recordAudit(db, dialect, { tenantId: 'T-TEST', actorId: actor.userId, actorName: actor.displayName, action: 'probe.write', entityType: 'probe', entityId: String(i), data: { i, text: '审计' } });
  } finally {
    await zx.close();
  }
}

/** The full-text index's tables (SQLite's FTS5 table, its shadows and its word counts, PostgreSQL's partitioned index): derived data, rebuilt after a restore. */
const derivedSearchTable = /_fts|^text_search|^text_counts$/;
/** Sign-in sessions and failures: left out of backups. */
const transient = /^(sessions|login_failures)$/;

/** Every row of every table, normalised (binary as base64) and sorted, for comparison across databases. */
async function dump(db: Kysely<any>): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables()).filter((t) => !t.isView && !/^zx_migrations/.test(t.name) && !derivedSearchTable.test(t.name) && !transient.test(t.name));
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = await db.selectFrom(t.name).selectAll().execute();
    out[t.name] = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => {
      const v = (r as Record<string, unknown>)[k];
      return [k, v instanceof Uint8Array ? Buffer.from(v).toString('base64') : typeof v === 'bigint' ? Number(v) : v];
    }))).sort();
  }
  return out;
}

const open = (tdb: TestDatabase) => openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });

const pgSkip = await skipUnless('pg');
const pairs: Array<{ from: DialectKind; to: DialectKind; skip: false | string }> = [
  { from: 'sqlite', to: 'sqlite', skip: false },
  { from: 'postgres', to: 'postgres', skip: pgSkip },
  { from: 'sqlite', to: 'postgres', skip: pgSkip },
  { from: 'postgres', to: 'sqlite', skip: pgSkip },
];

for (const p of pairs) {
  describe(`backup and restore (${p.from} → ${p.to})`, { skip: p.skip }, () => {
    let src: TestDatabase;
    let dst: TestDatabase;
    let file: string;
    let srcHandle: DbHandle;
    before(async () => {
      src = await createTestDatabase(p.from);
      dst = await createTestDatabase(p.to);
      await fillSource(src);
      srcHandle = await open(src);
      file = tmpFile('zx.backup.gz');
    });
    after(async () => { await srcHandle?.destroy(); await src?.drop(); await dst?.drop(); fs.rmSync(path.dirname(file), { recursive: true, force: true }); });

    test('a backup is gzip’d JSON lines: a header with the migration list, each table, and a trailer with counts', async () => {
      const r = await backupDatabase(srcHandle, file, { pageSize: 700 });
      assert.equal(r.tables.zz_probe, 2300);
      assert.equal(r.tables.zz_probe_pair, 50);
      const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines[0].format, 'zhengxie-backup');
      assert.equal(lines[0].dialect, p.from);
      assert.ok(lines[0].migrations.includes('0001_kernel_audit_log'));
      assert.ok(lines[0].migrations.includes('9990_test_backup_probe'));
      assert.deepEqual(lines.at(-1), { end: true, tables: r.tables });
      const tableNames = lines.filter((l) => l.table).map((l) => l.table);
      assert.ok(tableNames.indexOf('zz_probe_parent') < tableNames.indexOf('zz_probe'), 'parents come before the tables that reference them');
      assert.ok(tableNames.includes('text_items'));
      assert.deepEqual(tableNames.filter((t) => derivedSearchTable.test(t)), [], 'the full-text index is not backed up');
      assert.ok(Number((await srcHandle.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n) > 0);
      assert.deepEqual(tableNames.filter((t) => transient.test(t)), [], 'sessions and sign-in failures are not backed up');
      // TOTP secrets are in the backup only as sealed by the key outside the database
      const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
      for (const secret of Object.values(DEMO_TOTP_SECRETS)) assert.ok(!text.includes(secret), 'a clear TOTP secret in the backup');
      const users = lines.findIndex((l) => l.table === 'users');
      const col = lines[users].columns.indexOf('totp_secret');
      const userRows = lines.slice(users + 1, lines.findIndex((l, i) => i > users && !Array.isArray(l)));
      const sealed = userRows.map((row: unknown[]) => row[col]).filter((v) => v !== null);
      assert.equal(sealed.length, 3);
      for (const v of sealed) assert.match(String(v), /^zx1:aes-256-gcm:/);
      const probeAt = lines.findIndex((l) => l.table === 'zz_probe');
      const ids = lines.slice(probeAt + 1, probeAt + 2301).map((row: unknown[]) => row[0] as string);
      assert.deepEqual(ids, [...ids].sort(), 'rows are in primary-key order');
    });

    test('restoring into an empty database gives the same rows in every table and a valid audit chain', async () => {
      const target = await open(dst);
      try {
        const r = await restoreDatabase(target, file, migrations(), { batchRows: 333 });
        assert.equal(r.audit.ok, true);
        assert.ok(r.audit.count >= 20);
        const [a, b] = [await dump(srcHandle.db), await dump(target.db)];
        assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
        for (const t of Object.keys(a)) {
          assert.equal(b[t].length, a[t].length, `row count of ${t}`);
          assert.deepEqual(b[t], a[t], `rows of ${t}`);
        }
        assert.deepEqual(await verifyAuditChain(target.db), await verifyAuditChain(srcHandle.db));
        assert.equal(Number((await target.db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n), 0, 'no session comes back');
        // with the key, the restored TOTP secrets open
        const admin = await target.db.selectFrom('users').select(['id', 'totp_secret']).where('username', '=', 'sysadmin').executeTakeFirstOrThrow();
        assert.equal(openTotpSecret(admin.totp_secret, admin.id), DEMO_TOTP_SECRETS.sysadmin);
        // the append-only protection is back after the restore
        await assert.rejects(target.db.deleteFrom('audit_log').where('seq', '=', 1).execute(), /append-only/);
        // the full-text index comes back from the restored texts on first use
        const items = Number((await target.db.selectFrom('text_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
        assert.ok(items > 10, `the demo data indexes its records (${items})`);
        assert.equal(await countWords(target.db, target.dialect), 0);
        await new TextSearch(target.db, target.dialect).ensureIndex();
        assert.equal(await countWords(target.db, target.dialect), items);
        // with every item's word counts, which rank the matches
        const counted = target.dialect === 'sqlite'
          ? (await sql<{ n: number }>`select count(*) as n from text_counts`.execute(target.db)).rows[0].n
          : (await sql<{ n: string }>`select count(*) as n from text_search where word_counts is not null`.execute(target.db)).rows[0].n;
        assert.equal(Number(counted), items);
      } finally { await target.destroy(); }
    });

    test('restoring into a database that is not empty is refused and changes nothing', async () => {
      const target = await open(dst);
      try {
        const before = await dump(target.db);
        await assert.rejects(restoreDatabase(target, file, migrations()), (e: unknown) => e instanceof RestoreRefused && /不是空的/.test(e.message));
        assert.deepEqual(await dump(target.db), before);
      } finally { await target.destroy(); }
    });
  });
}

describe('backup and restore through the command line (sqlite)', () => {
  test('`zhengxie backup` then `zhengxie restore` into a new data folder; a second restore is refused with exit 1', async () => {
    const src = await createTestDatabase('sqlite');
    const dst = await createTestDatabase('sqlite');
    const file = tmpFile('cli.backup.gz');
    try {
      const zx = await buildApp(src.config);
      assert.ok(fs.existsSync(path.join(src.config.dataDir, 'secret.key')), 'the first start generates the key into the data folder');
      assert.equal(fs.statSync(path.join(src.config.dataDir, 'secret.key')).mode & 0o777, 0o600);
      for (let i = 0; i < 5; i++) await recordAudit(zx.handle.db, zx.handle.dialect, { tenantId: null, actorId: 'cli', actorName: '命令行', action: 'probe.cli', data: { i } });
      await zx.close();
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' }, timeout: 120000 });
      const b = run('backup', '--out', file, '--data-dir', src.config.dataDir);
      assert.equal(b.status, 0, b.stderr + b.stdout);
      assert.match(b.stdout, /备份完成/);
      // the audit rows are signed with the source's key: a restore under another key says so and fails …
      const wrongKey = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'restore', '--in', file, '--data-dir', fs.mkdtempSync(path.join(os.tmpdir(), 'zx-other-'))],
        { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }, timeout: 120000 });
      assert.equal(wrongKey.status, 1, wrongKey.stdout);
      assert.match(wrongKey.stderr, /HMAC 不符/);
      // … so the key goes with the restore: copied into the new data folder first
      fs.copyFileSync(path.join(src.config.dataDir, 'secret.key'), path.join(dst.config.dataDir, 'secret.key'));
      const r = run('restore', '--in', file, '--data-dir', dst.config.dataDir);
      assert.equal(r.status, 0, r.stderr + r.stdout);
      assert.match(r.stdout, /审计日志校验通过：共 5 条/);
      const again = run('restore', '--in', file, '--data-dir', dst.config.dataDir);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /不是空的/);
      const missing = run('restore', '--in', file + '.nope', '--data-dir', dst.config.dataDir);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /找不到备份文件/);
    } finally {
      await src.drop(); await dst.drop(); fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test('a truncated backup file is refused', async () => {
    const src = await createTestDatabase('sqlite');
    const dst = await createTestDatabase('sqlite');
    const file = tmpFile('t.backup.gz');
    try {
      const h = await open(src);
      await migrateToLatest(h.db, h.dialect, allMigrations());
      await recordAudit(h.db, h.dialect, { tenantId: null, actorId: 'x', actorName: 'x', action: 'probe' });
      await backupDatabase(h, file);
      await h.destroy();
      const { gzipSync } = await import('node:zlib');
      const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
      fs.writeFileSync(file, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
      const t = await open(dst);
      try {
        await assert.rejects(restoreDatabase(t, file, allMigrations()), /不完整/);
      } finally { await t.destroy(); }
    } finally { await src.drop(); await dst.drop(); fs.rmSync(path.dirname(file), { recursive: true, force: true }); }
  });
});
