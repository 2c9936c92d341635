/** Pure date checks used by the system module's contracts. */

/** Whether 'YYYY-MM-DD' names a day that exists on the calendar. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The UTC instant at which a China-time (UTC+8) calendar day begins, as ISO text. */
export function chinaDayStartUtc(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3600 * 1000).toISOString();
}
