// Tests that the audit log is append-only and that altering or deleting a row is found, by the API function and by `zhengxie verify-audit`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { openDatabase, dropAppendOnlyTriggerSql, appendOnlyTriggerSql, type DbHandle } from '../src/kernel/server/db/dialect.ts';
import { migrateToLatest } from '../src/kernel/server/migrate.ts';
import { kernelMigrations } from '../src/kernel/server/kernel-module.ts';
import { appendAudit, hashRow, recordAudit, verifyAuditChain, type AuditRow } from '../src/kernel/server/audit.ts';
import { createTestDatabase, dialects, type TestDatabase } from './support/db.ts';
import type { Config } from '../src/kernel/server/config.ts';

function cliVerify(config: Config) {
  const args = ['--import', 'tsx', 'src/server/cli.ts', 'verify-audit', '--data-dir', config.dataDir];
  if (config.databaseUrl) args.push('--database-url', config.databaseUrl);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' }, timeout: 60000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

for (const d of await dialects()) {
  describe(`hash-chained audit log (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, kernelMigrations);
    });
    after(async () => { await h?.destroy(); await tdb?.drop(); });

    const lift = async () => { for (const s of dropAppendOnlyTriggerSql(h.dialect, 'audit_log')) await sql.raw(s).execute(h.db); };
    const restoreTrigger = async () => { for (const s of appendOnlyTriggerSql(h.dialect, 'audit_log')) await sql.raw(s).execute(h.db); };

    test('appended entries form a chain that verifies, also when appended concurrently', async () => {
      for (let i = 1; i <= 5; i++) {
        await recordAudit(h.db, h.dialect, { tenantId: 'T', actorId: 'u1', actorName: '张三', action: 'probe.write', entityType: 'probe', entityId: `P${i}`, data: { i, text: '中文内容' } });
      }
      await Promise.all(Array.from({ length: 10 }, (_, i) =>
        h.db.transaction().execute((trx) => appendAudit(trx, h.dialect, { tenantId: 'T', actorId: 'u2', actorName: '李四', action: 'probe.burst', data: { i } }))));
      const v = await verifyAuditChain(h.db);
      assert.deepEqual(v, { ok: true, count: 15 });
      const seqs = (await h.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
      assert.deepEqual(seqs, Array.from({ length: 15 }, (_, i) => i + 1));
      const cli = cliVerify(tdb.config);
      assert.equal(cli.code, 0, cli.out);
      assert.match(cli.out, /共 15 条/);
    });

    test('UPDATE and DELETE on the audit log are refused by the append-only trigger', async () => {
      await assert.rejects(h.db.updateTable('audit_log').set({ actor_name: '王五' }).where('seq', '=', 3).execute(), /append-only/);
      await assert.rejects(h.db.deleteFrom('audit_log').where('seq', '=', 3).execute(), /append-only/);
      assert.deepEqual(await verifyAuditChain(h.db), { ok: true, count: 15 });
    });

    test('an altered row is reported by its sequence number, and the CLI exits 1 naming it', async () => {
      await lift();
      const original = await h.db.selectFrom('audit_log').select('data').where('seq', '=', 7).executeTakeFirstOrThrow();
      await h.db.updateTable('audit_log').set({ data: JSON.stringify({ i: 999 }) }).where('seq', '=', 7).execute();
      const v = await verifyAuditChain(h.db);
      assert.equal(v.ok, false);
      assert.equal(!v.ok && v.brokenAt, 7);
      assert.equal(v.count, 6);
      assert.match(!v.ok ? v.reason : '', /第 7 条记录的内容被改动/);
      const cli = cliVerify(tdb.config);
      assert.equal(cli.code, 1, cli.out);
      assert.match(cli.out, /第 7 条/);
      // put it back: the chain verifies again
      await h.db.updateTable('audit_log').set({ data: original.data }).where('seq', '=', 7).execute();
      assert.equal((await verifyAuditChain(h.db)).ok, true);
      await restoreTrigger();
    });

    test('a deleted middle row is reported as a gap at its sequence number', async () => {
      await lift();
      const row9 = await h.db.selectFrom('audit_log').selectAll().where('seq', '=', 9).executeTakeFirstOrThrow();
      await h.db.deleteFrom('audit_log').where('seq', '=', 9).execute();
      await restoreTrigger();
      const v = await verifyAuditChain(h.db);
      assert.equal(v.ok, false);
      assert.equal(!v.ok && v.brokenAt, 9);
      assert.match(!v.ok ? v.reason : '', /第 9 条记录缺失/);
      const cli = cliVerify(tdb.config);
      assert.equal(cli.code, 1, cli.out);
      assert.match(cli.out, /第 9 条/);
      // the trigger is back in force after the tampering
      await assert.rejects(h.db.deleteFrom('audit_log').where('seq', '=', 10).execute(), /append-only/);
      // putting the row back (inserts are allowed) heals the chain
      await h.db.insertInto('audit_log').values(row9).execute();
      assert.deepEqual(await verifyAuditChain(h.db), { ok: true, count: 15 });
    });

    test('a row rewritten with a recomputed own hash still breaks the link to the next row', async () => {
      await lift();
      const row = await h.db.selectFrom('audit_log').selectAll().where('seq', '=', 12).executeTakeFirstOrThrow();
      const { hash: _old, ...rest } = { ...row, seq: Number(row.seq), actor_name: '伪造者' } as AuditRow;
      void _old;
      await h.db.updateTable('audit_log').set({ actor_name: '伪造者', hash: hashRow(rest) }).where('seq', '=', 12).execute();
      await restoreTrigger();
      const v = await verifyAuditChain(h.db);
      assert.equal(v.ok, false);
      assert.equal(!v.ok && v.brokenAt, 13);
      assert.match(!v.ok ? v.reason : '', /第 13 条记录与前一条的链接不符/);
    });
  });
}
