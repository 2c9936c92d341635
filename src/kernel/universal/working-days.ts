/** Working-day arithmetic over a calendar predicate; dates are 'YYYY-MM-DD' strings in China time. */
import { clock } from './clock.ts';

export type IsWorkday = (date: string) => boolean;

export function parseDate(d: string): Date {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day));
}

export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + n);
  return formatDate(d);
}

/** Today's date in China Standard Time (UTC+8), the calendar every deadline is counted on. */
export function chinaToday(now: Date = clock.now()): string {
  return formatDate(new Date(now.getTime() + 8 * 3600 * 1000));
}

/** The date `n` working days after `date` (n > 0), not counting `date` itself. n = 0 returns `date`. */
export function addWorkingDays(isWorkday: IsWorkday, date: string, n: number): string {
  if (n < 0) throw new RangeError('n must be >= 0');
  let d = date;
  let left = n;
  let guard = 0;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkday(d)) left--;
    if (++guard > 5000) throw new RangeError('calendar has no working days');
  }
  return d;
}

/**
 * Working days from `from` to `to`: positive when `to` is later (days left), negative when overdue.
 * Counts the working days in (from, to] or, when overdue, -(working days in (to, from]).
 */
export function workingDaysBetween(isWorkday: IsWorkday, from: string, to: string): number {
  if (from === to) return 0;
  const forward = from < to;
  let a = forward ? from : to;
  const b = forward ? to : from;
  let count = 0;
  let guard = 0;
  while (a < b) {
    a = addDays(a, 1);
    if (isWorkday(a)) count++;
    if (++guard > 20000) break;
  }
  return forward ? count : -count;
}
