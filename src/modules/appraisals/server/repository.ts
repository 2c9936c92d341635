/**
 * Reading 民主评议 (Kysely, both databases). Every list filters by what the actor may see: the office and leaders
 * every appraisal of their CPPCC, a department the appraisals it is appraised in, a member those whose vote has opened.
 * The figures count with these same queries, so a figure and its list agree.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import type { AppraisalListQuery } from '../contract.ts';
import { heldStates } from '../domain/appraisals-lifecycle.ts';
import { isDepartment, readsAll } from '../domain/appraisals-policy.ts';
import type { AppraisalItem, Choice, Tally } from '../domain/appraisals-scoring.ts';
import { appraisalsDb, type AppraisalRow, type AppraisalUnitRow } from './tables.ts';

export async function findAppraisal(db: AnyModuleDb, id: string): Promise<AppraisalRow | undefined> {
  return appraisalsDb(db).selectFrom('appraisals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitsOf(db: AnyModuleDb, id: string): Promise<AppraisalUnitRow[]> {
  return appraisalsDb(db).selectFrom('appraisal_units').selectAll().where('appraisal_id', '=', id).orderBy('seq').execute();
}

export async function unitsOfMany(db: AnyModuleDb, ids: readonly string[]): Promise<Map<string, AppraisalUnitRow[]>> {
  const out = new Map<string, AppraisalUnitRow[]>();
  if (ids.length === 0) return out;
  const rows = await appraisalsDb(db).selectFrom('appraisal_units').selectAll().where('appraisal_id', 'in', [...ids]).orderBy('seq').execute();
  for (const r of rows) out.set(r.appraisal_id, [...(out.get(r.appraisal_id) ?? []), r]);
  return out;
}

export async function itemsOf(db: AnyModuleDb, id: string): Promise<AppraisalItem[]> {
  const rows = await appraisalsDb(db).selectFrom('appraisal_items').select(['seq', 'name', 'weight']).where('appraisal_id', '=', id).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), name: r.name, weight: Number(r.weight) }));
}

export async function groupOf(db: AnyModuleDb, id: string) {
  return appraisalsDb(db).selectFrom('appraisal_group').selectAll().where('appraisal_id', '=', id).orderBy('duty').orderBy('name').execute();
}

export async function visitsOf(db: AnyModuleDb, id: string) {
  return appraisalsDb(db).selectFrom('appraisal_visits').selectAll().where('appraisal_id', '=', id).orderBy('visited_on').orderBy('id').execute();
}

export async function rectificationsOf(db: AnyModuleDb, id: string) {
  return appraisalsDb(db).selectFrom('appraisal_rectifications').selectAll().where('appraisal_id', '=', id).orderBy('seq').execute();
}

/** The marks counted per department, item and choice: all the results read (no ballot, no voter). */
export async function talliesOf(db: AnyModuleDb, id: string): Promise<Tally[]> {
  const rows = await appraisalsDb(db).selectFrom('appraisal_marks').select(['unit_id', 'item_seq', 'choice', (eb) => eb.fn.countAll<number>().as('n')])
    .where('appraisal_id', '=', id).groupBy(['unit_id', 'item_seq', 'choice']).execute();
  return rows.map((r) => ({ unitId: r.unit_id, itemSeq: Number(r.item_seq), choice: r.choice as Choice, n: Number(r.n) }));
}

