/**
 * 履职档案 (member duty record): one member's 社情民意 of a year and their figures over the years, read by the members
 * module through the opinions index. A year is the CPPCC's 工作年度 (decision 0041). The figures follow the year-end
 * ranking's rules (decision 0016) exactly: each counts by its own date (报送 by submission, 录用 by acceptance, 采用/批示
 * and 积分 by the event), over the member's own
 * reports (not the copies sent up, which are the upper level's records) and every event of their lineage, so a
 * member's record and the 通报 always agree.
 */
import type { ExpressionBuilder } from 'kysely';
import { levelLabels, levels, type Level } from '../contract.ts';
import { reportStateLabel } from '../domain/opinion-lifecycle.ts';
import { periodBounds, withYearDays } from './report-repository.ts';
import { settingsIn, workYearCalendarOf } from '../../organizations/index.ts';
import type { AnyModuleDb, ModuleTables } from '../../../kernel/server/db/tables.ts';
import { opinionDb, type OpinionDb, type OpinionTables } from './tables.ts';

export interface MemberReport {
  id: string;
  year: number;
  title: string;
  state: string;
  stateLabel: string;
  submittedAt: string;
  acceptedAt: string | null;
  issueNumber: string | null;
  /** what the report earned in the year asked for */
  submittedInYear: boolean;
  acceptedInYear: boolean;
  /** levels at which it was adopted (采用) in the year, lowest first */
  adoptedLevels: Level[];
  /** levels of the leaders who instructed on it (批示) in the year */
  instructionLevels: Level[];
  points: number;
  /**
   * 联名: a report converted from a proposal the member co-signed (提案转社情民意), credited to them in their record;
   * its figures and points stay with its submitter, as the ranking credits them (decision 0016).
   */
  cosigned: boolean;
}

export interface MemberReportFigures {
  submitted: number;
  accepted: number;
  /** reports adopted at least once in the year (at any level) */
  adopted: number;
  /** reports adopted at each level (a report adopted at two levels counts at both) */
  adoptedByLevel: Record<Level, number>;
  instructed: number;
  points: number;
}

interface Row { id: string; root_report_id: string; year: number; title: string; state: string; submitted_at: string; accepted_at: string | null; issue_number: string | null; cosigned?: boolean }
interface Ev { root_report_id: string; kind: string; level: string; leader_level: string | null; points: number; at: string }

const round = (n: number) => Math.round(n * 100) / 100;
const byLevel = (xs: Iterable<string>) => levels.filter((l) => [...xs].includes(l));

/** Adoption and instruction events (采用、批示) grouped by the lineage they belong to, points as numbers. */
function eventsByRoot(evs: Ev[]): Map<string, Ev[]> {
  const events = new Map<string, Ev[]>();
  for (const e of evs) {
    const list = events.get(e.root_report_id) ?? [];
    list.push({ ...e, points: Number(e.points) });
    events.set(e.root_report_id, list);
  }
  return events;
}

/**
 * A report the member co-signed (联名): the co-signers of a converted proposal are kept on the report as JSON
 * (`co_submitters`, [{"userId":…,"name":…}]); a user id is a ULID, so the quoted pair is a literal needle.
 */
function coSubmitted(eb: ExpressionBuilder<ModuleTables<OpinionTables>, 'opinion_reports'>, userId: string) {
  return eb.and([eb('opinion_reports.co_submitters', 'is not', null), eb('opinion_reports.co_submitters', 'like', `%"userId":"${userId.replace(/[\\%"]/g, '')}"%`)]);
}

