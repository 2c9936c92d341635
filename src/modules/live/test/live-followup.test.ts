// 网络议政 after the session and for the public, through the real server on SQLite and PostgreSQL: the public downloads
// the background materials by the session's link (right name and type) only while the session is open to the public;
// a host turns chosen unanswered questions into tracked recommendations (建议落实) or a 社情民意 draft in one step,
// linked back to the session, once only; bad choices are a 4xx naming the field.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { drained } from '../../../../test/support/factories.ts';
import { anonymous, type Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { recommendationsRequestedEvent } from '../../recommendations/index.ts';
import { PROPOSAL_PREFILL_MAX } from '../server/commands.ts';

for (const d of await dialects()) {
  describe(`网络议政会后转办与公开材料 (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let host: Client, member: Client, unit: Client, office: Client;
    let anon: ReturnType<typeof anonymous>;
    let unitId: string, otherUnitId: string;
    let session: any;
    let attId = '';
    const q: Record<string, string> = {};

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [host, member, unit, office] = await Promise.all(['committee', 'member', 'unit', 'office'].map((u) => s.login(u)));
      anon = anonymous(s.app);
      unitId = (await s.zx.ctx.db.selectFrom('users').select('org_id').where('username', '=', 'unit').executeTakeFirstOrThrow()).org_id;
      otherUnitId = (await s.zx.ctx.db.selectFrom('users').select('org_id').where('username', '=', 'unit2').executeTakeFirstOrThrow()).org_id;
    });
    after(async () => { await s?.close(); });

    const upload = async (name: string, type: string, text: string) => {
      const form = new FormData();
      form.append('file', new Blob([text], { type }), name);
      const up = await s.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: host.cookie, 'x-csrf-token': host.csrf }, payload: form as never });
      assert.equal(up.statusCode, 201, up.payload);
      return JSON.parse(up.payload).id as string;
    };
    const fire = async (action: string) => {
      const cur = (await host.get(`/api/live/sessions/${session.id}`)).body;
      const r = await host.post(`/api/live/sessions/${session.id}/transitions`, { action, version: cur.version, input: {} });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      session = r.body;
    };

    test('the public downloads the materials of a public session by its link, with their names and types', async () => {
      const now = clock.nowMs();
      const created = await host.post('/api/live/sessions', {
        title: '社区养老服务网络议政', topic: '围绕社区养老服务设施建设征求意见。', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 2 * 3600_000).toISOString(),
        responderUnitIds: [unitId, otherUnitId], publicAccess: 'link', moderatePublic: false,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      session = created.body;
      attId = await upload('养老服务设施现状.txt', 'text/plain', '全市共有社区养老服务站 120 个。');
      assert.equal((await host.post(`/api/live/sessions/${session.id}/materials`, { attachmentIds: [attId] })).status, 204);

      const info = await anon.get(`/api/live/public/${session.publicKey}`);
      assert.equal(info.status, 200);
      assert.deepEqual(info.body.materials.map((m: any) => [m.filename, m.mime]), [['养老服务设施现状.txt', 'text/plain; charset=utf-8']]);
      const url = info.body.materials[0].url;
      assert.equal(url, `/api/live/public/${session.publicKey}/materials/${attId}`);
      const file = await anon.request('GET', url);
      assert.equal(file.status, 200);
      assert.match(String(file.headers['content-type']), /^text\/plain/);
      assert.equal(String(file.headers['content-disposition']), `attachment; filename="________.txt"; filename*=UTF-8''${encodeURIComponent('养老服务设施现状.txt')}`);
      assert.equal(file.body, '全市共有社区养老服务站 120 个。');
      assert.equal(String(file.headers['x-content-type-options']), 'nosniff');

      // a public participant in the room gets the same link; a signed-in participant the attachment
      const joined = await anon.post(`/api/live/public/${session.publicKey}/join`, {});
      const room = await anon.request('GET', `/api/live/sessions/${session.id}/room`, undefined, { 'x-live-token': joined.body.token });
      assert.deepEqual(room.body.materials.map((m: any) => m.url), [url]);
      assert.deepEqual((await member.get(`/api/live/sessions/${session.id}/room`)).body.materials.map((m: any) => m.url), [`/api/attachments/${attId}`]);

      // a file not of this session, or an unknown key, is not found
      const other = await upload('内部资料.txt', 'text/plain', '内部');
      assert.equal((await anon.request('GET', `/api/live/public/${session.publicKey}/materials/${other}`)).status, 404);
      assert.equal((await anon.request('GET', `/api/live/public/not-a-real-key-0000000/materials/${attId}`)).status, 404);
    });

    test('materials of a session not open to the public are not downloadable without signing in', async () => {
      const now = clock.nowMs();
      const closedDoors = (await host.post('/api/live/sessions', { title: '内部协商网络议政', topic: '仅委员参与。', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), publicAccess: 'none' })).body;
      const id = await upload('内部背景.txt', 'text/plain', '仅供委员参阅');
      assert.equal((await host.post(`/api/live/sessions/${closedDoors.id}/materials`, { attachmentIds: [id] })).status, 204);
      assert.equal(closedDoors.publicKey, null);
      const key = (await s.zx.ctx.db.selectFrom('live_sessions' as any).select('public_key').where('id', '=', closedDoors.id).executeTakeFirstOrThrow() as any).public_key;
      assert.equal((await anon.get(`/api/live/public/${key}`)).status, 404);
      assert.equal((await anon.request('GET', `/api/live/public/${key}/materials/${id}`)).status, 404);
      assert.equal((await anon.request('GET', `/api/attachments/${id}`)).status, 401);
    });

    test('during the session: questions, one answered; nothing can be sent on before the session closes', async () => {
      await fire('open');
      const ask = async (body: string, kind = 'question') => {
        const r = await member.post(`/api/live/sessions/${session.id}/contributions`, { kind, body });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body;
      };
      q.routed = (await ask('老年助餐点能否延伸到老旧小区？')).id;
      q.loose = (await ask('居家适老化改造补贴如何申请？')).id;
      q.answered = (await ask('社区养老服务站开放时间是多少？')).id;
      q.comment = (await ask('建议把养老服务站和社区卫生服务站合建。', 'comment')).id;
      for (const id of [q.routed, q.answered]) {
        const r = await host.post(`/api/live/sessions/${session.id}/contributions/${id}/route`, { version: 1, unitId });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      assert.equal((await unit.post(`/api/live/sessions/${session.id}/contributions`, { kind: 'answer', body: '每天 8:00 至 20:00。', replyTo: q.answered })).status, 201);
      const early = await host.post(`/api/live/sessions/${session.id}/followups`, { target: 'recommendation', contributionIds: [q.routed] });
      assert.equal(early.status, 409);
      assert.match(early.body.error.message, /议政结束后/);
      await fire('close');
    });

    test('a host turns unanswered questions into tracked recommendations in one step, linked back, once', async () => {
      const url = `/api/live/sessions/${session.id}/followups`;
      assert.equal((await member.post(url, { target: 'recommendation', contributionIds: [q.routed] })).status, 403, 'only the hosts');
      const none = await host.post(url, { target: 'recommendation', contributionIds: [] });
      assert.equal(none.status, 400);
      assert.equal(none.body.error.field, 'contributionIds');
      assert.match(none.body.error.message, /所选发言/);
      const answered = await host.post(url, { target: 'recommendation', contributionIds: [q.answered] });
      assert.equal(answered.status, 400);
      assert.equal(answered.body.error.field, 'contributionIds');
      const foreign = await host.post(url, { target: 'recommendation', contributionIds: ['no-such-item'] });
      assert.equal(foreign.body.error.field, 'contributionIds');
      const noUnit = await host.post(url, { target: 'recommendation', contributionIds: [q.routed, q.loose] });
      assert.equal(noUnit.status, 400);
      assert.equal(noUnit.body.error.field, 'unitId');
      assert.match(noUnit.body.error.message, /责任单位/);
      const badUnit = await host.post(url, { target: 'recommendation', contributionIds: [q.loose], unitId: 'elsewhere' });
      assert.equal(badUnit.body.error.field, 'unitId');
      const badDue = await host.post(url, { target: 'recommendation', contributionIds: [q.loose], unitId: otherUnitId, dueInWorkingDays: 0 });
      assert.equal(badDue.body.error.field, 'dueInWorkingDays');

      const sent = await host.post(url, { target: 'recommendation', contributionIds: [q.routed, q.loose], unitId: otherUnitId, dueInWorkingDays: 15 });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.deepEqual(sent.body.sent, [q.routed, q.loose]);
      assert.equal(sent.body.link, `/recommendations?sourceType=live&sourceId=${session.id}`);
      await drained(s.zx);
      const tracked = await office.get(`/api/recommendations?sourceType=live&sourceId=${session.id}&pageSize=50`);
      assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
      assert.equal(tracked.body.total, 2);
      const byUnit = Object.fromEntries(tracked.body.items.map((r: any) => [r.unitId, r]));
      assert.match(byUnit[unitId].text, /老年助餐点/, 'the routed question goes to the department it was routed to');
      assert.match(byUnit[otherUnitId].text, /适老化改造/, 'the other to the department named');
      assert.equal(byUnit[unitId].sourceTypeLabel, '网络议政');
      assert.equal(byUnit[unitId].sourceTitle, session.title);
      const detail = await office.get(`/api/recommendations/${byUnit[unitId].id}`);
      assert.equal(detail.body.sourceLink, `/live/${session.id}`, 'linked back to the session');

      // not twice: the same choice again is a 409, and the tracker holds two
      const again = await host.post(url, { target: 'recommendation', contributionIds: [q.routed, q.loose], unitId: otherUnitId });
      assert.equal(again.status, 409);
      const asOpinion = await host.post(url, { target: 'opinion', contributionIds: [q.routed] });
      assert.equal(asOpinion.status, 409, 'a question sent on once is not sent on again another way');
      await drained(s.zx);
      assert.equal((await office.get(`/api/recommendations?sourceType=live&sourceId=${session.id}`)).body.total, 2);
      const requests = await s.zx.ctx.db.selectFrom('outbox').select('entity_id').where('type', '=', recommendationsRequestedEvent).where('entity_id', '=', session.id).execute();
      assert.equal(requests.length, 1, 'one request to the tracker');

      const un = await host.get(`/api/live/sessions/${session.id}/unanswered`);
      const marks = Object.fromEntries(un.body.items.map((x: any) => [x.id, x.followup?.label ?? null]));
      assert.deepEqual(marks, { [q.routed]: '已转委员建议', [q.loose]: '已转委员建议' });
    });

    test('a host drafts one 社情民意 report from chosen contributions, opened on the 社情民意 submission page, once', async () => {
      const url = `/api/live/sessions/${session.id}/followups`;
      const short = await host.post(url, { target: 'opinion', contributionIds: [q.comment], title: '短' });
      assert.equal(short.body.error.field, 'title');
      const r = await host.post(url, { target: 'opinion', contributionIds: [q.comment], title: '关于养老服务站与卫生服务站合建的建议' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.sent, [q.comment]);
      assert.equal(r.body.draft.title, '关于养老服务站与卫生服务站合建的建议');
      assert.match(r.body.draft.body, /建议把养老服务站和社区卫生服务站合建/);
      assert.match(r.body.draft.body, new RegExp(`/live/${session.id}`), 'the draft names the session it came from');
      const link = new URL(r.body.draft.link, 'http://x');
      assert.equal(link.pathname, '/opinions/new');
      assert.equal(link.searchParams.get('title'), r.body.draft.title);
      assert.equal(link.searchParams.get('body'), r.body.draft.body);
      assert.equal((await host.post(url, { target: 'opinion', contributionIds: [q.comment] })).status, 409);
      const room = await host.get(`/api/live/sessions/${session.id}/room`);
      const c = room.body.contributions.find((x: any) => x.id === q.comment);
      assert.equal(c.followup.kind, 'opinion');
    });

    test('a member starts a proposal from an answered question (with the answer) or from the session, on the prefilled proposal form', async () => {
      const url = `/api/live/sessions/${session.id}/proposal-draft`;
      const r = await member.post(url, { contributionIds: [q.answered] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.title, `关于${session.title}的提案`);
      assert.match(r.body.background, /委员.*提问：社区养老服务站开放时间是多少？/);
      assert.match(r.body.background, /答复：每天 8:00 至 20:00。/, 'the answer goes with the question');
      assert.doesNotMatch(r.body.background, /老年助餐点/, 'only the question chosen');
      assert.match(r.body.background, new RegExp(`/live/${session.id}`), 'the background names the session it came from');
      const link = new URL(r.body.link, 'http://x');
      assert.equal(link.pathname, '/proposals/new');
      assert.equal(link.searchParams.get('title'), r.body.title);
      assert.equal(link.searchParams.get('background'), r.body.background);

      // the draft is a proposal's background as it stands: the member saves it as their own draft
      const saved = await member.post('/api/proposals', { title: '关于延长社区养老服务站开放时间的提案', type: 'individual', background: r.body.background, analysis: '部分老人反映晚间无处活动。', suggestions: '试点延长至 21:00。', isPublic: true });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      assert.equal(saved.body.background, r.body.background);

      // from the session: the topic, the participation, the questions answered
      const summary = await member.post(url, { title: '关于完善社区养老服务设施的提案' });
      assert.equal(summary.status, 200, JSON.stringify(summary.body));
      assert.equal(summary.body.title, '关于完善社区养老服务设施的提案');
      assert.match(summary.body.background, /议题：围绕社区养老服务设施建设征求意见。/);
      assert.match(summary.body.background, /有关部门答复提问 1 个/);
      assert.match(summary.body.background, /社区养老服务站开放时间是多少？[\s\S]*答复：每天 8:00 至 20:00。/);
      assert.ok(summary.body.background.length <= PROPOSAL_PREFILL_MAX);

      // bad choices name the field; a question not answered, or not of this session, is refused
      const unanswered = await member.post(url, { contributionIds: [q.routed] });
      assert.equal(unanswered.status, 400);
      assert.equal(unanswered.body.error.field, 'contributionIds');
      assert.match(unanswered.body.error.message, /所选提问/);
      assert.equal((await member.post(url, { contributionIds: ['no-such-item'] })).body.error.field, 'contributionIds');
      assert.equal((await member.post(url, { title: '短' })).body.error.field, 'title');
      // a department's account does not write proposals; the public neither; nor anyone outside the room
      assert.equal((await unit.post(url, { contributionIds: [q.answered] })).status, 403);
      const joined = await anon.post(`/api/live/public/${session.publicKey}/join`, {});
      assert.equal(joined.status, 200, JSON.stringify(joined.body));
      assert.equal((await anon.request('POST', url, { contributionIds: [q.answered] }, { 'x-live-token': joined.body.token })).status, 403);
      assert.equal((await anon.post(url, {})).status, 401);
    });
  });
}
