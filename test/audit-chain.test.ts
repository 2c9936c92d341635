// Tests that the audit log is append-only and that altering or deleting a row is found, by the API function and by `zhengxie verify-audit`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, dropAppendOnlyTriggerSql, appendOnlyTriggerSql, type DbHandle } from '../src/kernel/server/db/dialect.ts';
import { migrateToLatest } from '../src/kernel/server/migrate.ts';
import { kernelMigrations } from '../src/kernel/server/kernel-module.ts';
import { appendAudit, hashRow, readAuditAnchors, recordAudit, rowMac, verifyAuditChain, writeAuditAnchor, type AuditRow } from '../src/kernel/server/audit.ts';
import { installSecretKeys, loadSecretKeys, SECRET_KEY_FILE } from '../src/kernel/server/secrets.ts';
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

  describe(`audit chain anchored with a key outside the database (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let anchors: string;
    let original: AuditRow[];
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, kernelMigrations);
      // the key as an installation keeps it: a file in the data folder (the command line finds it there)
      fs.writeFileSync(path.join(tdb.config.dataDir, SECRET_KEY_FILE), randomBytes(32).toString('base64'), { mode: 0o600 });
      installSecretKeys(loadSecretKeys(tdb.config, { create: false }));
      anchors = tdb.config.auditAnchorFile;
      assert.equal(anchors, path.join(tdb.config.dataDir, 'audit-anchors.log'));
      for (let i = 1; i <= 10; i++) await recordAudit(h.db, h.dialect, { tenantId: 'T', actorId: 'u1', actorName: '张三', action: 'probe.write', entityId: `P${i}`, data: { i } });
      assert.ok(await writeAuditAnchor(h.db, anchors));
      for (let i = 11; i <= 12; i++) await recordAudit(h.db, h.dialect, { tenantId: 'T', actorId: 'u1', actorName: '张三', action: 'probe.write', entityId: `P${i}`, data: { i } });
      original = (await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()) as AuditRow[];
    });
    after(async () => { installSecretKeys(null); await h?.destroy(); await tdb?.drop(); });

    const lift = async () => { for (const s of dropAppendOnlyTriggerSql(h.dialect, 'audit_log')) await sql.raw(s).execute(h.db); };
    const restoreTrigger = async () => { for (const s of appendOnlyTriggerSql(h.dialect, 'audit_log')) await sql.raw(s).execute(h.db); };
    const putBack = async () => {
      await lift();
      await h.db.deleteFrom('audit_log').execute();
      await h.db.insertInto('audit_log').values(original).execute();
      await restoreTrigger();
    };
    /** What someone with write access to the database but without the key can do: change row `from` and recompute every later hash. */
    const rewriteFrom = async (from: number, mac: (r: AuditRow) => string | null) => {
      await lift();
      const rows = (await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()) as AuditRow[];
      let prev = from === 1 ? '0'.repeat(64) : rows[from - 2].hash;
      for (const raw of rows.slice(from - 1)) {
        const r = { ...raw, seq: Number(raw.seq), prev_hash: prev, actor_name: raw.seq === from ? '伪造者' : raw.actor_name };
        const { hash: _h, mac: _m, ...rest } = r;
        void _h; void _m;
        const hash = hashRow(rest);
        await h.db.updateTable('audit_log').set({ actor_name: r.actor_name, prev_hash: prev, hash, mac: mac({ ...r, hash }) }).where('seq', '=', r.seq).execute();
        prev = hash;
      }
      await restoreTrigger();
    };

    test('every row carries an HMAC; the chain verifies against its anchor, and the command line says so', async () => {
      const rows = (await h.db.selectFrom('audit_log').select(['hash', 'mac']).execute()) as AuditRow[];
      const key = loadSecretKeys(tdb.config, { create: false })!.auditKey;
      for (const r of rows) assert.equal(r.mac, rowMac(key, r.hash));
      const { anchors: list, badLines } = readAuditAnchors(anchors);
      assert.deepEqual(badLines, []);
      assert.equal(list.length, 1);
      assert.equal(list[0].seq, 10);
      assert.deepEqual(await verifyAuditChain(h.db, { anchors: list }), { ok: true, count: 12, anchors: 1 });
      const cli = cliVerify(tdb.config);
      assert.equal(cli.code, 0, cli.out);
      assert.match(cli.out, /共 12 条/);
      assert.match(cli.out, /HMAC 校验通过/);
      assert.match(cli.out, /与 1 个锚点相符（最新锚点 seq=10/);
    });

    test('a chain rewritten with recomputed hashes is reported by its HMAC, at the first rewritten row', async () => {
      await rewriteFrom(5, (r) => r.mac ?? null);
      const v = await verifyAuditChain(h.db);
      assert.equal(v.ok, false);
      assert.equal(!v.ok && v.brokenAt, 5);
      assert.match(!v.ok ? v.reason : '', /第 5 条记录的 HMAC 不符/);
      const cli = cliVerify(tdb.config);
      assert.equal(cli.code, 1, cli.out);
      assert.match(cli.out, /第 5 条/);
      // without the key (a forger's own) the HMACs do not match either
      await putBack();
      await rewriteFrom(5, (r) => rowMac(randomBytes(32), r.hash));
      assert.match((await verifyAuditChain(h.db) as { reason: string }).reason, /第 5 条记录的 HMAC 不符/);
      await putBack();
      assert.deepEqual(await verifyAuditChain(h.db), { ok: true, count: 12 });
    });

    test('dropping the HMACs does not help: a row without one after signed rows, or an unsigned chain against its anchor, is reported', async () => {
      await rewriteFrom(5, () => null);
      const v = await verifyAuditChain(h.db);
      assert.match(!v.ok ? v.reason : '', /第 5 条记录缺少 HMAC/);
      await putBack();
      await rewriteFrom(1, () => null);
      const { anchors: list } = readAuditAnchors(anchors);
      const whole = await verifyAuditChain(h.db, { anchors: list });
      assert.equal(whole.ok, false);
      assert.equal(!whole.ok && whole.brokenAt, 10);
      assert.match(!whole.ok ? whole.reason : '', /第 10 条记录与 .* 记下的锚点不符/);
      await putBack();
    });

    test('cutting off the newest rows is reported when the newest anchor names a sequence beyond the end', async () => {
      await lift();
      await h.db.deleteFrom('audit_log').where('seq', '>=', 9).execute();
      await restoreTrigger();
      assert.deepEqual(await verifyAuditChain(h.db), { ok: true, count: 8 }, 'the chain alone cannot tell');
      const { anchors: list } = readAuditAnchors(anchors);
      const v = await verifyAuditChain(h.db, { anchors: list });
      assert.equal(v.ok, false);
      assert.equal(!v.ok && v.brokenAt, 9);
      assert.match(!v.ok ? v.reason : '', /审计日志被截断：.*锚点记到第 10 条，现在只到第 8 条/);
      const cli = cliVerify(tdb.config);
      assert.equal(cli.code, 1, cli.out);
      assert.match(cli.out, /截断/);
      await putBack();
      // a forged anchor line (written without the key) is reported too
      fs.appendFileSync(anchors, JSON.stringify({ at: '2026-01-01T00:00:00.000Z', seq: 12, hash: original[11].hash, mac: 'f'.repeat(64) }) + '\n');
      const forged = await verifyAuditChain(h.db, { anchors: readAuditAnchors(anchors).anchors });
      assert.match(!forged.ok ? forged.reason : '', /签名不符/);
    });
  });
}

for (const d of await dialects()) {
  describe(`an append whose guess of the chain's head is stale links to the real head (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let a: DbHandle;
    let b: DbHandle;
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      a = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(a.db, a.dialect, kernelMigrations);
      // a second instance on the same database: it writes rows the first one has not seen
      b = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
    });
    after(async () => { await a?.destroy(); await b?.destroy(); await tdb?.drop(); });

    const entry = (action: string) => ({ tenantId: 'T', actorId: 'u1', actorName: '张三', action });
    const seqs = async () => (await a.db.selectFrom('audit_log').select(['seq', 'action']).orderBy('seq').execute()).map((r) => `${Number(r.seq)}:${r.action}`);

    test('after another instance wrote, after a rolled-back append, and after another instance wrote the rolled-back sequence', async () => {
      await recordAudit(a.db, a.dialect, entry('a.first'));
      await recordAudit(b.db, b.dialect, entry('b.second'));
      // a's last head is seq 1; the head is seq 2, written by b
      const third = await recordAudit(a.db, a.dialect, entry('a.third'));
      assert.equal(third.seq, 3);
      // a's append of seq 4 rolls back: its last head names a row that does not exist
      await assert.rejects(a.db.transaction().execute(async (trx) => {
        await appendAudit(trx, a.dialect, entry('a.rolled-back'));
        throw new Error('rolled back');
      }), /rolled back/);
      const fourth = await recordAudit(a.db, a.dialect, entry('a.fourth'));
      assert.equal(fourth.seq, 4);
      assert.equal(fourth.prev_hash, third.hash);
      // again rolled back at seq 5; then b writes its own seq 5 (same sequence, another hash)
      await assert.rejects(a.db.transaction().execute(async (trx) => {
        await appendAudit(trx, a.dialect, entry('a.rolled-back'));
        throw new Error('rolled back');
      }), /rolled back/);
      const fifth = await recordAudit(b.db, b.dialect, entry('b.fifth'));
      const sixth = await recordAudit(a.db, a.dialect, entry('a.sixth'));
      assert.equal(sixth.seq, 6);
      assert.equal(sixth.prev_hash, fifth.hash);
      // and a's own guess holds for the next one
      const seventh = await recordAudit(a.db, a.dialect, entry('a.seventh'));
      assert.equal(seventh.prev_hash, sixth.hash);
      assert.deepEqual(await seqs(), ['1:a.first', '2:b.second', '3:a.third', '4:a.fourth', '5:b.fifth', '6:a.sixth', '7:a.seventh']);
      assert.deepEqual(await verifyAuditChain(a.db), { ok: true, count: 7 });
    });
  });
}