/** The member's own and co-signed reports at this CPPCC, and the adoption and instruction events of their lineages. */
async function loadOwn(db: OpinionDb, tenantId: string, userId: string): Promise<{ rows: Row[]; events: Map<string, Ev[]> }> {
  const own = db.selectFrom('opinion_reports').where('opinion_reports.tenant_id', '=', tenantId).where('opinion_reports.source_report_id', 'is', null)
    .where((eb) => eb.or([eb('opinion_reports.submitter_user_id', '=', userId), coSubmitted(eb, userId)]));
  const [found, evs] = await Promise.all([
    own.select(['id', 'root_report_id', 'year', 'title', 'state', 'submitted_at', 'accepted_at', 'issue_number', 'submitter_user_id']).execute(),
    db.selectFrom('opinion_events').select(['root_report_id', 'kind', 'level', 'leader_level', 'points', 'at'])
      .where('kind', 'in', ['adoption', 'instruction'])
      .where('root_report_id', 'in', own.select('opinion_reports.root_report_id'))
      .execute(),
  ]);
  const events = eventsByRoot(evs as any[]);
  const rows = (found as Array<Row & { submitter_user_id: string }>).map(({ submitter_user_id, ...r }) => ({ ...r, cosigned: submitter_user_id !== userId }));
  return { rows, events };
}

/** The timestamp bounds of a year's days: its 工作年度 on the CPPCC's calendar (decision 0041). */
async function yearBounds(db: OpinionDb, tenantId: string, year: number): Promise<{ lo: string; hi: string }> {
  return periodBounds(await withYearDays(db, tenantId, { year }));
}

function reportsOfYear(rows: Row[], events: Map<string, Ev[]>, { lo, hi }: { lo: string; hi: string }): MemberReport[] {
  const inYear = (at: string | null) => !!at && at >= lo && at < hi;
  const out: MemberReport[] = [];
  for (const r of rows) {
    const evs = (events.get(r.root_report_id) ?? []).filter((e) => inYear(e.at));
    const rep: MemberReport = {
      id: r.id, year: Number(r.year), title: r.title, state: r.state, stateLabel: reportStateLabel(r.state), submittedAt: r.submitted_at,
      acceptedAt: r.accepted_at ?? null, issueNumber: r.issue_number ?? null,
      submittedInYear: inYear(r.submitted_at), acceptedInYear: inYear(r.accepted_at),
      adoptedLevels: byLevel(evs.filter((e) => e.kind === 'adoption').map((e) => e.level)),
      instructionLevels: byLevel(evs.filter((e) => e.kind === 'instruction').map((e) => e.leader_level ?? e.level)),
      points: round(evs.reduce((s, e) => s + e.points, 0)),
      cosigned: r.cosigned === true,
    };
    // a report belongs to the year when it earned something in it (as the ranking reads it)
    if (rep.submittedInYear || rep.acceptedInYear || evs.length) out.push(rep);
  }
  return out.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.id.localeCompare(b.id));
}

/** The points of a member's reports, added as the ranking adds them (rounded at each step). */
const pointsOf = (reports: readonly MemberReport[]) => reports.reduce((sum, r) => round(sum + r.points), 0);
/** The member's own reports: a co-signed one (联名) is listed, but its figures and points are its submitter's. */
const ownOf = (reports: readonly MemberReport[]) => reports.filter((x) => !x.cosigned);

/**
 * A member's 社情民意 figures of a year (履职), each with the reports it counts: one definition for the duty record,
 * the directory and trend (`figuresOf`), the figure catalogue and the list each figure opens
 * (GET /api/opinions/members/:userId?figure=). 信息积分 is the sum of its reports' points, not their number.
 */
export const memberReportFigures: ReadonlyArray<{ name: string; label: string; unit: string; rows: (reports: readonly MemberReport[]) => MemberReport[]; sum?: 'points' }> = [
  { name: 'submitted', label: '报送篇数', unit: '篇', rows: (rs) => ownOf(rs).filter((r) => r.submittedInYear) },
  { name: 'cosigned', label: '联名报送', unit: '篇', rows: (rs) => rs.filter((r) => r.cosigned && r.submittedInYear) },
  { name: 'accepted', label: '录用篇数', unit: '篇', rows: (rs) => ownOf(rs).filter((r) => r.acceptedInYear) },
  { name: 'adopted', label: '被采用', unit: '篇', rows: (rs) => ownOf(rs).filter((r) => r.adoptedLevels.length > 0) },
  ...levels.slice().reverse().map((l) => ({
    name: `adopted_${l}`, label: `${levelLabels[l]}采用`, unit: '篇', rows: (rs: readonly MemberReport[]) => ownOf(rs).filter((r) => r.adoptedLevels.includes(l)),
  })),
  { name: 'instructed', label: '领导批示', unit: '篇', rows: (rs) => ownOf(rs).filter((r) => r.instructionLevels.length > 0) },
  { name: 'points', label: '信息积分', unit: '分', rows: (rs) => ownOf(rs).filter((r) => r.points !== 0), sum: 'points' },
];
export const memberReportFigureNames = memberReportFigures.map((f) => f.name);

