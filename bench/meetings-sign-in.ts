/**
 * 会议签到 at a plenary's volume, on SQLite and PostgreSQL (when it answers), through the real app in process: 1,000
 * members (200 with --quick) sign in to one session of a 全体会议 by its QR link at 50 concurrent clients — p99 ≤ 100 ms
 * per sign-in and the whole run within 60 s — against a bare route (GET /api/health, which resolves each client's
 * session too) at the same concurrency in the same run, with the ratio of the two p99s (less distorted by the machine's
 * load than the figures themselves); every member signed in exactly once (a second scan is a 409). Sign-ins arriving
 * together share a unit of work (kernel/server/sign-in-batch.ts): each its row (the unique index refuses a second), an
 * audit record appended to the hash chain (one writer at a time) and an event.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { Client } from '../test/support/http.ts';
import { openPlenary } from './meetings-support.ts';
import { crashed, crashes, emit, note, quick, round, percentile, inFlight } from './lib.ts';

const MEMBERS = quick ? 200 : 1000;
const CONCURRENCY = 50;
const SIGNIN_P99_MS = 100;
const SIGNIN_TOTAL_S = 60;

async function signInRun(w: World, kind: string, clients: Client[]) {
  const office = await w.as('office');
  note(`${kind}: ${MEMBERS} members sign in to one session of a plenary`);
  const { meeting: m, session } = await openPlenary(office, '千人签到：全体会议');
  const token = (await office.get(`/api/meetings/${m.id}/sessions/${session}/signin-code`)).body.token;
  const url = `/api/meetings/${m.id}/sessions/${session}/signin`;
  const bare = await inFlight(clients.map((cl) => () => cl.get('/api/health')), CONCURRENCY);
  const run = await inFlight(clients.map((cl) => () => cl.post(url, { token })), CONCURRENCY);
  const failed = run.results.filter((r) => r.status !== 200).length;
  const after = (await office.get(`/api/meetings/${m.id}`)).body;
  const again = await clients[0].post(url, { token });
  emit({
    name: `meetings_signin_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${SIGNIN_P99_MS}`, baseline: round(percentile(bare.times, 99), 1),
    p50: round(percentile(run.times, 50), 1), ratioToBare: round(percentile(run.times, 99) / percentile(bare.times, 99), 2), members: MEMBERS, concurrency: CONCURRENCY, failed, signedIn: after.sessionList[0].signedIn, secondSignIn: again.status,
  });
  emit({ name: `meetings_signin_total_${kind}`, value: round(run.wallMs / 1000, 2), unit: 's', target: `<= ${SIGNIN_TOTAL_S}`, baseline: round(bare.wallMs / 1000, 2), members: MEMBERS, perSecond: round(MEMBERS / (run.wallMs / 1000), 1), barePerSecond: round(MEMBERS / (bare.wallMs / 1000), 1) });
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `meetings_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    const usernames = Array.from({ length: MEMBERS }, (_, i) => `m${String(i + 1).padStart(4, '0')}`);
    const clients: Client[] = [];
    for (let i = 0; i < usernames.length; i += 20) clients.push(...await Promise.all(usernames.slice(i, i + 20).map((u) => w!.as(u))));
    await signInRun(w, d.kind, clients);
  } catch (e) {
    crashed(`meetings_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
