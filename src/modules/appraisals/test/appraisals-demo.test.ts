// The 民主评议 demo data on SQLite and PostgreSQL: the 整改 items of the two appraisals reach the tracker through the
// event the product sends on 交办整改 (never written by the appraisals seed into the tracker's tables): one part per
// item, named after the appraisal and linking back to it, due 20 working days from the day sent, and worked through by the tracker's own commands; the figures are those the demo had when the parts were rows
// (5 整改 items, 2 done, one reply awaiting assessment, one request for more time), save the one owed since 2025, which
// is now overdue by its real due date.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { DEMO_APPRAISALS } from '../server/seed.ts';

for (const d of await dialects()) {
  describe(`民主评议 demo data reaches the tracker by event (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client;
    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      office = await s.login('office');
    });
    after(async () => { await s?.close(); });

    test('each appraisal\'s 整改 items are tracked as the product tracks them, and the figures agree', async () => {
      const cal = s.zx.ctx.calendar;
      const all = (await office.get('/api/recommendations?sourceType=appraisal&pageSize=50')).body;
      assert.equal(all.total, DEMO_APPRAISALS.reduce((n, a) => n + a.rectifications.length, 0));
      const states: string[] = [];
      for (const a of [...DEMO_APPRAISALS].sort((x, y) => x.sentOn.localeCompare(y.sentOn))) {
        const parts = all.items.filter((i: any) => i.sourceTitle === `${a.title}整改意见`)
          .sort((x: any, y: any) => Number(x.itemKey) - Number(y.itemKey));
        assert.deepEqual(parts.map((p: any) => p.text), a.rectifications, a.title);
        for (const p of parts) {
          const det = (await office.get(`/api/recommendations/${p.id}`)).body;
          assert.equal(det.sourceModule, 'appraisals', 'sent by the appraisals module');
          assert.equal(det.sourceLink, `/appraisals/${encodeURIComponent(a.id)}`);
          assert.equal(det.unitName, a.unit);
          // the first reply due 20 working days after the day sent (unless the office set the next one)
          if (det.state !== 'in_progress') assert.equal(det.dueDate, cal.addWorkingDays(a.sentOn, 20), p.text);
          states.push(det.extension ? `${det.state}+${det.extension.state}` : det.state);
        }
      }
      assert.deepEqual(states, ['implemented', 'implemented', 'in_progress', 'answered', 'pending+requested']);

      const figs = (await office.get('/api/figures?from=2025-01-01&to=2025-12-31&modules=recommendations,appraisals')).body.groups.flatMap((g: any) => g.figures);
      const value = (k: string) => figs.find((f: any) => f.key === k)?.value;
      assert.deepEqual(
        ['appraisals.rectifications', 'appraisals.rectified', 'recommendations.source.appraisal', 'recommendations.received', 'recommendations.answered', 'recommendations.implemented', 'recommendations.overdue'].map(value),
        [5, 2, 5, 70, 57, 29, 9],
      );
      const board = (await office.get('/api/recommendations/board')).body;
      assert.deepEqual([board.open, board.overdue, board.awaitingAssessment, board.extensionRequests], [35, 9, 8, 1]);
      assert.deepEqual(board.bySource.find((b: any) => b.code === 'appraisal'), { code: 'appraisal', label: '民主评议', open: 3, overdue: 1, query: { open: 'true', sourceType: 'appraisal' } });
      // each of these opens exactly its rows
      const listed = (await office.get('/api/recommendations?open=true&sourceType=appraisal&pageSize=50')).body;
      assert.equal(listed.total, 3);
    });
  });
}
