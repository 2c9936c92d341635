/**
 * 社情民意 statistics for a period and the per-submitter points: every figure carries the list (path and query) that
 * shows the records behind it. Reports count by the day they were submitted; issues by the day they were compiled.
 *
 * A year of a province's reports is tens of thousands of rows, so each section is one grouped query with conditional
 * sums (totals, units and counties come out of one grouping by submitting organisation and source CPPCC) rather than
 * one count per figure.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import {
  breakdownColumnLabels, breakdownColumns, breakdownLabels, levelLabels, levels,
  type BreakdownColumn, type BreakdownKind, type OpinionStats, type StatBreakdown, type StatFigure,
} from '../contract.ts';
import { hasEvent, periodBounds, reportFilter } from './report-repository.ts';
import { countMembers, listCommittees, listSectors, memberGroupsOf, memberIdsOf, orgNames } from '../../organizations/index.ts';

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);

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
    // 录用或被采用: what the members' participation figure counts
    when(eb.or([eb('opinion_reports.accepted_at', 'is not', null), hasEvent(eb, 'adoption')])).as('accepted_or_adopted'),
  ];
}
const countsOf = (r: any): Counts => Object.fromEntries(breakdownColumns.map((c) => [c, Number(r[c] ?? 0)])) as Counts;

export async function opinionStatsOf(db: Kysely<any>, dialect: DialectName, actor: Actor, q: { year?: number; from?: string; to?: string }): Promise<OpinionStats> {
  checkPeriod(q);
  const p = periodBounds(q);
  const period = { from: p.from, to: p.to };
  const where = reportFilter(dialect, actor, period);
  const fig = (key: string, label: string, n: number, query: Record<string, string>, share: number | null = null, path = '/api/opinions'): StatFigure =>
    ({ key, label, count: n, share, path, query: { ...period, ...query } });

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

  const [groups, events, issueRow, members, memberIds, committeeList, sectorList, committeeOf, sectorOf] = await Promise.all([
    bySubmitter, byEvent, issues, countMembers(db, actor.tenantId), memberIdsOf(db, actor.tenantId).execute(),
    listCommittees(db, actor.tenantId), listSectors(db, actor.tenantId),
    memberGroupsOf(db, actor.tenantId, 'committee').execute(), memberGroupsOf(db, actor.tenantId, 'sector').execute(),
  ]);
  const isMember = new Set((memberIds as any[]).map((m) => m.user_id as string));
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
  const total = zero();
  const units = new Map<string, Counts>();
  const counties = new Map<string, Counts>();
  const committeeCounts = new Map<string, Counts>();
  const sectorCounts = new Map<string, Counts>();
  const membersSubmittedSet = new Set<string>();
  const membersAdoptedSet = new Set<string>();
  for (const r of groups as any[]) {
    const c = countsOf(r);
    for (const k of breakdownColumns) total[k] += c[k];
    add(units, (r.org_id as string | null) ?? 'none', c);
    if (r.source_id) add(counties, r.source_id, c);
    for (const g of committeesOfUser.get(r.user_id) ?? []) add(committeeCounts, g, c);
    for (const g of sectorsOfUser.get(r.user_id) ?? []) add(sectorCounts, g, c);
    // 委员参与面: members of this CPPCC who submitted (not copies from below), and who had one accepted or adopted
    if (Number(r.incoming) === 0 && isMember.has(r.user_id)) {
      membersSubmittedSet.add(r.user_id);
      if (Number(r.accepted_or_adopted) > 0) membersAdoptedSet.add(r.user_id);
    }
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
    figures: breakdownColumns.map((col) => fig(`${kind}_${id}_${col}`, breakdownColumnLabels[col], c[col], { ...filter, ...columnQuery[col] }, col === 'submitted' ? null : ratio(c[col], c.submitted))),
  });
  const byCount = (a: { figures: StatFigure[] }, b: { figures: StatFigure[] }) => b.figures[0].count - a.figures[0].count;
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

  const membersSubmitted = membersSubmittedSet.size;
  const membersAdopted = membersAdoptedSet.size;
  return {
    ...period,
    totals: [
      fig('submitted', '收到信息', total.submitted, {}),
      fig('accepted', '录用', total.accepted, { stage: 'accepted' }, ratio(total.accepted, total.submitted)),
      fig('retained', '留存', total.retained, { state: 'retained' }, ratio(total.retained, total.submitted)),
      fig('returned', '退回', total.returned, { stage: 'returned' }, ratio(total.returned, total.submitted)),
      fig('issues', '编发期数', Number((issueRow as any)?.n ?? 0), {}, null, '/api/opinions/issues'),
      fig('pieces', '刊发篇目', Number((issueRow as any)?.pieces ?? 0), {}, null, '/api/opinions/issues'),
      fig('sent_up', '向上级报送', total.sent_up, { stage: 'sent_up' }),
    ],
    adoptedByLevel: levels.map((l) => fig(`adopted_${l}`, `${levelLabels[l]}采用`, eventCount('adoption', l), { adoptedLevel: l })),
    instructionsByLevel: levels.map((l) => fig(`instruction_${l}`, `${levelLabels[l]}领导批示`, eventCount('instruction', l), { instructionLevel: l })),
    members: [
      fig('members', '委员总数', members, {}, null, '/api/opinions/scores'),
      fig('members_submitted', '报送信息的委员', membersSubmitted, { incoming: 'false' }, ratio(membersSubmitted, members)),
      fig('members_adopted', '有信息被录用或采用的委员', membersAdopted, { incoming: 'false', stage: 'adopted' }, ratio(membersAdopted, members)),
    ],
    breakdowns,
  };
}

/** Points per submitter for a period (积分), from the events credited to them, highest first. */
export async function scoresOf(db: Kysely<any>, actor: Actor, q: { year?: number; from?: string; to?: string }) {
  checkPeriod(q);
  const p = periodBounds(q);
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
