// 接待 and 会务 through the real server on SQLite and PostgreSQL: a reception plan with its lists and budget through
// draft → approved → done, the actual spending after approval, bad input named in Chinese, a 409 on a stale version;
// checklists from a template, linked to another record and shown with its title, ticked under their version; the
// year's figures equal to their lists, and the demo year's figures as the article gives them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { logisticsSeedFigures } from '../server/seed.ts';

for (const d of await dialects()) {
  describe(`接待、会务 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, leader: Client, committee: Client;
    const day = () => addDays(clock.today(), 20);

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, leader, committee] = await Promise.all(['office', 'leader', 'committee'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const plan = () => ({
      title: '省政协调研组来长调研接待', guestUnit: '省政协办公厅', startDate: day(), endDate: addDays(day(), 1),
      guests: [{ name: '张某某', unit: '省政协办公厅', title: '副主任', count: 1 }, { name: '随行人员', unit: '省政协办公厅', count: 4 }],
      programme: [{ time: `${day()} 09:00`, place: '市政协三楼会议室', content: '座谈' }],
      rooms: [{ hotel: '长治宾馆', room: '标准间', guest: '张某某等', nights: 1 }],
      meals: [{ date: day(), meal: '工作餐', place: '机关食堂', people: 9, standard: '按公务接待标准' }],
      budget: [{ item: '住宿', amount: 1500 }, { item: '工作餐', amount: 540 }],
    });

    test('a reception plan: draft → approved → done, totals kept, actual spending only after approval', async () => {
      const bad = await office.post('/api/office/receptions', { ...plan(), guestUnit: '' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'guestUnit');
      assert.match(bad.body.error.message, /来访单位/);
      const badBudget = await office.post('/api/office/receptions', { ...plan(), budget: [{ item: '住宿', amount: -5 }] });
      assert.equal(badBudget.status, 400);
      assert.match(badBudget.body.error.message, /预算金额/);
      const backwards = await office.post('/api/office/receptions', { ...plan(), endDate: addDays(day(), -1) });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.field, 'endDate');

      let r = (await office.post('/api/office/receptions', plan())).body;
      assert.equal(r.state, 'draft');
      assert.equal(r.guestCount, 5);
      assert.equal(r.budgetTotal, 2040);
      assert.equal(r.actualTotal, 0);
      assert.ok(r.actions.some((a: any) => a.name === 'approve'));
      const edited = await office.patch(`/api/office/receptions/${r.id}`, { version: r.version, programme: [...r.programme, { time: `${day()} 14:30`, place: '上党门', content: '参观' }] });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.programme.length, 2);
      const stale = await office.patch(`/api/office/receptions/${r.id}`, { version: r.version, title: '旧版本上的修改' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.match(stale.body.error.message, /接待方案/);

      r = (await leader.post(`/api/office/receptions/${r.id}/transitions`, { action: 'approve', version: edited.body.version, input: { note: '同意' } })).body;
      assert.equal(r.state, 'approved');
      const planChange = await office.patch(`/api/office/receptions/${r.id}`, { version: r.version, title: '审批后改名' });
      assert.equal(planChange.status, 403);
      const actual = await office.patch(`/api/office/receptions/${r.id}`, { version: r.version, budget: [{ item: '住宿', amount: 1500, actual: 1380 }, { item: '工作餐', amount: 540, actual: 495 }] });
      assert.equal(actual.status, 200, JSON.stringify(actual.body));
      assert.equal(actual.body.actualTotal, 1875);
      r = (await office.post(`/api/office/receptions/${r.id}/transitions`, { action: 'complete', version: actual.body.version, input: {} })).body;
      assert.equal(r.state, 'done');
      assert.deepEqual(r.history.map((h: any) => h.action), ['create', 'approve', 'complete']);
      assert.equal(r.canEdit, false);
    });

    test('a checklist from a template, linked to a record shown with its title, ticked under its version', async () => {
      const tpl = await office.post('/api/office/checklist-templates', { name: '小型座谈会', items: [{ category: '会场', label: '桌签' }, { category: '茶歇', label: '茶水' }] });
      assert.equal(tpl.status, 201, JSON.stringify(tpl.body));
      const rec = (await office.post('/api/office/receptions', plan())).body;
      const unknown = await office.post('/api/office/checklists', { title: '座谈会会务', eventDate: day(), link: { type: 'consultation', id: 'no-such-id' } });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.field, 'link');
      assert.match(unknown.body.error.message, /关联记录/);

      const c = await office.post('/api/office/checklists', { title: '调研座谈会会务', eventDate: day(), templateId: tpl.body.id, link: { type: 'logistics_reception', id: rec.id }, items: [{ category: '车辆', label: '接站用车', owner: '王科长' }] });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      assert.deepEqual(c.body.items.map((i: any) => i.label), ['桌签', '茶水', '接站用车']);
      assert.equal(c.body.itemsDone, 0);
      assert.deepEqual(c.body.link, { type: 'logistics_reception', id: rec.id, title: '省政协调研组来长调研接待' });

      const ticked = c.body.items.map((i: any, k: number) => ({ ...i, done: k < 2 }));
      const t1 = await office.patch(`/api/office/checklists/${c.body.id}`, { version: c.body.version, items: ticked });
      assert.equal(t1.status, 200, JSON.stringify(t1.body));
      assert.equal(t1.body.itemsDone, 2);
      const lost = await office.patch(`/api/office/checklists/${c.body.id}`, { version: c.body.version, items: c.body.items.map((i: any) => ({ ...i, done: true })) });
      assert.equal(lost.status, 409, 'a tick on the version read before another one is refused, not lost');
      const open = await office.get(`/api/office/checklists?open=true&from=${day()}&to=${day()}`);
      assert.ok(open.body.items.some((i: any) => i.id === c.body.id));
      const byLink = await office.get(`/api/office/checklists?linkType=logistics_reception&linkId=${rec.id}`);
      assert.equal(byLink.body.total, 1);
      const noItem = await office.patch(`/api/office/checklists/${c.body.id}`, { version: t1.body.version, items: [{ category: '会场', label: '' }] });
      assert.equal(noItem.status, 400);
      assert.match(noItem.body.error.message, /保障事项/);
      assert.equal((await committee.get(`/api/office/checklists/${c.body.id}`)).status, 403);
    });

    test('each figure equals its list: counts the total, sums the rows', async () => {
      const from = clock.today(), to = addDays(clock.today(), 60);
      const r = await office.get(`/api/figures?from=${from}&to=${to}&modules=logistics`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups.find((g: any) => g.module === 'logistics')?.figures ?? [];
      assert.deepEqual(figures.map((f: any) => f.key), ['logistics.receptions', 'logistics.reception_budget', 'logistics.checklists', 'logistics.trips', 'logistics.kilometres']);
      assert.ok(figures[0].value >= 2 && figures[1].value >= 4080 && figures[2].value >= 1, JSON.stringify(figures));
      for (const f of figures) {
        const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=200`);
        assert.equal(list.status, 200, JSON.stringify(list.body));
        if (f.list.sum) assert.equal(list.body.items.reduce((n: number, i: any) => n + (i[f.list.sum] ?? 0), 0), f.value, `rows behind ${f.key}`);
        else assert.equal(list.body.total, f.value, `list behind ${f.key}`);
      }
      assert.deepEqual((await committee.get(`/api/figures?from=${from}&to=${to}&modules=logistics`)).body.groups, [], 'no figures for those who do not read all');
    });

    test('the demo year has the article\'s figures: 24 receptions, 200余 activities with logistics, about 500 trips', async () => {
      const F = logisticsSeedFigures;
      const r = await office.get(`/api/figures?year=${F.year}&modules=logistics`);
      const v = Object.fromEntries((r.body.groups.find((g: any) => g.module === 'logistics')?.figures ?? []).map((f: any) => [f.key, f.value]));
      assert.equal(v['logistics.receptions'], 24);
      assert.equal(v['logistics.checklists'], F.checklists);
      assert.ok(F.checklists > 200);
      assert.equal(v['logistics.trips'], 500);
      assert.ok(v['logistics.kilometres'] > 500 * 12);
      // the demo fleet was never booked twice
      const trips = await office.get(`/api/figures?year=${F.year}&modules=logistics`);
      assert.equal(trips.status, 200);
      const { logisticsDb } = await import('../server/tables.ts');
      const rows = await logisticsDb(s.zx.ctx.db).selectFrom('logistics_trips').select(['vehicle_id', 'driver_id', 'starts_at', 'ends_at']).where('state', '=', 'done').orderBy('starts_at').execute();
      for (const key of ['vehicle_id', 'driver_id'] as const) {
        const lastEnd = new Map<string, string>();
        for (const t of rows) {
          const prev = lastEnd.get(t[key] as string);
          assert.ok(!prev || prev <= t.starts_at, `${key} ${t[key]} double-booked at ${t.starts_at}`);
          lastEnd.set(t[key] as string, t.ends_at);
        }
      }
    });
  });
}
