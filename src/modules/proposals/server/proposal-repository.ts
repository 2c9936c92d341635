/** Reads of proposals and their side tables (Kysely only, the same queries on SQLite and PostgreSQL), scoped to what the actor may see. */
import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ReadCache } from '../../../kernel/server/read-cache.ts';
import { ilike, type DialectName } from '../../../kernel/server/db/dialect.ts';
import type { ProposalListQuery } from '../contract.ts';
import type { ProposalRecord } from '../domain/proposal-lifecycle.ts';
import { isUnitActor, publicStates, type VisibilityFacts } from '../domain/proposal-policy.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { statFilterConditions } from './stat-conditions.ts';
import { listHistory as kernelHistory } from '../../../kernel/server/work-items.ts';
import type { ProposalDb, ProposalTables } from './tables.ts';
import type { ModuleTables } from '../../../kernel/server/db/tables.ts';

/** A row of the proposals table. */
export interface ProposalRow extends ProposalRecord {
  year: number;
  session_label: string;
  number_seq: number | null;
  number: string | null;
  title: string;
  background: string;
  analysis: string;
  suggestions: string;
  category: string | null;
  proposer_name: string;
  proposer_org_id: string | null;
  sector_id: string | null;
  committee_id: string | null;
  lead_unit_name: string | null;
  handling_mode: string | null;
  /** the unit's current reply (答复): a draft until the office releases it */
  reply_class: string | null;
  reply_text: string | null;
  /** the reply the office last released (审核通过): what the figures, the lists and the proposers see */
  released_class: string | null;
  released_text: string | null;
  satisfaction: string | null;
  not_filed_reason: string | null;
  extension_days: number | null;
  is_key: number;
  is_excellent: number;
  is_public: number;
  merged_into_id: string | null;
  due_date: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  filed_at: string | null;
  replied_at: string | null;
  /** 签发人 and 签发时间 of the current reply (承办单位领导签发) */
  signer_id: string | null;
  signer_name: string | null;
  signed_at: string | null;
  /** when the current reply left the unit (报出): the sign-off, or the sending when no sign-off is required */
  reply_sent_at: string | null;
  evaluators_pending: string | null;
  reply_round: number;
  leader_attention: number;
  key_status: string | null;
  key_plan: string | null;
  excellent_reason: string | null;
  follow_up_year: number | null;
  follow_up_count: number;
  /** 选题参考目录: the cited topic and its title */
  topic_id: string | null;
  topic_title: string | null;
}

/** The columns a list shows (the long texts stay out of lists). */
const listColumns = [
  'id', 'tenant_id', 'year', 'session_label', 'number', 'title', 'type', 'category', 'state', 'proposer_user_id', 'proposer_name',
  'lead_unit_id', 'lead_unit_name', 'handling_mode', 'released_class', 'satisfaction', 'is_key', 'is_excellent', 'is_public', 'topic_id', 'topic_title',
  'due_date', 'submitted_at', 'created_at', 'updated_at', 'version',
] as const;

type Db = ProposalDb;

export async function findProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  return (await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst()) as ProposalRow | undefined;
}

export async function loadFacts(db: Db, id: string): Promise<VisibilityFacts & { pendingCosignerIds: string[] }> {
  const [units, cos] = await Promise.all([
    db.selectFrom('proposal_units').select('unit_id').where('proposal_id', '=', id).execute(),
    db.selectFrom('proposal_cosigners').select(['user_id', 'confirmed_at']).where('proposal_id', '=', id).execute(),
  ]);
  return {
    unitIds: units.map((u: any) => u.unit_id),
    cosignerUserIds: cos.map((c: any) => c.user_id),
    pendingCosignerIds: cos.filter((c: any) => !c.confirmed_at).map((c: any) => c.user_id),
  };
}

export async function listCosigners(db: Db, id: string) {
  return db.selectFrom('proposal_cosigners').select(['user_id', 'name', 'confirmed_at', 'kind']).where('proposal_id', '=', id).orderBy('name').execute();
}

export async function listUnitsOf(db: Db, id: string) {
  return db.selectFrom('proposal_units').select(['unit_id', 'unit_name', 'role']).where('proposal_id', '=', id).orderBy('created_at').orderBy('unit_id').execute();
}

export async function listEvaluations(db: Db, id: string) {
  return db.selectFrom('proposal_evaluations').select(['user_id', 'user_name', 'evaluator_kind', 'round', 'satisfaction', 'comment', 'created_at'])
    .where('proposal_id', '=', id).orderBy('round', 'desc').orderBy('created_at').execute();
}
export async function listMutualScores(db: Db, id: string) {
  return db.selectFrom('proposal_mutual_scores').select(['side', 'score', 'comment', 'scorer_name', 'created_at']).where('proposal_id', '=', id).execute();
}
export async function listConsultations(db: Db, id: string) {
  return db.selectFrom('proposal_consultations').selectAll().where('proposal_id', '=', id).orderBy('date').orderBy('created_at').execute();
}
export async function listHistory(db: Db, id: string) {
  return kernelHistory(db, 'proposal', id);
}

