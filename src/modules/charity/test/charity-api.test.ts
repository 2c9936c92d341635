// The 公益 API through the real server on SQLite and PostgreSQL: the demo's 金秋助学 raised 84.3 万元 for 220 students
// and every figure equals its list; a drive's totals move with each donation and grant; students' names and schools are
// read by the office only (others read 张** and no school); bad input names the field in Chinese; a stale edit is a 409;
// a member's donations reach their own figures.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { charitySeedFigures as F } from '../server/seed.ts';

for (const d of await dialects()) {
  describe(`公益 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, member: Client, leader: Client, county: Client, sysadmin: Client;
    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, member, leader, county, sysadmin] = await Promise.all(['office', 'member', 'leader', 'county', 'sysadmin'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const all = async (c: Client, api: string, query: Record<string, string>) => {
      const rows: any[] = [];
      for (let p = 1; ; p++) {
        const r = await c.get(`${api}?${new URLSearchParams({ ...query, page: String(p), pageSize: '200' })}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        rows.push(...r.body.items);
        if (rows.length >= r.body.total || r.body.items.length === 0) return rows;
      }
    };

    test('the demo\'s 金秋助学: 84.3 万元 raised for 220 students; each figure equals its list', async () => {
      const drives = (await member.get(`/api/charity?year=${F.year}`)).body.items;
      const golden = drives.find((x: any) => x.name.includes('金秋助学'));
      assert.equal(golden.totals.raisedYuan, F.raisedYuan);
      assert.equal(golden.totals.raisedText, '84.3万元');
      assert.equal(golden.totals.beneficiaries, F.students);
      assert.equal(golden.totals.givenYuan, F.raisedYuan);
      assert.equal(golden.totals.balanceYuan, 0);

      const r = await office.get(`/api/figures?from=${F.year}-08-01&to=${F.year}-09-30&modules=charity`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups[0].figures;
      const v = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
      assert.equal(v['charity.raised'], 84.3);
      assert.equal(v['charity.beneficiaries'], 220);
      for (const f of figures) {
        if (f.list.sum) {
          const rows = await all(office, f.list.api, f.list.query);
          assert.equal(rows.reduce((a, x) => a + x.amountYuan, 0) / 10_000, f.value, f.key);
        } else {
          assert.equal((await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`)).body.total, f.value, f.key);
        }
      }
      assert.deepEqual((await member.get(`/api/figures?year=${F.year}&modules=charity`)).body.groups, [], 'a member reads no organisation figures');
    });

    test('students\' names and schools: the office reads them, members and leaders read 张** and no school', async () => {
      const golden = (await office.get(`/api/charity?year=${F.year}`)).body.items.find((x: any) => x.name.includes('金秋助学'));
      const full = (await office.get(`/api/charity/beneficiaries?driveId=${golden.id}&pageSize=200`)).body.items;
      assert.ok(full.every((b: any) => !b.masked && b.school && !b.studentName.includes('*')));
      for (const [who, c] of [['a member', member], ['a leader', leader]] as const) {
        const rows = (await c.get(`/api/charity/beneficiaries?driveId=${golden.id}&pageSize=200`)).body.items;
        assert.equal(rows.length, full.length, who);
        assert.ok(rows.every((b: any) => b.masked && b.school === null && /^.\*\*$/u.test(b.studentName)), who);
        const names = new Set(full.map((b: any) => b.studentName));
        assert.ok(!rows.some((b: any) => names.has(b.studentName)), `${who} reads no full name`);
        assert.equal((await c.get(`/api/charity/${golden.id}`)).body.readsPrivate, false);
      }
      assert.equal((await office.get(`/api/charity/${golden.id}`)).body.readsPrivate, true);
    });

    test('the office runs a drive: donations and grants move its totals; bad input and stale versions are refused', async () => {
      const today = clock.today();
      const bad = await office.post('/api/charity', { name: '爱心助学', startsOn: today });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'endsOn');
      assert.match(bad.body.error.message, /结束日期/);
      const drive = await office.post('/api/charity', { name: '2026年“金秋助学”活动', startsOn: today, endsOn: today, targetYuan: 500_000 });
      assert.equal(drive.status, 201, JSON.stringify(drive.body));
      const id = drive.body.id;
      assert.deepEqual(drive.body.actions.map((a: any) => a.name), ['edit', 'donation', 'beneficiary']);

      const me = (await member.get('/api/auth/me')).body.user.id;
      const noDonor = await office.post(`/api/charity/${id}/donations`, { donorKind: 'member', amountYuan: 2000, donatedOn: today });
      assert.equal(noDonor.status, 400);
      assert.equal(noDonor.body.error.field, 'donorUserId');
      assert.match(noDonor.body.error.message, /捐赠委员/);
      const negative = await office.post(`/api/charity/${id}/donations`, { donorKind: 'unit', donorName: '长治银行', amountYuan: -5, donatedOn: today });
      assert.equal(negative.status, 400);
      assert.match(negative.body.error.message, /捐赠金额/);
      assert.equal((await office.post(`/api/charity/${id}/donations`, { donorKind: 'member', donorUserId: me, amountYuan: 2000, donatedOn: today })).status, 201);
      assert.equal((await office.post(`/api/charity/${id}/donations`, { donorKind: 'unit', donorName: '长治银行', amountYuan: 50_000, donatedOn: today })).status, 201);
      const b = await office.post(`/api/charity/${id}/beneficiaries`, { studentName: '申雨轩', school: '山西大学', grade: '大一', amountYuan: 4000, givenOn: today });
      assert.equal(b.status, 201, JSON.stringify(b.body));
      assert.equal((await member.post(`/api/charity/${id}/donations`, { donorKind: 'unit', donorName: '某单位', amountYuan: 100, donatedOn: today })).status, 403, 'a member records no donation');

      const dt = (await member.get(`/api/charity/${id}`)).body;
      assert.deepEqual([dt.totals.raisedYuan, dt.totals.givenYuan, dt.totals.balanceYuan, dt.totals.donations, dt.totals.beneficiaries], [52_000, 4000, 48_000, 2, 1]);
      assert.equal(dt.totals.raisedText, '5.2万元');
      assert.deepEqual(dt.actions, []);

      // a stale version is a 409, on the drive and on a student
      assert.equal((await office.patch(`/api/charity/${id}`, { version: 1, name: '2026年金秋助学' })).status, 200);
      const stale = await office.patch(`/api/charity/${id}`, { version: 1, name: '旧版本' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await office.patch(`/api/charity/beneficiaries/${b.body.id}`, { version: 1, grade: '大二' })).status, 200);
      assert.equal((await office.patch(`/api/charity/beneficiaries/${b.body.id}`, { version: 1, grade: '大三' })).status, 409);

      // the member's own figure counts their donation, and equals its list
      const mine = await member.get(`/api/figures?from=${today}&to=${today}&userId=${me}&modules=charity`);
      const f = mine.body.groups[0].figures[0];
      assert.equal(f.key, 'charity.member.donations');
      assert.equal(f.value, 1);
      assert.equal((await member.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`)).body.total, 1);
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('administrators may not use the module; another CPPCC sees none of these drives', async () => {
      assert.equal((await sysadmin.get('/api/charity')).status, 403);
      const any = (await office.get('/api/charity')).body.items[0];
      assert.equal((await county.get(`/api/charity/${any.id}`)).status, 404);
      assert.equal((await county.get('/api/charity/beneficiaries')).body.total, 0);
    });
  });
}
