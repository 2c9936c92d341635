/**
 * 社情民意 statistics for a period and the per-submitter points: every figure carries the list (path and query) that
 * shows the records behind it. Reports count by the day they were submitted; issues by the day they were compiled.
 *
 * A year of a province's reports is tens of thousands of rows, so each section is one grouped query with conditional
 * sums (totals, units and counties come out of one grouping by submitting organisation and source CPPCC) rather than
 * one count per figure.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import {
  breakdownColumnLabels, breakdownColumns, breakdownLabels, levelLabels, levels,
  type BreakdownColumn, type BreakdownKind, type OpinionStats, type StatBreakdown,
} from '../contract.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import { hasEvent, periodBounds, reportFilter, withYearDays } from './report-repository.ts';
import { listCommittees, listSectors, memberGroupsOf, memberIdsOf, orgNames } from '../../organizations/index.ts';
import { findPeople } from '../../identity/index.ts';
import type { OpinionDb } from './tables.ts';
import { perPeriod, periodOfInstant, spanOf } from '../../../kernel/server/db/periods.ts';


/** A period query that makes sense: 'from' not after 'to' (dates themselves are checked by the contract). */
export function checkPeriod(q: { year?: number; from?: string; to?: string }): void {
  const p = periodBounds(q);
  if (p.from > p.to) throw invalid(q.from ? 'from' : 'to', q.from ? '「开始日期」' : '「结束日期」', `${p.from} 晚于结束日期 ${p.to}`);
}

type Counts = Record<BreakdownColumn, number>;
const zero = (): Counts => ({ submitted: 0, accepted: 0, retained: 0, returned: 0, sent_up: 0, adopted: 0, instructed: 0 });
/** The list query behind each breakdown column. */
const columnQuery: Record<BreakdownColumn, Record<string, string>> = {
  submitted: {}, accepted: { stage: 'accepted' }, retained: { state: 'retained' }, returned: { stage: 'returned' },
  sent_up: { stage: 'sent_up' }, adopted: { stage: 'adoption' }, instructed: { stage: 'instruction' },
};

/** 录用或被采用: a report accepted here, or adopted anywhere in its lineage (what the members' participation counts). */
const acceptedOrAdopted = (eb: any) => eb.or([eb('opinion_reports.accepted_at', 'is not', null), hasEvent(eb, 'adoption')]);

/** The conditional sums of one grouping, in breakdownColumns order. */
function columnSums(eb: any) {
  const when = (cond: any) => eb.fn.sum(eb.case().when(cond).then(1).else(0).end());
  return [
    eb.fn.countAll().as('submitted'),
    when(eb('opinion_reports.accepted_at', 'is not', null)).as('accepted'),
    when(eb('opinion_reports.state', '=', 'retained')).as('retained'),
    when(eb('opinion_reports.returned_at', 'is not', null)).as('returned'),
    when(eb('opinion_reports.sent_up_at', 'is not', null)).as('sent_up'),
    when(hasEvent(eb, 'adoption')).as('adopted'),
    when(hasEvent(eb, 'instruction')).as('instructed'),
  ];
}
const countsOf = (r: any): Counts => Object.fromEntries(breakdownColumns.map((c) => [c, Number(r[c] ?? 0)])) as Counts;

/** This CPPCC's reports submitted in a period: its own and the copies that came up to it (the statistics' period). */
const submittedIn = (tenantId: string, p: { lo: string; hi: string }) => (eb: any) => eb.and([
  eb('opinion_reports.tenant_id', '=', tenantId), eb('opinion_reports.submitted_at', '>=', p.lo), eb('opinion_reports.submitted_at', '<', p.hi),
]);

/**
 * The report figures of a period, one definition for every page that shows them (decision 0032): the statistics'
 * totals and the year-end notice's summary (通报). Over this CPPCC's reports submitted in the period: 收到, and of those
 * 录用, 留存, 退回, 向上报送, 被采用 (an adoption anywhere in the lineage) and 获批示, each the list
 * (`/api/opinions` with the period and the column's stage) shows.
 */
export async function periodReportTotals(db: OpinionDb, tenantId: string, q: { year?: number; from?: string; to?: string }): Promise<Counts> {
  const p = periodBounds(await withYearDays(db, tenantId, q));
  const r = await db.selectFrom('opinion_reports').select((eb) => columnSums(eb)).where(submittedIn(tenantId, p)).executeTakeFirst();
  return countsOf(r ?? {});
}

export interface MemberParticipation { userId: string; submitted: number; adopted: number }

