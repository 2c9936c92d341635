/**
 * Which year and session a proposal belongs to, and whether it is a 大会提案 (session proposal) or a 平时提案
 * (recess proposal), from the date it is submitted. The cut-off dates are per-tenant settings.
 */

/** The settings that decide the stamping (`proposals.sessionCalendar`). */
export interface SessionCalendar {
  /** proposals submitted after this month-day count toward next year's session (national convention: 12-05) */
  nextYearAfter: string;
  /** proposals submitted up to this month-day of the session year are 大会提案; later ones are 平时提案 */
  sessionDeadline: string;
  /** the term (届) numbering: the year whose session is the first of `termNumber` */
  termFirstYear: number;
  termNumber: number;
  /** years per term */
  termLength: number;
}

export const defaultSessionCalendar: SessionCalendar = {
  nextYearAfter: '12-05',
  sessionDeadline: '02-28',
  termFirstYear: 2022,
  termNumber: 14,
  termLength: 5,
};

const cn = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chineseNumber(n: number): string {
  if (n <= 10) return cn[n];
  if (n < 20) return '十' + (n % 10 ? cn[n % 10] : '');
  return cn[Math.floor(n / 10)] + '十' + (n % 10 ? cn[n % 10] : '');
}

/** The session label of a year, e.g. 2025 → '十四届四次会议'. */
export function sessionLabelFor(year: number, c: SessionCalendar = defaultSessionCalendar): string {
  const offset = year - c.termFirstYear;
  const term = c.termNumber + Math.floor(offset / c.termLength);
  const session = (((offset % c.termLength) + c.termLength) % c.termLength) + 1;
  return `${chineseNumber(term)}届${chineseNumber(session)}次会议`;
}

/** Stamp a submission date ('YYYY-MM-DD', China time) with its year, session and category. */
export function stampSubmission(date: string, c: SessionCalendar = defaultSessionCalendar): { year: number; sessionLabel: string; category: 'session' | 'recess' } {
  const y = Number(date.slice(0, 4));
  const md = date.slice(5, 10);
  if (md > c.nextYearAfter) return { year: y + 1, sessionLabel: sessionLabelFor(y + 1, c), category: 'session' };
  return { year: y, sessionLabel: sessionLabelFor(y, c), category: md <= c.sessionDeadline ? 'session' : 'recess' };
}

/** The proposal number shown to people: 第0001号. */
export function formatNumber(seq: number): string {
  return `第${String(seq).padStart(4, '0')}号`;
}
