/**
 * 领导驾驶舱 and 工作回眸 on the demo data, on SQLite and PostgreSQL, through the app: the dashboard's first load (the
 * three APIs its page reads — the year against last year, the twelve months, the CPPCCs side by side — with the figure
 * cache emptied before each run, so every figure is computed by its module), the same load answered from the cache,
 * and the full review of a year (GET /api/review/document, cold), each against a baseline measured in the same run:
 * one catalogue computation of the year (GET /api/figures); and the trend alone (its twelve months counted together,
 * decision 0054) against the same twelve months asked of the catalogue one by one. Median and max of repeated calls after a warm-up,
 * interleaved. Targets, for 10 years of a large city in every module: dashboard ≤ 300 ms, review ≤ 2 s (reported, not
 * enforced; the demo holds two years of proposals and 社情民意).
 */
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import type { DialectKind } from '../test/support/db.ts';
import type { FigureCache } from '../src/modules/review/server/figure-cache.ts';
import { monthPeriods } from '../src/modules/review/server/year-figures.ts';
import { crashed, crashes, emit, interleaved, note, postgresUnavailable, quick, round } from './lib.ts';

const DASHBOARD_TARGET_MS = 300;
const REVIEW_TARGET_MS = 2000;
const runs = quick ? 5 : 30;
const YEAR = 2025;

async function bench(kind: DialectKind): Promise<void> {
  let s: StartedApp | undefined;
  try {
    note(`review: loading the demo data (${kind})`);
    s = await startApp(kind, { config: { webDist: '/nonexistent-web-dist' } });
    const leader = await s.login('leader');
    const secgen = await s.login('secgen');
    const cache = s.zx.ctx.contributions.instance<FigureCache>('review');
    const ok = async (c: typeof leader, url: string) => {
      const r = await c.get(url);
      if (r.status !== 200) throw new Error(`${url} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`);
      return r.body;
    };
    const dashboard = () => Promise.all([ok(leader, `/api/dashboard?year=${YEAR}`), ok(leader, `/api/dashboard/trends?year=${YEAR}`), ok(leader, `/api/dashboard/counties?year=${YEAR}`)]);
    const figures = (await ok(leader, `/api/dashboard?year=${YEAR}`)).modules.flatMap((m: any) => m.figures).length;

    const dash = await ok(leader, `/api/dashboard?year=${YEAR}`);
    const months = monthPeriods(YEAR, dash.from, dash.to);
    const [baseline, cold, warm, review, trends, monthByMonth] = await interleaved([
      () => ok(leader, `/api/figures?year=${YEAR}`),
      async () => { cache.invalidate(); await dashboard(); },
      () => dashboard(),
      async () => { cache.invalidate(); await ok(secgen, `/api/review/document?year=${YEAR}`); },
      // the trend alone (its twelve months counted together), and the same twelve months asked of the catalogue one by one
      async () => { cache.invalidate(); await ok(leader, `/api/dashboard/trends?year=${YEAR}`); },
      () => Promise.all(months.map((m) => ok(leader, `/api/figures?from=${m.from}&to=${m.to}`))),
    ], { runs });
    const extra = { figures, baseline: baseline.median };
    emit({ name: `review_catalogue_year_median_ms_${kind}`, value: baseline.median, unit: 'ms', max: baseline.max, figures, target: 'baseline (one catalogue computation of the year)' });
    emit({ name: `review_dashboard_first_load_median_ms_${kind}`, value: cold.median, unit: 'ms', max: cold.max, ...extra, ratio: round(cold.median / Math.max(baseline.median, 0.01), 1), target: `≤ ${DASHBOARD_TARGET_MS} ms` });
    emit({ name: `review_dashboard_cached_median_ms_${kind}`, value: warm.median, unit: 'ms', max: warm.max, ...extra, target: `≤ ${DASHBOARD_TARGET_MS} ms` });
    emit({ name: `review_trends_first_load_median_ms_${kind}`, value: trends.median, unit: 'ms', max: trends.max, figures, baseline: monthByMonth.median, ratio: round(trends.median / Math.max(monthByMonth.median, 0.01), 2), target: 'below the baseline (the twelve months asked one by one)' });
    emit({ name: `review_document_median_ms_${kind}`, value: review.median, unit: 'ms', max: review.max, ...extra, ratio: round(review.median / Math.max(baseline.median, 0.01), 1), target: `≤ ${REVIEW_TARGET_MS} ms` });
  } catch (e) {
    crashed(`review_${kind}`, e);
  } finally {
    await s?.close();
  }
}

const names = (kind: string) => ['review_catalogue_year_median_ms', 'review_dashboard_first_load_median_ms', 'review_dashboard_cached_median_ms', 'review_trends_first_load_median_ms', 'review_document_median_ms'].map((n) => `${n}_${kind}`);
await bench('sqlite');
const pgSkip = await postgresUnavailable();
if (pgSkip) for (const n of names('postgres')) emit({ name: n, skipped: pgSkip });
else await bench('postgres');
if (crashes().length) process.exit(1);
