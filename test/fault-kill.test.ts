// Fault test: the real server is killed with SIGKILL in the middle of a burst of writes; after restart every acknowledged write is there.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/kernel/server/db/dialect.ts';
import { verifyAuditChain } from '../src/kernel/server/audit.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDemoIfEmpty } from '../src/server/seed.ts';
import { freshTotp } from './support/totp.ts';
import { createTestDatabase, dialects, type TestDatabase } from './support/db.ts';

interface Server { child: ChildProcess; url: string; output: () => string }

/** Start `zhengxie serve` as a child process on a free port and wait until it says where it listens. */
async function startServer(tdb: TestDatabase): Promise<Server> {
  const args = ['--import', 'tsx', 'src/server/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', tdb.config.dataDir];
  if (tdb.config.databaseUrl) args.push('--database-url', tdb.config.databaseUrl);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b) => { out += b; });
  child.stderr!.on('data', (b) => { out += b; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60000);
    const check = () => {
      const m = /已启动：(http:\/\/[^\s（]+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${out}`)); });
  });
  return { child, url, output: () => out };
}

async function loginSysadmin(url: string, password: string, secret: string, database: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sysadmin', password, totp: await freshTotp(secret, 'sysadmin', database) }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => { if (child.exitCode !== null || child.signalCode) resolve(); else child.once('exit', () => resolve()); });

for (const d of await dialects()) {
  describe(`kill -9 during a burst of writes (${d.kind})`, { skip: d.skip }, () => {
    test('every acknowledged write survives, the database opens cleanly and the audit chain verifies', { timeout: 180000 }, async () => {
      const tdb = await createTestDatabase(d.kind);
      let server: Server | undefined;
      try {
        // demo data first, in-process; the child server then starts on the same database
        const zx = await buildApp(tdb.config);
        const seeded = await seedDemoIfEmpty(zx.ctx);
        await zx.close();
        const admin = seeded!.accounts.find((a) => a.username === 'sysadmin')!;

        server = await startServer(tdb);
        const session = await loginSysadmin(server.url, admin.password, admin.totpSecret!, tdb.config.dataDir);

        const acked = new Map<string, 'workday' | 'holiday'>();
        const attempted = new Set<string>();
        let stop = false;
        let failedAfterKill = 0;
        const writer = async (w: number) => {
          for (let i = 0; !stop; i++) {
            const date = addDays('2030-01-01', w * 1000 + i);
            const kind = i % 2 ? 'workday' : 'holiday';
            attempted.add(date);
            try {
              const res = await fetch(`${server!.url}/api/admin/calendar/overrides/${date}`, {
                method: 'PUT', headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
                body: JSON.stringify({ kind, note: `写入 ${w}-${i}` }),
              });
              if (res.status === 200) acked.set(date, kind);
              else if (!stop) assert.fail(`unexpected status ${res.status}: ${await res.text()}`);
              await res.body?.cancel().catch(() => {});
            } catch {
              failedAfterKill++;
              return; // the connection died with the server
            }
          }
        };
        const writers = Array.from({ length: 8 }, (_, w) => writer(w));
        // let the burst run, then pull the plug without warning
        const started = performance.now();
        while (acked.size < 150 && performance.now() - started < 30000) await new Promise((r) => setTimeout(r, 10));
        server.child.kill('SIGKILL');
        await killed(server.child);
        stop = true;
        await Promise.all(writers);
        assert.ok(acked.size >= 150, `only ${acked.size} writes were acknowledged before the kill`);
        assert.ok(attempted.size > acked.size || failedAfterKill > 0, 'the kill landed in the middle of the burst');

        // restart on the same database: it opens, migrates (nothing to do) and serves
        server = await startServer(tdb);
        const health = await fetch(`${server.url}/api/health`);
        assert.equal(health.status, 200);
        const again = await loginSysadmin(server.url, admin.password, admin.totpSecret!, tdb.config.dataDir);
        const month = await fetch(`${server.url}/api/admin/calendar?year=2030&month=1`, { headers: { cookie: again.cookie } });
        assert.equal(month.status, 200);
        server.child.kill('SIGTERM');
        await killed(server.child);
        server = undefined;

        if (d.kind === 'sqlite') {
          const raw = new Database(`${tdb.config.dataDir}/zhengxie.db`);
          try {
            assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
          } finally { raw.close(); }
        }
        const h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
        try {
          const rows = await h.db.selectFrom('calendar_overrides').select(['date', 'kind']).where('date', '>=', '2030-01-01').execute();
          const stored = new Map(rows.map((r) => [String(r.date), String(r.kind)]));
          const lost = [...acked].filter(([date, kind]) => stored.get(date) !== kind);
          assert.deepEqual(lost, [], `${lost.length} acknowledged writes were lost`);
          for (const date of stored.keys()) assert.ok(attempted.has(date), `a write nobody made: ${date}`);
          // each stored override has its audit record: they were committed together
          const audited = await h.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'calendar.override.set').execute();
          const auditedDates = new Set(audited.map((r) => String(r.entity_id)));
          for (const date of stored.keys()) assert.ok(auditedDates.has(date), `override ${date} has no audit record`);
          const v = await verifyAuditChain(h.db);
          assert.equal(v.ok, true, JSON.stringify(v));
        } finally { await h.destroy(); }
      } finally {
        if (server) { server.child.kill('SIGKILL'); await killed(server.child); }
        await tdb.drop();
      }
    });
  });
}
