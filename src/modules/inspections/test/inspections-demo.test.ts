// The demo data reproduces the seed article's 2025 investigations and inspections, on SQLite and PostgreSQL: the
// 浊漳河 视察 with 5 problems and 23 recommendations in 6 aspects, the 物业管理 and 农村养老 调研 with 10 problems and 33
// recommendations between them and the leaders' instructions, the 营商环境 调研 with recommendations in 6 aspects; the
// year's figures agree with them and with their lists, and the demo member finds the inspection in 我的履职.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';

const API = '/api/supervision/inspections';

for (const d of await dialects()) {
  describe(`调研视察 demo data (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, member: Client;
    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, member] = await Promise.all(['office', 'member'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('the article\'s trips with their reports, problems, recommendations and instructions', async () => {
      const list = (await office.get(`${API}?year=2025&pageSize=50`)).body;
      assert.equal(list.total, 4);
      const byTitle = (part: string) => list.items.find((i: any) => i.title.includes(part));
      const river = byTitle('浊漳河');
      assert.deepEqual([river.kind, river.problemCount, river.recommendationCount, river.state], ['inspection', 5, 23, 'sent']);
      const housing = byTitle('物业管理');
      const care = byTitle('农村养老');
      assert.equal(housing.problemCount + care.problemCount, 10);
      assert.equal(housing.recommendationCount + care.recommendationCount, 33);
      assert.equal(byTitle('营商环境').recommendationCount, 6);
      const detail = (await office.get(`${API}/${river.id}`)).body;
      assert.equal(detail.report.no, 2, 'two drafts kept');
      assert.equal(new Set(detail.report.recommendations.map((r: any) => r.unitNames[0])).size >= 5, true);
      assert.ok(detail.participants.some((p: any) => p.signedInAt));
      assert.equal((await office.get(`${API}/${housing.id}/report/versions`)).body.total, 2);
    });

    test('the 2025 figures agree with the trips and with the lists they open', async () => {
      const figs = (await office.get('/api/figures?from=2025-01-01&to=2025-12-31&modules=inspections')).body.groups[0].figures;
      const v = Object.fromEntries(figs.map((f: any) => [f.key.replace('inspections.', ''), f.value]));
      assert.deepEqual([v.investigations_held, v.inspections_held, v.reports_sent, v.problems, v.recommendations, v.instructions], [3, 1, 4, 15, 62, 3]);
      assert.ok(v.participations > 40, String(v.participations));
      for (const f of figs) {
        const l = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
        assert.equal(l.body.total, f.value, f.key);
      }
      const memberId = String((await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'member').executeTakeFirstOrThrow()).id);
      const mine = (await member.get(`/api/figures?from=2025-01-01&to=2025-12-31&modules=inspections&userId=${memberId}`)).body;
      const took = mine.groups[0]?.figures.find((f: any) => f.key === 'inspections.member.took_part');
      assert.equal(took?.value, 1, 'the demo member signed in to the 浊漳河 视察');
    });
  });
}
