/**
 * 建议落实 at a large city's ten-year volume: 100,000 tracked recommendations (10,000 with --quick) over the city's
 * departments, seven source types and ten years, in every state (a fifth still open, part of them overdue, some with an
 * extension asked), bulk-loaded into the module's table. Measures, through the real routes (Fastify inject, in process),
 * the p99 of a department's worklist (its own recommendations: all, those it owes a reply on, those overdue) as the
 * 市住建局 clerk, and of the leaders' overview (the board, the open and overdue lists, the year's figures) as the office
 * and a leader (target ≤ 50 ms), against baselines measured in the same run: a bare route of the same app and the raw
 * driver count of the department's open recommendations.
 *
 *   node --import tsx bench/recommendations.bench.ts [--quick]
 */
import { sql } from 'kysely';
import { insertBatches } from '../src/kernel/server/db/bulk.ts';
import { optimiseForReading } from '../src/kernel/server/db/dialect.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { seededRandom } from '../src/kernel/universal/seeded-random.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { recommendationSourceTypes } from '../src/modules/recommendations/contract.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import type { DialectKind } from '../test/support/db.ts';
import { crashed, crashes, emit, median, note, postgresUnavailable, quick, round } from './lib.ts';

const P99_TARGET_MS = 50;
const RECOMMENDATIONS = quick ? 10_000 : 100_000;
const YEARS = 10;
const RUNS = quick ? 30 : 200;

const p99 = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]; };

/** Bulk-load the recommendations; returns the department the clerk works for. */
async function load(w: World): Promise<void> {
  const db = w.zx.ctx.db;
  const rand = seededRandom(100_000);
  const units = Object.entries(w.ids.unitIds);
  const today = clock.today();
  const first = addDays(today, -365 * YEARS);
  const requestedBy = w.ids.demoUsers.office.userId;
  let done = 0;
  while (done < RECOMMENDATIONS) {
    const rows: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 10_000 && done < RECOMMENDATIONS; i++, done++) {
      const [unitName, unitId] = units[Math.floor(rand() * units.length)];
      const age = Math.floor(rand() * 365 * YEARS);
      const day = addDays(first, age);
      const at = `${day}T02:00:00.000Z`;
      const due = addDays(day, 60);
      // the older a recommendation, the likelier it is closed; about a fifth are open
      const open = rand() < (age > 365 * (YEARS - 1) ? 0.9 : 0.12);
      const state = open ? (['pending', 'answered', 'in_progress'] as const)[Math.floor(rand() * 3)] : rand() < 0.85 ? 'implemented' : 'not_implemented';
      const replied = state !== 'pending' ? `${addDays(day, 20)}T02:00:00.000Z` : null;
      const sourceType = recommendationSourceTypes[Math.floor(rand() * recommendationSourceTypes.length)];
      const sourceId = `S${Math.floor(done / 5)}`;
      rows.push({
        id: newId(), tenant_id: w.ids.cityId, source_type: sourceType, source_module: 'bench', source_id: sourceId, source_title: `来源 ${sourceId}`, source_link: null,
        item_key: `${done % 5}`, text: `建议 ${done}：加快推进老旧小区改造`, unit_id: unitId, unit_name: unitName,
        instruction_by: null, instruction_text: null, instruction_at: null, requested_by: requestedBy, requested_by_name: '办公室',
        due_date: state === 'in_progress' ? addDays(day, 120) : due, feedback: replied ? '已反馈' : null, first_reply_at: replied, replied_at: replied,
        assessment: null, not_done_reason: state === 'not_implemented' ? '条件不具备' : null, return_reason: null,
        ext_state: open && rand() < 0.05 ? 'requested' : null, ext_reason: null, ext_due_date: null, ext_answer: null,
        closed_at: open ? null : `${addDays(day, 90)}T02:00:00.000Z`, state, version: 3, created_at: at, updated_at: at,
      });
    }
    await db.transaction().execute((trx) => insertBatches(trx, 'recommendations', rows, 400));
  }
  await optimiseForReading(db, w.zx.ctx.dialect);
  if (w.zx.ctx.dialect === 'postgres') await sql`vacuum analyze recommendations`.execute(db);
}

async function bench(kind: DialectKind): Promise<void> {
  let w: World | undefined;
  try {
    note(`${kind}: loading ${RECOMMENDATIONS} recommendations`);
    w = await startWorld(kind, { config: { webDist: '/nonexistent-web-dist' } });
    const t0 = performance.now();
    await load(w);
    emit({ name: `recommendations_bulk_load_${kind}`, value: Math.round(performance.now() - t0), unit: 'ms', recommendations: RECOMMENDATIONS });
    const [clerk, office, leader] = await Promise.all([w.as('unit'), w.as('office'), w.as('leader')]);
    const housing = w.ids.unitIds['市住建局'];
    const year = Number(clock.today().slice(0, 4)) - 1;
    const timed = async (f: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await f();
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) { const t = performance.now(); await f(); xs.push(performance.now() - t); }
      return xs;
    };
    const get = (c: typeof office, url: string) => async () => { const r = await c.get(url); if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`); };
    const bare = await timed(get(clerk, '/api/auth/me'));
    const raw = await timed(() => w!.zx.ctx.db.selectFrom('recommendations').select((eb) => eb.fn.countAll().as('n'))
      .where('unit_id', '=', housing).where('state', 'in', ['pending', 'answered', 'in_progress']).executeTakeFirst());
    emit({ name: `recommendations_baseline_route_p99_${kind}`, value: round(p99(bare), 2), unit: 'ms', p50: round(median(bare), 2), route: '/api/auth/me' });
    emit({ name: `recommendations_baseline_raw_count_p99_${kind}`, value: round(p99(raw), 2), unit: 'ms', p50: round(median(raw), 2), note: 'count(*) of one department\'s open recommendations' });
    const mine = (await clerk.get('/api/recommendations?pageSize=1')).body.total;
    const paths: Array<[string, typeof office, string]> = [
      ['department_list', clerk, '/api/recommendations?pageSize=20'],
      ['department_owing', clerk, '/api/recommendations?state=pending,in_progress&pageSize=20'],
      ['department_overdue', clerk, '/api/recommendations?overdue=true&pageSize=20'],
      ['department_page_20', clerk, '/api/recommendations?page=20&pageSize=20'],
      ['office_open', office, '/api/recommendations?open=true&pageSize=20'],
      ['office_overdue', office, '/api/recommendations?overdue=true&pageSize=20'],
      ['office_unit_open', office, `/api/recommendations?open=true&unitId=${housing}&pageSize=20`],
      ['office_search', office, `/api/recommendations?q=${encodeURIComponent('老旧小区')}&pageSize=20`],
      ['board', leader, '/api/recommendations/board'],
      ['board_office', office, '/api/recommendations/board'],
      ['year_figures', leader, `/api/figures?year=${year}&modules=recommendations`],
    ];
    for (const [name, c, url] of paths) {
      const xs = await timed(get(c, url));
      emit({ name: `recommendations_${name}_p99_${kind}`, value: round(p99(xs), 2), unit: 'ms', target: `<= ${P99_TARGET_MS}`, p50: round(median(xs), 2), baseline: round(p99(bare), 2), runs: RUNS, recommendations: RECOMMENDATIONS, url: url.replace(/[0-9A-Z]{26}/g, '…') });
    }
    const board = (await leader.get('/api/recommendations/board')).body;
    note(`${kind}: the department's ${mine}; open ${board.open}, overdue ${board.overdue}, awaiting assessment ${board.awaitingAssessment}, extensions ${board.extensionRequests}`);
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