/**
 * 委员参与面 of a period: every member of this CPPCC with the reports they submitted here in it (their own, not copies
 * from below) and how many of those were accepted or adopted. The statistics count its rows (委员总数, 报送信息的委员,
 * 有信息被录用或采用的委员) and `/api/opinions/stats/members` lists the same rows, so each figure opens its members.
 */
export async function memberParticipationOf(db: OpinionDb, tenantId: string, q: { year?: number; from?: string; to?: string }): Promise<MemberParticipation[]> {
  const p = periodBounds(await withYearDays(db, tenantId, q));
  const [members, rows] = await Promise.all([
    memberIdsOf(db, tenantId).execute(),
    db.selectFrom('opinion_reports').where(submittedIn(tenantId, p)).where('opinion_reports.source_report_id', 'is', null)
      .select((eb) => [
        'opinion_reports.submitter_user_id as user_id', eb.fn.countAll().as('submitted'),
        eb.fn.sum(eb.case().when(acceptedOrAdopted(eb)).then(1).else(0).end()).as('adopted'),
      ])
      .groupBy('opinion_reports.submitter_user_id').execute(),
  ]);
  const bySubmitter = new Map((rows as any[]).map((r) => [String(r.user_id), r]));
  return (members as any[]).map((m) => {
    const r = bySubmitter.get(String(m.user_id));
    return { userId: String(m.user_id), submitted: Number(r?.submitted ?? 0), adopted: Number(r?.adopted ?? 0) };
  });
}

/** The members behind a participation figure, with names and sectors, most reports first. */
export async function participationList(db: OpinionDb, tenantId: string, asked: { year?: number; from?: string; to?: string; submitted?: boolean; adopted?: boolean }) {
  checkPeriod(asked);
  const q = await withYearDays(db, tenantId, asked);
  const p = periodBounds(q);
  const all = await memberParticipationOf(db, tenantId, q);
  const chosen = all.filter((m) => (q.submitted === undefined || (m.submitted > 0) === q.submitted) && (q.adopted === undefined || (m.adopted > 0) === q.adopted));
  const [people, sectors, sectorOf] = await Promise.all([
    findPeople(db, chosen.map((m) => m.userId)), listSectors(db, tenantId), memberGroupsOf(db, tenantId, 'sector').execute(),
  ]);
  const sectorName = new Map((sectors as any[]).map((s) => [String(s.id), String(s.name)]));
  const sectorOfUser = new Map((sectorOf as any[]).map((r) => [String(r.user_id), String(r.group_id)]));
  const items = chosen.map((m) => ({
    userId: m.userId, name: people.get(m.userId)?.name ?? m.userId, sectorName: sectorName.get(sectorOfUser.get(m.userId) ?? '') ?? null,
    submitted: m.submitted, adopted: m.adopted,
  })).sort((a, b) => b.submitted - a.submitted || b.adopted - a.adopted || a.name.localeCompare(b.name, 'zh'));
  return { from: p.from, to: p.to, items, total: items.length };
}

type FigOpts = { of?: { key: string; value: number }; rows?: 'report' | 'issue' | 'member'; sum?: string; unit?: string };
/**
 * A figure of the period with its list: the reports (default), the issues or the members behind participation. `name`
 * is the key within the module ('opinions.<name>', the catalogue's key); `of` the figure it is a share of.
 */
const figOf = (period: { from: string; to: string }) => (name: string, label: string, n: number, query: Record<string, string>, opts: FigOpts = {}): Figure => {
  const rows = opts.rows ?? 'report';
  const share = opts.of ? shareOf(`opinions.${opts.of.key}`, n, opts.of.value) : undefined;
  const list = rows === 'member' ? { api: '/api/opinions/stats/members', query: { ...period, ...query }, rows }
    : rows === 'issue' ? { api: '/api/opinions/issues', web: '/opinions/issues', query: { ...period, ...query }, rows, ...(opts.sum ? { sum: opts.sum } : {}) }
    : { api: '/api/opinions', web: '/opinions', query: { ...period, ...query }, rows };
  return { key: `opinions.${name}`, label, value: n, unit: opts.unit ?? (rows === 'member' ? '人' : rows === 'issue' && !opts.sum ? '期' : '篇'), ...(share ? { share } : {}), list };
};

/** What the totals and 委员参与面 of a period are made of. */
interface PeriodCounts { total: Counts; issues: number; pieces: number; members: number; membersSubmitted: number; membersAdopted: number }

