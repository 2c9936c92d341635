/**
 * The conditions behind the statistics figures (提案统计), written once and used twice: by the statistics, which count
 * with them, and by the list filters, which show the records behind a figure. So a figure and its list always agree.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { openTaskExists } from '../../../kernel/server/work-items.ts';
import { memberIdsOfGroup } from '../../organizations/index.ts';
import type { ProposalTables } from './tables.ts';
import type { ModuleTables } from '../../../kernel/server/db/tables.ts';

type Eb = ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>;

/** States in which a handling unit owes work (超期 counts only these): 待签收, 申请调整, 办理中, 申请延期, 待签发, 重新办理. */
export const handlingStates = ['assigned', 'objected', 'in_progress', 'extension_requested', 'reply_signoff', 'rehandle'] as const;

/**
 * The last moment of a due date (a China calendar day) as an ISO timestamp: `due_date` 'YYYY-MM-DD' ends at 16:00 UTC.
 * Timestamps are ISO text in UTC, so the comparison is a text comparison on both databases.
 */
const dueEnd = sql<string>`(${sql.ref('proposals.due_date')} || 'T15:59:59.999Z')`;

/**
 * When the reply left the unit (报出): its leader's sign-off (签发), or its sending where no sign-off is required. The
 * unit's timeliness counts by it, not by the office's release; a row from before the sign-off step falls back to the release.
 */
const proposalSentAt = sql<string>`coalesce(${sql.ref('proposals.reply_sent_at')}, ${sql.ref('proposals.replied_at')})`;

/**
 * One unit of a proposal, whose timeliness is asked: a unit id (the list's unit filter), or the unit and role columns
 * of a grouping by `proposal_units` (the statistics' per-unit table), where only 分办 rows need to look further.
 */
export type UnitOf = string | { unitId: Expression<string>; role: Expression<string> };

/**
 * When one unit's reply left it: a 分办 unit answers the proposer itself, so its own reply's 报出 (its leader's sign-off,
 * or its sending) counts; the lead and 会办 units have no reply of their own and count by the proposal's.
 */
function unitSentAt(unit: UnitOf) {
  const u = typeof unit === 'string' ? sql`${unit}` : unit.unitId;
  const own = sql<string | null>`(select max(coalesce(pa.reply_sent_at, pa.done_at)) from proposal_assignments pa
    where pa.proposal_id = ${sql.ref('proposals.id')} and pa.unit_id = ${u} and pa.role = 'split' and pa.state = 'replied')`;
  // grouped by unit role: the lookup runs for 分办 rows only
  const ownIfSplit = typeof unit === 'string' ? own : sql<string | null>`(case when ${unit.role} = 'split' then ${own} end)`;
  return sql<string>`coalesce(${ownIfSplit}, ${proposalSentAt})`;
}

/**
 * 按期答复: a released reply left its unit by the end of its due date (a proposal without a due date has none to miss).
 * With `unit`, the reply of that unit: a 分办 unit's own reply.
 */
export function repliedOnTime(eb: Eb, unit?: UnitOf): Expression<SqlBool> {
  const sent = unit === undefined ? proposalSentAt : unitSentAt(unit);
  return eb.and([
    eb('proposals.replied_at', 'is not', null),
    eb.or([eb('proposals.due_date', 'is', null), eb(sent, '<=', dueEnd)]),
  ]);
}

/** 逾期答复: a released reply left its unit after its due date (with `unit`, as for 按期答复). */
export function repliedLate(eb: Eb, unit?: UnitOf): Expression<SqlBool> {
  const sent = unit === undefined ? proposalSentAt : unitSentAt(unit);
  return eb.and([
    eb('proposals.replied_at', 'is not', null),
    eb('proposals.due_date', 'is not', null),
    eb(sent, '>', dueEnd),
  ]);
}

/** The roles of a handling unit's work items (the kernel's `tasks`): its clerk's and its leader's. */
export const unitTaskRoles = ['unit_handler', 'unit_leader'] as const;
/** The work items of a proposal's units: the proposal's own (主办: 待签收, 办理中, 待签发, 重新办理) and its 分办/会办 parts'. */
export const unitTaskEntities = ['proposal', 'proposal_assignment'] as const;

