// 选题参考目录 (topic guide) on SQLite and PostgreSQL: the office publishes, edits and withdraws topics; members read them
// and cite one in a proposal; the list and detail show the cited topic; each topic counts the proposals citing it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { stampSubmission } from '../domain/proposal-session.ts';

for (const d of await dialects()) {
  describe(`proposal topic guide (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, staff: Client, unit: Client, countyStaff: Client;
    let zhujianId: string;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, countyStaff] = await Promise.all(['member', 'proposal', 'unit', 'countystaff'].map((u) => s.login(u)));
      zhujianId = ((await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirst()) as any).id;
    });
    after(async () => { await s?.close(); });

    test('every signed-in user of the city reads the seeded guide of the current year, with the proposals citing each topic counted', async () => {
      const r = await member.get('/api/proposals/topics');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.items.length >= 5);
      assert.equal(r.body.canEdit, false);
      const t = r.body.items[0];
      assert.ok(t.title && t.area && t.description);
      assert.ok(Array.isArray(t.suggestedUnits));
      // the guide opens on the year a proposal submitted today counts toward (after the session cut-off, next year's)
      assert.equal(r.body.year, stampSubmission(clock.today()).year);
      // proposalCount is what the list holds for that topic (received proposals); the demo's current year cites the guide
      const cited = r.body.items.find((x: any) => x.proposalCount > 0);
      assert.ok(cited, 'demo proposals of the current year cite a topic');
      const behind = await staff.get(`/api/proposals?topicId=${cited.id}&stage=received&pageSize=100`);
      assert.equal(behind.body.total, cited.proposalCount, 'the count opens a list of as many proposals');
      assert.ok(behind.body.items.every((p: any) => p.topicId === cited.id && p.submittedAt));
      const last = await staff.get(`/api/proposals/topics?year=${r.body.year - 1}`);
      assert.equal(last.status, 200);
      assert.ok(last.body.items.length >= 5, 'last year\'s guide is kept');
      const db = s.zx.ctx.db;
      const n = await db.selectFrom('proposals').select((eb: any) => eb.fn.countAll().as('n')).where('topic_id', '=', cited.id).where('submitted_at', 'is not', null).executeTakeFirst() as any;
      assert.equal(cited.proposalCount, Number(n.n));
      assert.equal((await unit.get('/api/proposals/topics')).status, 200, 'a handling unit reads too');
      assert.equal((await staff.get('/api/proposals/topics')).body.canEdit, true);
      // a county reads its own (empty) guide, never the city's
      const county = await countyStaff.get(`/api/proposals/topics?year=${r.body.year}`);
      assert.equal(county.status, 200);
      assert.ok(!county.body.items.some((x: any) => x.id === t.id));
    });

    test('a draft withdrawn before it was submitted does not count for its topic; one withdrawn after submission does, as its list shows', async () => {
      const topic = (await staff.get('/api/proposals/topics')).body.items[2];
      const count = async () => (await staff.get('/api/proposals/topics')).body.items.find((x: any) => x.id === topic.id).proposalCount as number;
      const listed = async () => {
        // list pages are cached until the events of a change are delivered (after commit, from the outbox)
        await s.zx.ctx.events.drain();
        return (await staff.get(`/api/proposals?topicId=${topic.id}&stage=received&pageSize=100`)).body as { total: number; items: any[] };
      };
      const before = await count();
      assert.equal((await listed()).total, before);
      const draft = async (title: string) => {
        const r = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议', topicId: topic.id });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body;
      };
      const fireOk = async (id: string, action: string, version: number) => {
        const r = await member.post(`/api/proposals/${id}/transitions`, { action, version, input: {} });
        assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
        return r.body;
      };
      // withdrawn as a draft: never submitted, never counted
      const early = await draft('关于推广社区微更新的建议');
      const gone = await fireOk(early.id, 'withdraw', early.version);
      assert.equal(gone.state, 'withdrawn');
      assert.equal(await count(), before);
      assert.ok(!(await listed()).items.some((p) => p.id === early.id));
      // submitted, then withdrawn: it was received, so it counts and is listed
      const late = await draft('关于完善社区养老服务网络的建议');
      const sent = await fireOk(late.id, 'submit', late.version);
      await fireOk(late.id, 'withdraw', sent.version);
      assert.equal(await count(), before + 1);
      const list = await listed();
      assert.equal(list.total, before + 1);
      assert.ok(list.items.some((p) => p.id === late.id));
    });

    test('the office publishes, edits (409 on a stale version) and withdraws; a member may not; bad input names the field', async () => {
      const year = (await staff.get('/api/proposals/topics')).body.year;
      const denied = await member.post('/api/proposals/topics', { year, title: '关于数字政府建设', area: '政治建设' });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.error.code, 'FORBIDDEN');
      const empty = await staff.post('/api/proposals/topics', { year, title: '   ', area: '政治建设' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'VALIDATION_FAILED');
      assert.match(empty.body.error.message, /「选题标题」/);
      const noArea = await staff.post('/api/proposals/topics', { year, title: '推进数字政府建设' });
      assert.equal(noArea.status, 400);
      assert.match(noArea.body.error.message, /「所属领域」/);
      const badUnit = await staff.post('/api/proposals/topics', { year, title: '推进数字政府建设', area: '政治建设', suggestedUnitIds: ['nope'] });
      assert.equal(badUnit.status, 400);
      assert.match(badUnit.body.error.message, /「建议承办单位」/);
      const before = (await staff.get(`/api/proposals/topics?year=${year}`)).body.items.length;

      const created = await staff.post('/api/proposals/topics', { year, title: '推进数字政府建设', area: '政治建设', description: '一网通办、数据共享', suggestedUnitIds: [zhujianId] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.suggestedUnits, [{ id: zhujianId, name: '市住建局' }]);
      assert.equal(created.body.status, 'published');
      assert.equal((await member.get(`/api/proposals/topics?year=${year}`)).body.items.length, before + 1);

      const edited = await staff.patch(`/api/proposals/topics/${created.body.id}`, { version: created.body.version, description: '一网通办、数据共享和政务服务“高效办成一件事”' });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.version, created.body.version + 1);
      const stale = await staff.patch(`/api/proposals/topics/${created.body.id}`, { version: created.body.version, title: '旧版本上的修改' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await member.patch(`/api/proposals/topics/${created.body.id}`, { version: edited.body.version, title: '委员改题' })).status, 403);
      assert.equal((await countyStaff.patch(`/api/proposals/topics/${created.body.id}`, { version: edited.body.version, title: '县里改题' })).status, 404);
      const emptyEdit = await staff.patch(`/api/proposals/topics/${created.body.id}`, { version: edited.body.version, title: '' });
      assert.equal(emptyEdit.status, 400);
      assert.match(emptyEdit.body.error.message, /「选题标题」/);

      const withdrawn = await staff.patch(`/api/proposals/topics/${created.body.id}`, { version: edited.body.version, status: 'withdrawn' });
      assert.equal(withdrawn.status, 200);
      assert.equal(withdrawn.body.statusLabel, '已撤回');
      assert.ok(!(await member.get(`/api/proposals/topics?year=${year}`)).body.items.some((x: any) => x.id === created.body.id), 'withdrawn topics are no longer offered');
      assert.ok((await staff.get(`/api/proposals/topics?year=${year}&includeWithdrawn=true`)).body.items.some((x: any) => x.id === created.body.id));
      assert.equal((await member.get(`/api/proposals/topics?year=${year}&includeWithdrawn=true`)).status, 403);
      const cite = await member.post('/api/proposals', { title: '关于推进政务数据共享的建议', topicId: created.body.id });
      assert.equal(cite.status, 400);
      assert.match(cite.body.error.message, /「参考选题」/);
    });

    test('a proposal cites a topic: detail and list show it, renaming the topic follows, and the count moves on submission', async () => {
      const guide = (await member.get('/api/proposals/topics')).body;
      const topic = guide.items[0];
      const created = await member.post('/api/proposals', {
        title: '关于加快老旧小区加装电梯的建议', background: '老旧小区居民出行难', analysis: '资金分摊难', suggestions: '财政补贴与公积金提取', topicId: topic.id,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.topicId, topic.id);
      assert.equal(created.body.topicTitle, topic.title);
      const mine = (await member.get('/api/proposals?mine=true&state=draft&pageSize=50')).body.items.find((p: any) => p.id === created.body.id);
      assert.equal(mine.topicTitle, topic.title);
      // a draft does not count yet
      assert.equal((await member.get('/api/proposals/topics')).body.items.find((x: any) => x.id === topic.id).proposalCount, topic.proposalCount);
      const submitted = await member.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      assert.equal((await member.get('/api/proposals/topics')).body.items.find((x: any) => x.id === topic.id).proposalCount, topic.proposalCount + 1);

      const renamed = await staff.patch(`/api/proposals/topics/${topic.id}`, { version: topic.version, title: `${topic.title}（修订）` });
      assert.equal(renamed.status, 200);
      assert.equal((await member.get(`/api/proposals/${created.body.id}`)).body.topicTitle, `${topic.title}（修订）`);

      // citing an unknown topic, and clearing the topic on a draft
      const unknown = await member.post('/api/proposals', { title: '关于城市停车设施建设的建议', topicId: 'no-such-topic' });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.field, 'topicId');
      const draft = await member.post('/api/proposals', { title: '关于城市停车设施建设的建议', topicId: guide.items[1].id });
      const cleared = await member.patch(`/api/proposals/${draft.body.id}`, { version: draft.body.version, topicId: null });
      assert.equal(cleared.status, 200);
      assert.equal(cleared.body.topicId, null);
      assert.equal(cleared.body.topicTitle, null);
    });
  });
}