/** The statistics' totals and 委员参与面 of a period, each with its list (the catalogue's organisation figures). */
function headlineFigures(period: { from: string; to: string }, c: PeriodCounts): { totals: Figure[]; members: Figure[] } {
  const fig = figOf(period);
  const { total } = c;
  const all = { key: 'submitted', value: total.submitted };
  const everyone = { key: 'members', value: c.members };
  return {
    totals: [
      fig('submitted', '收到信息', total.submitted, {}),
      fig('accepted', '录用', total.accepted, { stage: 'accepted' }, { of: all }),
      fig('retained', '留存', total.retained, { state: 'retained' }, { of: all }),
      fig('returned', '退回', total.returned, { stage: 'returned' }, { of: all }),
      fig('issues', '编发期数', c.issues, {}, { rows: 'issue' }),
      fig('pieces', '刊发篇目', c.pieces, {}, { rows: 'issue', sum: 'pieceCount' }),
      fig('sent_up', '向上级报送', total.sent_up, { stage: 'sent_up' }),
      // reports adopted (at any level) and instructed on: each report once, however many levels (各级采用 below counts by level)
      fig('adopted', '被采用', total.adopted, { stage: 'adoption' }, { of: all }),
      fig('instructed', '获领导批示', total.instructed, { stage: 'instruction' }, { of: all }),
    ],
    // 委员参与面: the members, those who submitted, and those with one accepted or adopted; each opens its members
    members: [
      fig('members', '委员总数', c.members, {}, { rows: 'member' }),
      fig('members_submitted', '报送信息的委员', c.membersSubmitted, { submitted: 'true' }, { rows: 'member', of: everyone }),
      fig('members_adopted', '有信息被录用或采用的委员', c.membersAdopted, { adopted: 'true' }, { rows: 'member', of: everyone }),
    ],
  };
}

/**
 * The catalogue's figures (the statistics' totals and 委员参与面) of several periods of the actor's CPPCC at once, one
 * list per period, each the same as `opinionStatsOf` of that period: the report totals, the issues and the members'
 * reports are each one query grouped by period (a trend's twelve months cost three queries, not twelve statistics).
 */