/**
 * 当前超期 (decision 0032): the proposal is being handled (a handling state) and a handling unit has an open work item
 * on it that is late. The lead unit's item on the proposal itself (待签收, 办理中, 待签发, 重新办理) is late when its own
 * due date or the proposal's 办理期限 (`due_date`) has passed, so a reply still waiting for its leader's sign-off after
 * the 办理期限 is overdue (decision 0021); a 分办 part's or a 会办 opinion's item when its due date has passed. Dates are
 * China calendar days. With `unit`, that unit's own work item. The 督办看板 counts its overdue proposals with this
 * condition (`overdueProposalCount`) and dates its items the same way.
 */
export function overdueNow(eb: Eb, today: string, unit?: UnitOf): Expression<SqlBool> {
  const unitId = unit === undefined ? undefined : typeof unit === 'string' ? sql<string>`${unit}` : unit.unitId;
  const roles = unitTaskRoles;
  const orgId = unitId;
  const own = openTaskExists(eb, {
    entityType: 'proposal', entityId: eb.ref('proposals.id'), roles, orgId, lateBefore: today, orLate: eb('proposals.due_date', '<', today),
  });
  const parts = openTaskExists(eb, {
    entityType: 'proposal_assignment', roles, orgId, lateBefore: today,
    entityIdIn: eb.selectFrom('proposal_assignments').select('proposal_assignments.id').whereRef('proposal_assignments.proposal_id', '=', 'proposals.id'),
  });
  return eb.and([eb('proposals.state', 'in', [...handlingStates]), eb.or([own, parts])]);
}

/** 转办: a declined proposal that became a 社情民意 report or a 参考件 with the proposer's consent. */
export function converted(eb: Eb): Expression<SqlBool> {
  return eb('proposals.converted_to', 'is not', null);
}

/**
 * 界别 of a proposal: the sector it was submitted in the name of (界别提案), otherwise the proposer's own sector
 * (a member's 界别, from the organisations module).
 */
export function inSector(eb: Eb, tenantId: string, sectorId: string): Expression<SqlBool> {
  return eb.or([
    eb('proposals.sector_id', '=', sectorId),
    eb.and([
      eb('proposals.sector_id', 'is', null),
      eb('proposals.proposer_user_id', 'in', memberIdsOfGroup(eb, tenantId, 'sector', sectorId)),
    ]),
  ]);
}

/**
 * 专委会 of a proposal: the committee it was submitted in the name of (专委会提案), otherwise every committee the
 * proposer belongs to in the CPPCC (a member's 专委会, from the organisations module).
 */
export function inCommittee(eb: Eb, tenantId: string, committeeId: string): Expression<SqlBool> {
  return eb.or([
    eb('proposals.committee_id', '=', committeeId),
    eb.and([
      eb('proposals.committee_id', 'is', null),
      eb('proposals.proposer_user_id', 'in', memberIdsOfGroup(eb, tenantId, 'committee', committeeId)),
    ]),
  ]);
}

/** The list filters that show the records behind a statistics figure (see `ProposalListQuery`). */
export interface StatFilters {
  session?: string;
  sectorId?: string;
  committeeId?: string;
  onTime?: boolean;
  /** 承办单位: with `onTime`, a 分办 unit is judged by its own reply; with `overdue`, by its own work items */
  unitId?: string;
  overdue?: boolean;
  isExcellent?: boolean;
  converted?: boolean;
}

/** The list conditions of the statistics filters, for `filters` of the proposal list. */
export function statFilterConditions(eb: Eb, tenantId: string, q: StatFilters, today: string): Array<Expression<SqlBool>> {
  const and: Array<Expression<SqlBool>> = [];
  if (q.session) and.push(eb('proposals.session_label', '=', q.session));
  if (q.sectorId) and.push(inSector(eb, tenantId, q.sectorId));
  if (q.committeeId) and.push(inCommittee(eb, tenantId, q.committeeId));
  if (q.onTime !== undefined) and.push(q.onTime ? repliedOnTime(eb, q.unitId) : repliedLate(eb, q.unitId));
  if (q.overdue !== undefined) and.push(q.overdue ? overdueNow(eb, today, q.unitId) : eb.not(overdueNow(eb, today, q.unitId)));
  if (q.isExcellent !== undefined) and.push(eb('proposals.is_excellent', '=', q.isExcellent ? 1 : 0));
  if (q.converted !== undefined) and.push(q.converted ? converted(eb) : eb.not(converted(eb)));
  return and;
}
