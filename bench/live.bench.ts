/**
 * 网络议政 at a city's scale, through the real app: two instances on one PostgreSQL database with Redis between them.
 *  (a) fan-out: N room subscribers (10,000; 400 with --quick) split over the two instances; a contribution posted on
 *      one reaches every subscriber: p99 of post → frame received, against the p99 of GET /api/health in the same run
 *      (baseline); memory per 1,000 subscribers (heap and buffer growth of this process, which holds the servers and the clients);
 *  (b) votes: public participants vote on statements over both instances at 50 concurrent clients while the
 *      subscribers stay connected, 10 % of votes sent twice (a retried request): votes per second, and votes lost or
 *      double-counted (expected distinct (statement, participant) pairs − rows);
 *  (c) clustering: a planted 10,000 × 500 sparse matrix (2,000 × 100 with --quick; 50 votes per participant, 4 groups): seconds to
 *      regroup and the adjusted Rand index against the planted groups; baseline: tallying the same votes.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
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

async function roomBench() {
  const skip = (await skipUnless('pg')) || (await skipUnless('redis'));
  if (skip) {
    for (const name of ['live.fanout_p99_ms', 'live.mb_per_1000_subscribers', 'live.votes_per_s', 'live.votes_lost']) emit({ name, skipped: skip });
    return;
  }
  let a: StartedApp | undefined;
  let b: Zhengxie | undefined;
  const subs: http.ClientRequest[] = [];
  try {
    a = await startApp('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent-web-dist' } });
    b = await buildApp(a.config);
    await a.zx.app.listen({ port: 0, host: '127.0.0.1' });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    const ports = [(a.zx.app.server.address() as AddressInfo).port, (b.app.server.address() as AddressInfo).port];
    const host = await login(a.zx.app, 'committee', a.account('committee').password);
    const member = await login(a.zx.app, 'member', a.account('member').password);
    const now = Date.now();
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
    const mem0 = used();
    note(`opening ${SUBSCRIBERS} subscribers over two instances`);
    const received = new Map<string, number[]>();
    const onFrame = (text: string, at: number) => { const l = received.get(text); if (l) l.push(at); };
    // in batches, a connection refused under the burst tried again (the clients share this process with both servers)
    const open = async (port: number) => {
      for (let attempt = 1; ; attempt++) {
        try { return await subscribe(port, s.id, member.cookie, onFrame); } catch (err) { if (attempt >= 5) throw err; await new Promise((r) => setTimeout(r, 200 * attempt)); }
      }
    };
    for (let i = 0; i < SUBSCRIBERS; i += 100) {
      subs.push(...await Promise.all(Array.from({ length: Math.min(100, SUBSCRIBERS - i) }, (_, k) => open(ports[(i + k) % 2]))));
      if (i % 2000 === 0) note(`${i + 100} subscribers open`);
    }
    await gc();
    const mem1 = used();
    emit({ name: 'live.mb_per_1000_subscribers', value: round(((mem1 - mem0) / 1048576) * (1000 / SUBSCRIBERS)), unit: 'MB', subscribers: SUBSCRIBERS, note: 'heap and buffers (after gc with --expose-gc) of one process holding both servers and all clients' });

    const latencies: number[] = [];
    for (let p = 0; p < POSTS; p++) {
      const text = `基准发言${p}`;
      received.set(text, []);
      const t0 = performance.now();
      const r = await request(ports[p % 2], 'POST', `/api/live/sessions/${s.id}/contributions`, { cookie: member.cookie, 'x-csrf-token': member.csrf }, { body: text });
      if (r.status !== 201) throw new Error(`post ${r.status} ${JSON.stringify(r.body)}`);
      const deadline = performance.now() + 15_000;
      while (received.get(text)!.length < SUBSCRIBERS && performance.now() < deadline) await new Promise((res) => setTimeout(res, 5));
      const got = received.get(text)!;
      if (got.length < SUBSCRIBERS) throw new Error(`only ${got.length} of ${SUBSCRIBERS} subscribers got post ${p}`);
      latencies.push(...got.map((at) => at - t0));
    }
    emit({ name: 'live.fanout_p99_ms', value: round(percentile(latencies, 99)), unit: 'ms', target: '≤ 1000 ms at 10,000 subscribers', baseline: round(percentile(base, 99)), p50: round(percentile(latencies, 50)), subscribers: SUBSCRIBERS, posts: POSTS });

    note(`${VOTERS} public participants vote on ${STATEMENTS} statements while the subscribers stay connected`);
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
    const t0 = performance.now();
    await run(jobs, 50);
    const secs = (performance.now() - t0) / 1000;
    const rows = await liveDb(a.zx.ctx.db).selectFrom('live_votes').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', s.id).executeTakeFirstOrThrow();
    const expected = tokens.length * STATEMENTS;
    emit({ name: 'live.votes_per_s', value: round(jobs.length / secs), unit: 'votes/s', target: '≥ 2000 votes/s with 10,000 subscribers', requests: jobs.length, failed, subscribers: SUBSCRIBERS });
    emit({ name: 'live.votes_lost', value: expected - Number(rows.n), unit: 'votes', target: '0 (negative = double-counted)', expected, stored: Number(rows.n) });
  } catch (err) {
    crashed('live.room', err);
  } finally {
    for (const r of subs) r.destroy();
    agent.destroy();
    await b?.close().catch(() => {});
    await a?.close().catch(() => {});
  }
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
