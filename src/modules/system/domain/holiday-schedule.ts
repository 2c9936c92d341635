/**
 * 节假日安排: reads a year's holiday schedule as the State Council's notice states it, or as simple lines, into the
 * days it makes holidays (放假) and working days (调休上班). Pure: no I/O.
 *
 * Accepted, one holiday per line (a line may hold both its 放假 and its 上班 sentences):
 * - the notice's wording: `二、春节：2月6日（周六）至13日（周六）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。`
 * - ISO dates: `春节 休 2027-02-06~2027-02-13` and `春节 班 2027-02-14、2027-02-20`
 * Blank lines and lines starting with `#` are ignored; a line without a date is ignored when it is the notice's
 * preamble (it names no 放假 or 上班), and reported otherwise.
 */
export interface ScheduleDay { date: string; kind: 'holiday' | 'workday'; name: string }
export interface ScheduleError { line: number; message: string }
export interface ParsedSchedule { year: number; days: ScheduleDay[]; errors: ScheduleError[] }

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function* daysFrom(from: string, to: string): Generator<string> {
  const t = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let i = 0; t.getTime() <= end && i < 60; i++) {
    yield t.toISOString().slice(0, 10);
    t.setUTCDate(t.getUTCDate() + 1);
  }
}

/** A date token in a clause: 2027-02-06, 2027年2月6日, 2月6日, or (after 至) 13日, the month carried from before. */
const DATE_TOKEN = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{1,2})月(\d{1,2})日|(?<=至|~|～|到)\s*(\d{1,2})日/g;

interface Token { date: string | null; text: string; index: number; end: number }

function readDates(clause: string, year: number, monthsInLine: Set<number>): Token[] {
  const out: Token[] = [];
  let lastMonth = 0;
  for (const m of clause.matchAll(DATE_TOKEN)) {
    let y = year;
    let mo: number;
    let d: number;
    if (m[1]) { y = Number(m[1]); mo = Number(m[2]); d = Number(m[3]); } else if (m[4]) { mo = Number(m[4]); d = Number(m[5]); } else { mo = lastMonth; d = Number(m[6]); }
    // 元旦 may start on the last days of December of the year before (12月30日至1月1日)
    if (!m[1] && mo === 12 && monthsInLine.has(1)) y = year - 1;
    lastMonth = mo;
    out.push({ date: mo ? validDate(y, mo, d) : null, text: m[0], index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

export function parseHolidaySchedule(year: number, text: string): ParsedSchedule {
  const days = new Map<string, ScheduleDay>();
  const errors: ScheduleError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/[（(][^）)]*[）)]/g, '').trim();
    if (!line || line.startsWith('#')) return;
    const body = line.replace(/^[一二三四五六七八九十]+、|^\d+[.、]\s*/, '');
    const colon = body.search(/[：:]/);
    let name = colon > 0 ? body.slice(0, colon).trim() : '';
    const rest = colon > 0 ? body.slice(colon + 1) : body;
    if (!name) {
      const words = rest.replace(DATE_TOKEN, ' ').replace(/[~～至到、,，。;；]/g, ' ').split(/\s+/)
        .filter((w) => w && !/^(休|放假|班|上班|holiday|workday|共\d+天)$/i.test(w));
      name = words[0] ?? '';
    }
    const monthsInLine = new Set([...rest.matchAll(/(\d{1,2})月/g)].map((m) => Number(m[1])));
    let found = false;
    for (const clause of rest.split(/[。;；]/)) {
      const tokens = readDates(clause, year, monthsInLine);
      if (!tokens.length) continue;
      const workday = /上班|(^|\s)班(\s|$)|workday/i.test(clause);
      const holiday = !workday && /放假|(^|\s)休(\s|$)|holiday/i.test(clause);
      if (!workday && !holiday) { errors.push({ line: lineNo, message: `第 ${lineNo} 行：未写明“放假/休”或“上班/班”` }); continue; }
      found = true;
      const bad = tokens.find((t) => !t.date);
      if (bad) { errors.push({ line: lineNo, message: `第 ${lineNo} 行：日期“${bad.text}”无效` }); continue; }
      const dates: string[] = [];
      for (let k = 0; k < tokens.length; k++) {
        const between = k + 1 < tokens.length ? clause.slice(tokens[k].end, tokens[k + 1].index) : '';
        if (/^\s*(至|~|～|到)\s*$/.test(between)) {
          const from = tokens[k].date!;
          const to = tokens[k + 1].date!;
          if (to < from) { errors.push({ line: lineNo, message: `第 ${lineNo} 行：${to} 早于 ${from}` }); k++; continue; }
          dates.push(...daysFrom(from, to));
          k++;
        } else dates.push(tokens[k].date!);
      }
      for (const date of dates) {
        const y = Number(date.slice(0, 4));
        if (y !== year && !(y === year - 1 && date.slice(5, 7) === '12')) {
          errors.push({ line: lineNo, message: `第 ${lineNo} 行：${date} 不在 ${year} 年` });
          continue;
        }
        const kind = workday ? 'workday' : 'holiday';
        const prior = days.get(date);
        if (prior && prior.kind !== kind) { errors.push({ line: lineNo, message: `第 ${lineNo} 行：${date} 既是放假日又是上班日` }); continue; }
        days.set(date, { date, kind, name: kind === 'workday' ? `${name || '节假日'}调休上班` : name || '节假日' });
      }
    }
    if (!found && /放假|上班|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/.test(rest)) {
      if (!errors.some((e) => e.line === lineNo)) errors.push({ line: lineNo, message: `第 ${lineNo} 行：未能识别日期` });
    }
  });
  if (!errors.length && ![...days.values()].some((d) => d.kind === 'holiday')) errors.push({ line: 0, message: `没有读到 ${year} 年的放假日` });
  return { year, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), errors };
}
