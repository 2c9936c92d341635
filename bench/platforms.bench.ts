/**
 * 有事来商量 at a large city's ten-year volume: 30,000 platforms over twelve counties and 300,000 consultations with
 * about 150,000 results (3,000 / 30,000 / 15,000 with --quick), bulk-loaded into the module's tables. Measures, through
 * the real routes (Fastify inject, in process) as the city's office and as a county's staff, the p99 of the registry
 * and list pages and of the year's figures and by-county overview (target ≤ 50 ms), against a baseline measured in the
 * same run: a bare route of the same app and the raw driver count of the year's consultations.
 *
 *   node --import tsx bench/platforms.bench.ts [--quick] [--sqlite] [--runs=N]
 *
 * --sqlite measures SQLite only; --runs sets the timed requests per route (200, or 30 with --quick); --keep-sqlite=FILE
 * keeps a copy of the loaded SQLite database (for EXPLAIN QUERY PLAN).
 */
import { sql } from 'kysely';
import { insertBatches } from '../src/kernel/server/db/bulk.ts';
import { optimiseForReading } from '../src/kernel/server/db/dialect.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { hashPassword } from '../src/modules/identity/index.ts';
import { DEMO_PASSWORD } from '../src/server/seed.ts';
import { WorldRows } from '../src/server/world.ts';
import { startPlatformsWorld, type PlatformsWorld } from '../src/modules/platforms/test/world.ts';
import type { DialectKind } from '../test/support/db.ts';
import { crashed, crashes, emit, median, note, postgresUnavailable, quick, round } from './lib.ts';

const P99_TARGET_MS = 50;
const PLATFORMS = quick ? 3_000 : 30_000;
const ACTIVITIES = quick ? 30_000 : 300_000;
const YEARS = 10;
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = runsArg ? Math.max(1, Number(runsArg.slice('--runs='.length)) || 1) : quick ? 30 : 200;
const sqliteOnly = process.argv.includes('--sqlite');

const p99 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]; };

async function load(w: PlatformsWorld): Promise<{ counties: string[] }> {
  const db = w.zx.ctx.db;
  const rows = new WorldRows(clock.iso(), await hashPassword(DEMO_PASSWORD));
  const more = Array.from({ length: 10 }, (_, i) => rows.org({ parent: w.ids.cityId, kind: 'cppcc', level: 'county', name: `长治市第${i + 3}县政协`, short: `第${i + 3}县政协`, sort: 410 + i }));
  await rows.insert(w.zx.ctx, { tenantId: w.ids.cityId, action: 'bench.world' });
  const counties = [w.ids.countyId, w.county2Id, ...more];
  const rand = seededRandom(30_000);
  const now = clock.iso();
  const today = clock.today();
  const first = addDays(today, -365 * YEARS);
  const platforms: Array<Record<string, unknown>> = [];
  for (let i = 0; i < PLATFORMS; i++) {
    const tenant = counties[i % counties.length];
    const k = Math.floor(i / counties.length);
    platforms.push({
      id: newId(), tenant_id: tenant, town: `第${k % 40}镇`, village: `第${Math.floor(k / 40)}村`, name: `第${k % 40}镇第${Math.floor(k / 40)}村议事点`,
      convener_user_id: null, convener_name: '召集人', convener_phone: null, member_user_ids: '', established_on: first, active: 1, version: 1, created_at: now, updated_at: now,
    });
  }
  await db.transaction().execute(async (trx) => { await insertBatches(trx, 'platforms_registry', platforms, 500); });
  let done = 0;
  while (done < ACTIVITIES) {
    const activities: Array<Record<string, unknown>> = [];
    const results: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 20_000 && done < ACTIVITIES; i++, done++) {
      const p = platforms[Math.floor(rand() * platforms.length)] as { id: string; tenant_id: string };
      const day = addDays(first, Math.floor(rand() * 365 * YEARS));
      const id = newId();
      activities.push({ id, tenant_id: p.tenant_id, platform_id: p.id, topic_id: null, topic: '村道硬化', held_on: day, members_count: 2, residents_count: 15, participants: '', minutes: '纪要', recorded_by: 'system', recorded_by_name: '系统', version: 1, created_at: now, updated_at: now });
      if (rand() < 0.5) {
        const on = addDays(day, 20) <= today ? addDays(day, 20) : null;
        results.push({ id: newId(), tenant_id: p.tenant_id, platform_id: p.id, activity_id: id, convener_user_id: null, content: '成果', responsible_body: '村委会', handed_on: day, due_date: addDays(day, 30), state: on ? 'implemented' : 'handed', feedback: null, implemented_on: on, evaluation: null, version: 1, created_at: now, updated_at: now });
      }
    }
    await db.transaction().execute(async (trx) => {
      await insertBatches(trx, 'platforms_activities', activities, 500);
      await insertBatches(trx, 'platforms_results', results, 500);
    });
  }
  await optimiseForReading(db, w.zx.ctx.dialect);
  if (w.zx.ctx.dialect === 'postgres') await sql`vacuum analyze platforms_activities, platforms_results, platforms_registry`.execute(db);
  return { counties };
}

