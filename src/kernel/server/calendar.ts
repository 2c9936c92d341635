/**
 * The working-day calendar: China's public holidays and make-up working days (调休) from `chinese-days`,
 * with administrators' overrides stored in the database. Every deadline is counted on it.
 */
import chineseDays from 'chinese-days';
import type { Kysely } from 'kysely';
import { addWorkingDays, workingDaysBetween, chinaToday, parseDate, type IsWorkday } from '../universal/working-days.ts';
import { clock } from '../universal/clock.ts';

export interface CalendarOverride { date: string; kind: 'workday' | 'holiday'; note: string | null }

/** A year's holiday schedule entered by the system administrator (the bundled calendar lacks the year). */
export interface CalendarSchedule { year: number; holidays: number; workdays: number; source: string | null; enteredBy: string; enteredAt: string }

/** A table column holding a working-day deadline that follows the calendar when a schedule is entered. */
export interface DueDateColumn { table: string; column: string }

/** Years for which the library carries the State Council's published arrangement. */
const knownYears = new Set<number>();
for (let y = 2004; y <= 2100; y++) {
  try {
    const d = chineseDays.getDayDetail(`${y}-10-01`);
    if (d && /National Day|国庆/.test(String(d.name))) knownYears.add(y);
  } catch { /* the library has no data for this year */ }
}

export function libraryIsWorkday(date: string): boolean {
  const y = Number(date.slice(0, 4));
  if (knownYears.has(y)) return chineseDays.isWorkday(date);
  const dow = parseDate(date).getUTCDay();
  return dow !== 0 && dow !== 6;
}

export class WorkingCalendar {
  private overrides = new Map<string, CalendarOverride>();
  private schedules = new Map<number, CalendarSchedule>();
  private cache = new Map<string, boolean>();
  constructor(private db: Kysely<any>) {}

  async load(): Promise<void> {
    const [rows, years] = await Promise.all([
      this.db.selectFrom('calendar_overrides').select(['date', 'kind', 'note']).execute(),
      this.db.selectFrom('calendar_schedules').selectAll().execute(),
    ]);
    this.overrides = new Map(rows.map((r: any) => [r.date, r as CalendarOverride]));
    this.schedules = new Map(years.map((r: any) => [Number(r.year), {
      year: Number(r.year), holidays: Number(r.holidays), workdays: Number(r.workdays), source: r.source ?? null, enteredBy: r.entered_by, enteredAt: r.entered_at,
    }]));
    this.cache.clear();
  }

  private dueColumns: DueDateColumn[] = [];
  /** Columns of the modules' tables that hold working-day deadlines (declared in their manifests). */
  trackDueDates(columns: readonly DueDateColumn[]): void { this.dueColumns = [...columns]; }
  dueDateColumns(): readonly DueDateColumn[] { return this.dueColumns; }

  /** The calendar as it stands now, frozen: deadlines counted on it do not follow later changes. */
  snapshot(): (date: string) => boolean {
    const overrides = new Map(this.overrides);
    return (date) => {
      const o = overrides.get(date);
      return o ? o.kind === 'workday' : libraryIsWorkday(date);
    };
  }

  /** The calendar with these overrides in place of the current ones for the dates they name (null: no override). */
  withOverrides(changes: ReadonlyMap<string, CalendarOverride | null>): (date: string) => boolean {
    const now = this.snapshot();
    return (date) => {
      if (!changes.has(date)) return now(date);
      const o = changes.get(date);
      return o ? o.kind === 'workday' : libraryIsWorkday(date);
    };
  }

  /** Does the calendar know the year's holidays: the bundled State Council data, or a schedule an administrator entered? */
  covers(year: number): boolean { return knownYears.has(year) || this.schedules.has(year); }
  schedule(year: number): CalendarSchedule | null { return this.schedules.get(year) ?? null; }

