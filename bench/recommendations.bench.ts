/**
 * 建议落实 at a large city's ten-year volume: 100,000 tracked recommendations (10,000 with --quick) over sixty
 * departments (the world's four, 市住建局 among the busiest, and fifty-six more; a department's share falls off as in a
 * real city), seven source types, 20,000 sources and ten years, in every state (a fifth still open, part of them
 * overdue, some with an extension asked), bulk-loaded into the module's table. Measures, through the real routes
 * (Fastify inject, in process), p50 and p99 of a department's worklist (its own recommendations: all, those it owes a
 * reply on, those overdue, 我的待落实 in due order) as the 市住建局 clerk, and of the leaders' overview (the board, the
 * lists each of its figures opens: open, overdue, by source, by department, by age, one source's recommendations, the
 * year's figures) as the office and a leader (target p99 ≤ 50 ms), against baselines measured in the same run: a bare
 * route of the same app and the raw driver's count of the department's open recommendations. Each line carries the
 * machine's load average; the query plans of the department's and the board's queries are checked for a full scan of
 * the table (a line per query: `scan: true` is a finding).
 *
 *   node --import tsx bench/recommendations.bench.ts [--quick]
 */
import os from 'node:os';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Actor } from '../src/kernel/server/actor.ts';
import { insertBatches } from '../src/kernel/server/db/bulk.ts';
import { optimiseForReading } from '../src/kernel/server/db/dialect.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { recommendationSourceTypes, recommendationsListQuery } from '../src/modules/recommendations/contract.ts';
import { ageBuckets } from '../src/modules/recommendations/domain/recommendations-lifecycle.ts';
import { recommendationsPermissions } from '../src/modules/recommendations/domain/recommendations-permissions.ts';
import { filtered, listQueries, openCountsQuery, type RecommendationFilter } from '../src/modules/recommendations/server/repository.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { DialectKind } from '../test/support/db.ts';
import { crashed, crashes, emit, median, note, postgresUnavailable, quick, round } from './lib.ts';

const P99_TARGET_MS = 50;
const RECOMMENDATIONS = quick ? 10_000 : 100_000;
const YEARS = 10;
const RUNS = quick ? 30 : 200;
/** the city's departments: the world's four and as many more (named, with ids of their own, in the tracker's rows only) */
const UNITS = 60;
/** a report names this many recommendations at most (the article's had 23), each to one department or two */
const MOST_ITEMS = 23;

const p99 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]; };
const load1 = () => round(os.loadavg()[0], 2);

/**
 * The departments with their shares: the k-th busiest gets a share ∝ 1/k^0.8 (the busiest about a seventh of all,
 * the sixtieth about 0.4 %); 市住建局 is the busiest, the world's other three follow it.
 */
