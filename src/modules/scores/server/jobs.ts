/**
 * 积分计算与预警: a periodic job that, for every CPPCC, recomputes the current working year's scores (the snapshot the
 * rankings read) and warns each member whose score is below the year's minimum pro rata (按进度): the part of the
 * minimum due by today's share of the year. A member is warned once per quarter of the year (`scores_warnings`; the
 * notifier's key also tells no one twice if the job runs again before the rows are written). Dates on the kernel clock.
 */
import type { JobDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { allTenantIds, currentWorkYear } from '../../organizations/index.ts';
import { proRataMinimum, warningPeriodOf } from '../domain/rules.ts';
import { rulesOf } from './rules-repo.ts';
import { recomputeYear } from './scoring.ts';
import { scoresDb } from './tables.ts';

const dayMs = 86_400_000;
const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);

/** For one CPPCC: recompute this year and warn those below the pro-rata minimum; returns who was warned. */
export async function warnBelowMinimum(ctx: ModuleContext, tenantId: string): Promise<{ year: number; period: number; threshold: number; warned: string[] }> {
  const today = ctx.calendar.today();
  const wy = await currentWorkYear(ctx.settings, tenantId, today);
  await recomputeYear(ctx, tenantId, wy.year);
  const inForce = await rulesOf(ctx.db, tenantId, wy.year);
  const yearDays = daysFrom(wy.startsOn, wy.endsOn) + 1;
  const elapsed = daysFrom(wy.startsOn, today) + 1;
  const threshold = proRataMinimum(inForce.rules, elapsed, yearDays);
  const period = warningPeriodOf(elapsed, yearDays);
  const db = scoresDb(ctx.db);
  const [below, already] = await Promise.all([
    db.selectFrom('scores_results').select(['user_id', 'total']).where('tenant_id', '=', tenantId).where('year', '=', wy.year).where('total', '<', threshold).execute(),
    db.selectFrom('scores_warnings').select('user_id').where('tenant_id', '=', tenantId).where('year', '=', wy.year).where('period', '=', period).execute(),
  ]);
  const told = new Set(already.map((r) => r.user_id));
  const due = below.filter((r) => !told.has(r.user_id));
  if (due.length === 0) return { year: wy.year, period, threshold, warned: [] };
  await ctx.notifier.notify({
    tenantId, userIds: due.map((r) => r.user_id), kind: 'scores.warning', key: `scores-warning:${tenantId}:${wy.year}:${period}`,
    title: `履职积分提醒：${wy.year}年度积分低于进度要求`,
    body: `截至${today}，按年度最低分${inForce.rules.minimum}分的进度，目前应达到${threshold}分。请查看「我的积分」，积极参加会议和履职活动。`,
    link: `/scores/mine?year=${wy.year}`,
  });
  await ctx.uow.run(async (w) => {
    const rows = due.map((r) => ({ tenant_id: tenantId, year: wy.year, period, user_id: r.user_id, total: Number(r.total), threshold, sent_at: w.now }));
    for (let i = 0; i < rows.length; i += 500) await scoresDb(w.trx).insertInto('scores_warnings').values(rows.slice(i, i + 500)).execute();
  });
  return { year: wy.year, period, threshold, warned: due.map((r) => r.user_id) };
}

export async function runScoreJob(ctx: ModuleContext): Promise<void> {
  for (const tenantId of await allTenantIds(ctx.db)) await warnBelowMinimum(ctx, tenantId);
}

export const scoreJob: JobDecl = { name: 'scores.recompute-warn', label: '履职积分计算与预警', everyMs: 6 * 3600_000, firstAfterMs: 10 * 60_000, run: runScoreJob };
