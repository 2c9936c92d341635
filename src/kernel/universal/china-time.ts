/**
 * Instants as the committee reads them. China Standard Time is UTC+8 all year (no daylight saving) and the CPPCC's
 * records, deadlines and letters are dated in it, so a stored instant is shown in China time whatever time zone the
 * reader's device is set to.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** `2026-11-28 18:49` in China time; an unreadable value is returned as it is. */
export function formatDateTime(iso?: string | null): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The China-time date (`2026-11-28`) of a stored instant; a plain date is returned as it is. */
export function formatDate(iso?: string | null): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return formatDateTime(iso).slice(0, 10);
}
