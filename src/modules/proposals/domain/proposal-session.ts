/**
 * Which year and session a proposal belongs to, and whether it is a 大会提案 (session proposal) or a 平时提案
 * (recess proposal), from the date it is submitted. The cut-off dates are per-tenant settings.
 */

import { defaultWorkYearCalendar, sessionLabelFor, workYearNumberOf, type WorkYearCalendar } from '../../../kernel/universal/work-year.ts';

export { chineseNumber, sessionLabelFor } from '../../../kernel/universal/work-year.ts';

/**
 * The calendar that decides the stamping: the CPPCC's working year (工作年度: the cut-off `nextYearAfter` and the term
 * numbering, the 组织机构 setting `organizations.workYear`) and the proposals' own `sessionDeadline`
 * (`proposals.sessionCalendar`).
 */
export interface SessionCalendar extends WorkYearCalendar {
  /** proposals submitted up to this month-day of the session year are 大会提案; later ones are 平时提案 */
  sessionDeadline: string;
}

export const defaultSessionCalendar: SessionCalendar = { ...defaultWorkYearCalendar, sessionDeadline: '02-28' };

/** Stamp a submission date ('YYYY-MM-DD', China time) with its year, session and category. */
export function stampSubmission(date: string, c: SessionCalendar = defaultSessionCalendar): { year: number; sessionLabel: string; category: 'session' | 'recess' } {
  // the proposal belongs to the working year of its submission: after the cut-off, next year's session
  const year = workYearNumberOf(date, c);
  const md = date.slice(5, 10);
  if (year !== Number(date.slice(0, 4))) return { year, sessionLabel: sessionLabelFor(year, c), category: 'session' };
  return { year, sessionLabel: sessionLabelFor(year, c), category: md <= c.sessionDeadline ? 'session' : 'recess' };
}

/** The proposal number shown to people: 第0001号. */
export function formatNumber(seq: number): string {
  return `第${String(seq).padStart(4, '0')}号`;
}
