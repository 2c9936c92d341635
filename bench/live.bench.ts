/**
 * 网络议政 at a city's scale, through the real app: two instances on one PostgreSQL database with Redis between them.
 *  (a) fan-out: N room subscribers (10,000; 400 with --quick) split over the two instances (A in a child process; B in
 *      this one, with all the clients: 10,000 connections do not fit one process's file descriptors twice); a
 *      contribution posted alternately on A and B reaches every subscriber: p50/p99 of post → frame received, against the
 *      same room with 100 subscribers measured first in the same run (baseline; GET /api/health p99 beside it); memory
 *      per 1,000 subscribers (heap and buffer growth of this process, which holds B's half and all the clients);
 *  (b) votes: public participants vote on statements over both instances at a fixed offered rate (2,000/s; 500 with
 *      --quick; an open-loop schedule, each vote's time counted from when it was due) while the subscribers stay
 *      connected, 10 % of votes sent twice (a retried request, on the other instance): achieved votes per second, p50/p99,
 *      and votes lost or double-counted (expected distinct (statement, participant) pairs − rows, and the room's tally);
 *      baseline: the same number of upserts straight through node-postgres, 50 at a time;
 *  (c) clustering: a planted 10,000 × 500 sparse matrix (2,000 × 100 with --quick; 50 votes per participant, 4 groups): seconds to
 *      regroup and the adjusted Rand index against the planted groups; baseline: tallying the same votes.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { execSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { clock } from '../src/kernel/universal/clock.ts';
import { spawnInstance } from '../src/modules/live/test/spawn-instance.ts';
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import { login } from '../test/support/http.ts';
import { REDIS_URL, skipUnless } from '../test/support/services.ts';
import { adjustedRandIndex, findOpinionGroups, plantedMatrix, tallyVotes } from '../src/modules/live/domain/opinion-groups.ts';
import { liveDb } from '../src/modules/live/server/tables.ts';
import { crashed, crashes, emit, note, quick, round, percentile } from './lib.ts';

const arg = (name: string) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? NaN);
const SUBSCRIBERS = Number.isFinite(arg('subscribers')) ? arg('subscribers') : quick ? 400 : 10_000;
const VOTERS = quick ? 200 : 2000;
const STATEMENTS = 10;
const POSTS = 5;
/** the fan-out's baseline in the same run: the same room with this many subscribers */
const BASE_SUBSCRIBERS = 100;
/** votes offered per second (open loop) */
const VOTE_RATE = Number.isFinite(arg('vote-rate')) ? arg('vote-rate') : quick ? 500 : 2000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request; a kept-alive socket the server closed meanwhile ("socket hang up", ECONNRESET) is tried again once. */
async function request(port: number, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: any }> {
  try { return await request1(port, method, path, headers, body); } catch (err) {
    if (!/socket hang up|ECONNRESET/.test(String(err))) throw err;
    return request1(port, method, path, headers, body);
  }
}

function request1(port: number, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(data ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => { try { resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }); } catch { resolve({ status: res.statusCode ?? 0, body: text }); } });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** A subscriber: calls `onFrame(contributionBody, at)` for each contribution frame. */
function subscribe(port: number, sessionId: string, cookie: string, onFrame: (text: string, at: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: `/api/live/sessions/${sessionId}/stream`, headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (frame.includes(': connected')) { resolve(req); continue; }
          if (frame.includes('event: contribution')) {
            const m = frame.match(/"body":"([^"]*)"/);
            if (m) onFrame(m[1], performance.now());
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('subscribe timed out')));
  });
}

async function run(jobs: Array<() => Promise<unknown>>, concurrency: number) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < jobs.length) await jobs[next++](); }));
}

/** Fire `n` jobs on a fixed schedule (one every `gapMs`), not waiting for answers; each one's time from when it was due. */
async function scheduled(n: number, gapMs: number, send: (i: number) => Promise<unknown>): Promise<{ times: number[]; wallMs: number }> {
  const times: number[] = new Array(n);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + i * gapMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i).then(() => { times[i] = performance.now() - due; }));
  }
  await Promise.all(pending);
  return { times, wallMs: performance.now() - start };
}

const load = () => os.loadavg().map((x) => round(x, 2));

