/**
 * Reading 建议落实 (Kysely, both databases). Every list query filters by what the actor may see (`canSeeItem` says the
 * same for one record): every record of their CPPCC for the office and leaders, their own unit's for a department.
 * The list, the board and the figures share one filter (`filtered`), so a count and the list it opens agree.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { AnySourceType, RecommendationsListQuery } from '../contract.ts';
import { ageBounds, openStates, owingStates, type AgeBucket } from '../domain/recommendations-lifecycle.ts';
import { readsAll } from '../domain/recommendations-policy.ts';
import { recommendationsDb, type RecommendationRow } from './tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import { perPeriod, periodOfInstant, type Period } from '../../../kernel/server/db/periods.ts';
import { sql } from 'kysely';

export async function findItem(db: AnyModuleDb, id: string): Promise<RecommendationRow | undefined> {
  return recommendationsDb(db).selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A China date's first instant as stored UTC text (timestamps are UTC; a China day starts 8 hours earlier). */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The list's filters without paging (the figures and the board pass the same ones). */
export type RecommendationFilter = Omit<RecommendationsListQuery, 'page' | 'pageSize'>;

/** The records the actor may see matching the filter, as a query to count or page. */
export function filtered(db: AnyModuleDb, actor: Actor, q: RecommendationFilter, today: string) {
  let base = recommendationsDb(db).selectFrom('recommendations').where('tenant_id', '=', actor.tenantId);
  // a department sees its own unit's parts only
  if (!readsAll(actor)) base = base.where('unit_id', '=', actor.orgId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.open) base = base.where('state', 'in', [...openStates]);
  if (q.sourceType) base = base.where('source_type', '=', q.sourceType);
  if (q.sourceId) base = base.where('source_id', '=', q.sourceId);
  if (q.unitId) base = base.where('unit_id', '=', q.unitId);
  if (q.overdue === true) base = base.where('state', 'in', [...owingStates]).where('due_date', '<', today);
  if (q.overdue === false) base = base.where((eb) => eb.or([eb('state', 'not in', [...owingStates]), eb('due_date', 'is', null), eb('due_date', '>=', today)]));
  if (q.answered === true) base = base.where('first_reply_at', 'is not', null);
  if (q.answered === false) base = base.where('first_reply_at', 'is', null);
  if (q.extensionPending === true) base = base.where('ext_state', '=', 'requested');
  if (q.age) {
    const b = ageBounds(q.age as AgeBucket, today);
    if (b.from) base = base.where('created_at', '>=', chinaDayStart(b.from));
    base = base.where('created_at', '<', chinaDayStart(nextDay(b.to)));
  }
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('text', 'like', like), eb('source_title', 'like', like), eb('unit_name', 'like', like)]));
  }
  // a period of China dates on the time it was handed over (the figures count over the same bounds)
  if (q.from) base = base.where('created_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('created_at', '<', chinaDayStart(nextDay(q.to)));
  return base;
}

/** The queries of one page of the list and of its total (what listItems runs; the benchmark reads their plans). */
export function listQueries(db: AnyModuleDb, actor: Actor, q: RecommendationsListQuery, today: string) {
  const base = filtered(db, actor, q, today);
  const ordered = q.sort === 'due'
    // 待落实: a reply owed past its due date first, then by due date (none last), then the newest
    ? base.selectAll()
      .orderBy(sql`case when state in (${sql.join([...owingStates])}) and due_date < ${today} then 0 else 1 end`)
      .orderBy(sql`case when due_date is null then 1 else 0 end`).orderBy('due_date').orderBy('created_at', 'desc').orderBy('id')
    : base.selectAll().orderBy('created_at', 'desc').orderBy('source_id').orderBy('item_key').orderBy('id');
  return { page: ordered.limit(q.pageSize).offset((q.page - 1) * q.pageSize), total: base.select((eb) => eb.fn.countAll<number>().as('n')) };
}

