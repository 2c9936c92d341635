/**
 * 工作年度 (working year): the one year every page of a CPPCC opens on and every figure counts by default, with its
 * session (届次/次会议). It runs from the day after last year's cut-off (`nextYearAfter`, national convention 12-05)
 * to this year's cut-off: on and after 12-06 the CPPCC works toward next year's plenary session, proposals submitted
 * then are stamped with next year and its session, and every module's default year moves to it on the same day.
 * Pure: the tenant's calendar is a setting of the 组织机构 module (`organizations.workYear`), read by its server.
 */

/** A CPPCC's working-year calendar: the cut-off and the numbering of its terms (届) and sessions (次会议). */
export interface WorkYearCalendar {
  /** after this month-day (MM-DD) the working year is next year's (national convention: 12-05) */
  nextYearAfter: string;
  /** the year whose plenary session is the first of term `termNumber` */
  termFirstYear: number;
  /** the term (届) whose first session is held in `termFirstYear` */
  termNumber: number;
  /** years per term */
  termLength: number;
}

export const defaultWorkYearCalendar: WorkYearCalendar = {
  nextYearAfter: '12-05',
  termFirstYear: 2022,
  termNumber: 14,
  termLength: 5,
};

/** A working year as pages and APIs show it. */
export interface WorkYear {
  /** the year, e.g. 2027 */
  year: number;
  /** its plenary session, e.g. '十四届六次会议' */
  sessionLabel: string;
  /** its first and last day (China time, YYYY-MM-DD) */
  startsOn: string;
  endsOn: string;
  /** the cut-off month-day after which the next working year begins */
  nextYearAfter: string;
}

const cn = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 14 → 十四, 21 → 二十一 (up to 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return cn[n];
  if (n < 20) return '十' + (n % 10 ? cn[n % 10] : '');
  return cn[Math.floor(n / 10)] + '十' + (n % 10 ? cn[n % 10] : '');
}

/** The session of a year, e.g. 2025 → '十四届四次会议'. */
export function sessionLabelFor(year: number, c: WorkYearCalendar = defaultWorkYearCalendar): string {
  const offset = year - c.termFirstYear;
  const term = c.termNumber + Math.floor(offset / c.termLength);
  const session = (((offset % c.termLength) + c.termLength) % c.termLength) + 1;
  return `${chineseNumber(term)}届${chineseNumber(session)}次会议`;
}

/** The working year a China-time date ('YYYY-MM-DD') belongs to: its calendar year, or the next after the cut-off. */
export function workYearNumberOf(date: string, c: Pick<WorkYearCalendar, 'nextYearAfter'> = defaultWorkYearCalendar): number {
  const y = Number(date.slice(0, 4));
  return date.slice(5, 10) > c.nextYearAfter ? y + 1 : y;
}

/** The day after a month-day in a year ('12-05' in 2025 → '2025-12-06'). */
function dayAfter(year: number, md: string): string {
  const t = Date.parse(`${year}-${md}T00:00:00Z`) + 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Working year `year` of a calendar: its session and its days. */
export function workYear(year: number, c: WorkYearCalendar = defaultWorkYearCalendar): WorkYear {
  return {
    year, sessionLabel: sessionLabelFor(year, c),
    startsOn: dayAfter(year - 1, c.nextYearAfter), endsOn: `${year}-${c.nextYearAfter}`, nextYearAfter: c.nextYearAfter,
  };
}

/** The working year of a China-time date. */
export function workYearOf(date: string, c: WorkYearCalendar = defaultWorkYearCalendar): WorkYear {
  return workYear(workYearNumberOf(date, c), c);
}
