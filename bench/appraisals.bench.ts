/**
 * 民主评议 on the spot at a city's volume, on SQLite and PostgreSQL (when it answers), through the real app (routes,
 * validation, unit of work) in process: 500 members (200 with --quick) vote in one appraisal of two departments on four
 * items, each with the room's code.
 *  (a) the meeting: the members' ballots arrive spread over 30 s (12 s with --quick), twice the rate of "500 within a
 *      minute": p99 ≤ 100 ms per ballot, against a bare route (GET /api/health) on the same schedule in the same run;
 *  (b) the burst: another appraisal, every member at once, 50 in flight: the whole vote within 60 s (its p99 is the
 *      queue behind one writer, reported beside the bare route's at the same concurrency);
 * every member counted exactly once, a second ballot refused, and the office's page (turnout and results computed from
 * the counted marks) read back at p99 ≤ 100 ms.
 * Beside the bare route, the raw driver's floor: a ballot's rows (the ballot and its marks, one transaction) written
 * straight through the database handle on the meeting's schedule. Each line carries the load average.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { clock } from '../src/kernel/universal/clock.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { Client } from '../test/support/http.ts';
import { crashed, crashes, emit, note, quick, round, percentile, inFlight } from './lib.ts';

const MEMBERS = quick ? 200 : 500;
const WINDOW_S = quick ? 12 : 30;
const CONCURRENCY = 50;
const VOTE_P99_MS = 100;
const VOTE_TOTAL_S = 60;
const base = '/api/supervision/appraisals';


/** Start job i at i × spacing ms (open loop: a ballot does not wait for the one before); each job's time in ms. */
async function scheduled<T>(jobs: Array<() => Promise<T>>, windowMs: number): Promise<{ times: number[]; results: T[]; wallMs: number }> {
  const times: number[] = new Array(jobs.length);
  const results: T[] = new Array(jobs.length);
  const spacing = windowMs / jobs.length;
  const start = performance.now();
  await Promise.all(jobs.map(async (job, i) => {
    await new Promise((r) => setTimeout(r, i * spacing));
    const t0 = performance.now();
    results[i] = await job();
    times[i] = performance.now() - t0;
  }));
  return { times, results, wallMs: performance.now() - start };
}

