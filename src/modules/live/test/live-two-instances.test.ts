// Two app instances on one PostgreSQL database with Redis between them: a contribution posted on A reaches a room
// stream open on B (and one on A); a vote on B and one on A for the same person count once; a client that reconnects
// to the other instance with its last event id gets what it missed there.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { login, type Client } from '../../../../test/support/http.ts';
import { REDIS_URL, skipUnless } from '../../../../test/support/services.ts';
import { liveDb } from '../server/tables.ts';
import { openRoomStream, type RoomStream } from './room-stream.ts';

const skip = (await skipUnless('pg')) || (await skipUnless('redis'));

describe('网络议政 across two instances (PostgreSQL, Redis)', { skip }, () => {
  let a: StartedApp;
  let b: Zhengxie;
  let sessionId = '';
  const streams: RoomStream[] = [];
  const port = (zx: Zhengxie) => (zx.app.server.address() as AddressInfo).port;

  before(async () => {
    a = await startApp('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent-web-dist' } });
    b = await buildApp(a.config);
    await a.zx.app.listen({ port: 0, host: '127.0.0.1' });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    // the seed's open session
    sessionId = (await liveDb(a.zx.ctx.db).selectFrom('live_sessions').select('id').where('state', '=', 'open').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    for (const s of streams) s.close();
    await b?.close();
    await a?.close();
  });

  test('a contribution made on A reaches stream clients on B and on A; a reconnect on the other instance replays', async () => {
    const pw = a.account('member').password;
    const onB: Client = await login(b.app, 'm0002', pw);
    const onA: Client = await login(a.zx.app, 'member', pw);
    const sb = await openRoomStream(port(b), sessionId, { cookie: onB.cookie });
    const sa = await openRoomStream(port(a.zx), sessionId, { cookie: onB.cookie });
    streams.push(sb, sa);
    assert.equal(sb.status, 200);
    const posted = await onA.post(`/api/live/sessions/${sessionId}/contributions`, { body: '建议在老城区试点错时共享停车' });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const got = await sb.next((e) => e.event === 'contribution' && e.data.id === posted.body.id, 8000);
    await sa.next((e) => e.event === 'contribution' && e.data.id === posted.body.id, 8000);

    // B's client drops; a second contribution is made on A; the client comes back on A with the id it last saw
    sb.close();
    const second = await onA.post(`/api/live/sessions/${sessionId}/contributions`, { body: '建议新建立体停车库' });
    const back = await openRoomStream(port(a.zx), sessionId, { cookie: onB.cookie, lastEventId: got.id });
    streams.push(back);
    await back.next((e) => e.data?.id === second.body.id, 8000);
    assert.deepEqual(back.events.filter((e) => e.event === 'contribution').map((e) => e.data.id), [second.body.id]);
  });

  test('one person voting on both instances at once is counted once', async () => {
    const pw = a.account('member').password;
    const onA = await login(a.zx.app, 'leader', pw);
    const onB = await login(b.app, 'leader', pw);
    const room = await onA.get(`/api/live/sessions/${sessionId}/room`);
    const st = room.body.statements[0];
    const before = st.agree + st.disagree + st.pass;
    const results = await Promise.all([
      onA.post(`/api/live/sessions/${sessionId}/votes`, { statementId: st.id, choice: 'agree' }),
      onB.post(`/api/live/sessions/${sessionId}/votes`, { statementId: st.id, choice: 'agree' }),
      onB.post(`/api/live/sessions/${sessionId}/votes`, { statementId: st.id, choice: 'agree' }),
    ]);
    for (const r of results) assert.equal(r.status, 200, JSON.stringify(r.body));
    const after = (await onB.get(`/api/live/sessions/${sessionId}/room`)).body.statements.find((x: any) => x.id === st.id);
    assert.equal(after.agree + after.disagree + after.pass, before + 1);
    assert.equal(after.myVote, 'agree');
  });
});
