// The durable outbox across a crash: a command commits, its instance is killed with SIGKILL before it delivers the
// event, and the next instance to start delivers it. Here the event is the one that turns a proposal into a 社情民意
// report, which before the outbox lived only in memory and was lost with the process.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { buildApp } from '../src/server/app.ts';
import { openDatabase } from '../src/kernel/server/db/dialect.ts';
import { seedDemoIfEmpty, DEMO_PASSWORD } from '../src/server/seed.ts';
import { createTestDatabase, dialects } from './support/db.ts';
import { login } from './support/http.ts';

function runChild(job: unknown): Promise<{ out: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/outbox-crash-child.ts'], {
      env: { ...process.env, ZX_CRASH_JOB: JSON.stringify(job), LOG_LEVEL: 'silent', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => { out += b; });
    child.stderr.on('data', (b) => { out += b; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`child did not finish:\n${out}`)); }, 120_000);
    child.once('exit', (_code, signal) => { clearTimeout(timer); resolve({ out, signal }); });
  });
}

for (const d of await dialects()) {
  describe(`outbox across a crash (${d.kind})`, { skip: d.skip }, () => {
    test('a consent committed by an instance killed before delivery still becomes a 社情民意 report once the next instance starts', { timeout: 240_000 }, async () => {
      const tdb = await createTestDatabase(d.kind);
      try {
        // a declined joint-free proposal with a 转社情民意 offer waiting for the proposer
        let zx = await buildApp(tdb.config);
        await seedDemoIfEmpty(zx.ctx);
        const member = await login(zx.app, 'member', DEMO_PASSWORD);
        const staff = await login(zx.app, 'proposal', DEMO_PASSWORD);
        const created = await member.post('/api/proposals', { title: '关于治理背街小巷夜间噪音的建议', background: '情况', analysis: '分析', suggestions: '建议' });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const sub = await member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
        const declined = await staff.post(`/api/proposals/${created.body.id}/transitions`, { action: 'not_file', version: sub.body.version, input: { reasonCode: 'personal', convertTo: 'opinion' } });
        assert.equal(declined.status, 200, JSON.stringify(declined.body));
        await zx.close();

        const child = await runChild({ config: tdb.config, proposalId: created.body.id, version: declined.body.version, username: 'member' });
        assert.equal(child.signal, 'SIGKILL', child.out);
        const answer = JSON.parse(child.out.trim().split('\n').pop()!);
        assert.equal(answer.status, 200, child.out);
        const reportId = answer.body.conversion.reportId as string;
        assert.ok(reportId, 'the consent was acknowledged with the report id it will have');

        // after the crash: the consent and its undelivered event are in the database, the report is not
        const raw = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
        let ev: any;
        try {
          const p = await raw.db.selectFrom('proposals').select(['conversion_status', 'converted_ref_id']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
          assert.deepEqual([p.conversion_status, p.converted_ref_id], ['accepted', reportId]);
          ev = await raw.db.selectFrom('outbox').selectAll().where('type', '=', 'proposal.converted').where('entity_id', '=', created.body.id).executeTakeFirstOrThrow();
          assert.equal(ev.delivered_at, null);
          assert.equal(JSON.parse(String(ev.payload)).reportId, reportId);
          assert.equal((await raw.db.selectFrom('opinion_reports').select('id').where('source_proposal_id', '=', created.body.id).execute()).length, 0);
        } finally { await raw.destroy(); }

        zx = await buildApp({ ...tdb.config, outboxPollMs: 0 });
        try {
          const db = zx.ctx.db;
          await zx.ctx.events.drain();
          const reports = await db.selectFrom('opinion_reports').selectAll().where('source_proposal_id', '=', created.body.id).execute();
          assert.equal(reports.length, 1, 'the next instance delivered the event: the report exists');
          assert.equal(reports[0].id, reportId);
          assert.equal(reports[0].state, 'submitted');
          const delivered = await db.selectFrom('outbox').select('delivered_at').where('id', '=', ev.id).executeTakeFirstOrThrow();
          assert.ok(delivered.delivered_at, 'the event is marked delivered');
          // the editors' work item came with it
          const task = await db.selectFrom('tasks').select(['assignee_role', 'status']).where('entity_id', '=', reportId).where('status', '=', 'open').executeTakeFirst();
          assert.equal(task?.assignee_role, 'info_editor');
        } finally { await zx.close(); }
      } finally { await tdb.drop(); }
    });
  });
}