export async function headlineFiguresOfPeriods(db: OpinionDb, actor: Actor, asked: ReadonlyArray<{ year?: number; from?: string; to?: string }>): Promise<Figure[][]> {
  for (const q of asked) checkPeriod(q);
  const tenantId = actor.tenantId;
  const bounds = await Promise.all(asked.map(async (q) => periodBounds(await withYearDays(db, tenantId, q))));
  const periods = bounds.map((p) => ({ from: p.from, to: p.to }));
  const span = periodBounds(spanOf(periods));
  const n = periods.length;
  const [totals, issueRows, submitters, members] = await Promise.all([
    db.selectFrom('opinion_reports').select((eb) => [periodOfInstant('opinion_reports.submitted_at', periods).as('period'), ...columnSums(eb)])
      .where(submittedIn(tenantId, span)).groupBy(sql`1`).execute(),
    db.selectFrom('opinion_issues').select([periodOfInstant('created_at', periods).as('period'), (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('piece_count').as('pieces')])
      .where('tenant_id', '=', tenantId).where('created_at', '>=', span.lo).where('created_at', '<', span.hi).groupBy(sql`1`).execute(),
    db.selectFrom('opinion_reports').where(submittedIn(tenantId, span)).where('opinion_reports.source_report_id', 'is', null)
      .select((eb) => [
        periodOfInstant('opinion_reports.submitted_at', periods).as('period'), 'opinion_reports.submitter_user_id as user_id',
        eb.fn.sum(eb.case().when(acceptedOrAdopted(eb)).then(1).else(0).end()).as('adopted'),
      ])
      .groupBy([sql`1`, 'opinion_reports.submitter_user_id']).execute(),
    memberIdsOf(db, tenantId).execute(),
  ]);
  const memberSet = new Set((members as any[]).map((m) => String(m.user_id)));
  const totalOf = Array.from({ length: n }, zero);
  for (const r of totals as any[]) {
    if (r.period === null || r.period === undefined) continue;
    const c = countsOf(r);
    for (const k of breakdownColumns) totalOf[Number(r.period)][k] += c[k];
  }
  const issues = perPeriod(issueRows as any[], n);
  const pieces = perPeriod(issueRows as any[], n, 'pieces');
  const submittedBy = Array.from({ length: n }, () => 0);
  const adoptedBy = Array.from({ length: n }, () => 0);
  for (const r of submitters as any[]) {
    if (r.period === null || r.period === undefined || !memberSet.has(String(r.user_id))) continue;
    submittedBy[Number(r.period)]++;
    if (Number(r.adopted ?? 0) > 0) adoptedBy[Number(r.period)]++;
  }
  return periods.map((period, i) => {
    const h = headlineFigures(period, { total: totalOf[i], issues: issues[i], pieces: pieces[i], members: memberSet.size, membersSubmitted: submittedBy[i], membersAdopted: adoptedBy[i] });
    return [...h.totals, ...h.members];
  });
}

export async function opinionStatsOf(db: OpinionDb, dialect: DialectName, actor: Actor, q: { year?: number; from?: string; to?: string }): Promise<OpinionStats> {
  checkPeriod(q);
  // a year is counted over its 工作年度's days, and every figure's list carries those days (decision 0041)
  const p = periodBounds(await withYearDays(db, actor.tenantId, q));
  const period = { from: p.from, to: p.to };
  const where = reportFilter(dialect, actor, period);
  const fig = figOf(period);

  // one pass over the period: a grouping by submitter, submitting organisation and source CPPCC gives the totals, the
  // units, the counties, the committees and sectors (through each submitter's memberships) and the members' participation
  const bySubmitter = db.selectFrom('opinion_reports')
    .select((eb) => [
      'opinion_reports.submitter_user_id as user_id', 'opinion_reports.submitter_org_id as org_id', 'opinion_reports.source_tenant_id as source_id',
      eb.case().when('opinion_reports.source_report_id', 'is', null).then(0).else(1).end().as('incoming'),
      ...columnSums(eb),
    ])
    .where(where).groupBy(['opinion_reports.submitter_user_id', 'opinion_reports.submitter_org_id', 'opinion_reports.source_tenant_id', sql`4`]).execute();
  // reports with an adoption (by level) or an instruction (by leader's level) anywhere in their lineage
  const byEvent = db.selectFrom('opinion_reports')
    .innerJoin('opinion_events', 'opinion_events.root_report_id', 'opinion_reports.root_report_id')
    .select((eb) => [
      'opinion_events.kind as kind',
      eb.case().when('opinion_events.kind', '=', 'adoption').then(eb.ref('opinion_events.level')).else(eb.ref('opinion_events.leader_level')).end().as('lv'),
      eb.fn.count('opinion_reports.id').distinct().as('n'),
    ])
    .where('opinion_events.kind', 'in', ['adoption', 'instruction']).where(where)
    .groupBy(['opinion_events.kind', sql`2`]).execute();
  const issueWhere = (eb: any) => eb.and([eb('tenant_id', '=', actor.tenantId), eb('created_at', '>=', p.lo), eb('created_at', '<', p.hi)]);
  const issues = db.selectFrom('opinion_issues').select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('piece_count').as('pieces')]).where(issueWhere).executeTakeFirst();

  const [groups, events, issueRow, total, participation, committeeList, sectorList, committeeOf, sectorOf] = await Promise.all([
    bySubmitter, byEvent, issues, periodReportTotals(db, actor.tenantId, period), memberParticipationOf(db, actor.tenantId, period),
    listCommittees(db, actor.tenantId), listSectors(db, actor.tenantId),
    memberGroupsOf(db, actor.tenantId, 'committee').execute(), memberGroupsOf(db, actor.tenantId, 'sector').execute(),
  ]);
  const groupsOf = (rows: any[]) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.user_id, [...(m.get(r.user_id) ?? []), r.group_id]);
    return m;
  };
  const committeesOfUser = groupsOf(committeeOf as any[]);
  const sectorsOfUser = groupsOf(sectorOf as any[]);

  const add = (m: Map<string, Counts>, key: string, c: Counts) => {
    const e = m.get(key) ?? zero();
    for (const k of breakdownColumns) e[k] += c[k];
    m.set(key, e);
  };
  const units = new Map<string, Counts>();
  const counties = new Map<string, Counts>();
  const committeeCounts = new Map<string, Counts>();
  const sectorCounts = new Map<string, Counts>();
  for (const r of groups as any[]) {
    const c = countsOf(r);
    add(units, (r.org_id as string | null) ?? 'none', c);
    if (r.source_id) add(counties, r.source_id, c);
    for (const g of committeesOfUser.get(r.user_id) ?? []) add(committeeCounts, g, c);
    for (const g of sectorsOfUser.get(r.user_id) ?? []) add(sectorCounts, g, c);
  }
  const eventCount = (kind: string, lv: string) => Number((events as any[]).find((e) => e.kind === kind && e.lv === lv)?.n ?? 0);
  const names = await orgNames(db, [...new Set([...units.keys(), ...counties.keys()])].filter((k) => k !== 'none'));
  // a CPPCC of another deployment (its reports came in an exchange file) is known by the name its copies carry
  const unknown = [...counties.keys()].filter((k) => !names.has(k));
  if (unknown.length) {
    const rows = await db.selectFrom('opinion_reports').select((eb) => ['opinion_reports.source_tenant_id as id', eb.fn.max('opinion_reports.source_tenant_name').as('name')])
      .where('opinion_reports.tenant_id', '=', actor.tenantId).where('opinion_reports.source_tenant_id', 'in', unknown).groupBy('opinion_reports.source_tenant_id').execute();
    for (const r of rows as any[]) names.set(r.id, { name: r.name ?? r.id, kind: 'cppcc' });
  }

  const rowOf = (kind: BreakdownKind, id: string, name: string, c: Counts, filter: Record<string, string>) => ({
    id, name,
    figures: breakdownColumns.map((col) => fig(`${kind}.${id}.${col}`, breakdownColumnLabels[col], c[col], { ...filter, ...columnQuery[col] },
      col === 'submitted' ? {} : { of: { key: `${kind}.${id}.submitted`, value: c.submitted } })),
  });
  const byCount = (a: { figures: Figure[] }, b: { figures: Figure[] }) => b.figures[0].value - a.figures[0].value;
  const breakdowns: StatBreakdown[] = [
    {
      kind: 'committee', label: breakdownLabels.committee,
      rows: (committeeList as any[]).map((c) => rowOf('committee', c.id, c.short_name ?? c.name, committeeCounts.get(c.id) ?? zero(), { committeeId: c.id })),
    },
    {
      kind: 'sector', label: breakdownLabels.sector,
      rows: (sectorList as any[]).map((s) => rowOf('sector', s.id, s.name, sectorCounts.get(s.id) ?? zero(), { sectorId: s.id })),
    },
    {
      kind: 'unit', label: breakdownLabels.unit,
      rows: [...units.entries()].map(([id, c]) => rowOf('unit', id,
        id === actor.tenantId ? '个人报送（委员、特邀信息员）' : id === 'none' ? '其他（导入的信息）' : names.get(id)?.name ?? id, c, { orgId: id })).sort(byCount),
    },
    {
      kind: 'county', label: breakdownLabels.county,
      rows: [...counties.entries()].map(([id, c]) => rowOf('county', id, names.get(id)?.name ?? id, c, { sourceTenantId: id })).sort(byCount),
    },
  ];

  const headline = headlineFigures(period, {
    total, issues: Number((issueRow as any)?.n ?? 0), pieces: Number((issueRow as any)?.pieces ?? 0),
    members: participation.length, membersSubmitted: participation.filter((m) => m.submitted > 0).length, membersAdopted: participation.filter((m) => m.adopted > 0).length,
  });
  return {
    ...period,
    totals: headline.totals,
    adoptedByLevel: levels.map((l) => fig(`adopted_${l}`, `${levelLabels[l]}采用`, eventCount('adoption', l), { adoptedLevel: l })),
    instructionsByLevel: levels.map((l) => fig(`instruction_${l}`, `${levelLabels[l]}领导批示`, eventCount('instruction', l), { instructionLevel: l })),
    members: headline.members,
    breakdowns,
  };
}

