/** Commands on the working-day calendar: set or clear an administrator's override, with audit, then tell every instance. */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { rescheduleDueDates, type CalendarOverride } from '../../../kernel/server/calendar.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { parseHolidaySchedule, type ScheduleDay } from '../domain/holiday-schedule.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { systemDb } from './tables.ts';

/** Broadcast after an override changes; every instance reloads its calendar on it. */
export const CALENDAR_CHANGED = 'calendar.changed';

type Ctx = Pick<ModuleContext, 'db' | 'dialect' | 'events' | 'calendar' | 'uow'>;

/** 调整工作日: mark one date as a working day or a holiday, whatever the library says. */
export async function setCalendarOverride(ctx: Ctx, actor: Actor, input: { date: string; kind: 'workday' | 'holiday'; note?: string | null }, ip?: string): Promise<CalendarOverride> {
  const now = clock.iso();
  const note = input.note?.trim() || null;
  await ctx.uow.run(async (w) => {
    const trx = systemDb(w.trx);
    const before = await trx.selectFrom('calendar_overrides').select(['kind', 'note']).where('date', '=', input.date).executeTakeFirst();
    if (before) {
      await trx.updateTable('calendar_overrides').set({ kind: input.kind, note, updated_by: actor.userId, updated_at: now }).where('date', '=', input.date).execute();
    } else {
      await trx.insertInto('calendar_overrides').values({ date: input.date, kind: input.kind, note, updated_by: actor.userId, updated_at: now }).execute();
    }
    await w.audit({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'calendar.override.set',
      entityType: 'calendar_day', entityId: input.date, data: { kind: input.kind, note, before: before ?? null }, ip,
    });
    // every instance reloads its calendar when the event is delivered (durable: written with the change)
    await w.emit({ type: CALENDAR_CHANGED, tenantId: actor.tenantId, entityType: 'calendar_day', entityId: input.date, actorId: actor.userId, payload: { date: input.date, kind: input.kind } });
  });
  await ctx.calendar.load();
  return { date: input.date, kind: input.kind, note };
}

/** 取消调整: remove the override so the library calendar applies again. Returns whether there was one. */
export async function clearCalendarOverride(ctx: Ctx, actor: Actor, date: string, ip?: string): Promise<boolean> {
  const removed = await ctx.uow.run(async (w) => {
    const trx = systemDb(w.trx);
    const before = await trx.selectFrom('calendar_overrides').select(['kind', 'note']).where('date', '=', date).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom('calendar_overrides').where('date', '=', date).execute();
    await w.audit({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'calendar.override.clear',
      entityType: 'calendar_day', entityId: date, data: { before }, ip,
    });
    await w.emit({ type: CALENDAR_CHANGED, tenantId: actor.tenantId, entityType: 'calendar_day', entityId: date, actorId: actor.userId, payload: { date, kind: null } });
    return true;
  });
  if (removed) await ctx.calendar.load();
  return removed;
}

/**
 * 录入节假日安排: enter a year's holiday schedule (the bundled calendar lacks the year). Its days replace the year's
 * overrides; open deadlines from today on keep the working days they had left and move to follow it, all in one
 * transaction; every instance then reloads its calendar.
 */
export async function enterHolidaySchedule(
  ctx: Ctx, actor: Actor, input: { year: number; text: string; preview?: boolean }, ip?: string,
): Promise<{ year: number; days: ScheduleDay[]; saved: boolean; moved: { table: string; moved: number }[] }> {
  const parsed = parseHolidaySchedule(input.year, input.text);
  if (parsed.errors.length) {
    throw new AppError('VALIDATION_FAILED', parsed.errors[0].message, {
      field: 'text', details: parsed.errors.map((e) => ({ field: 'text', message: e.message })),
    });
  }
  if (input.preview) return { year: input.year, days: parsed.days, saved: false, moved: [] };
  const now = clock.iso();
  const today = ctx.calendar.today();
  const from = `${input.year - 1}-12-01`;
  const to = `${input.year}-12-31`;
  const moved = await ctx.uow.run(async (w) => {
    const trx = w.trx;
    const before = await trx.selectFrom('calendar_overrides').select(['date', 'kind', 'note']).where('date', '>=', `${input.year}-01-01`).where('date', '<=', to).execute();
    const changes = new Map<string, CalendarOverride | null>(before.map((o: any) => [o.date, null]));
    for (const d of parsed.days) changes.set(d.date, { date: d.date, kind: d.kind, note: d.name });
    const after = ctx.calendar.withOverrides(changes);
    const beforeCalendar = ctx.calendar.snapshot();
    await trx.deleteFrom('calendar_overrides').where('date', '>=', `${input.year}-01-01`).where('date', '<=', to).execute();
    // December days of the year before (元旦 starting on 12-30) are replaced one by one
    const december = parsed.days.map((d) => d.date).filter((d) => d >= from && d < `${input.year}-01-01`);
    if (december.length) await trx.deleteFrom('calendar_overrides').where('date', 'in', december).execute();
    for (let i = 0; i < parsed.days.length; i += 200) {
      await trx.insertInto('calendar_overrides').values(parsed.days.slice(i, i + 200).map((d) => ({
        date: d.date, kind: d.kind, note: d.name, updated_by: actor.userId, updated_at: now,
      }))).execute();
    }
    const counts = { holidays: parsed.days.filter((d) => d.kind === 'holiday').length, workdays: parsed.days.filter((d) => d.kind === 'workday').length };
    await trx.deleteFrom('calendar_schedules').where('year', '=', input.year).execute();
    await trx.insertInto('calendar_schedules').values({
      year: input.year, ...counts, source: input.text.slice(0, 2000), entered_by: actor.displayName, entered_at: now,
    }).execute();
    const movedDue = await rescheduleDueDates(trx, beforeCalendar, after, today, ctx.calendar.dueDateColumns());
    await w.audit({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'calendar.schedule.enter',
      entityType: 'calendar_year', entityId: String(input.year), data: { ...counts, replacedOverrides: before.length, moved: movedDue }, ip,
    });
    await w.emit({ type: CALENDAR_CHANGED, tenantId: actor.tenantId, entityType: 'calendar_year', entityId: String(input.year), actorId: actor.userId, payload: { year: input.year } });
    return movedDue;
  });
  await ctx.calendar.load();
  return { year: input.year, days: parsed.days, saved: true, moved };
}
