/**
 * 用车 dispatch under contention, on SQLite and PostgreSQL (when it answers), through the real app in process:
 *  (a) 240 approved requests (60 with --quick) on five days, at random overlapping times, dispatched by 8 clients at
 *      once (each of two office sessions) onto a fleet of 6 vehicles and 6 drivers chosen at random: many requests
 *      clash. The p99 of 派车 (200 or 409) against a bare route (GET /api/health) at the same concurrency in the same
 *      run, and the invariant: no vehicle and no driver holds two overlapping trips afterwards (`overlaps`, counted).
 *  (b) reads with the demo year's 500 trips: the board for a week, the trips list, the year's figures, one at a time.
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { dialects } from '../test/support/db.ts';
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';
import { logisticsDb } from '../src/modules/logistics/server/tables.ts';
import { crashed, crashes, emit, note, quick, round, percentile, inFlight } from './lib.ts';

const REQUESTS = quick ? 60 : 240;
const CONCURRENCY = 8;
const FLEET = 6;
const DAYS = 5;

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `logistics_${d.kind}`, skipped: String(d.skip) }); continue; }
  let s: StartedApp | undefined;
  try {
    note(`${d.kind}: starting the app with the demo data`);
    s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
    const [office, office2, committee] = await Promise.all(['office', 'office', 'committee'].map((u) => s!.login(u)));
    const rand = seededRandom(58);
    const vehicles: string[] = [], drivers: string[] = [];
    for (let i = 0; i < FLEET; i++) {
      vehicles.push((await office.post('/api/office/vehicles', { plate: `晋K${String(90000 + i)}`, seats: 7, kind: '商务车' })).body.id);
      drivers.push((await office.post('/api/office/drivers', { name: `压测驾驶员${i}`, phone: `1380000${String(1000 + i)}` })).body.id);
    }
    const first = addDays(clock.today(), 60);
    note(`${d.kind}: ${REQUESTS} requests, approved`);
    const trips: Array<{ id: string; version: number }> = [];
    for (let i = 0; i < REQUESTS; i++) {
      const day = addDays(first, i % DAYS);
      const h = 7 + Math.floor(rand() * 11), len = 1 + Math.floor(rand() * 3);
      const r = (await committee.post('/api/office/trips', { purpose: `压测用车 ${i}`, passengers: 2, destination: '沁源县', startsAt: `${day}T${String(h).padStart(2, '0')}:00`, endsAt: `${day}T${String(Math.min(23, h + len)).padStart(2, '0')}:30` })).body;
      const a = (await office.post(`/api/office/trips/${r.id}/transitions`, { action: 'approve', version: r.version, input: {} })).body;
      trips.push({ id: a.id, version: a.version });
    }
    const bare = await inFlight(trips.map(() => () => office.get('/api/health')), CONCURRENCY);
    const run = await inFlight(trips.map((t, i) => () => (i % 2 ? office : office2).post(`/api/office/trips/${t.id}/transitions`, {
      action: 'assign', version: t.version, input: { vehicleId: vehicles[Math.floor(rand() * FLEET)], driverId: drivers[Math.floor(rand() * FLEET)] },
    })), CONCURRENCY);
    const ok = run.results.filter((r) => r.status === 200).length;
    const conflicts = run.results.filter((r) => r.status === 409).length;
    const other = run.results.length - ok - conflicts;
    // the invariant, read from the table: no two booked trips of one vehicle or one driver overlap
    const rows = await logisticsDb(s.zx.ctx.db).selectFrom('logistics_trips').select(['vehicle_id', 'driver_id', 'starts_at', 'ends_at'])
      .where('state', '=', 'assigned').where('trip_date', '>=', first).orderBy('starts_at').execute();
    let overlaps = 0;
    for (const key of ['vehicle_id', 'driver_id'] as const) {
      const lastEnd = new Map<string, string>();
      for (const t of rows) {
        const prev = lastEnd.get(t[key]!);
        if (prev && prev > t.starts_at) overlaps++;
        if (!prev || t.ends_at > prev) lastEnd.set(t[key]!, t.ends_at);
      }
    }
    emit({
      name: `logistics_assign_p99_${d.kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', baseline: round(percentile(bare.times, 99), 1),
      p50: round(percentile(run.times, 50), 1), requests: REQUESTS, concurrency: CONCURRENCY, assigned: ok, conflicts, otherStatus: other, overlaps, target: 'overlaps = 0, otherStatus = 0',
    });

    note(`${d.kind}: reads over the demo year`);
    const year = 2025;
    const reads: Array<[string, string]> = [
      ['board_week', `/api/office/board?date=${year}-06-02&days=7`],
      ['trips_list', `/api/office/trips?from=${year}-01-01&to=${year}-12-31&state=done&pageSize=20`],
      ['figures_year', `/api/figures?year=${year}&modules=logistics`],
    ];
    for (const [name, url] of reads) {
      const n = quick ? 30 : 150;
      const r = await inFlight(Array.from({ length: n }, () => () => office.get(url)), 1);
      const bad = r.results.filter((x) => x.status !== 200).length;
      emit({ name: `logistics_${name}_p99_${d.kind}`, value: round(percentile(r.times, 99), 1), unit: 'ms', p50: round(percentile(r.times, 50), 1), requests: n, failed: bad });
    }
  } catch (e) {
    crashed(`logistics_${d.kind}`, e);
  } finally {
    await s?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
