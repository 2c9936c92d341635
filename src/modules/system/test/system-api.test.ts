// API tests of 系统管理: calendar overrides, working-day preview, settings and the audit log, with the three-admin separation.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { startWorld, nextEvent, type World } from '../../../../test/support/factories.ts';
import { dialects } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { CALENDAR_CHANGED } from '../index.ts';
import { REDIS_URL, skipUnless } from '../../../../test/support/services.ts';
import { buildApp } from '../../../server/app.ts';
import { clock } from '../../../kernel/universal/clock.ts';

// a module of the test's own that declares one setting in its manifest
const testModule: ModuleManifest = {
  name: 'test', label: '测试', permissions: [], migrations: [],
  settings: [{ key: 'test.objection_days', label: '异议期（工作日）', schema: z.number().int().min(1).max(30), default: 5 }],
};

for (const d of await dialects()) {
  describe(`system administration API (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let sysadmin: Client;
    let auditor: Client;
    let member: Client;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent' }, extraModules: [testModule] });
      sysadmin = await s.login('sysadmin');
      auditor = await s.login('auditor');
      member = await s.login('member');
    });
    after(async () => { await s?.close(); });

    test('the system administrator sees a month of the calendar with holidays named', async () => {
      const r = await sysadmin.get('/api/admin/calendar?year=2026&month=10');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.officialData, true);
      assert.equal(r.body.days.length, 31);
      assert.equal(r.body.days[0].workday, false);
      assert.equal(r.body.days[0].name, '国庆节');
      assert.equal(r.body.days[9].workday, true, '10-10 is a make-up working day');
      assert.deepEqual(r.body.actions, ['setOverride', 'clearOverride']);
    });

    test('an override changes the working-day preview at once, is audited, and can be removed', async () => {
      const before = await member.get('/api/calendar/working-days?from=2026-09-30&days=5');
      assert.equal(before.status, 200);
      assert.equal(before.body.due, '2026-10-13');
      const put = await sysadmin.put('/api/admin/calendar/overrides/2026-10-12', { kind: 'holiday', note: '本地调休' });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      assert.equal(put.body.workday, false);
      assert.equal(put.body.override.note, '本地调休');
      const after = await member.get('/api/calendar/working-days?from=2026-09-30&days=5');
      assert.equal(after.body.due, '2026-10-14');
      const month = await sysadmin.get('/api/admin/calendar?year=2026&month=10');
      assert.equal(month.body.days[11].override.kind, 'holiday');
      const audit = await auditor.get('/api/audit?action=calendar&entityId=2026-10-12');
      assert.equal(audit.status, 200);
      assert.equal(audit.body.items[0].action, 'calendar.override.set');
      assert.equal(audit.body.items[0].data.kind, 'holiday');
      const del = await sysadmin.del('/api/admin/calendar/overrides/2026-10-12');
      assert.equal(del.status, 200);
      assert.equal((await member.get('/api/calendar/working-days?from=2026-09-30&days=5')).body.due, '2026-10-13');
      assert.equal((await sysadmin.del('/api/admin/calendar/overrides/2026-10-12')).status, 404);
    });

    test('bad calendar input gets 400 naming the field in Chinese, and nothing is written', async () => {
      const bad = await sysadmin.put('/api/admin/calendar/overrides/2026-02-30', { kind: 'holiday' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
      assert.match(bad.body.error.message, /「日期」/);
      const kind = await sysadmin.put('/api/admin/calendar/overrides/2026-03-02', { kind: 'weekend' });
      assert.equal(kind.status, 400);
      assert.match(kind.body.error.message, /「日期类型」/);
      const month = await sysadmin.get('/api/admin/calendar?year=2026&month=13');
      assert.equal(month.status, 400);
      assert.match(month.body.error.message, /「月份」/);
      const preview = await member.get('/api/calendar/working-days?from=2026-1-1&days=3');
      assert.equal(preview.status, 400);
      assert.match(preview.body.error.message, /「起始日期」/);
      const march = await sysadmin.get('/api/admin/calendar?year=2026&month=3');
      assert.equal(march.body.days[1].override, null);
    });

    test('three-admin separation: members cannot manage the calendar, the auditor cannot either, the sysadmin cannot read the audit log', async () => {
      assert.equal((await member.get('/api/admin/calendar?year=2026&month=1')).status, 403);
      assert.equal((await member.put('/api/admin/calendar/overrides/2026-03-02', { kind: 'holiday' })).status, 403);
      assert.equal((await auditor.put('/api/admin/calendar/overrides/2026-03-02', { kind: 'holiday' })).status, 403);
      assert.equal((await sysadmin.get('/api/audit')).status, 403);
      assert.equal((await sysadmin.get('/api/audit/verify')).status, 403);
      assert.equal((await member.get('/api/audit')).status, 403);
      assert.equal((await auditor.get('/api/admin/settings')).status, 403);
    });

    test('without a session the working-day preview answers 401', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/calendar/working-days?from=2026-09-30&days=5' });
      assert.equal(r.statusCode, 401);
    });

    test('settings are validated against their registered schema, versioned, and audited', async () => {
      const first = await sysadmin.get('/api/admin/settings/test.objection_days');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual([first.body.value, first.body.isDefault, first.body.version], [5, true, 0]);
      assert.deepEqual(first.body.actions, ['update']);
      const bad = await sysadmin.put('/api/admin/settings/test.objection_days', { value: 99, version: 0 });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /异议期/);
      const ok = await sysadmin.put('/api/admin/settings/test.objection_days', { value: 7, version: 0 });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual([ok.body.value, ok.body.version], [7, 1]);
      const stale = await sysadmin.put('/api/admin/settings/test.objection_days', { value: 8, version: 0 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await sysadmin.get('/api/admin/settings/test.objection_days')).body.value, 7);
      assert.equal((await sysadmin.get('/api/admin/settings/no.such.key')).status, 404);
      const list = await sysadmin.get('/api/admin/settings');
      assert.ok(list.body.items.some((x: { key: string }) => x.key === 'test.objection_days'));
      const audit = await auditor.get('/api/audit?action=settings.set&entityId=test.objection_days');
      assert.equal(audit.body.total, 1);
      assert.deepEqual(audit.body.items[0].data.before, null);
    });

    test('the audit log names each record by its kind and title, with its page, and keeps its id', async () => {
      const created = await member.post('/api/proposals', { title: '关于审计日志显示标题的建议', background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = String(created.body.id);
      const rows = (await auditor.get(`/api/audit?entityType=proposal&entityId=${id}`)).body.items;
      assert.ok(rows.length >= 1, 'the draft is audited');
      for (const r of rows) {
        assert.equal(r.entityId, id);
        assert.equal(r.entityLabel, '提案');
        assert.equal(r.entityTitle, '关于审计日志显示标题的建议');
        assert.equal(r.entityLink, `/proposals/${id}`);
      }
      const memberId = (await member.get('/api/auth/me')).body.user.id;
      const users = (await auditor.get(`/api/audit?entityType=user&entityId=${memberId}`)).body.items;
      assert.ok(users.length >= 1, 'the sign-in is audited');
      assert.equal(users[0].entityLabel, '用户');
      assert.match(users[0].entityTitle, /（member）$/);
      // a record kind no module declares keeps its type and id only
      const days = (await auditor.get('/api/audit?action=calendar.override.set&pageSize=1')).body.items;
      if (days.length) assert.deepEqual([days[0].entityLabel, days[0].entityTitle, days[0].entityLink], [null, null, null]);
    });

    test('the auditor pages and filters the audit log and verifies the chain', async () => {
      const all = await auditor.get('/api/audit?pageSize=5');
      assert.equal(all.status, 200);
      assert.equal(all.body.items.length, 5);
      assert.ok(all.body.total >= 5);
      const seqs = all.body.items.map((x: { seq: number }) => x.seq);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');
      const page2 = await auditor.get('/api/audit?pageSize=5&page=2');
      assert.ok(page2.body.items[0].seq < seqs[4]);
      const today = clock.today();
      const byDay = await auditor.get(`/api/audit?from=${today}&to=${today}&action=calendar.override.set`);
      assert.ok(byDay.body.total >= 1);
      const past = await auditor.get('/api/audit?from=2001-01-01&to=2001-01-02');
      assert.equal(past.body.total, 0);
      const reversed = await auditor.get('/api/audit?from=2026-02-01&to=2026-01-01');
      assert.equal(reversed.status, 400);
      assert.match(reversed.body.error.message, /「结束日期」/);
      const badDate = await auditor.get('/api/audit?from=2026-13-01');
      assert.equal(badDate.status, 400);
      assert.match(badDate.body.error.message, /「开始日期」/);
      const v = await auditor.get('/api/audit/verify');
      assert.equal(v.status, 200);
      assert.equal(v.body.ok, true);
      assert.ok(v.body.count >= all.body.total);
    });
  });
}

const redisSkip = (await skipUnless('pg')) || (await skipUnless('redis'));
describe('calendar changes reach every instance (two instances, PostgreSQL + Redis)', { skip: redisSkip }, () => {
  test('an override saved on instance A changes due dates computed on instance B', { timeout: 60000 }, async () => {
    const a = await startWorld('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent' } });
    const b = await buildApp(a.config);
    try {
      const client = await a.login('sysadmin');
      assert.equal(b.ctx.calendar.addWorkingDays('2026-09-30', 5), '2026-10-13');
      const arrived = nextEvent(b, CALENDAR_CHANGED, (e) => e.entityId === '2026-10-09');
      const put = await client.put('/api/admin/calendar/overrides/2026-10-09', { kind: 'holiday', note: '两实例测试' });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      // B has the change through Redis; its reload (a subscriber of the event) is done once B's handlers are
      await arrived;
      await b.ctx.events.drain();
      assert.equal(b.ctx.calendar.isWorkday('2026-10-09'), false, 'instance B reloaded its calendar');
      assert.equal(b.ctx.calendar.addWorkingDays('2026-09-30', 5), '2026-10-14');
    } finally {
      await b.close();
      await a.close();
    }
  });
});
