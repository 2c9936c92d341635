// The demo data reproduces the seed article's 2025 investigations and inspections, on SQLite and PostgreSQL: the
// 浊漳河 视察 with 5 problems and 23 recommendations in 6 aspects, the 物业管理 and 农村养老 调研 with 10 problems and 33
// recommendations between them and the leaders' instructions, the 营商环境 调研 with recommendations in 6 aspects; the
// year's figures agree with them and with their lists, and the demo member finds the inspection in 我的履职.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import JSZip from 'jszip';

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

    test('the trips\' recommendations reached the tracker as sent: departments, deadlines from the day sent, progress and the later 批示', async () => {
      const list = (await office.get(`${API}?year=2025&pageSize=50`)).body;
      const river = list.items.find((i: any) => i.title.includes('浊漳河'));
      const parts = (await office.get(`/api/recommendations?sourceId=${river.id}&pageSize=100`)).body;
      assert.equal(parts.total, 23, 'the 23 recommendations, one department each');
      assert.equal(new Set(parts.items.map((p: any) => p.itemKey)).size, 23);
      assert.ok(new Set(parts.items.map((p: any) => p.unitName)).size >= 5);
      assert.ok(parts.items.every((p: any) => p.sourceType === 'inspection' && p.hasInstruction && p.dueDate && p.createdAt.startsWith('2025-06-20')), 'handed over on the day the report was sent');
      const states = new Set(parts.items.map((p: any) => p.state));
      for (const s of ['pending', 'answered', 'in_progress', 'implemented', 'not_implemented']) assert.ok(states.has(s), s);
      const detail = (await office.get(`/api/recommendations/${parts.items[0].id}`)).body;
      assert.equal(detail.sourceModule, 'inspections');
      assert.equal(detail.sourceLink, `/inspections/${river.id}`);
      assert.deepEqual(detail.instructions.map((i: any) => [i.by, i.onDate]), [['市委主要领导', '2025-07-02']]);
      // every trip's recommendations, 62 of them, are on the tracker under the trips' own ids
      let total = 0;
      for (const t of list.items) total += new Set((await office.get(`/api/recommendations?sourceId=${t.id}&pageSize=100`)).body.items.map((p: any) => p.itemKey)).size;
      assert.equal(total, 62);
    });

    test('the year\'s plan downloads as a Word document in the official layout', async () => {
      const res = await s.app.inject({ method: 'GET', url: `${API}/plan.docx?year=2025`, headers: { cookie: office.cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /wordprocessingml/);
      assert.match(String(res.headers['content-disposition']), /2025/);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      assert.ok(text.includes('2025年度调研视察工作计划'), text.slice(0, 200));
      assert.ok(text.includes('一、重点课题调研（3项）') && text.includes('二、专项视察（1项）'));
      assert.ok(text.includes('提升物业管理质量') && text.includes('人口资源环境委员会') && text.includes('潞州区、屯留区、襄垣县'));
      assert.ok(text.includes('十届主席会议'), 'the approving meetings');
      assert.ok(xml.includes('方正小标宋简体') && xml.includes('仿宋_GB2312'), 'the official fonts');
      assert.ok(Object.keys(zip.files).some((f) => f.startsWith('word/footer')), 'page numbers');
      const bad = await office.get(`${API}/plan.docx?year=19`);
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /年度/);
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
