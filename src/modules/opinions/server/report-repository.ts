/** Reads of the 社情民意 tables: one report, lists with filters, revisions, history, lineage events, issues and pieces. */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { ilike, type DialectName } from '../../../kernel/server/db/dialect.ts';
import type { ReportListQuery } from '../contract.ts';
import { levelBit } from '../domain/lineage-levels.ts';
import { getOrg, listCommittees, memberIdsOfGroup, orgNames } from '../../organizations/index.ts';
import { unitKinds } from '../domain/ranking.ts';
import { tenantHasUsers } from '../../identity/index.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { defaultWorkYearCalendar, workYear, workYearNumberOf, type WorkYearCalendar } from '../../../kernel/universal/work-year.ts';
import { settingsIn, workYearCalendarOf } from '../../organizations/index.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory as kernelHistory } from '../../../kernel/server/work-items.ts';
import type { OpinionDb } from './tables.ts';

type Db = OpinionDb;

export interface ReportRow {
  id: string; tenant_id: string; year: number; title: string; body: string; submitted_title: string; submitted_body: string;
  urgent: number; topic: string | null; topic_id?: string | null; submitter_user_id: string; submitter_name: string; submitter_org_id: string | null;
  source_report_id: string | null; source_tenant_id: string | null; source_tenant_name: string | null; root_report_id: string;
  up_copy_id: string | null; sent_up_at: string | null; sent_up_to: string | null; issue_id: string | null; issue_number: string | null;
  return_reason: string | null; returned_at: string | null; accepted_at: string | null; verified_at: string | null; revision_count: number;
  state: string; version: number; created_at: string; updated_at: string; submitted_at: string;
  [k: string]: unknown;
}

export async function findReport(db: Db, id: string): Promise<ReportRow | undefined> {
  return (await db.selectFrom('opinion_reports').selectAll().where('id', '=', id).executeTakeFirst()) as ReportRow | undefined;
}

/**
 * The day range of a period, as ISO bounds on timestamps ('to' inclusive). A year is a 工作年度 (decision 0041): its days
 * run from the day after last year's cut-off to this year's cut-off of the calendar given (the national 12-05 when
 * none is); no period is the working year of today. `from`/`to` count by day and replace the year's first or last day.
 */
export function periodBounds(q: { year?: number; from?: string; to?: string }, calendar: WorkYearCalendar = defaultWorkYearCalendar): { from: string; to: string; lo: string; hi: string } {
  const days = workYear(q.year ?? workYearNumberOf(clock.today(), calendar), calendar);
  const from = q.from ?? days.startsOn;
  const to = q.to ?? days.endsOn;
  // timestamps are UTC; a China day starts 8 hours earlier
  const lo = new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString();
  const hi = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86400000).toISOString();
  return { from, to, lo, hi };
}

/**
 * A period of a CPPCC with its days written out: a year (or none, this year) becomes its 工作年度's first and last day
 * on the CPPCC's own calendar (`organizations.workYear`), `from`/`to` stay as given. Every figure of a year, and the
 * list it opens, counts over these days (decision 0041).
 */
export async function withYearDays<Q extends { year?: number; from?: string; to?: string }>(db: AnyModuleDb, tenantId: string, q: Q): Promise<Q & { from: string; to: string }> {
  if (q.from && q.to) return q as Q & { from: string; to: string };
  const p = periodBounds(q, await workYearCalendarOf(settingsIn(db), tenantId));
  return { ...q, from: p.from, to: p.to };
}

/** Has an event of this kind (and level) anywhere in the report's lineage (an IN semi-join: planned well on both databases). */
export function hasEvent(eb: any, kind: string, opts: { level?: string; leaderLevel?: string } = {}) {
  let sub = eb.selectFrom('opinion_events').select('opinion_events.root_report_id').where('opinion_events.kind', '=', kind);
  if (opts.level) sub = sub.where('opinion_events.level', '=', opts.level);
  if (opts.leaderLevel) sub = sub.where('opinion_events.leader_level', '=', opts.leaderLevel);
  return eb('opinion_reports.root_report_id', 'in', sub);
}

