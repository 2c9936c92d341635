/** Commands on the working-day calendar: set or clear an administrator's override, with audit, then tell every instance. */
import type { Actor } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { CalendarOverride } from '../../../kernel/server/calendar.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { systemDb } from './tables.ts';

/** Broadcast after an override changes; every instance reloads its calendar on it. */
export const CALENDAR_CHANGED = 'calendar.changed';

type Ctx = Pick<ModuleContext, 'db' | 'dialect' | 'events' | 'calendar'>;

/** 调整工作日: mark one date as a working day or a holiday, whatever the library says. */
export async function setCalendarOverride(ctx: Ctx, actor: Actor, input: { date: string; kind: 'workday' | 'holiday'; note?: string | null }, ip?: string): Promise<CalendarOverride> {
  const now = clock.iso();
  const note = input.note?.trim() || null;
  await systemDb(ctx.db).transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_overrides').select(['kind', 'note']).where('date', '=', input.date).executeTakeFirst();
    if (before) {
      await trx.updateTable('calendar_overrides').set({ kind: input.kind, note, updated_by: actor.userId, updated_at: now }).where('date', '=', input.date).execute();
    } else {
      await trx.insertInto('calendar_overrides').values({ date: input.date, kind: input.kind, note, updated_by: actor.userId, updated_at: now }).execute();
    }
    await appendAudit(trx, ctx.dialect, {
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'calendar.override.set',
      entityType: 'calendar_day', entityId: input.date, data: { kind: input.kind, note, before: before ?? null }, ip,
    });
  });
  await ctx.calendar.load();
  await ctx.events.publish({ type: CALENDAR_CHANGED, tenantId: actor.tenantId, entityType: 'calendar_day', entityId: input.date, actorId: actor.userId, payload: { date: input.date, kind: input.kind } });
  return { date: input.date, kind: input.kind, note };
}

/** 取消调整: remove the override so the library calendar applies again. Returns whether there was one. */
export async function clearCalendarOverride(ctx: Ctx, actor: Actor, date: string, ip?: string): Promise<boolean> {
  const removed = await systemDb(ctx.db).transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_overrides').select(['kind', 'note']).where('date', '=', date).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom('calendar_overrides').where('date', '=', date).execute();
    await appendAudit(trx, ctx.dialect, {
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'calendar.override.clear',
      entityType: 'calendar_day', entityId: date, data: { before }, ip,
    });
    return true;
  });
  if (removed) {
    await ctx.calendar.load();
    await ctx.events.publish({ type: CALENDAR_CHANGED, tenantId: actor.tenantId, entityType: 'calendar_day', entityId: date, actorId: actor.userId, payload: { date, kind: null } });
  }
  return removed;
}