async function roomBench() {
  const skip = (await skipUnless('pg')) || (await skipUnless('redis'));
  if (skip) {
    for (const name of ['live.fanout_p99_ms', 'live.mb_per_1000_subscribers', 'live.votes_per_s', 'live.votes_lost', 'live.votes_raw_insert_per_s']) emit({ name, skipped: skip });
    return;
  }
  let b: StartedApp | undefined;
  let a: { child: ChildProcess; port: number } | undefined;
  const subs: http.ClientRequest[] = [];
  try {
    // instance B in this process with the subscribers' client sockets, instance A in a child process: the two
    // server sides and the clients of 10,000 connections do not fit one process's file descriptors (ulimit -n)
    b = await startApp('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent-web-dist' } });
    await b.zx.app.listen({ port: 0, host: '127.0.0.1' });
    a = await spawnInstance(b.config);
    const ports = [a.port, (b.zx.app.server.address() as AddressInfo).port];
    note(`instances on ports ${ports.join(', ')}; file descriptors: ${fdLimit()}`);
    const host = await login(b.zx.app, 'committee', b.account('committee').password);
    const member = await login(b.zx.app, 'member', b.account('member').password);
    const now = clock.nowMs();
    const s = (await host.post('/api/live/sessions', { title: '压力测试议政', topic: '基准测试', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 3600_000).toISOString(), publicAccess: 'link', moderatePublic: false })).body;
    await host.post(`/api/live/sessions/${s.id}/transitions`, { action: 'open', version: s.version, input: {} });
    const statementIds: string[] = [];
    for (let j = 0; j < STATEMENTS; j++) statementIds.push((await host.post(`/api/live/sessions/${s.id}/statements`, { body: `基准测试观点第${j + 1}条` })).body.id);

    // baseline: GET /api/health round trips on the same instances
    const base: number[] = [];
    for (let i = 0; i < 200; i++) { const t0 = performance.now(); await request(ports[i % 2], 'GET', '/api/health', {}); base.push(performance.now() - t0); }

    const gc = async () => { for (let i = 0; i < 3; i++) { global.gc?.(); await new Promise((r) => setTimeout(r, 50)); } };
    await gc();
    const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.external + m.arrayBuffers; };
    const received = new Map<string, number[]>();
    const onFrame = (text: string, at: number) => { const l = received.get(text); if (l) l.push(at); };
    // in batches, a connection refused under the burst tried again
    const open = async (port: number) => {
      for (let attempt = 1; ; attempt++) {
        try { return await subscribe(port, s.id, member.cookie, onFrame); } catch (err) { if (attempt >= 5) throw err; await new Promise((r) => setTimeout(r, 200 * attempt)); }
      }
    };
    const openUpTo = async (n: number) => {
      for (let i = subs.length; i < n; i += 100) {
        subs.push(...await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, k) => open(ports[(i + k) % 2]))));
        if (i % 2000 === 0) note(`${i + 100} subscribers open`);
      }
    };
    let posted = 0;
    /** p50/p99 of post → frame at every open subscriber, over POSTS contributions posted alternately on A and B */
    const fanout = async () => {
      const latencies: number[] = [];
      for (let p = 0; p < POSTS; p++) {
        const text = `基准发言${posted++}`;
        received.set(text, []);
        const t0 = performance.now();
        const r = await request(ports[p % 2], 'POST', `/api/live/sessions/${s.id}/contributions`, { cookie: member.cookie, 'x-csrf-token': member.csrf }, { body: text });
        if (r.status !== 201) throw new Error(`post ${r.status} ${JSON.stringify(r.body)}`);
        const deadline = performance.now() + 30_000;
        while (received.get(text)!.length < subs.length && performance.now() < deadline) await new Promise((res) => setTimeout(res, 5));
        const got = received.get(text)!;
        if (got.length < subs.length) throw new Error(`only ${got.length} of ${subs.length} subscribers got post ${p}`);
        latencies.push(...got.map((at) => at - t0));
        received.delete(text);
      }
      return { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) };
    };

    // baseline fan-out: the same room with BASE_SUBSCRIBERS subscribers, in the same run
    await openUpTo(BASE_SUBSCRIBERS);
    const small = await fanout();
    await gc();
    const mem0 = used();
    const n0 = subs.length;
    note(`opening ${SUBSCRIBERS} subscribers over two instances (load ${load().join(' ')})`);
    await openUpTo(SUBSCRIBERS);
    await gc();
    const mem1 = used();
    emit({ name: 'live.mb_per_1000_subscribers', value: round(((mem1 - mem0) / 1048576) * (1000 / (SUBSCRIBERS - n0))), unit: 'MB', subscribers: SUBSCRIBERS, loadavg: load(), note: 'heap and buffers (after gc with --expose-gc) of the process holding instance B, its half of the server sockets and all client sockets' });
    const big = await fanout();
    emit({
      name: 'live.fanout_p99_ms', value: big.p99, unit: 'ms', target: '≤ 1000 ms at 10,000 subscribers', p50: big.p50, subscribers: SUBSCRIBERS, posts: POSTS,
      baseline: small.p99, baseline_p50: small.p50, baseline_subscribers: BASE_SUBSCRIBERS, health_p99: round(percentile(base, 99)), loadavg: load(),
    });

    note(`${VOTERS} public participants vote on ${STATEMENTS} statements at ${VOTE_RATE}/s while the subscribers stay connected`);
    const tokens: string[] = [];
    await run(Array.from({ length: VOTERS }, (_, i) => async () => {
      const r = await request(ports[i % 2], 'POST', `/api/live/public/${s.publicKey}/join`, {}, {});
      tokens.push(r.body.token);
    }), 20);
    const jobs: Array<() => Promise<unknown>> = [];
    let failed = 0;
    tokens.forEach((token, i) => statementIds.forEach((st, j) => {
      const vote = (port: number) => request(port, 'POST', `/api/live/sessions/${s.id}/votes`, { 'x-live-token': token }, { statementId: st, choice: (i + j) % 3 === 0 ? 'disagree' : 'agree' })
        .then((r) => { if (r.status !== 200) failed++; });
      jobs.push(() => vote(ports[(i + j) % 2]));
      if ((i * STATEMENTS + j) % 10 === 0) jobs.push(() => vote(ports[(i + j + 1) % 2])); // a retry, on the other instance
    }));
    const votes = await scheduled(jobs.length, 1000 / VOTE_RATE, (i) => jobs[i]());
    const secs = votes.wallMs / 1000;
    const expected = tokens.length * STATEMENTS;
    const ldb = liveDb(b.zx.ctx.db);
    const rows = await ldb.selectFrom('live_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', s.id).executeTakeFirstOrThrow();
    // the tally the room shows (as any participant reads it)
    const room = (await request(ports[1], 'GET', `/api/live/sessions/${s.id}/room`, { cookie: member.cookie })).body;
    const tally = (room.statements as Array<{ agree: number; disagree: number; pass: number }>).reduce((t, x) => t + x.agree + x.disagree + x.pass, 0);
    const expectedDisagree = statementIds.reduce((t, _, j) => t + tokens.filter((_, i) => (i + j) % 3 === 0).length, 0);
    const disagree = (room.statements as Array<{ disagree: number }>).reduce((t, x) => t + x.disagree, 0);
    emit({
      name: 'live.votes_per_s', value: round(jobs.length / secs), unit: 'votes/s', target: '≥ 2000 votes/s with 10,000 subscribers', offered_per_s: VOTE_RATE,
      p50_ms: round(percentile(votes.times, 50)), p99_ms: round(percentile(votes.times, 99)), requests: jobs.length, retries: jobs.length - expected, failed, subscribers: subs.length, loadavg: load(),
    });
    emit({ name: 'live.votes_lost', value: expected - Number(rows.n), unit: 'votes', target: '0 (negative = double-counted)', expected, stored: Number(rows.n), room_tally: tally, room_disagree: disagree, expected_disagree: expectedDisagree });

    // baseline: the same number of upserts straight through the driver (node-postgres, its own pool of 50) into a
    // table shaped like live_votes, at 50 at a time
    const pool = new pg.Pool({ connectionString: b.config.databaseUrl, max: 50 });
    try {
      await pool.query('create table bench_raw_votes (statement_id text not null, participant_id text not null, session_id text not null, value integer not null, at text not null, primary key (statement_id, participant_id))');
      const raw: Array<() => Promise<unknown>> = jobs.map((_, k) => () => pool.query(
        'insert into bench_raw_votes (statement_id, participant_id, session_id, value, at) values ($1, $2, $3, $4, $5) on conflict (statement_id, participant_id) do update set value = excluded.value, at = excluded.at',
        [statementIds[k % STATEMENTS], `p${Math.floor(k / STATEMENTS)}`, s.id, 1, clock.iso()]));
      const r0 = performance.now();
      await run(raw, 50);
      const rawSecs = (performance.now() - r0) / 1000;
      emit({ name: 'live.votes_raw_insert_per_s', value: round(raw.length / rawSecs), unit: 'upserts/s', note: 'baseline: node-postgres upserts, 50 concurrent, no HTTP', upserts: raw.length, loadavg: load() });
    } finally {
      await pool.end();
    }
  } catch (err) {
    crashed('live.room', err);
  } finally {
    for (const r of subs) r.destroy();
    agent.destroy();
    a?.child.kill('SIGTERM');
    await b?.close().catch(() => {});
  }
}

