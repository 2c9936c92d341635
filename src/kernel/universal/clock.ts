/**
 * The clock (时钟) every part of zhengxie reads "now" from: the server's commands and queries, the demo seed, the web
 * app and the tests. Business time is the wall clock plus an offset. The offset is zero in production; a demo or a test
 * sets it (`ZX_CLOCK=2026-12-31`, `zhengxie --clock …`, or `clock.set(…)`) to run the whole system as if it were another
 * day: a session cut-off, 31 December, a 调休 weekend, a holiday. The clock then runs on from that instant at the
 * usual speed, so records made one after another stay in order.
 *
 * Lint forbids `Date.now()` and `new Date()` without arguments everywhere else in the code and the tests. Elapsed times
 * are measured with `performance.now()`; protocols bound to physical time (TOTP codes) read `clock.physicalMs()`.
 */

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The response header in which the server tells the web app its business time (epoch milliseconds). */
export const SERVER_TIME_HEADER = 'x-zhengxie-time';

let offsetMs = 0;
let setting: string | null = null;

/**
 * Reads a clock setting: an ISO instant with a zone (`2026-12-31T09:30:00+08:00`, `…Z`), a China-time date and time
 * (`2026-12-31T09:30`, `2026-12-31 09:30`), or a China-time date (`2026-12-31`, taken as 09:00 that day, when offices
 * are open). Throws a RangeError naming the setting when it is none of these.
 */
export function parseClockSetting(value: string): number {
  const v = value.trim();
  let ms = Number.NaN;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) ms = Date.parse(`${v}T09:00:00+08:00`);
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(v)) ms = Date.parse(`${v.replace(' ', 'T')}${v.length === 16 ? ':00' : ''}+08:00`);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new RangeError(`时钟设置无效：${value}（应为 2026-12-31、2026-12-31T09:30 或带时区的 ISO 时间）`);
  return ms;
}

export const clock = {
  /** business time in milliseconds since the epoch */
  nowMs(): number { return Date.now() + offsetMs; },
  /** business time as a Date */
  now(): Date { return new Date(Date.now() + offsetMs); },
  /** business time as stored: ISO-8601 UTC text */
  iso(): string { return new Date(Date.now() + offsetMs).toISOString(); },
  /** today's date in China Standard Time (`2026-12-31`), the calendar every deadline and year is counted on */
  today(): string { return new Date(Date.now() + offsetMs + CHINA_OFFSET_MS).toISOString().slice(0, 10); },
  /** the China-time calendar year of today */
  year(): number { return Number(clock.today().slice(0, 4)); },
  /** physical time, for protocols that a device outside zhengxie shares (TOTP codes from an authenticator app) */
  physicalMs(): number { return Date.now(); },
  /** the offset from physical time in milliseconds (0 unless a setting or a test moved the clock) */
  offsetMs(): number { return offsetMs; },
  /** the setting the clock was last set from, or null */
  setting(): string | null { return setting; },
  /** business time starts at `at` (a setting string, a Date or epoch milliseconds) and runs on from there */
  set(at: string | Date | number): void {
    const ms = typeof at === 'string' ? parseClockSetting(at) : typeof at === 'number' ? at : at.getTime();
    offsetMs = ms - Date.now();
    setting = typeof at === 'string' ? at : new Date(ms).toISOString();
  },
  /**
   * Applies a setting once per process: a second call with the same setting keeps the running clock (so several app
   * instances built in one test process share one time line); a different setting moves it.
   */
  applySetting(value: string | undefined | null): void {
    if (!value || value === setting) return;
    clock.set(value);
  },
  /**
   * Follows another clock's reading (the web app follows the server's `x-zhengxie-time` header), ignoring differences
   * under two seconds, which are the request's own travel time
   */
  syncTo(ms: number): void {
    if (Number.isFinite(ms) && Math.abs(ms - (Date.now() + offsetMs)) > 2000) offsetMs = ms - Date.now();
  },
  /** moves business time forward (or back, with a negative amount) */
  advance(ms: number): void { offsetMs += ms; },
  /** back to physical time */
  reset(): void { offsetMs = 0; setting = null; },
};

// A server process (and a test process) takes its setting from the environment as soon as anything reads the clock,
// so values computed at import time already see it. The browser has no `process`; the web app sets its offset from
// the time the server reports.
const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
if (env?.ZX_CLOCK) clock.applySetting(env.ZX_CLOCK);