async function voteRun(w: World, kind: string) {
  const office = await w.as('office');
  const today = w.zx.ctx.calendar.today();
  note(`${kind}: signing in ${MEMBERS} members`);
  const usernames = Array.from({ length: MEMBERS }, (_, i) => `m${String(i + 1).padStart(4, '0')}`);
  const clients: Client[] = [];
  for (let i = 0; i < usernames.length; i += 20) clients.push(...await Promise.all(usernames.slice(i, i + 20).map((u) => w.as(u))));
  const units = [w.ids.unitIds['市住建局'], w.ids.unitIds['市教育局']];
  const open = async (title: string) => {
    let a = (await office.post(base, { title, scope: 'department_work', plannedOn: today, unitIds: units })).body;
    a = (await office.post(`${base}/${a.id}/transitions`, { action: 'start_self_check', version: a.version, input: { selfReportDue: today } })).body;
    a = (await office.post(`${base}/${a.id}/transitions`, { action: 'open_vote', version: a.version, input: {} })).body;
    if (a.state !== 'voting') throw new Error(`the vote did not open: ${JSON.stringify(a).slice(0, 300)}`);
    return { id: a.id as string, code: new URL(a.voteLink, 'http://x').searchParams.get('c')! };
  };
  const choices = ['satisfied', 'satisfied', 'basic', 'satisfied', 'dissatisfied'];
  const marks = (i: number) => units.flatMap((unitId, u) => [1, 2, 3, 4].map((itemSeq) => ({ unitId, itemSeq, choice: choices[(i + u + itemSeq) % choices.length] })));
  const counted = async (id: string) => (await office.get(`${base}/${id}`)).body.turnout?.ballots;

  // (a) the meeting: ballots spread over the window
  const a = await open('五百名委员现场测评');
  note(`${kind}: ${MEMBERS} members vote over ${WINDOW_S} s`);
  const bare = await scheduled(clients.map((cl) => () => cl.get('/api/health')), WINDOW_S * 1000);
  const run = await scheduled(clients.map((cl, i) => () => cl.post(`${base}/${a.id}/ballots`, { code: a.code, marks: marks(i) })), WINDOW_S * 1000);
  const again = await clients[0].post(`${base}/${a.id}/ballots`, { code: a.code, marks: marks(0) });
  const n1 = await counted(a.id);
  emit({
    name: `appraisals_vote_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${VOTE_P99_MS}`, baseline: round(percentile(bare.times, 99), 1),
    p50: round(percentile(run.times, 50), 1), baselineP50: round(percentile(bare.times, 50), 1), load1: round(os.loadavg()[0], 2), members: MEMBERS, windowS: WINDOW_S, failed: run.results.filter((r) => r.status !== 200).length, counted: n1, secondVote: again.status,
  });
  if (n1 !== MEMBERS) throw new Error(`counted ${n1} ballots of ${MEMBERS}`);

  // (b) the burst: everyone at once, 50 in flight
  const b = await open('五百名委员同时测评');
  note(`${kind}: ${MEMBERS} members vote at once, ${CONCURRENCY} in flight`);
  const bareBurst = await inFlight(clients.map((cl) => () => cl.get('/api/health')), CONCURRENCY);
  const burst = await inFlight(clients.map((cl, i) => () => cl.post(`${base}/${b.id}/ballots`, { code: b.code, marks: marks(i) })), CONCURRENCY);
  const n2 = await counted(b.id);
  emit({
    name: `appraisals_vote_burst_total_${kind}`, value: round(burst.wallMs / 1000, 2), unit: 's', target: `<= ${VOTE_TOTAL_S}`, baseline: round(bareBurst.wallMs / 1000, 2),
    p99: round(percentile(burst.times, 99), 1), baselineP99: round(percentile(bareBurst.times, 99), 1), members: MEMBERS, concurrency: CONCURRENCY, failed: burst.results.filter((r) => r.status !== 200).length, counted: n2,
  });
  if (n2 !== MEMBERS) throw new Error(`counted ${n2} ballots of ${MEMBERS} in the burst`);

  // the raw driver's floor: the same rows a ballot writes (the ballot and its eight marks, in one transaction), straight
  // through the database handle with no route, session, check or audit, on the meeting's schedule, into a third appraisal
  const c = await open('原始写入基线');
  const db = w.zx.ctx.db;
  const rawWrite = (i: number) => async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('appraisal_ballots').values({ id: newId(), appraisal_id: c.id, tenant_id: w.ids.cityId, voter_key: `raw:${i}`, voter_kind: 'member', voter_name: `m${i}`, cast_at: clock.iso() }).execute();
      await trx.insertInto('appraisal_marks').values(marks(i).map((m) => ({ id: randomUUID(), appraisal_id: c.id, unit_id: m.unitId, item_seq: m.itemSeq, choice: m.choice }))).execute();
    });
    return { status: 200 };
  };
  const raw = await scheduled(clients.map((_, i) => rawWrite(i)), WINDOW_S * 1000);
  emit({
    name: `appraisals_vote_raw_write_p99_${kind}`, value: round(percentile(raw.times, 99), 1), unit: 'ms', p50: round(percentile(raw.times, 50), 1), members: MEMBERS, windowS: WINDOW_S,
    note: 'baseline: a ballot\'s rows written by the raw driver on the same schedule', load1: round(os.loadavg()[0], 2),
  });

  // the office's page while the vote runs: turnout and live results, read again and again
  const n = quick ? 60 : 200;
  const read = await inFlight(Array.from({ length: n }, () => () => office.get(`${base}/${a.id}`)), 1);
  emit({ name: `appraisals_results_p99_${kind}`, value: round(percentile(read.times, 99), 1), unit: 'ms', target: `<= ${VOTE_P99_MS}`, p50: round(percentile(read.times, 50), 1), requests: n, failed: read.results.filter((r) => r.status !== 200).length, ballots: MEMBERS });
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `appraisals_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    await voteRun(w, d.kind);
  } catch (e) {
    crashed(`appraisals_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
