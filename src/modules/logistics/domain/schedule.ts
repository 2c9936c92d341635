/**
 * Times of a trip (用车时段), pure. A trip's times are China wall-clock text 'YYYY-MM-DDTHH:mm' (what a person books:
 * 「12月8日 8:30 至 17:00」), so text order is time order and a trip may run past midnight into the next day. Intervals are
 * half-open [from, to): a trip ending at 10:00 and another starting at 10:00 do not overlap (the car comes back and
 * leaves again). Nothing here depends on working days: a car is booked on a Sunday or a holiday the same way.
 */

export const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A valid wall-clock time (a real date, hours 0–23, minutes 0–59). */
export function isLocalTime(s: string): boolean {
  if (!LOCAL_TIME.test(s)) return false;
  const d = new Date(`${s}:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === s;
}

export interface Interval { from: string; to: string }

/** Do two half-open intervals share an instant: touching ends (10:00 / 10:00) are not an overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.from < b.to && b.from < a.to;
}

/** A Chinese reason why the interval is not a booking, or null: the end must come after the start, within 7 days. */
export function intervalProblem(i: Interval): string | null {
  if (!isLocalTime(i.from)) return '「出发时间」应为 YYYY-MM-DDTHH:mm 格式的时间';
  if (!isLocalTime(i.to)) return '「返回时间」应为 YYYY-MM-DDTHH:mm 格式的时间';
  if (i.to <= i.from) return '「返回时间」应晚于出发时间';
  if (minutesBetween(i.from, i.to) > 7 * 24 * 60) return '「返回时间」距出发不能超过 7 天';
  return null;
}

export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}:00Z`) - Date.parse(`${from}:00Z`)) / 60_000);
}

/** The China dates an interval touches (a trip from 22:00 to 02:00 is on both days' boards). */
export function datesOf(i: Interval): string[] {
  const out: string[] = [];
  const last = minutesBetween(i.from, i.to) > 0 && i.to.slice(11) === '00:00' ? addDay(i.to.slice(0, 10), -1) : i.to.slice(0, 10);
  for (let d = i.from.slice(0, 10); d <= last; d = addDay(d, 1)) out.push(d);
  return out;
}

export function addDay(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** '2026-12-08T08:30' → '12月8日 08:30' */
export function formatLocal(s: string): string {
  return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
}

/** The first booking of `bookings` that overlaps `wanted`, if any (the one named in the 409's message). */
export function firstClash<T extends Interval>(wanted: Interval, bookings: readonly T[]): T | undefined {
  return bookings.find((b) => overlaps(wanted, b));
}

/** Kilometres driven from the odometer readings (公里数), or a Chinese reason they are wrong. */
export function mileage(startKm: number, endKm: number): { km: number } | { problem: string } {
  if (!Number.isInteger(startKm) || startKm < 0) return { problem: '「出车里程」应为非负整数' };
  if (!Number.isInteger(endKm) || endKm < startKm) return { problem: '「收车里程」不能小于出车里程' };
  if (endKm - startKm > 5000) return { problem: '「收车里程」与出车里程相差超过 5000 公里，请核对' };
  return { km: endKm - startKm };
}
