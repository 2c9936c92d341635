// 选题研判 (topic planning) through the API on SQLite and PostgreSQL: editors publish topics, submitters answer them,
// each topic counts its answers and how far they went; editing with a version (409), closing, and bad input naming the field.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { chinaToday, addDays } from '../../../kernel/universal/working-days.ts';

for (const d of await dialects()) {
  describe(`opinion topics (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, informant: Client, editor: Client, leader: Client, countyEditor: Client, county: Client, m3: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, informant, editor, leader, countyEditor, county, m3] = await Promise.all(['member', 'informant', 'editor', 'leader', 'countyeditor', 'county', 'm0003'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('the demo topics are listed with counts that equal the reports citing them', async () => {
      const list = await member.get('/api/opinions/topics?pageSize=50');
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.ok(list.body.total >= 3, `${list.body.total} demo topics`);
      const closed = list.body.items.filter((t: any) => t.status === 'closed');
      assert.ok(closed.length >= 2 && closed.every((t: any) => !t.canAnswer && !t.canEdit && t.statusLabel === '已结束'));
      const open = (await member.get('/api/opinions/topics?status=open')).body.items;
      assert.ok(open.length >= 1 && open.every((t: any) => t.status === 'open'));
      for (const t of list.body.items) {
        const detail = (await editor.get(`/api/opinions/topics/${t.id}`)).body;
        assert.equal(detail.reportsTotal, t.counts.answers, `answers of ${t.title}`);
        // every answer counted is a report that cites the topic and lies in its period
        for (const r of detail.reports) assert.ok(r.submittedAt.slice(0, 10) >= addDays(t.periodFrom, -1) && r.submittedAt.slice(0, 10) <= t.periodTo, r.submittedAt);
        const accepted = detail.reports.filter((r: any) => ['accepted', 'verified', 'compiled', 'reported'].includes(r.state)).length;
        if (detail.reportsTotal <= 200) assert.equal(t.counts.accepted, accepted, `accepted answers of ${t.title}`);
      }
      assert.ok(closed.some((t: any) => t.counts.answers > 0), 'demo reports answer the demo topics');
    });

    test('an editor publishes a topic, submitters answer it, counts follow the answers; closing stops answers; a stale version is 409', async () => {
      const today = chinaToday();
      // bad input names the field
      const noTitle = await editor.post('/api/opinions/topics', { description: '说明文字内容', periodFrom: today, periodTo: today });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /「选题标题」/);
      const badDay = await editor.post('/api/opinions/topics', { title: '关于城区停车难的选题', description: '说明文字内容', periodFrom: '2026/01/01', periodTo: today });
      assert.equal(badDay.status, 400);
      assert.equal(badDay.body.error.field, 'periodFrom');
      const backwards = await editor.post('/api/opinions/topics', { title: '关于城区停车难的选题', description: '说明文字内容', periodFrom: today, periodTo: addDays(today, -5) });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.field, 'periodTo');
      assert.equal((await member.post('/api/opinions/topics', { title: '委员自己发布的选题', description: '说明文字内容', periodFrom: today, periodTo: today })).status, 403);

      const made = await editor.post('/api/opinions/topics', { title: '城区停车难问题和对策', description: '请围绕老城区停车设施供给和管理反映情况、提出建议。', periodFrom: addDays(today, -1), periodTo: addDays(today, 30) });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      let topic = made.body;
      assert.deepEqual(topic.counts, { answers: 0, accepted: 0, adopted: 0, instructed: 0 });
      assert.equal(topic.canEdit, true);
      const seen = (await member.get('/api/opinions/topics?status=open&pageSize=50')).body.items.find((t: any) => t.id === topic.id);
      assert.equal(seen.canAnswer, true, 'offered to submitters while open');
      assert.equal(seen.canEdit, false);

      const a = await member.post('/api/opinions', { title: '关于老城区夜间共享停车的建议', body: '老城区停车位缺口大，建议推动机关单位夜间开放停车场。', topicId: topic.id });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.equal(a.body.topicId, topic.id);
      assert.equal(a.body.topic, '城区停车难问题和对策');
      const b = await informant.post('/api/opinions', { title: '关于医院周边停车秩序的建议', body: '医院周边违停严重，建议建设立体停车库并加强疏导。', topicId: topic.id });
      assert.equal(b.status, 201);
      const c = await m3.post('/api/opinions', { title: '关于小区停车收费的建议', body: '部分小区停车收费不透明，建议规范收费公示。' });
      assert.equal(c.body.topicId, null, 'a report need not answer a topic');
      const bogus = await m3.post('/api/opinions', { title: '关于小区停车收费的建议', body: '部分小区停车收费不透明，建议规范收费公示。', topicId: 'no-such-topic' });
      assert.equal(bogus.status, 400);
      assert.equal(bogus.body.error.field, 'topicId');
      assert.match(bogus.body.error.message, /「所答选题」/);

      let detail = (await editor.get(`/api/opinions/topics/${topic.id}`)).body;
      assert.deepEqual(detail.counts, { answers: 2, accepted: 0, adopted: 0, instructed: 0 });
      assert.deepEqual(detail.reports.map((r: any) => r.id).sort(), [a.body.id, b.body.id].sort());
      // one answer accepted and adopted, with an instruction
      let r = (await editor.post(`/api/opinions/${a.body.id}/transitions`, { action: 'accept', version: a.body.version })).body;
      r = (await editor.post(`/api/opinions/${r.id}/events`, { kind: 'adoption', adoptionType: 'single' })).body;
      assert.equal((await editor.post(`/api/opinions/${r.id}/events`, { kind: 'instruction', leaderLevel: 'city', text: '请市交通运输局研究。' })).status, 201);
      detail = (await leader.get(`/api/opinions/topics/${topic.id}`)).body;
      assert.deepEqual(detail.counts, { answers: 2, accepted: 1, adopted: 1, instructed: 1 });
      const listed = (await editor.get('/api/opinions/topics?pageSize=50')).body.items.find((t: any) => t.id === topic.id);
      assert.deepEqual(listed.counts, detail.counts, 'the list carries the same counts');

      // a submitter sees their own answers, and the counts of all
      const mine = (await member.get(`/api/opinions/topics/${topic.id}`)).body;
      assert.deepEqual(mine.reports.map((x: any) => x.id), [a.body.id]);
      assert.equal(mine.reportsTotal, 1);
      assert.equal(mine.counts.answers, 2);
      assert.equal((await countyEditor.get(`/api/opinions/topics/${topic.id}`)).status, 404, 'another CPPCC never sees it');
      const foreign = await countyEditor.post('/api/opinions', { title: '关于县城停车的建议', body: '县城停车位不足，建议统筹规划建设。', topicId: topic.id });
      assert.equal(foreign.status, 403, 'a county editor may not submit');
      const otherTenant = await county.post('/api/opinions', { title: '关于县城停车的建议', body: '县城停车位不足，建议统筹规划建设。', topicId: topic.id });
      assert.equal(otherTenant.status, 400, 'a county member cannot answer the city\'s topic');
      assert.equal(otherTenant.body.error.field, 'topicId');

      // edits carry the version; a stale one is a conflict
      const renamed = await editor.patch(`/api/opinions/topics/${topic.id}`, { version: topic.version, title: '城区停车难问题和对策建议' });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      const stale = await editor.patch(`/api/opinions/topics/${topic.id}`, { version: topic.version, status: 'closed' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await member.patch(`/api/opinions/topics/${topic.id}`, { version: renamed.body.version, status: 'closed' })).status, 403);
      const badStatus = await editor.patch(`/api/opinions/topics/${topic.id}`, { version: renamed.body.version, status: 'finished' });
      assert.equal(badStatus.status, 400);
      assert.equal(badStatus.body.error.field, 'status');
      topic = (await editor.patch(`/api/opinions/topics/${topic.id}`, { version: renamed.body.version, status: 'closed' })).body;
      assert.equal(topic.status, 'closed');
      assert.ok(topic.closedAt);
      assert.equal(topic.counts.answers, 2, 'answers stay with a closed topic');
      const late = await m3.post('/api/opinions', { title: '关于停车诱导系统建设的建议', body: '建议建设全市统一的停车诱导系统。', topicId: topic.id });
      assert.equal(late.status, 400);
      assert.equal(late.body.error.field, 'topicId');
      assert.match(late.body.error.message, /已结束征集/);
      assert.equal((await member.get('/api/opinions/topics?status=open&pageSize=50')).body.items.some((t: any) => t.id === topic.id), false);
    });
  });
}
