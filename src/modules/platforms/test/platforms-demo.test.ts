// The demo reproduces the seed article's 2025 有事来商量 figures: 2,311 platforms, 1,402 consultations held and 513
// results implemented in the 2025 working year, for the city over its counties, each figure opening a list of exactly
// that many rows, the counties adding up to the city, and a county's staff seeing their county only.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { platformSeedFigures as F } from '../server/seed.ts';

for (const d of await dialects()) {
  describe(`有事来商量 demo figures (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, countyplat: Client, countyplat2: Client, convener: Client;
    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, countyplat, countyplat2, convener] = await Promise.all(['office', 'countyplat', 'countyplat2', 'county'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const listTotal = async (c: Client, f: any) => {
      const r = await c.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.total as number;
    };

    test('the city\'s 2025 figures are the article\'s, each equal to its list', async () => {
      const r = await office.get(`/api/figures?year=${F.year}&modules=platforms`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups.find((g: any) => g.module === 'platforms').figures;
      const v = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
      assert.equal(v['platforms.platforms'], F.platforms);
      assert.equal(v['platforms.activities'], F.activities);
      assert.equal(v['platforms.implemented'], F.implemented);
      assert.ok(v['platforms.results'] >= F.implemented, 'results handed over in the year');
      for (const f of figures) assert.equal(await listTotal(office, f), f.value, f.key);
    });

    test('the overview by county adds up to the city, and every county figure equals its list', async () => {
      const ov = (await office.get(`/api/platforms/overview?year=${F.year}`)).body;
      assert.equal(ov.counties.length, 12);
      assert.deepEqual(ov.total.map((f: any) => f.value).filter((_: number, i: number) => i !== 2), [F.platforms, F.activities, F.implemented]);
      for (let i = 0; i < 4; i++) assert.equal(ov.counties.reduce((n: number, c: any) => n + c.figures[i].value, 0), ov.total[i].value, ov.total[i].key);
      assert.ok(ov.counties.every((c: any) => c.figures[0].value > 50 && c.figures[1].value > 0 && c.figures[3].value > 0), 'every county has a share');
      for (const c of ov.counties.slice(0, 3)) for (const f of c.figures) assert.equal(await listTotal(office, f), f.value, `${c.countyName} ${f.key}`);

      const own = (await countyplat.get(`/api/platforms/overview?year=${F.year}`)).body;
      assert.deepEqual(own.counties.map((c: any) => c.countyName), ['潞州区政协']);
      const mine = ov.counties.find((c: any) => c.countyName === '潞州区政协');
      assert.deepEqual(own.counties[0].figures.map((f: any) => f.value), mine.figures.map((f: any) => f.value));
      const figs = (await countyplat.get(`/api/figures?year=${F.year}&modules=platforms`)).body.groups[0].figures;
      assert.deepEqual(figs.map((f: any) => f.value), mine.figures.map((f: any) => f.value), 'a county\'s figures are its own county\'s');
      for (const f of figs) assert.equal(await listTotal(countyplat, f), f.value, f.key);
    });

    test('a county\'s staff never see another county\'s platforms; the demo convener sees theirs', async () => {
      const other = (await countyplat2.get('/api/platforms?pageSize=1')).body.items[0];
      assert.ok(other);
      assert.equal((await countyplat.get(`/api/platforms/${other.id}`)).status, 404);
      assert.equal((await countyplat.get(`/api/platforms?county=${other.countyId}`)).status, 403);
      const list = (await countyplat.get('/api/platforms?pageSize=100')).body;
      assert.ok(list.items.every((p: any) => p.countyName === '潞州区政协'));
      const mine = (await convener.get('/api/platforms?mine=true')).body;
      assert.equal(mine.total, 1);
      const p = (await convener.get(`/api/platforms/${mine.items[0].id}`)).body;
      assert.equal(p.canRecord, true);
      assert.ok(p.activityTotal >= 1);
    });
  });
}