function fdLimit(): string {
  try { return execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim(); } catch { return 'unknown'; }
}

function clusterBench() {
  const participants = quick ? 2000 : 10_000;
  const statements = quick ? 100 : 500;
  try {
    // fifty votes per participant at both sizes (10 % of 500 statements; half of 100 with --quick)
    const { matrix, truth } = plantedMatrix({ participants, statements, groups: 4, density: 50 / statements, loyalty: 0.85, seed: 2026 });
    const b0 = performance.now();
    tallyVotes(matrix);
    const baseline = (performance.now() - b0) / 1000;
    const t0 = performance.now();
    const r = findOpinionGroups(matrix);
    const secs = (performance.now() - t0) / 1000;
    emit({ name: 'live.cluster_s', value: round(secs, 3), unit: 's', target: '≤ 5 s at 10,000 × 500', baseline: round(baseline, 4), participants, statements, votes: matrix.values.length, k: r.k });
    emit({ name: 'live.cluster_ari', value: round(adjustedRandIndex(r.assignment, truth), 4), unit: 'ARI', target: '≥ 0.9', planted: 4, found: r.k });
  } catch (err) {
    crashed('live.cluster', err);
  }
}

await roomBench();
clusterBench();
if (crashes().length) process.exit(1);
process.exit(0);