/** The value of one of a member's figures: the number of its reports, or the sum of their points. */
export function memberReportFigureValue(name: string, reports: readonly MemberReport[]): { value: number; rows: MemberReport[] } {
  const def = memberReportFigures.find((f) => f.name === name);
  if (!def) throw new Error(`no member figure ${name}`);
  const rows = def.rows(reports);
  return { value: def.sum === 'points' ? pointsOf(rows) : rows.length, rows };
}

function figuresOf(reports: MemberReport[]): MemberReportFigures {
  const v = (name: string) => memberReportFigureValue(name, reports).value;
  return {
    submitted: v('submitted'), accepted: v('accepted'), adopted: v('adopted'), instructed: v('instructed'), points: v('points'),
    adoptedByLevel: Object.fromEntries(levels.map((l) => [l, v(`adopted_${l}`)])) as Record<Level, number>,
  };
}

/** A member's 社情民意 of a year: the reports (their own and co-signed) that earned something in it, and the year's figures of their own. */
// a lookup other modules call with their own view: it narrows the handle to this module's
export async function memberReportsOf(anyDb: AnyModuleDb, tenantId: string, userId: string, year: number): Promise<{ reports: MemberReport[]; figures: MemberReportFigures }> {
  const db = opinionDb(anyDb);
  const [{ rows, events }, bounds] = await Promise.all([loadOwn(db, tenantId, userId), yearBounds(db, tenantId, year)]);
  const reports = reportsOfYear(rows, events, bounds);
  return { reports, figures: figuresOf(reports) };
}

/** A member's figures for each of the given years (one read of their reports, then counted per year). */
// a lookup other modules call with their own view: it narrows the handle to this module's
export async function memberReportTrend(anyDb: AnyModuleDb, tenantId: string, userId: string, years: readonly number[]): Promise<Array<{ year: number } & MemberReportFigures>> {
  const db = opinionDb(anyDb);
  const [{ rows, events }, calendar] = await Promise.all([loadOwn(db, tenantId, userId), workYearCalendarOf(settingsIn(db), tenantId)]);
  return years.map((year) => ({ year, ...figuresOf(reportsOfYear(rows, events, periodBounds({ year }, calendar))) }));
}

