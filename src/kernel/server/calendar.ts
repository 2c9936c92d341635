/**
 * The working-day calendar: China's public holidays and make-up working days (调休) from `chinese-days`,
 * with administrators' overrides stored in the database. Every deadline is counted on it.
 */
import chineseDays from 'chinese-days';
import type { Kysely } from 'kysely';
import { addWorkingDays, workingDaysBetween, chinaToday, parseDate } from '../universal/working-days.ts';
import { clock } from '../universal/clock.ts';

export interface CalendarOverride { date: string; kind: 'workday' | 'holiday'; note: string | null }

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
  private cache = new Map<string, boolean>();
  constructor(private db: Kysely<any>) {}

  async load(): Promise<void> {
    const rows = await this.db.selectFrom('calendar_overrides').select(['date', 'kind', 'note']).execute();
    this.overrides = new Map(rows.map((r: any) => [r.date, r as CalendarOverride]));
    this.cache.clear();
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
      }
      out.push({ date, workday: this.isWorkday(date), name, override: this.overrides.get(date) ?? null });
    }
    return out;
  }
}
