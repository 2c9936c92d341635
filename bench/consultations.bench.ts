/**
 * 协商活动 at a large city's volume, on SQLite and PostgreSQL (when it answers), through the real app (routes, validation,
 * unit of work) in process:
 *  (a) sign-in of 1,000 members (200 with --quick) to one meeting by its QR link at 50 concurrent clients: the whole run
 *      within 60 s and p99 ≤ 100 ms per sign-in, against a bare route (GET /api/health) at the same concurrency in the
 *      same run; every member signed in exactly once;
 *  (b) the office's list and the year's figures (GET /api/consultations, /api/consultations/stats, /api/figures) over
 *      5,000 consultations (1,000 with --quick) spread over ten years: p99 ≤ 50 ms.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { Client } from '../test/support/http.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { consultationForms } from '../src/modules/consultations/domain/consultation-forms.ts';
import { crashed, crashes, emit, note, quick, round, percentile, inFlight } from './lib.ts';

const MEMBERS = quick ? 200 : 1000;
const CONSULTATIONS = quick ? 1000 : 5000;
const CONCURRENCY = 50;
const SIGNIN_P99_MS = 100;
const SIGNIN_TOTAL_S = 60;
const LIST_P99_MS = 50;


async function signInRun(w: World, kind: string) {
  const staff = await w.as('committee');
  const today = w.zx.ctx.calendar.today();
  note(`${kind}: signing in ${MEMBERS} members`);
  const usernames = Array.from({ length: MEMBERS }, (_, i) => `m${String(i + 1).padStart(4, '0')}`);
  const clients: Client[] = [];
  for (let i = 0; i < usernames.length; i += 20) clients.push(...await Promise.all(usernames.slice(i, i + 20).map((u) => w.as(u))));
  let c = (await staff.post('/api/consultations', {
    title: '千人签到协商会', form: 'special', topic: '签到性能', leadCommitteeId: w.ids.committeeIds['农业和农村委员会'], plannedOn: today,
  })).body;
  c = (await staff.post(`/api/consultations/${c.id}/participants`, { version: c.version, userIds: usernames.map((u) => w.people.get(u)!.userId) })).body;
  if (c.counts?.members !== MEMBERS) throw new Error(`invited ${c.counts?.members} of ${MEMBERS}`);
  c = (await staff.post(`/api/consultations/${c.id}/transitions`, { action: 'send_notice', version: c.version, input: {} })).body;
  const token = (await staff.get(`/api/consultations/${c.id}/signin-code`)).body.token;

  // the bare route at the same concurrency, same number of requests
  const bare = await inFlight(clients.map((cl) => () => cl.get('/api/health')), CONCURRENCY);
  const run = await inFlight(clients.map((cl) => () => cl.post(`/api/consultations/${c.id}/signin`, { token })), CONCURRENCY);
  const failed = run.results.filter((r) => r.status !== 200).length;
  const signedIn = (await staff.get(`/api/consultations/${c.id}`)).body.counts.signedIn;
  const again = await clients[0].post(`/api/consultations/${c.id}/signin`, { token });
  emit({
    name: `consultations_signin_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${SIGNIN_P99_MS}`, baseline: round(percentile(bare.times, 99), 1),
    p50: round(percentile(run.times, 50), 1), members: MEMBERS, concurrency: CONCURRENCY, failed, signedIn, secondSignIn: again.status,
  });
  emit({ name: `consultations_signin_total_${kind}`, value: round(run.wallMs / 1000, 2), unit: 's', target: `<= ${SIGNIN_TOTAL_S}`, baseline: round(bare.wallMs / 1000, 2), members: MEMBERS });
}

async function listRun(w: World, kind: string) {
  const db = w.zx.ctx.db;
  const today = w.zx.ctx.calendar.today();
  const year = Number(today.slice(0, 4));
  const committees = Object.values(w.ids.committeeIds);
  const staffId = w.people.get('committee')!.userId;
  note(`${kind}: loading ${CONSULTATIONS} consultations over ten years`);
  const states = ['closed', 'closed', 'sent', 'closed', 'drafting', 'preparing'];
  const rows = Array.from({ length: CONSULTATIONS }, (_, i) => {
    const on = addDays(`${year - 9 + (i % 10)}-01-05`, (i * 7) % 350);
    return {
      id: newId(), tenant_id: w.ids.cityId, title: `协商活动 ${i}`, form: consultationForms[i % consultationForms.length], topic: '议题', lead_committee_id: committees[i % committees.length],
      partner_unit_ids: '[]', planned_on: on, planned_time: null, place: null, plan_item_id: null, notice_due: addDays(on, -21), materials_due: addDays(on, -14), outcome_due: addDays(on, 9),
      notice_sent_on: addDays(on, i % 13 === 0 ? -10 : -22), materials_sent_on: addDays(on, -15), held_on: on, sent_on: addDays(on, 6), minutes: null, outcome_kind: 'minutes', outcome_text: '成果',
      recommendation_count: 1, return_reason: null, proposal_ids: '[]', report_ids: '[]', signin_secret: 's', owner_user_id: staffId, owner_name: '工作人员',
      state: states[i % states.length], version: 9, created_at: `${addDays(on, -30)}T01:00:00.000Z`, updated_at: `${on}T01:00:00.000Z`,
    };
  });
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('consultations').values(rows.slice(i, i + 200)).execute();
  const office = await w.as('office');
  const urls = [
    '/api/consultations?pageSize=20',
    `/api/consultations?pageSize=20&from=${year}-01-01&to=${year}-12-31&form=special`,
    `/api/consultations?pageSize=20&late=any`,
    `/api/consultations/stats?from=${year}-01-01&to=${year}-12-31`,
    `/api/figures?year=${year}&modules=consultations`,
  ];
  for (const u of urls) await office.get(u); // warm
  const n = quick ? 60 : 300;
  for (const [name, url] of [['list', urls[0]], ['list_filtered', urls[1]], ['list_late', urls[2]], ['stats', urls[3]], ['figures', urls[4]]] as const) {
    // one request at a time: the time a user waits for the page's data (the sign-in run above measures load)
    const run = await inFlight(Array.from({ length: n }, () => () => office.get(url)), 1);
    const bad = run.results.filter((r) => r.status !== 200).length;
    emit({ name: `consultations_${name}_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${LIST_P99_MS}`, p50: round(percentile(run.times, 50), 1), requests: n, concurrency: 1, failed: bad, consultations: CONSULTATIONS });
  }
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `consultations_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    await signInRun(w, d.kind);
    await listRun(w, d.kind);
  } catch (e) {
    crashed(`consultations_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