function departments(w: World): Array<{ id: string; name: string; cumulative: number }> {
  const real = Object.entries(w.ids.unitIds).sort(([a], [b]) => (a === '市住建局' ? -1 : b === '市住建局' ? 1 : 0));
  const all = [...real.map(([name, id]) => ({ id, name })), ...Array.from({ length: UNITS - real.length }, (_, i) => ({ id: `BENCHUNIT${String(i + 1).padStart(3, '0')}`, name: `市直部门${i + 1}` }))];
  const weights = all.map((_, k) => 1 / (k + 1) ** 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return all.map((u, k) => ({ ...u, cumulative: (acc += weights[k] / sum) }));
}

/** Bulk-load the recommendations: reports (sources) of one to 23 recommendations, each to one department or two. */
async function load(w: World): Promise<{ sources: number; units: number }> {
  const db = w.zx.ctx.db;
  const rand = seededRandom(100_000);
  const units = departments(w);
  const pick = () => { const x = rand(); return units.find((u) => u.cumulative >= x) ?? units[units.length - 1]; };
  const today = clock.today();
  const first = addDays(today, -365 * YEARS);
  const requestedBy = w.ids.demoUsers.office.userId;
  let done = 0;
  let source = 0;
  const batch: Array<Record<string, unknown>> = [];
  const flush = async () => { await db.transaction().execute((trx) => insertBatches(trx, 'recommendations', batch.splice(0), 400)); };
  while (done < RECOMMENDATIONS) {
    // one source: its type, its day, its recommendations
    source++;
    const sourceType = recommendationSourceTypes[Math.floor(rand() * recommendationSourceTypes.length)];
    const sourceId = `S${source}`;
    const age = Math.floor(rand() * 365 * YEARS);
    const day = addDays(first, age);
    const at = `${day}T02:00:00.000Z`;
    const items = 1 + Math.floor(rand() * rand() * MOST_ITEMS);
    for (let item = 1; item <= items && done < RECOMMENDATIONS; item++) {
      const a = pick();
      const b = rand() < 0.15 ? pick() : a;
      for (const unit of a.id === b.id ? [a] : [a, b]) {
        if (done >= RECOMMENDATIONS) break;
        done++;
        const due = addDays(day, 60);
        // the older a recommendation, the likelier it is closed; about a fifth are open
        const open = rand() < (age > 365 * (YEARS - 1) ? 0.9 : 0.12);
        const state = open ? (['pending', 'answered', 'in_progress'] as const)[Math.floor(rand() * 3)] : rand() < 0.85 ? 'implemented' : 'not_implemented';
        const replied = state !== 'pending' ? `${addDays(day, 20)}T02:00:00.000Z` : null;
        batch.push({
          id: newId(), tenant_id: w.ids.cityId, source_type: sourceType, source_module: 'bench', source_id: sourceId, source_title: `来源 ${sourceId}`, source_link: null,
          item_key: String(item), text: `建议 ${done}：加快推进老旧小区改造`, unit_id: unit.id, unit_name: unit.name,
          instruction_by: null, instruction_text: null, instruction_at: null, requested_by: requestedBy, requested_by_name: '办公室',
          due_date: state === 'in_progress' ? addDays(day, 120) : due, feedback: replied ? '已反馈' : null, first_reply_at: replied, replied_at: replied,
          assessment: null, not_done_reason: state === 'not_implemented' ? '条件不具备' : null, return_reason: null,
          ext_state: open && rand() < 0.05 ? 'requested' : null, ext_reason: null, ext_due_date: null, ext_answer: null,
          closed_at: open ? null : `${addDays(day, 90)}T02:00:00.000Z`, state, version: 3, created_at: at, updated_at: at,
        });
      }
    }
    if (batch.length >= 10_000) await flush();
  }
  if (batch.length) await flush();
  await optimiseForReading(db, w.zx.ctx.dialect);
  if (w.zx.ctx.dialect === 'postgres') await sql`vacuum analyze recommendations`.execute(db);
  return { sources: source, units: units.length };
}

/** The plan of a query as the database would run it: its lines, and whether it reads the whole table. */
async function planOf(db: Kysely<any>, kind: DialectKind, q: { compile(): CompiledQuery }): Promise<{ plan: string; fullScan: boolean }> {
  const c = q.compile();
  const rows = (await db.executeQuery(CompiledQuery.raw(`${kind === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN'} ${c.sql}`, [...c.parameters]))).rows as Array<Record<string, string>>;
  const lines = rows.map((r) => String(r.detail ?? r['QUERY PLAN']).trim());
  // SQLite: "SCAN recommendations" with no index at all; PostgreSQL: a sequential scan of the table
  const fullScan = lines.some((l) => (kind === 'sqlite' ? /^SCAN recommendations$/.test(l) : /Seq Scan on recommendations/.test(l)));
  return { plan: lines.filter((l) => /recommendations|Sort|TEMP B-TREE/i.test(l)).join(' | ').replace(/\s+/g, ' ').slice(0, 400), fullScan };
}

interface Scenario { name: string; who: 'clerk' | 'office' | 'leader'; url: string; query?: Record<string, string> }

async function bench(kind: DialectKind): Promise<void> {
  let w: World | undefined;
  try {
    note(`${kind}: loading ${RECOMMENDATIONS} recommendations`);
    w = await startWorld(kind, { config: { webDist: '/nonexistent-web-dist' } });
    const t0 = performance.now();
    const shape = await load(w);
    emit({ name: `recommendations_bulk_load_${kind}`, value: Math.round(performance.now() - t0), unit: 'ms', recommendations: RECOMMENDATIONS, ...shape, load1: load1() });
    const db = w.zx.ctx.db;
    const [clerk, office, leader] = await Promise.all([w.as('unit'), w.as('office'), w.as('leader')]);
    const clients = { clerk, office, leader };
    const housing = w.ids.unitIds['市住建局'];
    const tenantId = w.ids.cityId;
    const today = w.zx.ctx.calendar.today();
    const year = Number(today.slice(0, 4)) - 1;
    // the actors the routes build for the clerk and the office (what the list's filter reads of them: the unit, reading all)
    const officeActor: Actor = { userId: 'office', username: 'office', displayName: '办公室', orgId: tenantId, tenantId, roles: ['office_staff'], permissions: new Set([recommendationsPermissions.readAll]), sessionId: 'bench' };
    const clerkActor: Actor = { ...officeActor, userId: 'unit', username: 'unit', orgId: housing, roles: ['unit_handler'], permissions: new Set([recommendationsPermissions.reply]) };
    const timed = async (f: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await f();
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t); }
      return xs;
    };
    const get = (c: typeof office, url: string) => async () => { const r = await c.get(url); if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`); };
    const bare = await timed(get(clerk, '/api/auth/me'));
    const raw = await timed(() => db.selectFrom('recommendations').select((eb) => eb.fn.countAll().as('n'))
      .where('unit_id', '=', housing).where('state', 'in', ['pending', 'answered', 'in_progress']).executeTakeFirst());
    emit({ name: `recommendations_baseline_route_p99_${kind}`, value: round(p99(bare), 2), unit: 'ms', p50: round(median(bare), 2), route: '/api/auth/me', load1: load1() });
    emit({ name: `recommendations_baseline_raw_count_p99_${kind}`, value: round(p99(raw), 2), unit: 'ms', p50: round(median(raw), 2), note: 'count(*) of one department\'s open recommendations', load1: load1() });
    const mine = (await clerk.get('/api/recommendations?pageSize=1')).body.total;
    const oneSource = (await db.selectFrom('recommendations').select('source_id').where('unit_id', '=', housing).where('state', 'in', ['pending', 'in_progress']).limit(1).executeTakeFirstOrThrow()).source_id as string;
    const list = (name: string, who: Scenario['who'], query: Record<string, string>): Scenario => ({ name, who, query, url: `/api/recommendations?${new URLSearchParams(query)}` });
    const scenarios: Scenario[] = [
      // the department's worklist: 本单位建议落实 and 我的待落实 (open, overdue first, then by due date; its overdue count)
      list('department_list', 'clerk', { pageSize: '20' }),
      list('department_owing', 'clerk', { state: 'pending,in_progress', pageSize: '20' }),
      list('department_owed_due', 'clerk', { open: 'true', sort: 'due', pageSize: '20' }),
      list('department_owed_due_page_5', 'clerk', { open: 'true', sort: 'due', page: '5', pageSize: '20' }),
      list('department_overdue', 'clerk', { overdue: 'true', pageSize: '20' }),
      list('department_overdue_count', 'clerk', { overdue: 'true', pageSize: '1' }),
      list('department_page_20', 'clerk', { page: '20', pageSize: '20' }),
      // the leaders' overview: the board and the lists its figures open
      { name: 'board', who: 'leader', url: '/api/recommendations/board' },
      { name: 'board_office', who: 'office', url: '/api/recommendations/board' },
      list('office_open', 'office', { open: 'true', pageSize: '20' }),
      list('office_overdue', 'office', { overdue: 'true', pageSize: '20' }),
      list('office_awaiting_assessment', 'office', { state: 'answered', pageSize: '20' }),
      list('office_extensions', 'office', { extensionPending: 'true', pageSize: '20' }),
      list('office_unit_open', 'office', { open: 'true', unitId: housing, pageSize: '20' }),
      list('office_small_unit_open', 'office', { open: 'true', unitId: 'BENCHUNIT050', pageSize: '20' }),
      list('office_source_type_open', 'office', { open: 'true', sourceType: 'inspection', pageSize: '20' }),
      list('office_age_older_open', 'office', { open: 'true', age: 'older', pageSize: '20' }),
      list('office_age_d30_overdue', 'office', { open: 'true', age: 'd30', overdue: 'true', pageSize: '20' }),
      list('office_one_source', 'office', { sourceId: oneSource, pageSize: '20' }),
      list('office_search', 'office', { q: '老旧小区', pageSize: '20' }),
      { name: 'year_figures', who: 'leader', url: `/api/figures?year=${year}&modules=recommendations` },
    ];
    for (const sc of scenarios) {
      const xs = await timed(get(clients[sc.who], sc.url));
      let plan: { plan: string; fullScan: boolean } | undefined;
      if (sc.query) {
        const q = recommendationsListQuery.parse(sc.query);
        const qs = listQueries(db, sc.who === 'clerk' ? clerkActor : officeActor, q, today);
        const [pagePlan, totalPlan] = [await planOf(db, kind, qs.page), await planOf(db, kind, qs.total)];
        plan = { plan: `page: ${pagePlan.plan} || total: ${totalPlan.plan}`, fullScan: pagePlan.fullScan || totalPlan.fullScan };
      }
      emit({
        name: `recommendations_${sc.name}_p99_${kind}`, value: round(p99(xs), 2), unit: 'ms', target: `<= ${P99_TARGET_MS}`, p50: round(median(xs), 2),
        baseline: round(p99(bare), 2), baselineP50: round(median(bare), 2), rawCountP99: round(p99(raw), 2), runs: RUNS, recommendations: RECOMMENDATIONS, load1: load1(),
        url: sc.url.replace(/[0-9A-Z]{26}/g, '…'), ...(plan ?? {}),
      });
    }
    // the board's own queries: the open counts by source and by department, and each of its figures
    const boardFilters: Array<[string, RecommendationFilter]> = [
      ['open', { open: true }], ['overdue', { overdue: true }], ['awaiting', { state: 'answered' }], ['extensions', { extensionPending: true }],
      ...ageBuckets.flatMap((age): Array<[string, RecommendationFilter]> => [[`age_${age}`, { open: true, age }], [`age_${age}_overdue`, { open: true, age, overdue: true }]]),
    ];
    const boardPlans = [
      ['by_source', await planOf(db, kind, openCountsQuery(db, officeActor, 'source_type', today))],
      ['by_unit', await planOf(db, kind, openCountsQuery(db, officeActor, 'unit_id', today))],
      ...await Promise.all(boardFilters.map(async ([n, f]) => [n, await planOf(db, kind, filtered(db, officeActor, f, today).select((eb) => eb.fn.countAll().as('n')))] as const)),
    ] as Array<readonly [string, { plan: string; fullScan: boolean }]>;
    for (const [n, p] of boardPlans) emit({ name: `recommendations_board_plan_${n}_${kind}`, fullScan: p.fullScan, plan: p.plan });
    const board = (await leader.get('/api/recommendations/board')).body;
    note(`${kind}: the department's ${mine}; open ${board.open}, overdue ${board.overdue}, awaiting assessment ${board.awaitingAssessment}, extensions ${board.extensionRequests}; ${board.byUnit.length} departments with open ones`);
  } catch (e) {
    crashed(`recommendations_${kind}`, e);
  } finally {
    await w?.close();
  }
}

await bench('sqlite');
const pgSkip = await postgresUnavailable();
if (pgSkip) emit({ name: 'recommendations_postgres', skipped: pgSkip });
else await bench('postgres');
if (crashes().length) process.exit(1);