/**
 * The report's lineage has a mark (an adoption, an instruction), at `level` when given. The literal `<> 0` is the
 * predicate of the partial indexes on the marks, so both databases can read those small indexes.
 */
function marked(column: 'adoption_levels' | 'instruction_levels', level?: string) {
  const ref = sql.ref(`opinion_reports.${column}`);
  return level ? sql<boolean>`(${ref} <> 0 and (${ref} & ${sql.lit(levelBit(level))}) <> 0)` : sql<boolean>`${ref} <> 0`;
}

/** The filter of a list query, with the caller's visibility. */
export function reportFilter(dialect: DialectName, actor: Actor, q: Partial<ReportListQuery>) {
  return (eb: any) => {
    const and: any[] = [eb('opinion_reports.tenant_id', '=', actor.tenantId)];
    if (!can(actor, 'opinion.read_all') || q.mine) {
      and.push(eb('opinion_reports.submitter_user_id', '=', actor.userId));
      and.push(eb('opinion_reports.source_report_id', 'is', null));
    }
    if (q.state) and.push(eb('opinion_reports.state', 'in', q.state.split(',')));
    if (q.urgent !== undefined) and.push(eb('opinion_reports.urgent', '=', q.urgent ? 1 : 0));
    if (q.incoming !== undefined) and.push(eb('opinion_reports.source_report_id', q.incoming ? 'is not' : 'is', null));
    if (q.q) {
      const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
      and.push(q.inBody ? eb.or([eb('opinion_reports.title', ilike(dialect), like), eb('opinion_reports.body', ilike(dialect), like)]) : eb('opinion_reports.title', ilike(dialect), like));
    }
    if (q.submitter) and.push(eb('opinion_reports.submitter_name', ilike(dialect), `%${q.submitter.replace(/[%_\\]/g, '')}%`));
    if (q.topicId) and.push(eb('opinion_reports.topic_id', '=', q.topicId));
    if (q.year !== undefined || q.from || q.to) {
      const p = periodBounds(q);
      and.push(eb('opinion_reports.submitted_at', '>=', p.lo), eb('opinion_reports.submitted_at', '<', p.hi));
    }
    if (q.stage === 'accepted') and.push(eb('opinion_reports.accepted_at', 'is not', null));
    if (q.stage === 'returned') and.push(eb('opinion_reports.returned_at', 'is not', null));
    if (q.stage === 'sent_up') and.push(eb('opinion_reports.sent_up_at', 'is not', null));
    // 采用 / 批示 anywhere in the lineage, from the marks kept on the report (see domain/lineage-levels.ts)
    if (q.stage === 'adopted') and.push(eb.or([eb('opinion_reports.accepted_at', 'is not', null), marked('adoption_levels')]));
    if (q.stage === 'adoption' || q.adoptedLevel) and.push(marked('adoption_levels', q.adoptedLevel));
    if (q.stage === 'instruction' || q.instructionLevel) and.push(marked('instruction_levels', q.instructionLevel));
    if (q.submitterUserId) and.push(eb('opinion_reports.submitter_user_id', '=', q.submitterUserId));
    // 专委会 / 界别 of the submitting member, from the organisations module
    if (q.committeeId) and.push(eb('opinion_reports.submitter_user_id', 'in', memberIdsOfGroup(eb, actor.tenantId, 'committee', q.committeeId)));
    if (q.sectorId) and.push(eb('opinion_reports.submitter_user_id', 'in', memberIdsOfGroup(eb, actor.tenantId, 'sector', q.sectorId)));
    if (q.orgId) and.push(eb('opinion_reports.submitter_org_id', q.orgId === 'none' ? 'is' : '=', q.orgId === 'none' ? null : q.orgId));
    if (q.sourceTenantId) and.push(eb('opinion_reports.source_tenant_id', '=', q.sourceTenantId));
    return eb.and(and);
  };
}

