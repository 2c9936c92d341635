/**
 * 到期截止: a survey still 征集中 after its close date is moved to 已截止 by the system (answers are refused from the day
 * after the close date anyway; this puts the record where staff look for it). Each survey is one unit of work under its
 * version; another instance closing it first is a conflict that is skipped.
 */
import { systemActor } from '../../../kernel/server/actor.ts';
import type { JobDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { fireItem } from './commands.ts';
import { surveysDb } from './tables.ts';

/** Closes every survey whose close date lies before today (China date); returns how many it closed. */
export async function closeExpiredSurveys(ctx: ModuleContext): Promise<number> {
  const today = ctx.calendar.today();
  const due = await surveysDb(ctx.db).selectFrom('surveys_items').select(['id', 'tenant_id', 'version']).where('state', '=', 'published').where('closes_on', '<', today).execute();
  let closed = 0;
  for (const s of due) {
    try {
      await fireItem(ctx, { id: s.id, action: 'close', version: Number(s.version), input: { note: '已到截止日期，系统自动截止' }, actor: systemActor(s.tenant_id) });
      closed++;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'VERSION_CONFLICT' || err.code === 'INVALID_TRANSITION')) continue;
      throw err;
    }
  }
  return closed;
}

export const closeExpiredJob: JobDecl = { name: 'surveys.close-expired', label: '网络征集到期截止', everyMs: 10 * 60_000, run: closeExpiredSurveys };
