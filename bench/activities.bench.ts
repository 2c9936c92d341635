/**
 * 履职活动 at a large city's volume, on SQLite and PostgreSQL (when it answers), through the real app (routes,
 * validation, unit of work) in process:
 *  (a) 1,000 members (200 with --quick) sign in to one activity by its QR link, with their phone's position checked
 *      against the place, at 50 concurrent clients: p99 ≤ 100 ms per sign-in and the whole run within 60 s, against a
 *      bare route (GET /api/health) at the same concurrency in the same run; every member signed in exactly once.
 *      Each sign-in is one unit of work that appends to the hash-chained audit log: one writer at a time.
 *  (b) a member's record and the lists over 200,000 activities and 2,000,000 participations over ten years (10,000 and
 *      100,000 with --quick): a member's duty record (GET /api/members/:id/record), their participations, the office's
 *      list (all, by kind, a home's), the year's figures and statistics page, one request at a time: p99 ≤ 200 ms.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { Client } from '../test/support/http.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { activityKinds } from '../src/modules/activities/domain/activity-rules.ts';
import { crashed, crashes, emit, note, quick, round, percentile, inFlight } from './lib.ts';

const MEMBERS = quick ? 200 : 1000;
const ACTIVITIES = quick ? 10_000 : 200_000;
const PER_ACTIVITY = 10; // participations: ACTIVITIES × 10
const HOMES = 36;
const CONCURRENCY = 50;
const SIGNIN_P99_MS = 100;
const SIGNIN_TOTAL_S = 60;
const READ_P99_MS = 200;
const place = { lat: 36.1953, lng: 113.1163 };

const chinaTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

async function signInRun(w: World, kind: string, clients: Client[]) {
  const office = await w.as('office');
  note(`${kind}: ${MEMBERS} members sign in to one activity`);
  const now = clock.nowMs();
  const a = (await office.post('/api/activities', {
    kind: 'study', title: '千人签到：“第一议题”学习', body: '签到性能', place: '市政协礼堂', ...place, radiusM: 300,
    startsAt: chinaTime(now - 10 * 60_000), endsAt: chinaTime(now + 3 * 3600_000), publish: true,
  })).body;
  if (!a.id) throw new Error(`create: ${JSON.stringify(a)}`);
  const token = (await office.get(`/api/activities/${a.id}/signin-code`)).body.token;
  const bare = await inFlight(clients.map((cl) => () => cl.get('/api/health')), CONCURRENCY);
  const run = await inFlight(clients.map((cl, i) => () => cl.post(`/api/activities/${a.id}/signin`, { token, lat: place.lat + (i % 20) * 0.0001, lng: place.lng })), CONCURRENCY);
  const failed = run.results.filter((r) => r.status !== 200).length;
  const signedIn = (await office.get(`/api/activities/${a.id}`)).body.signedIn;
  const again = await clients[0].post(`/api/activities/${a.id}/signin`, { token, ...place });
  emit({
    name: `activities_signin_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${SIGNIN_P99_MS}`, baseline: round(percentile(bare.times, 99), 1),
    p50: round(percentile(run.times, 50), 1), members: MEMBERS, concurrency: CONCURRENCY, failed, signedIn, secondSignIn: again.status,
  });
  emit({ name: `activities_signin_total_${kind}`, value: round(run.wallMs / 1000, 2), unit: 's', target: `<= ${SIGNIN_TOTAL_S}`, baseline: round(bare.wallMs / 1000, 2), members: MEMBERS });
}

async function readRun(w: World, kind: string) {
  const db = w.zx.ctx.db;
  const today = w.zx.ctx.calendar.today();
  const year = Number(today.slice(0, 4));
  const members = w.ids.memberUserIds;
  const staffId = w.people.get('office')!.userId;
  note(`${kind}: loading ${ACTIVITIES} activities and ${ACTIVITIES * PER_ACTIVITY} participations over ten years`);
  const homes = Array.from({ length: HOMES }, (_, h) => ({
    id: newId(), tenant_id: w.ids.cityId, name: `委员之家 ${h}`, county: `县区${h % 12}`, town: null, place: null, lat: place.lat, lng: place.lng,
    convener_user_id: members[h % members.length], convener_name: '召集人', version: 1, created_at: `${year - 9}-01-01T01:00:00.000Z`,
  }));
  await db.insertInto('activity_homes' as never).values(homes as never).execute();
  const t0 = performance.now();
  const BATCH = 2000;
  for (let start = 0; start < ACTIVITIES; start += BATCH) {
    const acts: Record<string, unknown>[] = [];
    const parts: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(ACTIVITIES, start + BATCH); i++) {
      const on = addDays(`${year - 9 + (i % 10)}-01-03`, (i * 7) % 355);
      const k = activityKinds[i % activityKinds.length];
      const home = k === 'home' || k === 'service' ? homes[i % HOMES] : null;
      const id = newId();
      acts.push({
        id, tenant_id: w.ids.cityId, kind: k, service_kind: k === 'service' ? 'clinic' : null, title: `活动 ${i}`, body: '内容', home_id: home?.id ?? null, county: home?.county ?? null,
        place: null, lat: null, lng: null, radius_m: 500, starts_at: `${on}T01:00:00.000Z`, ends_at: `${on}T03:30:00.000Z`, held_on: on, capacity: null, outcome: '成效',
        signin_secret: 's', owner_user_id: staffId, owner_name: '工作人员', state: 'archived', version: 5, created_at: `${on}T00:00:00.000Z`, updated_at: `${on}T04:00:00.000Z`,
      });
      for (let j = 0; j < PER_ACTIVITY; j++) {
        const u = members[(i * 7 + j * 13) % members.length];
        parts.push({
          id: newId(), activity_id: id, tenant_id: w.ids.cityId, user_id: u, name: '委员', kind: k, held_on: on, home_id: home?.id ?? null, county: home?.county ?? null,
          signed_up_at: null, signed_in_at: `${on}T00:50:00.000Z`, signed_in_by: u, signed_in_by_name: null, distance_m: 20, version: 1,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < acts.length; i += 500) await trx.insertInto('activities' as never).values(acts.slice(i, i + 500) as never).execute();
      for (let i = 0; i < parts.length; i += 1000) await trx.insertInto('activity_participants' as never).values(parts.slice(i, i + 1000) as never).execute();
    });
    if ((start / BATCH) % 10 === 0) note(`${kind}: ${start + acts.length} activities loaded`);
  }
  emit({ name: `activities_load_${kind}`, value: round((performance.now() - t0) / 1000, 1), unit: 's', activities: ACTIVITIES, participations: ACTIVITIES * PER_ACTIVITY });
  if (kind === 'postgres') await (db as any).executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } }).catch(() => {});

  const office = await w.as('office');
  const member = await w.as('m0001');
  const memberId = w.people.get('m0001')!.userId;
  const urls: Array<[string, Client, string]> = [
    ['member_record', office, `/api/members/${memberId}/record?year=${year}`],
    ['member_participations', member, `/api/activities/participations?pageSize=20`],
    ['my_activities', member, '/api/activities?mine=true&pageSize=20'],
    ['list', office, '/api/activities?pageSize=20'],
    ['list_kind_year', office, `/api/activities?pageSize=20&kind=service&from=${year}-01-01&to=${year}-12-31`],
    ['list_home', office, `/api/activities?pageSize=20&homeId=${homes[0].id}`],
    ['figures', office, `/api/figures?year=${year}&modules=activities`],
  ];
  for (const [, c, u] of urls) { const r = await c.get(u); if (r.status !== 200) throw new Error(`${u}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`); }
  const n = quick ? 40 : 200;
  for (const [name, c, url] of urls) {
    const run = await inFlight(Array.from({ length: n }, () => () => c.get(url)), 1);
    const bad = run.results.filter((r) => r.status !== 200).length;
    emit({ name: `activities_${name}_p99_${kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', target: `<= ${READ_P99_MS}`, p50: round(percentile(run.times, 50), 1), requests: n, concurrency: 1, failed: bad, activities: ACTIVITIES, participations: ACTIVITIES * PER_ACTIVITY });
  }
  // the statistics page computes every figure for the city, each county and each of the 36 homes
  const stats = await inFlight(Array.from({ length: quick ? 5 : 10 }, () => () => office.get(`/api/activities/stats?year=${year}`)), 1);
  emit({ name: `activities_stats_page_p99_${kind}`, value: round(percentile(stats.times, 99), 1), unit: 'ms', p50: round(percentile(stats.times, 50), 1), requests: stats.times.length, homes: HOMES, activities: ACTIVITIES });
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `activities_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    const usernames = Array.from({ length: MEMBERS }, (_, i) => `m${String(i + 1).padStart(4, '0')}`);
    const clients: Client[] = [];
    for (let i = 0; i < usernames.length; i += 20) clients.push(...await Promise.all(usernames.slice(i, i + 20).map((u) => w!.as(u))));
    await signInRun(w, d.kind, clients);
    await readRun(w, d.kind);
  } catch (e) {
    crashed(`activities_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
