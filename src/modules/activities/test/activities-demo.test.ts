// The demo reproduces the seed article's 2025 figures for members' activities: 36 委员之家 held 108 activities with
// 1,021 member participations; 276 服务为民 activities, 2,000+ good deeds serving 44,000+ people; 40 study sessions,
// 6 lectures, 60 reading activities. Each figure equals its list; the counties and the homes add up to the city; the
// demo member, who convenes the first home, has an activity open for sign-up today and 2025 activities in 我的履职.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { activitySeedFigures as F } from '../server/seed.ts';

for (const d of await dialects()) {
  describe(`履职活动 demo figures (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, member: Client;
    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, member] = await Promise.all(['office', 'member'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('the 2025 figures are the article\'s, each equal to its list', async () => {
      const r = await office.get(`/api/figures?year=${F.year}&modules=activities`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups[0].figures;
      const v = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
      assert.deepEqual(
        [v['activities.kind_home'], v['activities.home_participations'], v['activities.kind_service'], v['activities.deeds'], v['activities.served'], v['activities.kind_study'], v['activities.kind_lecture'], v['activities.kind_reading']],
        [F.homeActivities, F.homeParticipations, F.serviceActivities, F.deeds, F.served, F.study, F.lectures, F.reading]);
      assert.ok(v['activities.deeds'] >= 2000 && v['activities.served'] >= 44_000, '2000余件, 4.4万余人次');
      for (const f of figures.filter((x: any) => !x.list.sum)) {
        const l = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(l.body.total, f.value, f.key);
      }
    });

    test('36 委员之家; the counties and the homes add up to the city', async () => {
      const st = (await office.get(`/api/activities/stats?year=${F.year}`)).body;
      assert.equal(st.homes, F.homes);
      const total = (fs: any[], k: string) => fs.find((f) => f.key === k).value;
      for (const k of ['activities.kind_home', 'activities.home_participations', 'activities.deeds', 'activities.served']) {
        assert.equal(st.byCounty.reduce((n: number, c: any) => n + total(c.figures, k), 0), total(st.totals, k), `${k} by county`);
      }
      assert.equal(st.byHome.reduce((n: number, h: any) => n + total(h.figures, 'activities.deeds'), 0), F.deeds);
      assert.equal((await office.get('/api/activities/homes')).body.total, F.homes);
    });

    test('the demo member convenes a home, has today\'s activity open, and sees 2025 in 我的履职', async () => {
      const o = (await member.get('/api/activities/options')).body;
      assert.equal(o.homes.length, 1, 'they convene one home');
      const open = (await member.get('/api/activities?state=open&mine=true')).body;
      assert.equal(open.total, 1);
      assert.equal(open.items[0].homeId, o.homes[0].id);
      const rec = (await member.get(`/api/members/me/record?year=${F.year}`)).body;
      const part = rec.figures.find((f: any) => f.key === 'activities.member.participations');
      assert.ok(part.value > 0, 'the convener took part in their home\'s activities');
      const list = await member.get(`${part.list.api}?${new URLSearchParams(part.list.query)}&pageSize=1`);
      assert.equal(list.body.total, part.value);
    });
  });
}