/** 参评情况: ballots by kind, and the representatives' codes issued and used. */
export async function turnoutOf(db: AnyModuleDb, id: string) {
  const tdb = appraisalsDb(db);
  const [kinds, tokens] = await Promise.all([
    tdb.selectFrom('appraisal_ballots').select(['voter_kind', (eb) => eb.fn.countAll<number>().as('n')]).where('appraisal_id', '=', id).groupBy('voter_kind').execute(),
    tdb.selectFrom('appraisal_tokens').select([(eb) => eb.fn.countAll<number>().as('issued'), (eb) => eb.fn.count<number>('used_at').as('used')]).where('appraisal_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  const of = (k: string) => Number(kinds.find((x) => x.voter_kind === k)?.n ?? 0);
  return { ballots: of('member') + of('representative'), members: of('member'), representatives: of('representative'), tokensIssued: Number(tokens.issued), tokensUsed: Number(tokens.used) };
}

export async function ballotOf(db: AnyModuleDb, id: string, voterKey: string) {
  return appraisalsDb(db).selectFrom('appraisal_ballots').select(['id', 'cast_at']).where('appraisal_id', '=', id).where('voter_key', '=', voterKey).executeTakeFirst();
}

/** The appraisals the actor may see that match the query, as a query to count or page. */
export function appraisalQuery(db: AnyModuleDb, actor: Actor, q: Omit<AppraisalListQuery, 'page' | 'pageSize'>) {
  let base = appraisalsDb(db).selectFrom('appraisals').where('appraisals.tenant_id', '=', actor.tenantId);
  if (!readsAll(actor)) {
    // a department: the appraisals it is appraised in; a member: those whose vote has opened
    base = isDepartment(actor)
      ? base.where((eb) => eb.exists(eb.selectFrom('appraisal_units').select('appraisal_units.id').whereRef('appraisal_units.appraisal_id', '=', 'appraisals.id').where('appraisal_units.unit_id', '=', actor.orgId)))
      : base.where('appraisals.state', 'in', [...heldStates]);
  }
  if (q.state) base = base.where('appraisals.state', 'in', q.state.split(','));
  if (q.held === true) base = base.where('appraisals.state', 'in', [...heldStates]);
  if (q.held === false) base = base.where('appraisals.state', 'not in', [...heldStates]);
  if (q.unitId) base = base.where((eb) => eb.exists(eb.selectFrom('appraisal_units').select('appraisal_units.id').whereRef('appraisal_units.appraisal_id', '=', 'appraisals.id').where('appraisal_units.unit_id', '=', q.unitId!)));
  if (q.q) base = base.where('appraisals.title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  if (q.from) base = base.where('appraisals.planned_on', '>=', q.from);
  if (q.to) base = base.where('appraisals.planned_on', '<=', q.to);
  return base;
}

export async function listAppraisals(db: AnyModuleDb, actor: Actor, q: AppraisalListQuery): Promise<{ rows: AppraisalRow[]; total: number }> {
  const base = appraisalQuery(db, actor, q);
  const [rows, total] = await Promise.all([
    base.selectAll('appraisals').orderBy('appraisals.planned_on', 'desc').orderBy('appraisals.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as AppraisalRow[], total: Number(total.n) };
}

/** Ballots (who voted, when; never how) of the CPPCC's appraisals, for staff; a period of 评议会议日期. */
export function ballotQuery(db: AnyModuleDb, tenantId: string, q: { appraisalId?: string; from?: string; to?: string }) {
  let base = appraisalsDb(db).selectFrom('appraisal_ballots').innerJoin('appraisals', 'appraisals.id', 'appraisal_ballots.appraisal_id')
    .where('appraisal_ballots.tenant_id', '=', tenantId);
  if (q.appraisalId) base = base.where('appraisal_ballots.appraisal_id', '=', q.appraisalId);
  if (q.from) base = base.where('appraisals.planned_on', '>=', q.from);
  if (q.to) base = base.where('appraisals.planned_on', '<=', q.to);
  return base;
}

/** Departments appraised (one row per appraisal and department) in the appraisals the actor may see. */
export function departmentQuery(db: AnyModuleDb, actor: Actor, q: { unitId?: string; held?: boolean; from?: string; to?: string }) {
  const visible = appraisalQuery(db, actor, { held: q.held, from: q.from, to: q.to }).select('appraisals.id');
  let base = appraisalsDb(db).selectFrom('appraisal_units').innerJoin('appraisals', 'appraisals.id', 'appraisal_units.appraisal_id')
    .where('appraisal_units.appraisal_id', 'in', visible);
  // a department sees its own rows only
  if (!readsAll(actor)) base = base.where('appraisal_units.unit_id', '=', actor.orgId);
  if (q.unitId) base = base.where('appraisal_units.unit_id', '=', q.unitId);
  return base;
}

/** The record's history as the workflow runner and the commands wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'appraisal', id);
}

/** A China date's first instant as stored UTC text. */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