const listColumns = ['id', 'tenant_id', 'year', 'title', 'urgent', 'state', 'submitter_user_id', 'submitter_name', 'source_tenant_name', 'source_report_id',
  'issue_number', 'submitted_at', 'sent_up_at', 'body', 'version', 'submitter_org_id'] as const;

/**
 * A page of a list: urgent first (急事急报), then the editors' queue oldest first and other lists newest first. Read as
 * two slices, the urgent reports and then the others, each in the order of the (tenant, urgent, submitted_at, id) index,
 * so that a page never sorts a whole year of reports.
 */
export async function listReports(db: OpinionDb, dialect: DialectName, actor: Actor, q: ReportListQuery) {
  const where = reportFilter(dialect, actor, q.year !== undefined || q.from || q.to ? await withYearDays(db, actor.tenantId, q) : q);
  const dir = q.state === 'submitted' ? 'asc' : 'desc';
  const offset = (q.page - 1) * q.pageSize;
  const slice = (urgent: 0 | 1, skip: number, take: number) => db.selectFrom('opinion_reports').select([...listColumns])
    .where(where).where('opinion_reports.urgent', '=', urgent)
    .orderBy('submitted_at', dir).orderBy('id', dir).limit(take).offset(skip).execute();
  const count = (urgent?: 0 | 1) => db.selectFrom('opinion_reports').select((eb) => eb.fn.countAll().as('n')).where(where)
    .$if(urgent !== undefined, (qb) => qb.where('opinion_reports.urgent', '=', urgent!)).executeTakeFirst().then((r) => Number((r as any)?.n ?? 0));
  const [urgentRows, total, urgentTotal] = await Promise.all([
    q.urgent === false ? Promise.resolve([]) : slice(1, offset, q.pageSize),
    count(),
    q.urgent === false ? Promise.resolve(0) : q.urgent === true ? Promise.resolve(-1) : count(1),
  ]);
  let rows = urgentRows as ReportRow[];
  if (rows.length < q.pageSize && q.urgent !== true) {
    const rest = await slice(0, Math.max(0, offset - urgentTotal), q.pageSize - rows.length);
    rows = [...rows, ...(rest as ReportRow[])];
  }
  return { rows, total };
}

export async function listRevisions(db: Db, id: string) {
  return db.selectFrom('opinion_revisions').selectAll().where('report_id', '=', id).orderBy('seq').execute();
}

export async function listHistory(db: Db, entityType: string, id: string) {
  return kernelHistory(db, entityType, id);
}

/** Events anywhere in the lineage of the report (up the levels and back down). */
export async function lineageEvents(db: Db, rootId: string) {
  return db.selectFrom('opinion_events').selectAll().where('root_report_id', '=', rootId).orderBy('at').orderBy('id').execute();
}

export async function findIssue(db: Db, id: string) {
  return db.selectFrom('opinion_issues').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Record<string, any> | undefined>;
}

export async function piecesOf(db: Db, issueId: string) {
  const pieces = await db.selectFrom('opinion_pieces').selectAll().where('issue_id', '=', issueId).orderBy('seq').execute();
  const sources = await db.selectFrom('opinion_piece_sources')
    .innerJoin('opinion_reports', 'opinion_reports.id', 'opinion_piece_sources.report_id')
    .select(['opinion_piece_sources.piece_id', 'opinion_reports.id as report_id', 'opinion_reports.title', 'opinion_reports.submitter_user_id', 'opinion_reports.submitter_name'])
    .where('opinion_piece_sources.issue_id', '=', issueId).orderBy('opinion_reports.submitted_at').execute();
  return pieces.map((p: any) => ({ ...p, sources: sources.filter((s: any) => s.piece_id === p.id) }));
}

