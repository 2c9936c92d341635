/**
 * 领导驾驶舱 and 工作回眸 over years of a large city (issue 19's benchmark), on SQLite and PostgreSQL, through the app:
 * the demo data with 100,000 proposals over eleven years (this year and the ten before, `loadProposalVolume`) and
 * 200,000 社情民意 reports over five years with their issues, adoptions and instructions (`loadVolume` of the opinions
 * bench) added to it (10,000 and 10,000 with `--quick`); the other modules keep the demo's records. Measured, p50 and p99
 * of repeated calls after a warm-up, interleaved, each against a baseline measured in the same run — one catalogue
 * computation of the year (GET /api/figures?year=, every module's figures, no cache):
 * - the dashboard's first load: the three APIs its page reads (the year against last year, the twelve months, the
 *   CPPCCs side by side) with the figure cache emptied before each call, so every figure is computed by its module;
 * - the dashboard answered from the cache (the figures unchanged since the last load);
 * - the full review of a year (GET /api/review/document, cold cache) and its figures as JSON (GET /api/review, cold).
 * Targets: dashboard first load ≤ 300 ms, review ≤ 2 s (reported, not enforced). The figures' values are checked
 * against their lists by the tests (src/modules/review/test), not here; the bench only checks each answer is a 200.
 */
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import type { DialectKind } from '../test/support/db.ts';
import type { FigureCache } from '../src/modules/review/server/figure-cache.ts';
import { crashed, crashes, emit, interleaved, note, postgresUnavailable, quick, round } from './lib.ts';
import { loadProposalVolume } from './proposals.bench.ts';
import { loadVolume as loadReportVolume } from './opinions.bench.ts';

const DASHBOARD_TARGET_MS = 300;
const REVIEW_TARGET_MS = 2000;
const runs = quick ? 10 : 40;
const PROPOSALS = quick ? 10_000 : 100_000;
const REPORTS = quick ? 10_000 : 200_000;

async function bench(kind: DialectKind): Promise<void> {
  let s: StartedApp | undefined;
  try {
    note(`review-years: loading the demo data (${kind})`);
    s = await startApp(kind, { config: { webDist: '/nonexistent-web-dist' } });
    const db = s.zx.ctx.db;
    const city = await db.selectFrom('organizations').select('id').where('kind', '=', 'cppcc').where('level', '=', 'city').executeTakeFirstOrThrow();
    note(`review-years: ${PROPOSALS} proposals over eleven years, ${REPORTS} 社情民意 reports (${kind})`);
    await loadProposalVolume(db, city.id as string, PROPOSALS);
    await loadReportVolume(db, REPORTS);
    const counted = async (table: string) => Number((await db.selectFrom(table as any).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as any).n);
    const [proposals, reports] = await Promise.all([counted('proposals'), counted('opinion_reports')]);
    const leader = await s.login('leader');
    const secgen = await s.login('secgen');
    const cache = s.zx.ctx.contributions.instance<FigureCache>('review');
    const ok = async (c: typeof leader, url: string) => {
      const r = await c.get(url);
      if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`);
      return r.body;
    };
    const dash = await ok(leader, '/api/dashboard');
    // the dashboard's own year by default (what a leader opens); `--year=` measures another (the loaders fill the
    // calendar year of today most)
    const asked = process.argv.find((a) => a.startsWith('--year='))?.slice('--year='.length);
    const year = asked ? Number(asked) : dash.year as number;
    const figures = dash.modules.flatMap((m: any) => m.figures).length;
    const dashboard = () => Promise.all([ok(leader, `/api/dashboard?year=${year}`), ok(leader, `/api/dashboard/trends?year=${year}`), ok(leader, `/api/dashboard/counties?year=${year}`)]);

    const [baseline, cold, warm, document, json] = await interleaved([
      () => ok(leader, `/api/figures?year=${year}`),
      async () => { cache.invalidate(); await dashboard(); },
      () => dashboard(),
      async () => { cache.invalidate(); await ok(secgen, `/api/review/document?year=${year}`); },
      async () => { cache.invalidate(); await ok(leader, `/api/review?year=${year}`); },
    ], { runs });
    const extra = { figures, proposals, reports, year, runs, baseline_p50: baseline.p50, baseline_p99: baseline.p99 };
    const ratio = (x: number) => round(x / Math.max(baseline.p50, 0.01), 1);
    emit({ name: `review_years_catalogue_year_p50_ms_${kind}`, value: baseline.p50, unit: 'ms', p99: baseline.p99, figures, proposals, reports, target: 'baseline (one catalogue computation of the year)' });
    emit({ name: `review_years_dashboard_first_load_p50_ms_${kind}`, value: cold.p50, unit: 'ms', p99: cold.p99, ...extra, ratio: ratio(cold.p50), target: `≤ ${DASHBOARD_TARGET_MS} ms` });
    emit({ name: `review_years_dashboard_cached_p50_ms_${kind}`, value: warm.p50, unit: 'ms', p99: warm.p99, ...extra, target: `≤ ${DASHBOARD_TARGET_MS} ms` });
    emit({ name: `review_years_document_p50_ms_${kind}`, value: document.p50, unit: 'ms', p99: document.p99, ...extra, ratio: ratio(document.p50), target: `≤ ${REVIEW_TARGET_MS} ms` });
    emit({ name: `review_years_figures_json_p50_ms_${kind}`, value: json.p50, unit: 'ms', p99: json.p99, ...extra, ratio: ratio(json.p50), target: `≤ ${REVIEW_TARGET_MS} ms` });
  } catch (e) {
    crashed(`review_years_${kind}`, e);
  } finally {
    await s?.close();
  }
}

const names = (kind: string) => ['catalogue_year', 'dashboard_first_load', 'dashboard_cached', 'document', 'figures_json'].map((n) => `review_years_${n}_p50_ms_${kind}`);
const only = process.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
if (!only || only === 'sqlite') await bench('sqlite');
if (!only || only === 'postgres') {
  const pgSkip = await postgresUnavailable();
  if (pgSkip) for (const n of names('postgres')) emit({ name: n, skipped: pgSkip });
  else await bench('postgres');
}
if (crashes().length) process.exit(1);
