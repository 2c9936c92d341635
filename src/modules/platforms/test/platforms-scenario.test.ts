// A year of grassroots consultation driven through the API on SQLite and PostgreSQL: two counties register platforms,
// conveners and staff record consultations (some last year) with their results, results are implemented and
// evaluated; then the year's figures (the city's, each county's) and the by-county overview are compared with the
// scenario's own tally, and each figure with its list.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { platformBody, startPlatformsWorld, type PlatformsWorld } from './world.ts';

type Tally = { platforms: number; activities: number; results: number; implemented: number };

for (const d of await dialects()) {
  describe(`有事来商量: a year of activities (${d.kind})`, { skip: d.skip }, () => {
    let w: PlatformsWorld;
    before(async () => { w = await startPlatformsWorld(d.kind); });
    after(async () => { await w?.close(); });

    test('the figures and the overview equal the scenario\'s tally', async () => {
      const [plat1, plat2, conv1, conv2, office] = await Promise.all(['plat1', 'plat2', 'conv1', 'conv2', 'office'].map((u) => w.as(u)));
      const { year, from, to } = (await office.get('/api/platforms/overview')).body;
      const today = clock.today();
      const tally: Record<string, Tally> = { [w.ids.countyId]: { platforms: 0, activities: 0, results: 0, implemented: 0 }, [w.county2Id]: { platforms: 0, activities: 0, results: 0, implemented: 0 } };
      const inYear = (day: string) => day >= from && day <= to;

      // the registry: four platforms in 潞州区 (two convened by members), three in 上党区
      const platforms: Array<{ id: string; county: string; by: Client }> = [];
      for (const [i, c] of [[0, plat1], [1, plat1], [2, plat1], [3, plat1], [4, plat2], [5, plat2], [6, plat2]] as const) {
        const convener = i === 0 ? w.convenerIds.conv1 : i === 1 ? w.convenerIds.conv2 : undefined;
        const r = await c.post('/api/platforms', platformBody(`第${i % 2}镇`, `第${i}村`, { establishedOn: addDays(from, -400), ...(convener ? { convenerUserId: convener } : {}) }));
        assert.equal(r.status, 201, JSON.stringify(r.body));
        const county = c === plat1 ? w.ids.countyId : w.county2Id;
        tally[county].platforms++;
        platforms.push({ id: r.body.id, county, by: i === 0 ? conv1 : i === 1 ? conv2 : c });
      }

      // consultations through the year (and two in the year before), results handed over with each
      const open: Array<{ id: string; version: number; by: Client; county: string }> = [];
      const first = from > addDays(today, -200) ? from : addDays(today, -200);
      const days = Math.max(0, (Date.parse(today) - Date.parse(first)) / 86_400_000);
      for (let k = 0; k < 24; k++) {
        const p = platforms[k % platforms.length];
        const heldOn = k < 2 ? addDays(from, -5 - k) : addDays(first, Math.floor((days * k) / 24));
        const n = k % 3;
        const r = await p.by.post(`/api/platforms/${p.id}/activities`, {
          heldOn, topic: `第${k}次协商`, membersCount: 1 + (k % 2), residentsCount: 5 + k, minutes: '协商纪要',
          results: Array.from({ length: n }, (_, j) => ({ content: `成果${k}-${j}`, responsibleBody: '村民委员会', dueDate: addDays(heldOn, 30) })),
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        if (inYear(heldOn)) { tally[p.county].activities++; tally[p.county].results += n; }
        const a = r.body.activities.find((x: any) => x.topic === `第${k}次协商`);
        for (const res of a.results) open.push({ id: res.id, version: res.version, by: p.by, county: p.county });
      }

      // two results of every three are implemented today, half of those evaluated
      for (const [i, res] of open.entries()) {
        if (i % 3 === 2) continue;
        const r = await res.by.post(`/api/platforms/results/${res.id}/transitions`, { action: 'implement', version: res.version, input: { feedback: '已落实' } });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        if (inYear(today)) tally[res.county].implemented++;
        if (i % 2 === 0) assert.equal((await res.by.post(`/api/platforms/results/${res.id}/transitions`, { action: 'evaluate', version: r.body.version, input: { evaluation: 'satisfied' } })).status, 200);
      }

      const values = (figures: any[]) => figures.map((f) => f.value);
      const asList = (t: Tally) => [t.platforms, t.activities, t.results, t.implemented];
      const sum = asList(tally[w.ids.countyId]).map((v, i) => v + asList(tally[w.county2Id])[i]);
      const figuresOf = async (c: Client) => (await c.get(`/api/figures?year=${year}&modules=platforms`)).body.groups[0].figures;

      const city = await figuresOf(office);
      assert.deepEqual(values(city), sum, 'the city');
      assert.deepEqual(values(await figuresOf(plat1)), asList(tally[w.ids.countyId]), '潞州区');
      assert.deepEqual(values(await figuresOf(plat2)), asList(tally[w.county2Id]), '上党区');
      for (const f of city) {
        const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(list.body.total, f.value, f.key);
      }
      const ov = (await office.get(`/api/platforms/overview?year=${year}`)).body;
      for (const county of [w.ids.countyId, w.county2Id]) {
        assert.deepEqual(values(ov.counties.find((c: any) => c.countyId === county).figures), asList(tally[county]), county);
      }
      assert.deepEqual(values(ov.total), sum);
    });
  });
}
