/**
 * 提案统计: the statistics of a year (年度) or a session (会议) of one CPPCC. Every figure carries the list query that
 * shows the records behind it; the counts use the same conditions as the list filters (stat-conditions.ts), so a
 * figure and its list always agree. The proposals of the scope are read in one grouped scan; sectors, committees,
 * units and member participation take one query each.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import {
  proposalCategoryLabels, proposalCategories, proposalTypeLabels, proposalTypes, satisfactionLabels, satisfactionValues,
  type ProposalStats, type UnitStatsRow,
} from '../contract.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import type { CodeLabel } from '../domain/proposal-settings.ts';
import { listCommittees, listSectors, listUnits, memberGroupsOf, memberSectorsOf } from '../../organizations/index.ts';
import { findPeople } from '../../identity/index.ts';
import { converted, overdueNow, repliedLate, repliedOnTime } from './stat-conditions.ts';
import type { ProposalDb, ProposalTables } from './tables.ts';
import type { ModuleTables } from '../../../kernel/server/db/tables.ts';

type Eb = ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>;

/** 统计范围: a year (年度) or a session (会议, by its label). */
export type StatsScope = { year: number; session?: undefined } | { session: string; year?: undefined };

/** The scope as a condition on proposals, and as the list query that selects the same rows. */
function scopeOf(tenantId: string, scope: StatsScope) {
  const where = (eb: Eb) => eb.and([
    eb('proposals.tenant_id', '=', tenantId),
    scope.session !== undefined ? eb('proposals.session_label', '=', scope.session) : eb('proposals.year', '=', scope.year),
  ]);
  const query: Record<string, string> = scope.session !== undefined ? { session: scope.session } : { year: String(scope.year) };
  return { where, query };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const flag = (eb: Eb, cond: any) => eb.case().when(cond).then(1).else(0).end();
const sum = (eb: Eb, cond: any) => eb.fn.sum<number>(flag(eb, cond));

/** One grouped row of the scope's proposals: the columns and flags the figures count by. */
interface Cell {
  state: string; type: string; category: string | null; released_class: string | null; satisfaction: string | null;
  is_key: number; is_excellent: number;
  f_received: number; f_filed: number; f_replied: number; f_on_time: number; f_late: number; f_overdue: number; f_converted: number;
  n: number;
}

async function cellsOf(db: ProposalDb, where: (eb: Eb) => any, today: string): Promise<Cell[]> {
  const flagged = db.selectFrom('proposals').where(where).select((eb) => [
    'proposals.state', 'proposals.type', 'proposals.category', 'proposals.released_class', 'proposals.satisfaction',
    'proposals.is_key', 'proposals.is_excellent',
    flag(eb, eb('proposals.submitted_at', 'is not', null)).as('f_received'),
    flag(eb, eb('proposals.filed_at', 'is not', null)).as('f_filed'),
    flag(eb, eb('proposals.replied_at', 'is not', null)).as('f_replied'),
    flag(eb, repliedOnTime(eb)).as('f_on_time'),
    flag(eb, repliedLate(eb)).as('f_late'),
    flag(eb, overdueNow(eb, today)).as('f_overdue'),
    flag(eb, converted(eb)).as('f_converted'),
  ]);
  const cols = ['state', 'type', 'category', 'released_class', 'satisfaction', 'is_key', 'is_excellent',
    'f_received', 'f_filed', 'f_replied', 'f_on_time', 'f_late', 'f_overdue', 'f_converted'] as const;
  const rows = await db.selectFrom(flagged.as('x')).select([...cols.map((c) => `x.${c}` as const), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(cols.map((c) => `x.${c}` as const)).execute();
  return rows.map((r: any) => {
    const out: any = { ...r, n: Number(r.n) };
    for (const c of ['is_key', 'is_excellent', 'f_received', 'f_filed', 'f_replied', 'f_on_time', 'f_late', 'f_overdue', 'f_converted']) out[c] = Number(r[c]);
    return out as Cell;
  });
}

/**
 * The scope's received proposals grouped by proposer (with the sector and committee a proposal names): sectors,
 * committees and participation are counted from these few rows and the tenant's member profiles and memberships.
 */
async function proposerGroups(db: ProposalDb, where: (eb: Eb) => any) {
  const rows = await db.selectFrom('proposals').where(where).where('proposals.submitted_at', 'is not', null)
    .select(['proposals.proposer_user_id as uid', 'proposals.sector_id as sid', 'proposals.committee_id as cid', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['proposals.proposer_user_id', 'proposals.sector_id', 'proposals.committee_id']).execute();
  return rows.map((r: any) => ({ uid: String(r.uid), sid: (r.sid as string | null) ?? null, cid: (r.cid as string | null) ?? null, n: Number(r.n) }));
}

/** Confirmed co-signers (联名) of the scope's received proposals, with how many each signed (并案 credit excluded). */
async function cosignerCounts(db: ProposalDb, where: (eb: Eb) => any) {
  const rows = await db.selectFrom('proposals').innerJoin('proposal_cosigners', 'proposal_cosigners.proposal_id', 'proposals.id')
    .where(where).where('proposals.submitted_at', 'is not', null)
    .where('proposal_cosigners.confirmed_at', 'is not', null).where('proposal_cosigners.kind', '!=', 'merged')
    .select(['proposal_cosigners.user_id as uid', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('proposal_cosigners.user_id').execute();
  return rows.map((r: any) => ({ uid: String(r.uid), n: Number(r.n) }));
}

/**
 * 委员参与: for each member of the tenant, how many of the scope's received proposals they submitted as first proposer
 * or signed as a confirmed co-signer. A merged proposal's proposers keep their credit through their own (merged)
 * proposal, so the proposal it was merged into does not count for them a second time.
 */
function participationOf(members: Map<string, string | null>, proposers: Array<{ uid: string; n: number }>, cosigners: Array<{ uid: string; n: number }>) {
  const byUser = new Map<string, number>();
  for (const r of [...proposers, ...cosigners]) byUser.set(r.uid, (byUser.get(r.uid) ?? 0) + r.n);
  return [...members].map(([userId, sectorId]) => ({ userId, sectorId, proposals: byUser.get(userId) ?? 0 }));
}

export async function memberParticipation(db: ProposalDb, tenantId: string, scope: StatsScope) {
  const { where } = scopeOf(tenantId, scope);
  const [members, proposers, cosigners] = await Promise.all([memberSectorsOf(db, tenantId), proposerGroups(db, where), cosignerCounts(db, where)]);
  return participationOf(members, proposers, cosigners);
}

/** The members behind the participation figures, with names and sectors, most proposals first. */
export async function participationList(db: ProposalDb, tenantId: string, scope: StatsScope, submitted?: boolean) {
  const all = await memberParticipation(db, tenantId, scope);
  const chosen = submitted === undefined ? all : all.filter((m) => (m.proposals > 0) === submitted);
  const [people, sectors] = await Promise.all([findPeople(db, chosen.map((m) => m.userId)), listSectors(db, tenantId)]);
  const sectorName = new Map(sectors.map((s: any) => [String(s.id), String(s.name)]));
  const items = chosen.map((m) => ({
    userId: m.userId, name: people.get(m.userId)?.name ?? m.userId, sectorName: m.sectorId ? sectorName.get(m.sectorId) ?? null : null, proposals: m.proposals,
  })).sort((a, b) => b.proposals - a.proposals || a.name.localeCompare(b.name, 'zh'));
  return { items, total: items.length };
}

/**
 * 当前超期 of a CPPCC over all its years: the proposals the statistics count as overdue (one condition, `overdueNow`), as
 * the list `overdue=true` shows them. The 督办看板 shows this figure; the statistics of each year add up to it.
 */
export async function overdueProposalCount(db: ProposalDb, tenantId: string, today: string): Promise<number> {
  const r = await db.selectFrom('proposals').where('proposals.tenant_id', '=', tenantId).where((eb) => overdueNow(eb, today))
    .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function proposalStatsOf(
  db: ProposalDb, tenantId: string, scope: StatsScope, replyClasses: CodeLabel[], today: string,
): Promise<ProposalStats> {
  const { where, query: scopeQuery } = scopeOf(tenantId, scope);
  const thisUnit = { unitId: sql.ref<string>('proposal_units.unit_id'), role: sql.ref<string>('proposal_units.role') };
  const [cells, proposers, cosigners, members, memberships, unitRows, sectors, committees, units, yearRow] = await Promise.all([
    cellsOf(db, where, today),
    proposerGroups(db, where),
    cosignerCounts(db, where),
    memberSectorsOf(db, tenantId),
    memberGroupsOf(db, tenantId, 'committee').execute(),
    // 承办单位: every unit a proposal was assigned to (the list's unit filter: lead or any other role)
    db.selectFrom('proposal_units').innerJoin('proposals', 'proposals.id', 'proposal_units.proposal_id').where(where)
      .select((eb) => [
        'proposal_units.unit_id as uid',
        eb.fn.max('proposal_units.unit_name').as('name'),
        eb.fn.countAll<number>().as('assigned'),
        sum(eb, eb('proposals.replied_at', 'is not', null)).as('replied'),
        // a 分办 unit is judged by when its own reply left it
        sum(eb, repliedOnTime(eb, thisUnit)).as('on_time'),
        sum(eb, repliedLate(eb, thisUnit)).as('late'),
        // a unit is overdue by its own work items (主办, 分办 or 会办)
        sum(eb, overdueNow(eb, today, thisUnit)).as('overdue'),
        sum(eb, eb('proposals.satisfaction', '=', 'satisfied')).as('satisfied'),
        sum(eb, eb('proposals.satisfaction', '=', 'basically_satisfied')).as('basically'),
        sum(eb, eb('proposals.satisfaction', '=', 'unsatisfied')).as('unsatisfied'),
      ]).groupBy('proposal_units.unit_id').execute(),
    listSectors(db, tenantId),
    listCommittees(db, tenantId),
    listUnits(db, tenantId),
    scope.session !== undefined
      ? db.selectFrom('proposals').select('proposals.year').where(where).limit(1).executeTakeFirst()
      : Promise.resolve({ year: scope.year }),
  ]);

  const count = (pred: (c: Cell) => boolean) => cells.reduce((s, c) => s + (pred(c) ? c.n : 0), 0);
  /**
   * A figure of the scope with the list that shows its records: the proposals list, or ('member') the members behind
   * participation. `name` is the key within the module ('proposals.<name>', the catalogue's key).
   */
  const fig = (name: string, label: string, n: number, query: Record<string, string>, rows: 'proposal' | 'member' = 'proposal', unit = rows === 'member' ? '人' : '件', share?: Figure['share']): Figure => ({
    key: `proposals.${name}`, label, value: n, unit, ...(share ? { share } : {}),
    list: rows === 'member'
      ? { api: '/api/proposals/stats/members', query: { ...scopeQuery, ...query }, rows }
      : { api: '/api/proposals', web: '/proposals', query: { ...scopeQuery, ...query }, rows },
  });
  const rec = (c: Cell) => c.f_received === 1;
  const state = (s: string) => (c: Cell) => rec(c) && c.state === s;

  const received = count(rec);
  const filed = count((c) => c.f_filed === 1);
  const replied = count((c) => c.f_replied === 1);
  const onTime = count((c) => c.f_on_time === 1);
  const late = count((c) => c.f_late === 1);
  const overdue = count((c) => c.f_overdue === 1);
  const rated = count((c) => c.satisfaction !== null);
  const content = count((c) => c.satisfaction === 'satisfied' || c.satisfaction === 'basically_satisfied');

  const totals: Figure[] = [
    fig('received', '收到提案', received, { stage: 'received' }),
    fig('filed', '立案', filed, { stage: 'filed' }, 'proposal', '件', shareOf('proposals.received', filed, received)),
    fig('not_filed', '不予立案', count(state('not_filed')), { state: 'not_filed' }),
    fig('merged', '并案', count(state('merged')), { state: 'merged' }),
    fig('converted', '转为社情民意或参考', count((c) => c.f_converted === 1), { converted: 'true' }),
    fig('withdrawn', '撤回', count(state('withdrawn')), { state: 'withdrawn', stage: 'received' }),
    fig('pending', '审查中', count((c) => rec(c) && (c.state === 'submitted' || c.state === 'returned')), { state: 'submitted,returned' }),
    fig('key', '重点提案', count((c) => c.f_filed === 1 && c.is_key === 1), { stage: 'filed', isKey: 'true' }),
    fig('excellent', '优秀提案', count((c) => rec(c) && c.is_excellent === 1), { stage: 'received', isExcellent: 'true' }),
    fig('overdue', '当前超期', overdue, { overdue: 'true' }),
  ];

  // 界别: the sector a proposal names, otherwise the proposer's; 专委会: the committee it names, otherwise each of the proposer's
  const committeesOf = new Map<string, string[]>();
  for (const m of memberships) committeesOf.set(m.user_id, [...(committeesOf.get(m.user_id) ?? []), m.group_id]);
  const sectorCount = new Map<string, number>();
  const committeeCount = new Map<string, number>();
  const add = (map: Map<string, number>, k: string | null | undefined, n: number) => { if (k) map.set(k, (map.get(k) ?? 0) + n); };
  for (const p of proposers) {
    add(sectorCount, p.sid ?? members.get(p.uid), p.n);
    for (const c of p.cid ? [p.cid] : committeesOf.get(p.uid) ?? []) add(committeeCount, c, p.n);
  }
  const participation = participationOf(members, proposers, cosigners);

  const unitName = new Map(units.map((u: any) => [String(u.id), String(u.name)]));
  const unitTable: UnitStatsRow[] = (unitRows as any[]).map((r) => {
    const uid = String(r.uid);
    const q = (extra: Record<string, string>) => ({ unitId: uid, ...extra });
    const u = (name: string) => `unit.${uid}.${name}`;
    const ratedHere = Number(r.satisfied) + Number(r.basically) + Number(r.unsatisfied);
    return {
      unitId: uid,
      unitName: unitName.get(uid) ?? String(r.name ?? uid),
      assigned: fig(u('assigned'), '交办', Number(r.assigned), q({})),
      replied: fig(u('replied'), '已答复', Number(r.replied), q({ stage: 'replied' })),
      onTime: fig(u('on_time'), '按期答复', Number(r.on_time), q({ onTime: 'true' })),
      late: fig(u('late'), '逾期答复', Number(r.late), q({ onTime: 'false' })),
      overdue: fig(u('overdue'), '当前超期', Number(r.overdue), q({ overdue: 'true' })),
      satisfied: fig(u('satisfied'), '满意', Number(r.satisfied), q({ satisfaction: 'satisfied' })),
      basicallySatisfied: fig(u('basically_satisfied'), '基本满意', Number(r.basically), q({ satisfaction: 'basically_satisfied' })),
      unsatisfied: fig(u('unsatisfied'), '不满意', Number(r.unsatisfied), q({ satisfaction: 'unsatisfied' })),
      satisfactionRate: percent(Number(r.satisfied) + Number(r.basically), ratedHere),
    };
  }).sort((a, b) => b.assigned.value - a.assigned.value || a.unitName.localeCompare(b.unitName, 'zh'));

  const memberCount = participation.length;
  const participants = participation.filter((m) => m.proposals > 0).length;
  const year = yearRow ? Number((yearRow as any).year) : null;

  return {
    year,
    session: scope.session ?? null,
    scopeLabel: scope.session ?? `${scope.year}年度`,
    totals,
    filedRate: percent(filed, received),
    byCategory: proposalCategories.map((c) => fig(`category.${c}`, proposalCategoryLabels[c], count((x) => rec(x) && x.category === c), { stage: 'received', category: c })),
    byType: proposalTypes.map((t) => fig(`type.${t}`, proposalTypeLabels[t], count((x) => rec(x) && x.type === t), { stage: 'received', type: t })),
    byState: Object.entries(proposalLifecycle.states).filter(([s]) => s !== 'draft')
      .map(([s, def]) => fig(`state.${s}`, def.label, count(state(s)), { state: s, stage: 'received' })),
    bySector: sectors.map((s: any) => fig(`sector.${s.id}`, String(s.name), sectorCount.get(String(s.id)) ?? 0, { stage: 'received', sectorId: String(s.id) })),
    byCommittee: committees.map((c: any) => fig(`committee.${c.id}`, String(c.name), committeeCount.get(String(c.id)) ?? 0, { stage: 'received', committeeId: String(c.id) })),
    participation: {
      members: fig('members', '委员总数', memberCount, {}, 'member'),
      participants: fig('participants', '提交提案的委员', participants, { submitted: 'true' }, 'member', '人', shareOf('proposals.members', participants, memberCount)),
      absent: fig('absent', '未提交提案的委员', memberCount - participants, { submitted: 'false' }, 'member'),
      percent: percent(participants, memberCount),
    },
    replies: {
      replied: fig('replied', '已答复', replied, { stage: 'replied' }),
      onTime: fig('on_time', '按期答复', onTime, { onTime: 'true' }, 'proposal', '件', shareOf('proposals.replied', onTime, replied)),
      late: fig('late', '逾期答复', late, { onTime: 'false' }),
      overdue: fig('overdue', '当前超期', overdue, { overdue: 'true' }),
      onTimeRate: percent(onTime, replied),
    },
    units: unitTable,
    // 答复类别 of the released reply: a re-handled proposal keeps its class until the new reply is released
    byReplyClass: replyClasses.map((c) => fig(`reply_class.${c.code}`, c.label, count((x) => x.f_replied === 1 && x.released_class === c.code), { stage: 'replied', replyClass: c.code })),
    bySatisfaction: satisfactionValues.map((s) => fig(`satisfaction.${s}`, satisfactionLabels[s], count((x) => x.satisfaction === s), { satisfaction: s })),
    satisfactionRate: percent(content, rated),
  };
}