export async function nextIssueSeq(trx: Db, tenantId: string, year: number): Promise<number> {
  const r = await trx.selectFrom('opinion_issues').select((eb) => eb.fn.max('number_seq').as('m')).where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
  return Number((r as any)?.m ?? 0) + 1;
}

/** A CPPCC organisation's id, name, code, level and parent, from the organisations module. */
export async function tenantInfo(db: Db, tenantId: string): Promise<{ id: string; name: string; code: string | null; level: string | null; parentId: string | null } | undefined> {
  const r = await getOrg(db, tenantId);
  return r ? { id: r.id, name: r.short_name ?? r.name, code: r.code ?? null, level: r.level ?? null, parentId: r.parent_id ?? null } : undefined;
}

/** The CPPCC above a tenant (county → city → province), when it is a CPPCC. */
export async function parentCppcc(db: Db, tenantId: string) {
  const t = await tenantInfo(db, tenantId);
  if (!t?.parentId) return undefined;
  const p = await getOrg(db, t.parentId);
  return p?.kind === 'cppcc' ? tenantInfo(db, p.id) : undefined;
}

/** Whether a CPPCC works in this deployment (it has active users); otherwise reports reach it through the exchange file. */
export async function hostedHere(db: Db, tenantId: string): Promise<boolean> {
  return tenantHasUsers(db, tenantId);
}

/**
 * What the reports of a list query can be narrowed by (编期): the 报送单位 and lower-level CPPCCs they came from and the
 * 选题 they answer, each with how many of the query's reports it holds (the filters of the facet itself left out, so
 * that the other choices stay offered), and the CPPCC's 专委会.
 */
export async function reportFacets(db: OpinionDb, dialect: DialectName, actor: Actor, q: Partial<ReportListQuery>) {
  const { orgId: _o, sourceTenantId: _s, topicId: _t, ...rest } = q;
  const where = reportFilter(dialect, actor, rest.year !== undefined || rest.from || rest.to ? await withYearDays(db, actor.tenantId, rest) : rest);
  const [orgRows, sourceRows, topicRows, committees] = await Promise.all([
    db.selectFrom('opinion_reports').select(['submitter_org_id as id', (eb) => eb.fn.countAll().as('n')]).where(where)
      .where('opinion_reports.source_report_id', 'is', null).where('opinion_reports.submitter_org_id', 'is not', null).groupBy('submitter_org_id').execute(),
    db.selectFrom('opinion_reports').select(['source_tenant_id as id', (eb) => eb.fn.max('source_tenant_name').as('name'), (eb) => eb.fn.countAll().as('n')]).where(where)
      .where('opinion_reports.source_tenant_id', 'is not', null).groupBy('source_tenant_id').execute(),
    db.selectFrom('opinion_reports').select(['topic_id as id', (eb) => eb.fn.max('topic').as('name'), (eb) => eb.fn.countAll().as('n')]).where(where)
      .where('opinion_reports.topic_id', 'is not', null).groupBy('topic_id').execute(),
    listCommittees(db, actor.tenantId),
  ]);
  const names = await orgNames(db, (orgRows as any[]).map((r) => r.id as string).filter((id) => id !== actor.tenantId));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  return {
    units: (orgRows as any[]).flatMap((r) => {
      const o = names.get(r.id);
      return o && unitKinds.has(o.kind) ? [{ id: r.id as string, name: o.name, kind: o.kind as string, count: Number(r.n) }] : [];
    }).sort(byName),
    sources: (sourceRows as any[]).map((r) => ({ id: r.id as string, name: (r.name as string | null) ?? '下级政协', count: Number(r.n) })).sort(byName),
    topics: (topicRows as any[]).map((r) => ({ id: r.id as string, name: (r.name as string | null) ?? '选题', count: Number(r.n) })).sort(byName),
    committees: (committees as any[]).map((c) => ({ id: c.id as string, name: (c.short_name ?? c.name) as string })),
  };
}