/** The years in which a member submitted or co-signed reports at this CPPCC (for the year selector). */
// a lookup other modules call with their own view: it narrows the handle to this module's
export async function memberReportYears(anyDb: AnyModuleDb, tenantId: string, userId: string): Promise<number[]> {
  const db = opinionDb(anyDb);
  const rows = await db.selectFrom('opinion_reports').select('year').distinct().where('opinion_reports.tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('opinion_reports.submitter_user_id', '=', userId), coSubmitted(eb, userId)])).where('opinion_reports.source_report_id', 'is', null).execute();
  return rows.map((r: any) => Number(r.year)).sort((a, b) => a - b);
}

/**
 * Every submitter's figures of a year at this CPPCC, in one read of the year's own reports and one of their events: the
 * same rules and numbers as the year-end ranking's submitters (`memberPointsOf`), without ranking them.
 */
// a lookup other modules call with their own view: it narrows the handle to this module's
export async function memberReportCounts(anyDb: AnyModuleDb, tenantId: string, year: number): Promise<Map<string, MemberReportFigures>> {
  const db = opinionDb(anyDb);
  const { lo, hi } = await yearBounds(db, tenantId, year);
  const scored = ['adoption', 'instruction'];
  const eventRoots = db.selectFrom('opinion_events').select('opinion_events.root_report_id')
    .where('opinion_events.at', '>=', lo).where('opinion_events.at', '<', hi).where('opinion_events.kind', 'in', scored);
  const own = db.selectFrom('opinion_reports').where('opinion_reports.tenant_id', '=', tenantId).where('opinion_reports.source_report_id', 'is', null);
  const [rows, evs] = await Promise.all([
    own.select(['id', 'root_report_id', 'year', 'title', 'state', 'submitted_at', 'accepted_at', 'issue_number', 'submitter_user_id'])
      .where((eb) => eb.or([
        eb.and([eb('submitted_at', '>=', lo), eb('submitted_at', '<', hi)]),
        eb.and([eb('accepted_at', '>=', lo), eb('accepted_at', '<', hi)]),
        eb('root_report_id', 'in', eventRoots),
      ]))
      .execute(),
    db.selectFrom('opinion_events').select(['root_report_id', 'kind', 'level', 'leader_level', 'points', 'at'])
      .where('at', '>=', lo).where('at', '<', hi).where('kind', 'in', scored)
      .where('root_report_id', 'in', own.select('opinion_reports.root_report_id'))
      .execute(),
  ]);
  const events = eventsByRoot(evs as any[]);
  const bySubmitter = new Map<string, Row[]>();
  for (const r of rows as Array<Row & { submitter_user_id: string }>) {
    const list = bySubmitter.get(r.submitter_user_id) ?? [];
    list.push(r);
    bySubmitter.set(r.submitter_user_id, list);
  }
  return new Map([...bySubmitter].map(([userId, list]) => [userId, figuresOf(reportsOfYear(list, events, { lo, hi }))]));
}

/**
 * Many members' 社情民意 figures of a year at once (the duty score, decision 0062): every report of the CPPCC and the
 * events of their lineages read once, then each member's own and co-signed reports taken as `loadOwn` takes them (the
 * submitter, or a co-submitter named in `co_submitters`) and counted as `memberReportFigureValue` counts them.
 */
export async function memberReportFiguresMany(anyDb: AnyModuleDb, tenantId: string, userIds: readonly string[], year: number): Promise<Map<string, Record<string, number>>> {
  const db = opinionDb(anyDb);
  const wanted = new Set(userIds);
  const [found, evs, bounds] = await Promise.all([
    db.selectFrom('opinion_reports').where('tenant_id', '=', tenantId).where('source_report_id', 'is', null)
      .select(['id', 'root_report_id', 'year', 'title', 'state', 'submitted_at', 'accepted_at', 'issue_number', 'submitter_user_id', 'co_submitters']).execute(),
    db.selectFrom('opinion_events').select(['root_report_id', 'kind', 'level', 'leader_level', 'points', 'at'])
      .where('kind', 'in', ['adoption', 'instruction'])
      .where('root_report_id', 'in', db.selectFrom('opinion_reports').select('root_report_id').where('tenant_id', '=', tenantId).where('source_report_id', 'is', null))
      .execute(),
    yearBounds(db, tenantId, year),
  ]);
  const events = eventsByRoot(evs as any[]);
  const rowsOf = new Map<string, Row[]>();
  const add = (u: string, r: Row) => { if (!wanted.has(u)) return; let l = rowsOf.get(u); if (!l) rowsOf.set(u, (l = [])); l.push(r); };
  for (const f of found as any[]) {
    const { submitter_user_id: submitter, co_submitters: co, ...r } = f;
    const seen = new Set<string>();
    if (submitter) { seen.add(submitter); add(submitter, { ...r, cosigned: false }); }
    for (const m of String(co ?? '').matchAll(/"userId":"([^"]+)"/g)) {
      if (seen.has(m[1])) continue;
      seen.add(m[1]);
      add(m[1], { ...r, cosigned: true });
    }
  }
  const out = new Map<string, Record<string, number>>();
  for (const [u, rows] of rowsOf) {
    const reports = reportsOfYear(rows, events, bounds);
    out.set(u, Object.fromEntries(memberReportFigures.map((f) => [`opinions.member.${f.name}`, memberReportFigureValue(f.name, reports).value])));
  }
  return out;
}
