/**
 * 催办与超期督办: the module's periodic job. Before a department's reply falls due (the configured working days) its
 * clerks are reminded; once it is overdue the clerks, the unit's leader and the committee's office are told. Each
 * notice carries a key naming the record, the kind and the day, so however often the job runs (and on however many
 * instances) a person is told once per record a day.
 */
import type { JobDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { tenantUsersHoldingRoles, usersHoldingRoles } from '../../identity/index.ts';
import { owingStates } from '../domain/recommendations-lifecycle.ts';
import { readRecommendationsSettings } from './settings.ts';
import { recommendationsDb } from './tables.ts';

/** One pass over every CPPCC's owed replies falling due soon or overdue; returns how many records it told about. */
export async function runRecommendationReminders(ctx: ModuleContext): Promise<{ reminded: number; escalated: number }> {
  const today = ctx.calendar.today();
  // the widest window a tenant may configure; each tenant's own is applied below
  const until = ctx.calendar.addWorkingDays(today, 30);
  const rows = await recommendationsDb(ctx.db).selectFrom('recommendations')
    .select(['id', 'tenant_id', 'unit_id', 'unit_name', 'source_title', 'text', 'due_date'])
    .where('state', 'in', [...owingStates]).where('due_date', '<=', until).orderBy('due_date').execute();
  const before = new Map<string, number>();
  let reminded = 0;
  let escalated = 0;
  for (const r of rows) {
    if (!r.due_date) continue;
    if (!before.has(r.tenant_id)) before.set(r.tenant_id, (await readRecommendationsSettings(ctx, r.tenant_id)).remindBeforeDays);
    const link = `/recommendations/${r.id}`;
    const what = `「${r.source_title}」的建议：${r.text.length > 30 ? `${r.text.slice(0, 30)}…` : r.text}`;
    if (r.due_date < today) {
      const clerks = await usersHoldingRoles(ctx.db, [r.unit_id], ['unit_handler']);
      const leaders = await usersHoldingRoles(ctx.db, [r.unit_id], ['unit_leader']);
      const office = await tenantUsersHoldingRoles(ctx.db, r.tenant_id, ['office_staff']);
      const key = `recommendation-overdue|${r.id}|${today}`;
      if (clerks.length + leaders.length) {
        await ctx.notifier.notify({ tenantId: r.tenant_id, userIds: [...new Set([...clerks, ...leaders])], kind: 'overdue', title: '建议落实已超期', body: `${what} 已于 ${r.due_date} 到期，请尽快反馈落实情况。`, link, key });
      }
      if (office.length) {
        await ctx.notifier.notify({ tenantId: r.tenant_id, userIds: office, kind: 'overdue', title: `超期：${r.unit_name}建议落实`, body: `${r.unit_name}承办的${what} 已于 ${r.due_date} 到期，尚未反馈，请督办。`, link, key });
      }
      escalated++;
    } else if (ctx.calendar.daysLeft(r.due_date, today) <= before.get(r.tenant_id)!) {
      const clerks = await usersHoldingRoles(ctx.db, [r.unit_id], ['unit_handler']);
      if (clerks.length) {
        await ctx.notifier.notify({
          tenantId: r.tenant_id, userIds: clerks, kind: 'reminder', title: '建议落实即将到期',
          body: `${what} 将于 ${r.due_date} 到期，还有 ${ctx.calendar.daysLeft(r.due_date, today)} 个工作日。`, link, key: `recommendation-remind|${r.id}|${today}`,
        });
      }
      reminded++;
    }
  }
  return { reminded, escalated };
}

/** 建议落实催办: every 30 minutes (first run after a minute); notices are keyed per record and day. */
export const recommendationRemindersJob: JobDecl = {
  name: 'recommendation-reminders', label: '建议落实催办与超期督办', everyMs: 30 * 60_000, firstAfterMs: 60_000,
  run: (ctx) => runRecommendationReminders(ctx),
};