/** Points per submitter for a period (积分), from the events credited to them, highest first. */
export async function scoresOf(db: OpinionDb, actor: Actor, q: { year?: number; from?: string; to?: string }) {
  checkPeriod(q);
  const p = periodBounds(await withYearDays(db, actor.tenantId, q));
  const rows = await db.selectFrom('opinion_events').innerJoin('opinion_reports', 'opinion_reports.id', 'opinion_events.root_report_id')
    .select((eb) => [
      'opinion_events.submitter_user_id', 'opinion_events.submitter_name',
      eb.fn.sum('opinion_events.points').as('points'), eb.fn.countAll().as('events'), eb.fn.count('opinion_events.root_report_id').distinct().as('reports'),
    ])
    .where('opinion_reports.tenant_id', '=', actor.tenantId)
    .where('opinion_events.at', '>=', p.lo).where('opinion_events.at', '<', p.hi)
    .groupBy(['opinion_events.submitter_user_id', 'opinion_events.submitter_name'])
    .orderBy('points', 'desc').orderBy('opinion_events.submitter_user_id').limit(500).execute();
  return {
    from: p.from, to: p.to,
    items: (rows as any[]).map((r) => ({ submitterUserId: r.submitter_user_id, submitterName: r.submitter_name, points: Number(r.points ?? 0), events: Number(r.events), reports: Number(r.reports) })),
  };
}