/** The next 提案编号 of a tenant's year. */
export async function nextNumberSeq(trx: Db, tenantId: string, year: number): Promise<number> {
  const r = await trx.selectFrom('proposals').select((eb) => eb.fn.max('number_seq').as('m')).where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

const has = (a: Actor, p: string) => a.permissions.has('*') || a.permissions.has(p);

/**
 * The rows the actor may see, as one condition: the same rule as `canSeeProposal`, written for the database.
 * Every proposal the actor may see is in their own tenant (co-signers are members of it and units are assigned only
 * within it), so the condition starts with tenant_id and the tenant indexes carry lists and counts.
 * Staff with read_all: the tenant's non-drafts; proposers and co-signers: their own; units: assigned to them;
 * everyone of the tenant: public replied ones.
 */
export function visibleTo(actor: Actor, states?: readonly string[]) {
  return (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => {
    const tenant = eb('proposals.tenant_id', '=', actor.tenantId);
    const mine = [
      eb('proposals.proposer_user_id', '=', actor.userId),
      eb('proposals.id', 'in', eb.selectFrom('proposal_cosigners').select('proposal_cosigners.proposal_id').where('proposal_cosigners.user_id', '=', actor.userId)),
    ];
    if (has(actor, 'proposal.read_all')) {
      // a list of non-draft states needs no further condition
      if (states && !states.includes('draft')) return tenant;
      return eb.and([tenant, eb.or([eb('proposals.state', '!=', 'draft'), ...mine])]);
    }
    const ors = [...mine, eb.and([eb('proposals.is_public', '=', 1), eb('proposals.state', 'in', [...publicStates])])];
    // a draft has no units (they come with 交办), so the unit's branch needs no state condition and stays indexable
    if (isUnitActor(actor)) {
      ors.push(
        eb('proposals.lead_unit_id', '=', actor.orgId),
        eb('proposals.id', 'in', eb.selectFrom('proposal_units').select('proposal_units.proposal_id').where('proposal_units.unit_id', '=', actor.orgId)),
      );
    }
    // wrapped in CASE so that the planner walks the (tenant_id, created_at) index in order and stops at the page,
    // instead of gathering every public proposal through an OR of indexes and sorting them
    return eb.and([tenant, eb(eb.case().when(eb.or(ors)).then(1).else(0).end(), '=', 1)]);
  };
}

function filters(dialect: DialectName, actor: Actor, q: ProposalListQuery) {
  return (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => {
    const and = [];
    if (q.year !== undefined) and.push(eb('proposals.year', '=', q.year));
    if (q.state) {
      const states = q.state.split(',');
      and.push(states.length === 1 ? eb('proposals.state', '=', states[0]) : eb('proposals.state', 'in', states));
    }
    if (q.type) and.push(eb('proposals.type', '=', q.type));
    if (q.category) and.push(eb('proposals.category', '=', q.category));
    if (q.q) {
      // the keyword is looked for in the title and the 提案编号 (第0012号: '12' finds it)
      const like = `%${q.q.replace(/[\\%_]/g, '')}%`;
      and.push(eb.or([eb('proposals.title', ilike(dialect), like), eb('proposals.number', ilike(dialect), like)]));
    }
    if (q.unitId) {
      and.push(eb.or([
        eb('proposals.lead_unit_id', '=', q.unitId),
        eb('proposals.id', 'in', eb.selectFrom('proposal_units').select('proposal_units.proposal_id').where('proposal_units.unit_id', '=', q.unitId)),
      ]));
    }
    if (q.isKey !== undefined) and.push(eb('proposals.is_key', '=', q.isKey ? 1 : 0));
    if (q.topicId) and.push(eb('proposals.topic_id', '=', q.topicId));
    if (q.mine) {
      and.push(eb.or([
        eb('proposals.proposer_user_id', '=', actor.userId),
        eb('proposals.id', 'in', eb.selectFrom('proposal_cosigners').select('proposal_cosigners.proposal_id').where('proposal_cosigners.user_id', '=', actor.userId)),
      ]));
    }
    if (q.stage === 'received') and.push(eb('proposals.submitted_at', 'is not', null));
    if (q.stage === 'filed') and.push(eb('proposals.filed_at', 'is not', null));
    if (q.stage === 'replied') and.push(eb('proposals.replied_at', 'is not', null));
    // 答复类别 of the released reply (a draft's class is not the proposal's until the office releases it)
    if (q.replyClass) and.push(eb('proposals.released_class', '=', q.replyClass));
    if (q.satisfaction) and.push(eb('proposals.satisfaction', '=', q.satisfaction));
    // the statistics' filters (session, sector, committee, on time, overdue, excellent, converted)
    and.push(...statFilterConditions(eb, actor.tenantId, q, chinaToday()));
    return eb.and(and);
  };
}

/**
 * The visibility rule split into disjoint parts whose counts add up to the total: the large part (a tenant's
 * non-drafts for staff, the public replied ones for everyone else) is counted from a covering index, and only the
 * actor's own few rows need the table.
 */
/** A part of the visibility rule; a shared part is the same for everyone of the tenant (so its count can be cached). */
interface CountPart { where: (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => any; shared: boolean }

function countParts(actor: Actor, states?: readonly string[]): CountPart[] {
  const tenant = (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb('proposals.tenant_id', '=', actor.tenantId);
  const mine = (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.or([
    eb('proposals.proposer_user_id', '=', actor.userId),
    eb('proposals.id', 'in', eb.selectFrom('proposal_cosigners').select('proposal_cosigners.proposal_id').where('proposal_cosigners.user_id', '=', actor.userId)),
  ]);
  if (has(actor, 'proposal.read_all')) {
    if (states && !states.includes('draft')) return [{ where: tenant, shared: true }];
    return [
      { where: (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.and([tenant(eb), eb('proposals.state', '!=', 'draft')]), shared: true },
      { where: (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.and([tenant(eb), eb('proposals.state', '=', 'draft'), mine(eb)]), shared: false },
    ];
  }
  const pub = (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.and([eb('proposals.is_public', '=', 1), eb('proposals.state', 'in', [...publicStates])]);
  const own = (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => {
    const ors = [mine(eb)];
    // a draft has no units (they come with 交办), so the unit's branch needs no state condition and stays indexable
    if (isUnitActor(actor)) {
      ors.push(
        eb('proposals.lead_unit_id', '=', actor.orgId),
        eb('proposals.id', 'in', eb.selectFrom('proposal_units').select('proposal_units.proposal_id').where('proposal_units.unit_id', '=', actor.orgId)),
      );
    }
    return eb.or(ors);
  };
  return [
    { where: (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.and([tenant(eb), pub(eb)]), shared: true },
    { where: (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.and([tenant(eb), eb.not(pub(eb)), own(eb)]), shared: false },
  ];
}

/** One page of the proposals the actor may see, newest first, with the total. */
export async function listProposals(db: ProposalDb, dialect: DialectName, actor: Actor, q: ProposalListQuery, countCache?: ReadCache<number>) {
  const states = q.state?.split(',');
  const filtered = db.selectFrom('proposals').where(filters(dialect, actor, q));
  // one's own and co-signed proposals are always visible to oneself, within one's tenant
  const parts: CountPart[] = q.mine ? [{ where: (eb) => eb('proposals.tenant_id', '=', actor.tenantId), shared: false }] : countParts(actor, states);
  // the filters without paging: the key of a shared count (the same for every reader of the tenant)
  const { page: _page, pageSize: _size, ...filterKey } = q;
  const count = (part: CountPart, i: number) => {
    const run = async () => Number((await filtered.where(part.where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    if (!countCache) return run();
    // a shared part is the same for everyone of the tenant; a person's own part is kept for that person
    const who = part.shared ? `all|${has(actor, 'proposal.read_all')}` : `user|${actor.userId}|${actor.orgId}`;
    return countCache.get(actor.tenantId, `${i}|${who}|${JSON.stringify(filterKey)}`, run);
  };
  // the page's ids first (from the covering list index when no other filter applies), then only those rows
  const pageIds = async () => {
    const ids = (await filtered.where(q.mine ? parts[0].where : visibleTo(actor, states)).select('proposals.id')
      .orderBy('proposals.created_at', 'desc').orderBy('proposals.id', 'desc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute()).map((r: any) => r.id as string);
    if (!ids.length) return [];
    const rows = await db.selectFrom('proposals').select(listColumns.map((c) => `proposals.${c}` as const)).where('proposals.id', 'in', ids).execute();
    const byId = new Map(rows.map((r: any) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter(Boolean);
  };
  const [rows, ...counts] = await Promise.all([pageIds(), ...parts.map(count)]);
  return { rows: rows as unknown as ProposalRow[], total: counts.reduce((n, c) => n + c, 0) };
}

/** Every proposal the actor may see that matches the filters (up to `max`), newest first: the export of a filtered list. */
export async function listAllProposals(db: ProposalDb, dialect: DialectName, actor: Actor, q: ProposalListQuery, max: number) {
  const states = q.state?.split(',');
  const rows = await db.selectFrom('proposals').where(filters(dialect, actor, q))
    .where(q.mine ? (eb) => eb('proposals.tenant_id', '=', actor.tenantId) : visibleTo(actor, states))
    .select(listColumns.map((c) => `proposals.${c}` as const))
    .orderBy('proposals.created_at', 'desc').orderBy('proposals.id', 'desc').limit(max).execute();
  return rows as unknown as ProposalRow[];
}

/** Counts of a tenant's year, grouped by one column (or in total), over the rows matching `where`. */
export async function countBy(db: ProposalDb, tenantId: string, year: number, column: string | null, where: (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => any) {
  const q = db.selectFrom('proposals').where('tenant_id', '=', tenantId).where('year', '=', year).where(where);
  if (column) {
    const rows = await q.select([column as any, (eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.fn.countAll<number>().as('n')]).groupBy(column as any).execute();
    return rows.map((r: any) => ({ value: r[column] as string | null, n: Number(r.n) }));
  }
  const r = await q.select((eb: ExpressionBuilder<ModuleTables<ProposalTables>, 'proposals'>) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return [{ value: null, n: Number((r as any)?.n ?? 0) }];
}
