/**
 * 委员工作室 at a large city's volume, on SQLite and PostgreSQL (when it answers), through the real app in process:
 *  (a) 200,000 loans over ten years in the finance studio (20,000 with --quick), 2,000 activities and 20,000 projects:
 *      the studio's page (its figures), the organisation's year figures, the loans list (first page, a deep page, a
 *      year), one request at a time: p99 ≤ 200 ms, against a bare route (GET /api/health) in the same run.
 *  (b) 200 loans recorded by 20 conveners at once (each a unit of work with its audit record): p99 and every loan
 *      counted once (the figure rises by exactly 200).
 * Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { Client } from '../test/support/http.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { crashed, crashes, emit, inFlight, note, percentile, quick, round } from './lib.ts';

const LOANS = quick ? 20_000 : 200_000;
const PROJECTS = quick ? 2_000 : 20_000;
const ACTIVITIES = 2_000;
const READ_P99_MS = 200;
const WRITES = 200;
const WRITERS = 20;

async function run(w: World, kind: string) {
  const db = w.zx.ctx.db;
  const today = w.zx.ctx.calendar.today();
  const year = Number(today.slice(0, 4));
  const office = await w.as('office');
  const members = w.ids.memberUserIds;
  const conveners = members.slice(0, WRITERS);
  const studio = (await office.post('/api/studios', { name: '金融委员工作室', kind: 'finance', convenerUserId: conveners[0], memberIds: conveners })).body;
  if (!studio.id) throw new Error(`studio: ${JSON.stringify(studio)}`);

  note(`${kind}: loading ${LOANS} loans, ${PROJECTS} projects and ${ACTIVITIES} activities over ten years`);
  const t0 = performance.now();
  const on = (i: number) => addDays(`${year - 9 + (i % 10)}-01-03`, (i * 7) % 355);
  const rows = (n: number, f: (i: number) => Record<string, unknown>) => Array.from({ length: n }, (_, i) => f(i));
  await db.transaction().execute(async (trx) => {
    const put = async (table: string, all: Record<string, unknown>[], size: number) => { for (let i = 0; i < all.length; i += size) await trx.insertInto(table as never).values(all.slice(i, i + size) as never).execute(); };
    for (let start = 0; start < LOANS; start += 20_000) {
      await put('studio_loans', rows(Math.min(20_000, LOANS - start), (k) => {
        const i = start + k;
        return { id: newId(), tenant_id: w.ids.cityId, studio_id: studio.id, need_id: null, offer_id: null, enterprise: `企业${i}`, bank: `银行${i % 8}`, amount_yuan: 10_000 * (1 + (i % 500)), granted_on: on(i), recorded_by: conveners[0], recorded_by_name: '召集人', created_at: `${on(i)}T08:00:00.000Z` };
      }), 1000);
    }
    await put('studio_projects', rows(PROJECTS, (i) => ({ id: newId(), tenant_id: w.ids.cityId, studio_id: studio.id, name: `项目${i}`, investor: `投资方${i % 50}`, amount_yuan: 1_000_000 * (1 + (i % 900)), status: 'signed', introduced_on: on(i), version: 1, created_at: `${on(i)}T08:00:00.000Z`, updated_at: `${on(i)}T08:00:00.000Z` })), 1000);
    await put('studio_activities', rows(ACTIVITIES, (i) => ({ id: newId(), tenant_id: w.ids.cityId, studio_id: studio.id, held_on: on(i), title: `对接会${i}`, place: null, others: null, people_served: 20, summary: null, recorded_by: conveners[0], recorded_by_name: '召集人', created_at: `${on(i)}T08:00:00.000Z` })), 1000);
  });
  emit({ name: `studios_load_${kind}`, value: round((performance.now() - t0) / 1000, 1), unit: 's', loans: LOANS, projects: PROJECTS, activities: ACTIVITIES });
  if (kind === 'postgres') await (db as any).executeQuery({ sql: 'ANALYZE', parameters: [], query: { kind: 'RawNode' } }).catch(() => {});

  const convener = await w.as('m0001');
  const urls: Array<[string, Client, string]> = [
    ['health_baseline', office, '/api/health'],
    ['studio_page', convener, `/api/studios/${studio.id}`],
    ['year_figures', office, `/api/figures?year=${year}&modules=studios`],
    ['loans_first_page', convener, `/api/studios/loans?studioId=${studio.id}&pageSize=10`],
    ['loans_deep_page', convener, `/api/studios/loans?studioId=${studio.id}&pageSize=10&page=500`],
    ['loans_of_a_year', office, `/api/studios/loans?from=${year - 1}-01-01&to=${year - 1}-12-31&pageSize=20`],
  ];
  for (const [, c, u] of urls) { const r = await c.get(u); if (r.status !== 200) throw new Error(`${u}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`); }
  const n = quick ? 40 : 100;
  let baseline = 0;
  for (const [name, c, url] of urls) {
    const r = await inFlight(Array.from({ length: n }, () => () => c.get(url)), 1);
    const p99 = round(percentile(r.times, 99), 1);
    if (name === 'health_baseline') baseline = p99;
    emit({ name: `studios_${name}_p99_${kind}`, value: p99, unit: 'ms', target: name === 'health_baseline' ? undefined : `<= ${READ_P99_MS}`, baseline, p50: round(percentile(r.times, 50), 1), requests: n, failed: r.results.filter((x) => x.status !== 200).length, loans: LOANS });
  }

  // (b) conveners record loans at once
  const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => w.as(`m${String(i + 1).padStart(4, '0')}`)));
  const before = (await office.get(`/api/studios/${studio.id}`)).body.figures.find((f: any) => f.key === 'studios.loans').value;
  const bare = await inFlight(Array.from({ length: WRITES }, (_, i) => () => writers[i % WRITERS].get('/api/health')), WRITERS);
  const writes = await inFlight(Array.from({ length: WRITES }, (_, i) => () => writers[i % WRITERS].post(`/api/studios/${studio.id}/loans`, { enterprise: `并发企业${i}`, bank: '长治银行', amountYuan: 1_000_000, grantedOn: today })), WRITERS);
  const after = (await office.get(`/api/studios/${studio.id}`)).body.figures.find((f: any) => f.key === 'studios.loans').value;
  emit({
    name: `studios_record_loan_p99_${kind}`, value: round(percentile(writes.times, 99), 1), unit: 'ms', baseline: round(percentile(bare.times, 99), 1), p50: round(percentile(writes.times, 50), 1),
    requests: WRITES, concurrency: WRITERS, failed: writes.results.filter((r) => r.status !== 201).length, counted: after - before,
  });
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `studios_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    w = await startWorld(d.kind, { members: 40, config: { webDist: '/nonexistent-web-dist' } });
    await run(w, d.kind);
  } catch (e) {
    crashed(`studios_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