async function bench(kind: DialectKind): Promise<void> {
  let w: PlatformsWorld | undefined;
  try {
    w = await startPlatformsWorld(kind);
    const t0 = performance.now();
    const { counties } = await load(w);
    const keep = process.argv.find((a) => a.startsWith('--keep-sqlite='))?.slice('--keep-sqlite='.length);
    if (keep && kind === 'sqlite') await sql`vacuum into ${sql.lit(keep)}`.execute(w.zx.ctx.db);
    emit({ name: `platforms_bulk_load_${kind}`, value: Math.round(performance.now() - t0), unit: 'ms', platforms: PLATFORMS, activities: ACTIVITIES });
    const [office, plat1] = await Promise.all([w.as('office'), w.as('plat1')]);
    // the last whole working year (the current one has only begun when the clock is just past the cut-off)
    const current = (await office.get('/api/platforms/overview')).body.year;
    const ov = await office.get(`/api/platforms/overview?year=${current - 1}`);
    const { year, from, to } = ov.body;
    const timed = async (f: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await f();
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t); }
      return xs;
    };
    const get = (c: typeof office, url: string) => async () => { const r = await c.get(url); if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`); };
    // the baselines: a bare route of the same app, and the raw driver count of the year's consultations
    const bare = await timed(get(office, '/api/auth/me'));
    const raw = await timed(() => w!.zx.ctx.db.selectFrom('platforms_activities').select((eb) => eb.fn.countAll().as('n')).where('held_on', '>=', from).where('held_on', '<=', to).executeTakeFirst());
    emit({ name: `platforms_baseline_route_p99_${kind}`, value: round(p99(bare), 2), unit: 'ms', p50: round(median(bare), 2), route: '/api/auth/me' });
    emit({ name: `platforms_baseline_raw_count_p99_${kind}`, value: round(p99(raw), 2), unit: 'ms', p50: round(median(raw), 2), note: 'count(*) of the year\'s consultations, all counties' });
    const paths: Array<[string, typeof office, string]> = [
      ['registry_first_page', office, '/api/platforms?page=1&pageSize=20'],
      ['registry_page_50', office, '/api/platforms?page=50&pageSize=20'],
      ['registry_county', office, `/api/platforms?county=${counties[3]}&pageSize=20`],
      ['registry_search', office, '/api/platforms?q=%E7%AC%AC3%E6%9D%91&pageSize=20'],
      ['registry_county_staff', plat1, '/api/platforms?page=2&pageSize=20'],
      ['activities_year', office, `/api/platforms/activities?from=${from}&to=${to}&pageSize=20`],
      ['activities_county_year', plat1, `/api/platforms/activities?from=${from}&to=${to}&pageSize=20`],
      ['results_implemented_year', office, `/api/platforms/results?implementedFrom=${from}&implementedTo=${to}&pageSize=20`],
      ['results_open', plat1, '/api/platforms/results?state=handed&pageSize=20'],
      ['year_figures', office, `/api/figures?year=${year}&modules=platforms`],
      ['year_figures_county', plat1, `/api/figures?year=${year}&modules=platforms`],
      ['overview_by_county', office, `/api/platforms/overview?year=${year}`],
    ];
    for (const [name, c, url] of paths) {
      const xs = await timed(get(c, url));
      emit({ name: `platforms_${name}_p99_${kind}`, value: round(p99(xs), 2), unit: 'ms', target: `<= ${P99_TARGET_MS}`, p50: round(median(xs), 2), baseline: round(p99(bare), 2), runs: RUNS, url: url.replace(/[0-9A-Z]{26}/g, '…') });
    }
    const figures = (await office.get(`/api/figures?year=${year}&modules=platforms`)).body.groups[0].figures;
    note(`${kind}: ${figures.map((f: { label: string; value: number }) => `${f.label} ${f.value}`).join('，')}`);
  } catch (e) {
    crashed(`platforms_${kind}`, e);
  } finally {
    await w?.close();
  }
}

await bench('sqlite');
const pgSkip = sqliteOnly ? '--sqlite' : await postgresUnavailable();
if (pgSkip) emit({ name: 'platforms_postgres', skipped: pgSkip });
else await bench('postgres');
if (crashes().length) process.exit(1);
