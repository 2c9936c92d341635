// Handling units report social conditions (承办单位 as 报送单位), on SQLite and PostgreSQL: a unit's clerk submits, the
// report is credited to the unit, the clerk sees their own reports and nobody else's, the unit's leader does not submit,
// and the year-end ranking ranks the unit among the 报送单位 rather than the clerk among members and informants.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { makeReport } from './factories.ts';
import { workYearOf } from '../../../kernel/universal/work-year.ts';

for (const d of await dialects()) {
  describe(`handling units submit 社情民意 reports (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    before(async () => { w = await startWorld(d.kind); });
    after(async () => { await w?.close(); });

    test('a unit clerk submits a report credited to the unit and sees it among their own; other units and the unit leader do not', async () => {
      const unit = await w.as('unit');
      const me = (await unit.get('/api/auth/me')).body.user;
      assert.ok(me.permissions.includes('opinion.submit'), 'the clerk may submit');
      const made = await unit.post('/api/opinions', { title: '关于建筑工地夜间施工扰民的情况反映', body: '近期多个小区居民反映周边工地夜间施工噪声大，建议加强夜间施工审批和巡查。', urgent: false });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal(made.body.submitterOrgName, '市住建局', 'the unit is the 报送单位');
      assert.equal(made.body.submitterName, me.displayName);
      assert.deepEqual(made.body.actions.map((a: any) => a.name), ['withdraw']);

      const mine = await unit.get('/api/opinions?pageSize=50');
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.deepEqual(mine.body.items.map((r: any) => [r.id, r.submitterOrgName]), [[made.body.id, '市住建局']]);
      assert.equal(mine.body.total, 1);

      // another unit's clerk sees neither the report nor it in their list
      const unit2 = await w.as('unit2');
      assert.equal((await unit2.get(`/api/opinions/${made.body.id}`)).status, 404);
      assert.equal((await unit2.get('/api/opinions')).body.total, 0);
      // the unit's leader signs off replies; reporting is the clerk's
      const lead = await w.as('unitlead');
      const refused = await lead.post('/api/opinions', { title: '关于工地扬尘的情况反映', body: '部分工地扬尘治理措施落实不到位，建议加强检查。' });
      assert.equal(refused.status, 403);
      assert.equal((await lead.get('/api/opinions')).status, 403);

      // the editors' queue shows it with its unit, and the editors' 报送单位 filter finds it
      const editor = await w.as('editor');
      const queue = await editor.get('/api/opinions?state=submitted&pageSize=50');
      assert.equal(queue.body.items.find((r: any) => r.id === made.body.id)?.submitterOrgName, '市住建局');
      const facets = await editor.get('/api/opinions/facets?state=submitted');
      const housing = facets.body.units.find((u: any) => u.name === '市住建局');
      assert.equal(housing?.count, 1);
      assert.deepEqual((await editor.get(`/api/opinions?orgId=${housing.id}`)).body.items.map((r: any) => r.id), [made.body.id]);
    });

    test('a returned report goes back to the clerk, who revises and resubmits it', async () => {
      const r = await makeReport(w, 'returned', { submitter: 'unit', title: '关于物业服务收费不透明的情况反映' });
      assert.deepEqual(r.detail.actions.map((a: any) => a.name).sort(), ['resubmit', 'withdraw']);
      const unit = await w.as('unit');
      const again = await unit.post(`/api/opinions/${r.id}/transitions`, { action: 'resubmit', version: r.detail.version, input: {} });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.state, 'submitted');
    });

    test('the year-end ranking credits the unit as a 报送单位, not the clerk among members and informants', async () => {
      await makeReport(w, 'accepted', { submitter: 'unit', title: '关于老旧小区燃气管道改造的情况反映' });
      const year = workYearOf(chinaToday()).year;
      const ranking = await (await w.as('editor')).get(`/api/opinions/ranking?year=${year}`);
      assert.equal(ranking.status, 200, JSON.stringify(ranking.body));
      const housing = ranking.body.units.find((u: any) => u.name === '市住建局');
      assert.ok(housing, JSON.stringify(ranking.body.units));
      assert.equal(housing.kindLabel, '承办单位');
      assert.ok(housing.submitted >= 1 && housing.accepted >= 1);
      const clerk = (await (await w.as('unit')).get('/api/auth/me')).body.user.displayName;
      assert.ok(!ranking.body.submitters.some((s: any) => s.name === clerk), 'the clerk is not ranked as a person');
    });
  });
}
