// An app instance killed during a 网络议政 session (PostgreSQL, Redis): instance A runs in a child process and is
// killed with SIGKILL (no close, no cleanup, as a crash) while a member's and a 网友's room streams are open on it. A
// vote and a contribution acknowledged by A just before the kill are kept (the vote counted once although the client
// sends it again to B); the contributions, the question and the statement made on B while the clients are away, and
// the new tallies of votes cast then, reach both clients when they reconnect to B with their last event id, each once.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { login, type Client } from '../../../../test/support/http.ts';
import { REDIS_URL, skipUnless } from '../../../../test/support/services.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { liveDb } from '../server/tables.ts';
import { openRoomStream, type RoomEvent, type RoomStream } from './room-stream.ts';
import { spawnInstance } from './spawn-instance.ts';

const skip = (await skipUnless('pg')) || (await skipUnless('redis'));

/** A plain HTTP request to an instance (not in-process), as a browser sends it. */
async function call(port: number, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Wait until the stream has ended (the instance behind it is gone). */
function ended(s: RoomStream, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the stream did not end after the kill')), ms);
    s.onEnd(() => { clearTimeout(t); resolve(); });
  });
}

describe('网络议政: an instance killed during a session (PostgreSQL, Redis)', { skip }, () => {
  let b: StartedApp;
  let a: { child: ChildProcess; port: number } | undefined;
  const streams: RoomStream[] = [];

  before(async () => {
    b = await startApp('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent-web-dist', outboxPollMs: 200 } });
    await b.zx.app.listen({ port: 0, host: '127.0.0.1' });
    a = await spawnInstance(b.config);
  });
  after(async () => {
    for (const s of streams) s.close();
    if (a && a.child.exitCode === null && a.child.signalCode === null) a.child.kill('SIGKILL');
    await b?.close();
  });

  test('the clients continue on the other instance and miss nothing; an acknowledged vote counts once', { timeout: 120_000 }, async () => {
    const portA = a!.port;
    const portB = (b.zx.app.server.address() as AddressInfo).port;
    const pw = b.account('member').password;
    const host: Client = await login(b.zx.app, 'committee', b.account('committee').password);
    const member: Client = await login(b.zx.app, 'member', pw);
    const other: Client = await login(b.zx.app, 'm0002', pw);
    const now = clock.nowMs();
    const created = await host.post('/api/live/sessions', {
      title: '老旧小区改造网络议政', topic: '加装电梯与停车', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString(),
      publicAccess: 'link', moderatePublic: false,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const s = created.body;
    const opened = await host.post(`/api/live/sessions/${s.id}/transitions`, { action: 'open', version: s.version, input: {} });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const st1 = await host.post(`/api/live/sessions/${s.id}/statements`, { body: '老旧小区应优先加装电梯' });
    assert.equal(st1.status, 201, JSON.stringify(st1.body));
    const joined = await call(portB, 'POST', `/api/live/public/${s.publicKey}/join`, {}, {});
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    const token = joined.body.token as string;

    // both clients watch the room on A; a contribution made on B reaches them there (through Redis)
    const memberOnA = await openRoomStream(portA, s.id, { cookie: member.cookie });
    const publicOnA = await openRoomStream(portA, s.id, { token });
    streams.push(memberOnA, publicOnA);
    assert.equal(memberOnA.status, 200);
    assert.equal(publicOnA.status, 200);
    const first = await other.post(`/api/live/sessions/${s.id}/contributions`, { body: '建议加装电梯费用按楼层分摊' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    for (const c of [memberOnA, publicOnA]) await c.next((e) => e.event === 'contribution' && e.data.id === first.body.id, 10_000);

    // just before the crash: A acknowledges the 网友's vote and the member's contribution, then dies
    const memberHeaders = { cookie: member.cookie, 'x-csrf-token': member.csrf };
    const vote = await call(portA, 'POST', `/api/live/sessions/${s.id}/votes`, { 'x-live-token': token }, { statementId: st1.body.id, choice: 'agree' });
    assert.equal(vote.status, 200, JSON.stringify(vote.body));
    const lastWords = await call(portA, 'POST', `/api/live/sessions/${s.id}/contributions`, memberHeaders, { body: '建议同步改造小区停车位' });
    assert.equal(lastWords.status, 201, JSON.stringify(lastWords.body));
    const lastSeen = new Map([[memberOnA, memberOnA.events.at(-1)!.id], [publicOnA, publicOnA.events.at(-1)!.id]]);
    const gone = Promise.all([ended(memberOnA), ended(publicOnA)]);
    a!.child.kill('SIGKILL');
    await gone;

    // the gap: the clients are away; on B a comment, a 网友's question, a statement, and votes
    const gapComment = await other.post(`/api/live/sessions/${s.id}/contributions`, { body: '楼下住户的采光问题也要考虑' });
    const gapQuestion = await call(portB, 'POST', `/api/live/sessions/${s.id}/contributions`, { 'x-live-token': token }, { kind: 'question', body: '加装电梯的补贴标准是多少？' });
    const st2 = await host.post(`/api/live/sessions/${s.id}/statements`, { body: '停车位改造应与电梯同步施工' });
    for (const r of [gapComment, gapQuestion, st2]) assert.equal(r.status, 201, JSON.stringify(r.body));
    // the 网友 does not know whether A kept the vote and sends it again, now to B; the member votes too
    const retried = await call(portB, 'POST', `/api/live/sessions/${s.id}/votes`, { 'x-live-token': token }, { statementId: st1.body.id, choice: 'agree' });
    const memberVote = await member.post(`/api/live/sessions/${s.id}/votes`, { statementId: st1.body.id, choice: 'disagree' });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(memberVote.status, 200, JSON.stringify(memberVote.body));

    // back, on B, each with the id it last saw
    const memberOnB = await openRoomStream(portB, s.id, { cookie: member.cookie, lastEventId: lastSeen.get(memberOnA) });
    const publicOnB = await openRoomStream(portB, s.id, { token, lastEventId: lastSeen.get(publicOnA) });
    streams.push(memberOnB, publicOnB);
    const tallied = (e: RoomEvent) => e.event === 'groups' && e.data.tallies?.[st1.body.id]?.agree === 1 && e.data.tallies?.[st1.body.id]?.disagree === 1;
    for (const [before, back] of [[memberOnA, memberOnB], [publicOnA, publicOnB]] as const) {
      // the contribution A acknowledged last reached the client before the crash or comes in the replay
      for (const id of [lastWords.body.id, gapComment.body.id, gapQuestion.body.id]) {
        const is = (e: RoomEvent) => e.event === 'contribution' && e.data.id === id;
        if (!before.events.some(is)) await back.next(is, 10_000);
      }
      await back.next((e) => e.event === 'statement' && e.data.id === st2.body.id, 10_000);
      // the votes of the gap: the regrouping's tallies, the vote A acknowledged and its retry counted once
      await back.next(tallied, 15_000);
    }
    // what A sent but did not mark delivered before it died is sent again by B once A's hold lapses (at least once)
    const deadline = clock.nowMs() + 40_000;
    const pending = () => sql<{ n: number }>`select count(*) as n from outbox where delivered_at is null and type = 'live.stream'`.execute(b.zx.ctx.db).then((r) => Number(r.rows[0].n));
    while ((await pending()) > 0 && clock.nowMs() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.equal(await pending(), 0, 'the outbox did not drain');
    await new Promise((r) => setTimeout(r, 500));
    for (const [before, back] of [[memberOnA, memberOnB], [publicOnA, publicOnB]] as const) {
      // nothing twice: the numbers seen before the crash and after the reconnect are all different and in order
      const seqs = [...before.events, ...back.events].map((e) => e.id);
      assert.deepEqual(seqs, [...new Set(seqs)].sort((x, y) => x - y), `event numbers seen: ${seqs.join(',')}`);
      const contributions = [...before.events, ...back.events].filter((e) => e.event === 'contribution').map((e) => e.data.id);
      assert.deepEqual(contributions, [first.body.id, lastWords.body.id, gapComment.body.id, gapQuestion.body.id]);
    }
    const rows = await liveDb(b.zx.ctx.db).selectFrom('live_votes').select(['participant_id', 'value']).where('statement_id', '=', st1.body.id).execute();
    assert.equal(rows.length, 2, JSON.stringify(rows));
    const room = (await member.get(`/api/live/sessions/${s.id}/room`)).body;
    const counted = room.statements.find((x: { id: string }) => x.id === st1.body.id);
    assert.deepEqual([counted.agree, counted.disagree, counted.pass], [1, 1, 0]);
  });
});
