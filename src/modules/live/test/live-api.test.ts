// The 网络议政 API through the real server on SQLite and PostgreSQL: a host creates and opens a session; a member, a
// department and the public take part; the public cannot post as a member, see the queue or vote twice; the host
// approves and rejects held contributions and routes a question that the department answers; votes give opinion
// groups; the stream replays what a reconnecting client missed; bad input is a 4xx naming the field; the figures agree
// with their lists; the report is a Word file.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { anonymous, type Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { liveRuntime } from '../server/routes.ts';
import { openRoomStream, type RoomStream } from './room-stream.ts';

for (const d of await dialects()) {
  describe(`网络议政 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let host: Client, member: Client, other: Client, unit: Client, unit2: Client, county: Client, sysadmin: Client;
    let anon: ReturnType<typeof anonymous>;
    let session: any;
    let unitId: string;
    const streams: RoomStream[] = [];
    const port = () => (s.app.server.address() as AddressInfo).port;
    const pub = (token: string) => ({
      get: (url: string) => anon.request('GET', url, undefined, { 'x-live-token': token }),
      post: (url: string, body: unknown) => anon.request('POST', url, body, { 'x-live-token': token }),
    });
    const settle = () => liveRuntime(s.zx.ctx)!.regrouper.settle();

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      await s.app.listen({ port: 0, host: '127.0.0.1' });
      [host, member, other, unit, unit2, county] = await Promise.all(['committee', 'member', 'm0001', 'unit', 'unit2', 'county'].map((u) => s.login(u)));
      sysadmin = await s.login('sysadmin');
      anon = anonymous(s.app);
      unitId = (await s.zx.ctx.db.selectFrom('users').select('org_id').where('username', '=', 'unit').executeTakeFirstOrThrow()).org_id;
    });
    after(async () => { for (const x of streams) x.close(); await s?.close(); });

    test('a host creates a session; bad input is a 400 naming the field; others may not create', async () => {
      const now = clock.nowMs();
      const good = { title: '优化公交线网网络议政', topic: '围绕公交线路调整、站点设置征求意见。', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3 * 3600_000).toISOString(), responderUnitIds: [unitId], publicAccess: 'link', moderatePublic: true };
      const noTitle = await host.post('/api/live/sessions', { ...good, title: undefined });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /议政主题/);
      const backwards = await host.post('/api/live/sessions', { ...good, closesAt: good.opensAt });
      assert.equal(backwards.body.error.field, 'closesAt');
      const badUnit = await host.post('/api/live/sessions', { ...good, responderUnitIds: ['nope'] });
      assert.equal(badUnit.status, 400);
      assert.equal(badUnit.body.error.field, 'responderUnitIds');
      assert.equal((await member.post('/api/live/sessions', good)).status, 403);
      assert.equal((await sysadmin.get('/api/live/sessions')).status, 403);

      const created = await host.post('/api/live/sessions', good);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      session = created.body;
      assert.equal(session.state, 'preparing');
      assert.deepEqual(session.actions.map((a: any) => a.name), ['open']);
      assert.ok(session.publicKey, 'the host gets the public link');
      assert.equal(session.responderUnits[0].id, unitId);
      const seen = await member.get(`/api/live/sessions/${session.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.publicKey, null, 'a member does not get the public link');
      assert.equal((await county.get(`/api/live/sessions/${session.id}`)).status, 404, 'another CPPCC sees nothing');
      assert.equal((await unit2.get(`/api/live/sessions/${session.id}/room`)).status, 404, 'a department not invited is not in the room');
    });

    test('a host adds background materials (the attachments module); participants see them, others may not add', async () => {
      const form = new FormData();
      form.append('file', new Blob(['老旧小区改造背景材料'], { type: 'text/plain' }), '背景材料.txt');
      const up = await s.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: host.cookie, 'x-csrf-token': host.csrf }, payload: form as never });
      assert.equal(up.statusCode, 201, up.payload);
      const attId = JSON.parse(up.payload).id;
      assert.equal((await member.post(`/api/live/sessions/${session.id}/materials`, { attachmentIds: [attId] })).status, 403);
      assert.equal((await host.post(`/api/live/sessions/${session.id}/materials`, { attachmentIds: [] })).body.error.field, 'attachmentIds');
      assert.equal((await host.post(`/api/live/sessions/${session.id}/materials`, { attachmentIds: [attId] })).status, 204);
      const room = await member.get(`/api/live/sessions/${session.id}/room`);
      assert.deepEqual(room.body.materials.map((m: any) => m.filename), ['背景材料.txt']);
      assert.equal((await member.get(`/api/attachments/${attId}`)).status, 200, 'a participant downloads it');
      assert.equal((await county.get(`/api/attachments/${attId}`)).status, 404, 'another CPPCC does not');
    });

    test('nobody posts before the session opens; a stale version is a 409; the host opens it', async () => {
      const early = await member.post(`/api/live/sessions/${session.id}/contributions`, { body: '提前发言' });
      assert.equal(early.status, 409);
      const stale = await host.post(`/api/live/sessions/${session.id}/transitions`, { action: 'open', version: session.version + 5, input: {} });
      assert.equal(stale.status, 409);
      assert.equal((await member.post(`/api/live/sessions/${session.id}/transitions`, { action: 'open', version: session.version, input: {} })).status, 403);
      const opened = await host.post(`/api/live/sessions/${session.id}/transitions`, { action: 'open', version: session.version, input: {} });
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      assert.equal(opened.body.state, 'open');
      session = opened.body;
    });

    let token = '';
    let heldId = '';
    test('the public joins by the link; cannot post as a member; its contribution waits; it cannot see the queue; HTML stays text', async () => {
      const info = await anon.get(`/api/live/public/${session.publicKey}`);
      assert.equal(info.status, 200);
      assert.equal(info.body.sessionId, session.id);
      assert.equal((await anon.get('/api/live/public/not-a-real-key-0000000')).status, 404);
      const joined = await anon.post(`/api/live/public/${session.publicKey}/join`, {});
      assert.equal(joined.status, 200, JSON.stringify(joined.body));
      token = joined.body.token;
      assert.match(joined.body.name, /^网友\d{4}$/);
      assert.equal((await anon.get(`/api/live/sessions/${session.id}/room`)).status, 401, 'no token, no sign-in: no room');
      assert.equal((await anon.request('GET', `/api/live/sessions/${session.id}/room`, undefined, { 'x-live-token': 'forged' })).status, 401);

      const posted = await pub(token).post(`/api/live/sessions/${session.id}/contributions`, { body: '<script>alert(1)</script>站点太远', role: 'member', kind: 'comment' });
      assert.equal(posted.status, 201, JSON.stringify(posted.body));
      assert.equal(posted.body.role, 'public', 'the role comes from the token, not the body');
      assert.equal(posted.body.roleLabel, '网友');
      assert.equal(posted.body.status, 'pending');
      assert.equal(posted.body.body, '<script>alert(1)</script>站点太远', 'stored as the text it is; the page shows it as text');
      heldId = posted.body.id;
      const answer = await pub(token).post(`/api/live/sessions/${session.id}/contributions`, { kind: 'answer', body: '我来答', replyTo: heldId });
      assert.equal(answer.status, 403, 'the public cannot answer as a department');
      const room = await pub(token).get(`/api/live/sessions/${session.id}/room`);
      assert.equal(room.status, 200);
      assert.equal(room.body.me.role, 'public');
      assert.deepEqual(room.body.queue, [], 'the public does not see the moderation queue');
      assert.equal(room.body.contributions.find((c: any) => c.id === heldId)?.mine, true, 'the author sees their own held contribution');
      const memberRoom = await member.get(`/api/live/sessions/${session.id}/room`);
      assert.equal(memberRoom.body.contributions.some((c: any) => c.id === heldId), false, 'others do not see it yet');
      assert.deepEqual(memberRoom.body.queue, []);
      const hostRoom = await host.get(`/api/live/sessions/${session.id}/room`);
      assert.equal(hostRoom.body.me.role, 'host');
      assert.ok(hostRoom.body.queue.some((c: any) => c.id === heldId), 'the host sees it in the queue');
      assert.equal((await pub(token).post(`/api/live/sessions/${session.id}/contributions/${heldId}/moderation`, { version: 1, decision: 'approve' })).status, 403);
    });

    test('the stream pushes the approval to members and the public; a reconnecting client gets what it missed by Last-Event-ID', async () => {
      const m = await openRoomStream(port(), session.id, { cookie: member.cookie });
      const p = await openRoomStream(port(), session.id, { token });
      const h = await openRoomStream(port(), session.id, { cookie: host.cookie });
      streams.push(m, p, h);
      assert.equal(m.status, 200);
      const refused = await openRoomStream(port(), session.id, { cookie: county.cookie });
      assert.equal(refused.status, 404);

      const noReason = await host.post(`/api/live/sessions/${session.id}/contributions/${heldId}/moderation`, { version: 1, decision: 'reject' });
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'reason');
      const ok = await host.post(`/api/live/sessions/${session.id}/contributions/${heldId}/moderation`, { version: 1, decision: 'approve' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const seenByMember = await m.next((e) => e.event === 'contribution' && e.data.id === heldId);
      await p.next((e) => e.event === 'contribution' && e.data.id === heldId);
      await h.next((e) => e.event === 'moderated' && e.data.id === heldId);
      assert.equal(m.events.some((e) => e.event === 'moderated' || e.event === 'pending'), false, 'queue events go to hosts only');
      assert.equal((await host.post(`/api/live/sessions/${session.id}/contributions/${heldId}/moderation`, { version: 1, decision: 'approve' })).status, 409);

      // a rejected one with a sensitive word: held even for a member, then rejected with a reason
      const flagged = await member.post(`/api/live/sessions/${session.id}/contributions`, { body: '有人在站台代开发票' });
      assert.equal(flagged.body.status, 'pending');
      assert.deepEqual(flagged.body.flaggedWords, ['代开发票']);
      const rej = await host.post(`/api/live/sessions/${session.id}/contributions/${flagged.body.id}/moderation`, { version: 1, decision: 'reject', reason: '含有广告信息' });
      assert.equal(rej.body.status, 'rejected');
      assert.equal(rej.body.rejectReason, '含有广告信息');

      // the member's connection drops; two contributions are made; reconnecting with the last id it saw brings them
      m.close();
      const a1 = await other.post(`/api/live/sessions/${session.id}/contributions`, { body: '建议在医院门口增设站点' });
      const a2 = await other.post(`/api/live/sessions/${session.id}/contributions`, { body: '建议延长末班车时间' });
      assert.equal(a1.status, 201);
      const again = await openRoomStream(port(), session.id, { cookie: member.cookie, lastEventId: seenByMember.id });
      streams.push(again);
      await again.next((e) => e.data?.id === a2.body.id);
      const ids = again.events.filter((e) => e.event === 'contribution').map((e) => e.data.id);
      assert.deepEqual(ids, [a1.body.id, a2.body.id], 'exactly the missed contributions, in order');
      assert.ok(again.events.every((e) => e.id > seenByMember.id));
      assert.equal(again.events.some((e) => e.event === 'pending'), false, 'the replay leaves out hosts-only events');
    });

    test('a question routed to the department is answered in the room; unanswered ones are listed', async () => {
      const q1 = await member.post(`/api/live/sessions/${session.id}/contributions`, { kind: 'question', body: '新线路何时开通？' });
      const q2 = await member.post(`/api/live/sessions/${session.id}/contributions`, { kind: 'question', body: '票价会调整吗？' });
      assert.equal(q1.status, 201);
      const notRouted = await unit.post(`/api/live/sessions/${session.id}/contributions`, { kind: 'answer', body: '下月开通', replyTo: q1.body.id });
      assert.equal(notRouted.status, 403, 'a department answers only what is routed to it');
      const badUnit = await host.post(`/api/live/sessions/${session.id}/contributions/${q1.body.id}/route`, { version: 1, unitId: 'elsewhere' });
      assert.equal(badUnit.body.error.field, 'unitId');
      const routed = await host.post(`/api/live/sessions/${session.id}/contributions/${q1.body.id}/route`, { version: 1, unitId });
      assert.equal(routed.status, 200, JSON.stringify(routed.body));
      assert.equal(routed.body.routedUnitId, unitId);
      const ans = await unit.post(`/api/live/sessions/${session.id}/contributions`, { kind: 'answer', body: '新线路计划下月开通。', replyTo: q1.body.id });
      assert.equal(ans.status, 201, JSON.stringify(ans.body));
      assert.equal(ans.body.role, 'department');
      assert.equal(ans.body.roleLabel, '部门');
      assert.equal(ans.body.status, 'published');
      const un = await host.get(`/api/live/sessions/${session.id}/unanswered`);
      assert.deepEqual(un.body.items.map((x: any) => x.id), [q2.body.id]);
      assert.equal((await pub(token).get(`/api/live/sessions/${session.id}/unanswered`)).status, 403);

      // published contributions are found by the cross-module search, by people of the CPPCC only
      await s.zx.ctx.events.drain();
      const found = await member.get(`/api/text/search?q=${encodeURIComponent('新线路')}`);
      assert.equal(found.status, 200, JSON.stringify(found.body));
      const hits = found.body.items.filter((i: any) => i.source === 'live_contribution').map((i: any) => i.refId);
      assert.ok(hits.includes(ans.body.id) && hits.includes(q1.body.id), JSON.stringify(found.body.items));
      const elsewhere = await county.get(`/api/text/search?q=${encodeURIComponent('新线路')}`);
      assert.equal(elsewhere.body.items.some((i: any) => i.source === 'live_contribution'), false, 'another CPPCC finds nothing');
    });

    test('votes count once per person (retries and other tabs replace, not add); groups form off the request path', async () => {
      const st: string[] = [];
      for (const body of ['应在医院门口增设公交站', '应取消低客流线路', '应延长末班车', '票价应保持不变']) {
        const r = await host.post(`/api/live/sessions/${session.id}/statements`, { body });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        st.push(r.body.id);
      }
      assert.equal((await member.post(`/api/live/sessions/${session.id}/statements`, { body: '代开发票服务' })).body.error?.field, 'body');
      const badVote = await member.post(`/api/live/sessions/${session.id}/votes`, { statementId: st[0], choice: 'maybe' });
      assert.equal(badVote.status, 400);
      assert.equal(badVote.body.error.field, 'choice');
      assert.equal((await member.post(`/api/live/sessions/${session.id}/votes`, { statementId: 'nope', choice: 'agree' })).body.error.field, 'statementId');
      // the same public participant votes three times on the first statement, twice at once
      const v = pub(token);
      await Promise.all([v.post(`/api/live/sessions/${session.id}/votes`, { statementId: st[0], choice: 'agree' }), v.post(`/api/live/sessions/${session.id}/votes`, { statementId: st[0], choice: 'agree' })]);
      await v.post(`/api/live/sessions/${session.id}/votes`, { statementId: st[0], choice: 'disagree' });
      let room = await v.get(`/api/live/sessions/${session.id}/room`);
      const first = room.body.statements.find((x: any) => x.id === st[0]);
      assert.deepEqual([first.agree, first.disagree, first.myVote], [0, 1, 'disagree'], 'one vote, the last one');

      // two camps: eight public participants; four agree with statements 0 and 2, the others with 1 and 3
      for (let i = 0; i < 8; i++) {
        const t = (await anon.post(`/api/live/public/${session.publicKey}/join`, {})).body.token;
        for (let j = 0; j < 4; j++) {
          const agree = (i < 4) === (j % 2 === 0);
          const r = await pub(t).post(`/api/live/sessions/${session.id}/votes`, { statementId: st[j], choice: agree ? 'agree' : 'disagree' });
          assert.equal(r.status, 200);
        }
      }
      await settle();
      room = await member.request('GET', `/api/live/sessions/${session.id}/room`);
      assert.equal(room.body.groups.groups.length, 2, JSON.stringify(room.body.groups));
      assert.deepEqual(room.body.groups.groups.map((g: any) => g.size).sort(), [4, 4]);
      for (const g of room.body.groups.groups) assert.ok(g.label.length > 0 && g.statements.length > 0);
      const total = room.body.statements.reduce((n: number, x: any) => n + x.agree + x.disagree + x.pass, 0);
      assert.equal(total, 33, 'every vote once: 1 + 8 × 4');
      // regroupings may run while the votes come in; the one after the last vote carries every vote
      const groupsEvent = await streams[2].next((e) => e.event === 'groups' && e.data.votes === 33);
      assert.equal(groupsEvent.data.groups.length, 2);
      assert.deepEqual(groupsEvent.data.tallies[st[0]], { agree: 4, disagree: 5, pass: 0 }, 'the tallies come with the groups');
    });

    test('a consultation meeting hosts a session: its page lists the sessions linked to it, and only those', async () => {
      const city = (await s.zx.ctx.db.selectFrom('users').select('tenant_id').where('username', '=', 'committee').executeTakeFirstOrThrow()).tenant_id;
      // two meetings other than the one the demo's session ran beside (below)
      const meetings = await s.zx.ctx.db.selectFrom('consultations').select('id').where('tenant_id', '=', city).where('planned_on', '!=', '2025-09-10').orderBy('id').limit(2).execute();
      assert.equal(meetings.length, 2, 'the demo has consultation meetings');
      const now = clock.nowMs();
      const hosted = await host.post('/api/live/sessions', { title: '老旧小区改造对口协商网络议政', topic: '与对口协商会同步', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), consultationId: meetings[0].id });
      assert.equal(hosted.status, 201, JSON.stringify(hosted.body));
      const of = async (c: Client, consultationId: string) => {
        const r = await c.get(`/api/live/sessions?consultationId=${consultationId}&pageSize=20`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body.items.map((x: any) => x.id);
      };
      assert.deepEqual(await of(host, meetings[0].id), [hosted.body.id]);
      assert.deepEqual(await of(member, meetings[0].id), [hosted.body.id], 'a member sees the meeting\'s session too');
      assert.deepEqual(await of(host, meetings[1].id), [], 'another meeting hosts none');
      assert.deepEqual(await of(county, meetings[0].id), [], 'another CPPCC sees nothing');
      assert.equal((await host.get('/api/live/sessions?consultationId=')).status, 400);
      // the demo's 对口协商 on old compounds (2025-09-10) hosted that day's session, as in the article
      const renovation = await s.zx.ctx.db.selectFrom('consultations').select('id').where('tenant_id', '=', city).where('planned_on', '=', '2025-09-10').where('form', '=', 'counterpart').executeTakeFirstOrThrow();
      const itsSessions = (await host.get(`/api/live/sessions?consultationId=${renovation.id}`)).body.items;
      assert.equal(itsSessions.length, 1);
      assert.match(itsSessions[0].title, /老旧小区/);
      assert.equal(itsSessions[0].state, 'archived');
    });

    test('phone verification: the code goes through the SMS adapter; a wrong code is a 400 naming it; the same phone is the same participant', async () => {
      const now = clock.nowMs();
      const phoneSession = (await host.post('/api/live/sessions', { title: '手机验证议政', topic: '验证', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), publicAccess: 'phone' })).body;
      const key = phoneSession.publicKey;
      const noPhone = await anon.post(`/api/live/public/${key}/join`, {});
      assert.equal(noPhone.body.error.field, 'phone');
      assert.equal((await anon.post(`/api/live/public/${key}/code`, { phone: '123' })).body.error.field, 'phone');
      const logged: string[] = [];
      const info = s.zx.ctx.log.info;
      s.zx.ctx.log.info = (...a: unknown[]) => { logged.push(a.map(String).join(' ')); };
      try {
        assert.equal((await anon.post(`/api/live/public/${key}/code`, { phone: '13800138000' })).status, 202);
      } finally { s.zx.ctx.log.info = info; }
      const code = logged.join('\n').match(/验证码为 (\d{6})/)?.[1];
      assert.ok(code, 'the demo SMS adapter writes the code to the log');
      const wrong = await anon.post(`/api/live/public/${key}/join`, { phone: '13800138000', code: code === '000000' ? '111111' : '000000' });
      assert.equal(wrong.body.error.field, 'code');
      const ok = await anon.post(`/api/live/public/${key}/join`, { phone: '13800138000', code });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const reused = await anon.post(`/api/live/public/${key}/join`, { phone: '13800138000', code });
      assert.equal(reused.body.error.field, 'code', 'a code is used once');
    });

    test('closing and archiving; the report is Word; the figures agree with their lists', async () => {
      const cur = (await host.get(`/api/live/sessions/${session.id}`)).body;
      const closed = await host.post(`/api/live/sessions/${session.id}/transitions`, { action: 'close', version: cur.version, input: {} });
      assert.equal(closed.body.state, 'closed');
      assert.equal((await member.post(`/api/live/sessions/${session.id}/contributions`, { body: '会后发言' })).status, 409);
      const doc = await host.request('GET', `/api/live/sessions/${session.id}/report.docx`);
      assert.equal(doc.status, 200);
      assert.match(String(doc.headers['content-type']), /wordprocessingml/);
      const day = clock.today();
      const figs = await host.get(`/api/figures?from=${day}&to=${day}&modules=live`);
      assert.equal(figs.status, 200, JSON.stringify(figs.body));
      const office = await s.login('office');
      const officeFigs = (await office.get(`/api/figures?from=${day}&to=${day}&modules=live`)).body;
      const list = (officeFigs.groups ?? []).flatMap((g: any) => g.figures);
      const held = list.find((f: any) => f.key === 'live.held');
      assert.ok(held && held.value >= 1, JSON.stringify(officeFigs));
      const rows = await office.get(`${held.list.api}?${new URLSearchParams({ ...held.list.query, pageSize: '200' })}`);
      assert.equal(rows.body.total, held.value);
      for (const f of list.filter((x: any) => x.list?.sum)) {
        const sum = rows.body.items.reduce((n: number, r: any) => n + Number(r[f.list.sum]), 0);
        assert.equal(sum, f.value, f.key);
      }
      assert.equal(list.find((f: any) => f.key === 'live.answered').value >= 1, true);
    });
  });
}