  /**
   * Years deadlines reach into whose holidays the calendar does not know: this year, and from 1 October the next one
   * (a deadline of two or three months set in the autumn runs across 元旦 and 春节).
   */
  missingYears(today: string = this.today()): number[] {
    const year = Number(today.slice(0, 4));
    const needed = today.slice(5) >= '10-01' ? [year, year + 1] : [year];
    return needed.filter((y) => !this.covers(y));
  }

  isWorkday = (date: string): boolean => {
    const o = this.overrides.get(date);
    if (o) return o.kind === 'workday';
    let v = this.cache.get(date);
    if (v === undefined) {
      v = libraryIsWorkday(date);
      if (this.cache.size > 50000) this.cache.clear();
      this.cache.set(date, v);
    }
    return v;
  };

  hasOfficialData(year: number): boolean { return knownYears.has(year); }
  overridesList(): CalendarOverride[] { return [...this.overrides.values()].sort((a, b) => a.date.localeCompare(b.date)); }
  addWorkingDays(date: string, n: number): string { return addWorkingDays(this.isWorkday, date, n); }
  /** positive: working days left until `due`; negative: working days overdue */
  daysLeft(due: string, today: string = chinaToday()): number { return workingDaysBetween(this.isWorkday, today, due); }
  /** Today's date in China, worked out again only when a China day has ended (requests ask for it many times a second). */
  today(): string {
    const now = clock.nowMs();
    if (now >= this.todayFrom && now < this.todayUntil) return this.todayValue;
    this.todayValue = chinaToday(new Date(now));
    // the China day runs from 16:00 UTC the day before to 16:00 UTC
    this.todayFrom = Date.parse(`${this.todayValue}T00:00:00+08:00`);
    this.todayUntil = this.todayFrom + 86_400_000;
    return this.todayValue;
  }
  private todayValue = '';
  private todayFrom = 0;
  private todayUntil = 0;

  /** The days of a month with whether each is a working day and why, for the admin calendar page. */
  month(year: number, month: number): Array<{ date: string; workday: boolean; name: string | null; override: CalendarOverride | null }> {
    const out = [];
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) {
      const date = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      let name: string | null = null;
      if (knownYears.has(year)) {
        const detail = chineseDays.getDayDetail(date);
        const parts = String(detail.name).split(',');
        name = parts.length >= 2 ? parts[1] : null;
      } else if (this.schedules.has(year)) {
        // an entered schedule names its days in the overrides' notes (元旦, 春节, 春节调休 …)
        name = this.overrides.get(date)?.note ?? null;
      }
      out.push({ date, workday: this.isWorkday(date), name, override: this.overrides.get(date) ?? null });
    }
    return out;
  }
}

/**
 * Move working-day deadlines after the calendar changed: each open deadline from today on keeps the working days it had
 * left, counted on the calendar before the change, and gets the date that many working days from today on the calendar
 * after it. Deadlines already past and those of closed work are left as they were. Runs in the caller's transaction.
 */
export async function rescheduleDueDates(
  trx: Kysely<any>, before: IsWorkday, after: IsWorkday, today: string, columns: readonly DueDateColumn[],
): Promise<{ table: string; moved: number }[]> {
  const out: { table: string; moved: number }[] = [];
  const all: (DueDateColumn & { openOnly?: boolean })[] = [{ table: 'tasks', column: 'due_date', openOnly: true }, ...columns];
  for (const c of all) {
    let q = trx.selectFrom(c.table).select(['id', `${c.column} as due`]).where(c.column, '>=', today);
    if (c.openOnly) q = q.where('status', '=', 'open');
    const rows = (await q.execute()) as { id: string; due: string }[];
    let moved = 0;
    for (const r of rows) {
      const left = workingDaysBetween(before, today, r.due);
      const due = addWorkingDays(after, today, left);
      if (due === r.due) continue;
      await trx.updateTable(c.table).set({ [c.column]: due }).where('id', '=', r.id).where(c.column, '=', r.due).execute();
      moved++;
    }
    out.push({ table: c.table, moved });
  }
  return out;
}