/** One page of the records the actor may see that match the query, due first, with the total for 共 N 条. */
export async function listItems(db: AnyModuleDb, actor: Actor, q: RecommendationsListQuery, today: string): Promise<{ rows: RecommendationRow[]; total: number }> {
  const { page, total } = listQueries(db, actor, q, today);
  const [rows, n] = await Promise.all([page.execute(), total.executeTakeFirstOrThrow()]);
  return { rows, total: Number(n.n) };
}

/** How many records match the filter. */
export async function countItems(db: AnyModuleDb, actor: Actor, q: RecommendationFilter, today: string): Promise<number> {
  const r = await filtered(db, actor, q, today).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * How many records match the filter in each period: the filter over the periods' span (its `from`/`to`), grouped by
 * the period of the time each was handed over, so each count is what the filter with that period's days counts.
 */
export async function countItemsByPeriod(db: AnyModuleDb, actor: Actor, q: RecommendationFilter, periods: readonly Period[], today: string): Promise<number[]> {
  const rows = await filtered(db, actor, q, today).select((eb) => [periodOfInstant('created_at', periods).as('period'), eb.fn.countAll<number>().as('n')])
    .groupBy(sql`1`).execute();
  return perPeriod(rows, periods.length);
}

/** Open records grouped by a column: how many are open and how many of them are overdue (with the unit's name). */
export async function openCountsBy(db: AnyModuleDb, actor: Actor, column: 'source_type' | 'unit_id', today: string) {
  const rows = await openCountsQuery(db, actor, column, today).execute();
  return new Map(rows.map((r) => [String(r.code), { name: String(r.name), open: Number(r.n), overdue: Number(r.late ?? 0) }]));
}

/** The query of openCountsBy. */
export function openCountsQuery(db: AnyModuleDb, actor: Actor, column: 'source_type' | 'unit_id', today: string) {
  return filtered(db, actor, { open: true }, today).select((eb) => [
    eb.ref(column).as('code'),
    eb.fn.max('unit_name').as('name'),
    eb.fn.countAll<number>().as('n'),
    eb.fn.sum<number>(eb.case().when(eb.and([eb('state', 'in', [...owingStates]), eb('due_date', '<', today)])).then(1).else(0).end()).as('late'),
  ]).groupBy(column);
}

/** The parts of the same recommendation (one per responsible department). */
export async function partsOf(db: AnyModuleDb, r: Pick<RecommendationRow, 'tenant_id' | 'source_type' | 'source_id' | 'item_key'>): Promise<RecommendationRow[]> {
  return recommendationsDb(db).selectFrom('recommendations').selectAll()
    .where('tenant_id', '=', r.tenant_id).where('source_type', '=', r.source_type).where('source_id', '=', r.source_id).where('item_key', '=', r.item_key)
    .orderBy('unit_name').execute();
}

/** The item keys already tracked for a source (with their units), for the idempotent request. */
export async function trackedKeys(db: AnyModuleDb, tenantId: string, sourceType: AnySourceType, sourceId: string): Promise<Set<string>> {
  const rows = await recommendationsDb(db).selectFrom('recommendations').select(['item_key', 'unit_id'])
    .where('tenant_id', '=', tenantId).where('source_type', '=', sourceType).where('source_id', '=', sourceId).execute();
  return new Set(rows.map((r) => `${r.item_key}|${r.unit_id}`));
}

/** The record's history (办理过程) as the workflow runner and the commands wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  // the kernel owns its tables: a module reads a record's history through work-items.ts
  return listHistory(db, 'recommendation', id);
}

/** The 批示 on a part: those on its recommendation (its key) and those on its whole source, oldest first. */
export async function instructionsOf(db: AnyModuleDb, r: Pick<RecommendationRow, 'tenant_id' | 'source_type' | 'source_id' | 'item_key'>) {
  return recommendationsDb(db).selectFrom('recommendation_instructions').selectAll()
    .where('tenant_id', '=', r.tenant_id).where('source_type', '=', r.source_type).where('source_id', '=', r.source_id)
    .where((eb) => eb.or([eb('item_key', 'is', null), eb('item_key', '=', r.item_key)]))
    .orderBy('on_date').orderBy('created_at').execute();
}
