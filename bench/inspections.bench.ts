/**
 * 调研视察 at a large city's volume, on SQLite and PostgreSQL (when it answers), through the real app in process:
 *  (a) sign-in of 500 members (200 with --quick) on one trip by the day's QR code at 50 concurrent clients: p99 ≤ 100 ms
 *      per sign-in, against a bare route (GET /api/health) at the same concurrency in the same run; everyone signed in
 *      exactly once;
 *  (b) the office's list, the year's plan (200 rows), the year's figures and a figure's list of recommendations over
 *      5,000 trips (1,000 with --quick) spread over ten years, with their participants and report items: p99 ≤ 50 ms.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { Client } from '../test/support/http.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { crashed, crashes, emit, insertInOneTransaction, note, quick, round, percentile, inFlight } from './lib.ts';

const API = '/api/supervision/inspections';
const MEMBERS = quick ? 200 : 500;
const TRIPS = quick ? 1000 : 5000;
const CONCURRENCY = 50;
const SIGNIN_P99_MS = 100;
const LIST_P99_MS = 50;


async function signInRun(w: World, kind: string) {
  const staff = await w.as('committee');
  const office = await w.as('office');
  const today = w.zx.ctx.calendar.today();
  note(`${kind}: signing in ${MEMBERS} members`);
  const usernames = Array.from({ length: MEMBERS }, (_, i) => `m${String(i + 1).padStart(4, '0')}`);
  const clients: Client[] = [];
  for (let i = 0; i < usernames.length; i += 20) clients.push(...await Promise.all(usernames.slice(i, i + 20).map((u) => w.as(u))));
  let r = (await staff.post(API, {
    kind: 'inspection', title: '五百人视察', topic: '签到性能', proposer: '主席会议', leadCommitteeId: w.ids.committeeIds['农业和农村委员会'],
    plannedFrom: today, plannedTo: today, places: ['全市'], participantIds: usernames.map((u) => w.people.get(u)!.userId),
  })).body;
  if (r.participants?.length !== MEMBERS) throw new Error(`participants ${r.participants?.length} of ${MEMBERS}: ${JSON.stringify(r).slice(0, 300)}`);
  r = (await office.post(`${API}/${r.id}/transitions`, { action: 'approve', version: r.version, input: { meeting: '主席会议', approvedOn: today } })).body;
  r = (await staff.post(`${API}/${r.id}/transitions`, { action: 'start', version: r.version, input: {} })).body;
  const token = (await staff.get(`${API}/${r.id}/signin-code`)).body.token;
  const bare = await inFlight(clients.map((cl) => () => cl.get('/api/health')), CONCURRENCY);
  const run = await inFlight(clients.map((cl) => () => cl.post(`${API}/${r.id}/signin`, { token })), CONCURRENCY);
  const failed = run.results.filter((x) => x.status !== 200).length;
  const signedIn = (await staff.get(`${API}/${r.id}`)).body.participants.filter((p: any) => p.signedInAt).length;
  const again = await clients[0].post(`${API}/${r.id}/signin`, { token });
  emit({
    name: `inspections_signin_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${SIGNIN_P99_MS}`, baseline: round(percentile(bare.times, 99), 1),
    p50: round(percentile(run.times, 50), 1), members: MEMBERS, concurrency: CONCURRENCY, failed, signedIn, secondSignIn: again.status, totalSeconds: round(run.wallMs / 1000, 2),
  });
}

async function listRun(w: World, kind: string) {
  const db = w.zx.ctx.db;
  const today = w.zx.ctx.calendar.today();
  const year = Number(today.slice(0, 4));
  const committees = Object.values(w.ids.committeeIds);
  const units = Object.values(w.ids.unitIds);
  const members = [...w.people.values()].filter((p) => p.roles.includes('member')).map((p) => p.userId);
  const staffId = w.people.get('committee')!.userId;
  note(`${kind}: loading ${TRIPS} trips over ten years`);
  const states = ['closed', 'sent', 'closed', 'drafting', 'approved', 'planned'];
  const trips: Record<string, unknown>[] = [];
  const parts: Record<string, unknown>[] = [];
  const findings: Record<string, unknown>[] = [];
  for (let i = 0; i < TRIPS; i++) {
    const on = addDays(`${year - 9 + (i % 10)}-01-05`, (i * 7) % 350);
    const id = newId();
    const state = states[i % states.length];
    trips.push({
      id, tenant_id: w.ids.cityId, year: Number(on.slice(0, 4)), kind: i % 3 === 0 ? 'inspection' : 'investigation', title: `调研视察 ${i}`, topic: '内容', proposer: '主席会议',
      lead_committee_id: committees[i % committees.length], places: '["全市"]', planned_from: on, planned_to: on, approved_meeting: '主席会议', approved_on: addDays(on, -20),
      started_on: on, ended_on: on, report_due: addDays(on, 21), report_no: 1, report_title: '报告', report_body: '正文', problem_count: 2, recommendation_count: 2,
      signed_on: addDays(on, 10), sent_on: addDays(on, 12), return_reason: null, signin_secret: 's', owner_user_id: staffId, owner_name: '工作人员',
      state, version: 9, created_at: `${addDays(on, -30)}T01:00:00.000Z`, updated_at: `${on}T01:00:00.000Z`,
    });
    for (let k = 0; k < 5; k++) parts.push({ id: newId(), inspection_id: id, tenant_id: w.ids.cityId, user_id: members[(i * 5 + k) % members.length], name: '委员', signed_in_at: `${on}T01:00:00.000Z`, signed_in_by: 'x', version: 2, created_at: `${on}T00:00:00.000Z` });
    for (let k = 0; k < 4; k++) findings.push({ id: newId(), inspection_id: id, tenant_id: w.ids.cityId, type: k < 2 ? 'problem' : 'recommendation', seq: (k % 2) + 1, text: `条目 ${k}`, unit_ids: JSON.stringify([units[k % units.length]]), due_working_days: 60 });
  }
  await insertInOneTransaction(db, 'inspections', trips);
  await insertInOneTransaction(db, 'inspection_participants', parts);
  await insertInOneTransaction(db, 'inspection_findings', findings);
  const office = await w.as('office');
  const y = year - 1;
  const urls: Array<[string, string]> = [
    ['list', `${API}?pageSize=20`],
    ['plan', `${API}?year=${y}&pageSize=200`],
    ['figures', `/api/figures?from=${y}-01-01&to=${y}-12-31&modules=inspections`],
    ['findings', `${API}/findings?type=recommendation&from=${y}-01-01&to=${y}-12-31&pageSize=20`],
  ];
  for (const [, u] of urls) await office.get(u); // warm
  const n = quick ? 60 : 300;
  for (const [name, url] of urls) {
    const run = await inFlight(Array.from({ length: n }, () => () => office.get(url)), 1);
    const bad = run.results.filter((r) => r.status !== 200).length;
    emit({ name: `inspections_${name}_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${LIST_P99_MS}`, p50: round(percentile(run.times, 50), 1), requests: n, concurrency: 1, failed: bad, trips: TRIPS });
  }
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `inspections_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    await signInRun(w, d.kind);
    await listRun(w, d.kind);
  } catch (e) {
    crashed(`inspections_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
