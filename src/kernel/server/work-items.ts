/**
 * The kernel's tables of work: `workflow_history` (what happened to a record, step by step) and `tasks` (the open work
 * items, 待办). Every statement on them lives here; the runner and the unit of work write through these functions, and
 * modules read through the queries below (a record's history, the worklist, open work of units, the statistics'
 * open-work conditions). Modules never name these tables (lint).
 */
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import { sql } from 'kysely';
import { newId } from '../universal/ids.ts';
import { insertBatches } from './db/bulk.ts';
import { affected, insertRow, runPrepared } from './db/prepared.ts';
import type { TasksTable, WorkflowHistoryTable } from './db/tables.ts';
import { placesOf, type Addressee, type WorkAddress } from '../universal/work-address.ts';

type Db = Kysely<any> | Transaction<any>;

/** A row of `workflow_history`. */
export type HistoryRow = WorkflowHistoryTable;

/** A row of `tasks`: one work item (待办). */
export type TaskRow = TasksTable;

// ---- writes (the runner and the unit of work only) ----

export async function insertHistory(trx: Db, h: Omit<HistoryRow, 'id'> & { id?: string }): Promise<void> {
  await insertRow(trx, 'workflow_history', { id: h.id ?? newId(), ...h });
}

export async function insertTask(trx: Db, t: Record<string, unknown>): Promise<void> {
  await insertRow(trx, 'tasks', t);
}

/** Close a record's open work items of one entity type (only one person's, when `userId` is given). */
export async function closeOpenTasks(trx: Db, entityType: string, entityId: string, now: string, userId?: string): Promise<number> {
  const params = userId ? [now, entityType, entityId, userId] : [now, entityType, entityId];
  const r = await runPrepared(trx, userId ? 'tasks:close-for-user' : 'tasks:close', params, (d, p) => {
    const q = d.updateTable('tasks').set({ status: 'done', closed_at: p[0] })
      .where('entity_type', '=', p[1]).where('entity_id', '=', p[2]).where('status', '=', 'open');
    return userId ? q.where('assignee_user_id', '=', p[3]) : q;
  });
  return affected(r);
}

/**
 * Demo data (演示数据): history entries and work items built in bulk by a module's seed (`openTaskRow` gives the work
 * item a state calls for), inserted inside the seed's transaction.
 */
export async function seedWorkflowRows(trx: Db, rows: { history: Array<Record<string, unknown>>; tasks: Array<Record<string, unknown>> }, batch = { history: 400, tasks: 400 }): Promise<void> {
  await insertBatches(trx as Kysely<any>, 'workflow_history', rows.history, batch.history);
  await insertBatches(trx as Kysely<any>, 'tasks', rows.tasks, batch.tasks);
}

// ---- history reads ----

/** A record's history, oldest first (optionally of some actions only). */
export async function listHistory(db: Db, entityType: string, entityId: string, opts: { actions?: readonly string[] } = {}): Promise<HistoryRow[]> {
  let q = db.selectFrom('workflow_history').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId);
  if (opts.actions) q = q.where('action', 'in', [...opts.actions]);
  return (await q.orderBy('at').orderBy('id').execute()) as HistoryRow[];
}

/**
 * Set the due date of a record's open work items: a correction outside the lifecycle (data repair, and tests that need
 * a deadline already passed without waiting for it). Returns how many work items moved.
 */
export async function setOpenTaskDue(db: Db, entityId: string, due: string): Promise<number> {
  const r = await db.updateTable('tasks').set({ due_date: due }).where('entity_id', '=', entityId).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The first history entry of a record with this action (e.g. who created it), if any. */
export async function firstHistoryStep(db: Db, entityType: string, entityId: string, action: string): Promise<HistoryRow | undefined> {
  return (await db.selectFrom('workflow_history').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .where('action', '=', action).orderBy('at').orderBy('id').limit(1).executeTakeFirst()) as HistoryRow | undefined;
}

/**
 * A condition for a query of a module's records: the record (its id in `entityId`) has a history entry of one of these
 * actions after the instant in `after` (a column of the outer query).
 */
export function hasHistoryAfter(eb: ExpressionBuilder<any, any>, o: { entityType: string; entityId: Expression<any>; actions: readonly string[]; after: Expression<any> }): Expression<SqlBool> {
  return eb.exists(eb.selectFrom('workflow_history as wh').select('wh.id')
    .where('wh.entity_type', '=', o.entityType).where('wh.entity_id', '=', o.entityId)
    .where('wh.action', 'in', [...o.actions]).where('wh.at', '>', o.after));
}

// ---- work item reads ----

/** A person as work is addressed to them (see `kernel/universal/work-address.ts`). */
export type { Addressee, WorkAddress } from '../universal/work-address.ts';

/** The work items for a person, by the one rule of `work-address.ts`: theirs by name, or for a role they hold where they are. */
function addressedTo(a: Addressee) {
  return (eb: ExpressionBuilder<any, any>) => {
    const personal = eb('assignee_user_id', '=', a.userId);
    if (a.roles.length === 0) return personal;
    return eb.or([
      personal,
      eb.and([eb('assignee_org_id', 'in', placesOf(a)), eb('assignee_role', 'in', [...a.roles])]),
    ]);
  };
}

/**
 * The people a work item is for, by the same rule, as a condition on a query of people: `cols` name the columns of the
 * person's id, organisation, CPPCC (tenant) and one role they hold (the people module's tables, which the kernel does not
 * know). False when the address names no one.
 */
export function addresseesWhere(eb: ExpressionBuilder<any, any>, w: WorkAddress, cols: { userId: string; orgId: string; tenantId: string; role: string }): Expression<SqlBool> {
  const any: Expression<SqlBool>[] = [];
  if (w.userIds?.length) any.push(eb(cols.userId, 'in', [...w.userIds]));
  if (w.orgIds?.length && w.roles?.length) {
    const places = [...w.orgIds];
    any.push(eb.and([eb(cols.role, 'in', [...w.roles]), eb.or([eb(cols.orgId, 'in', places), eb(cols.tenantId, 'in', places)])]));
  }
  return any.length ? eb.or(any) : sql<SqlBool>`1 = 0`;
}

/**
 * The worklist (待办) of a person: counts by label (with how many are overdue on `today`) and one page of items,
 * soonest due first.
 */
export async function openTasksFor(db: Db, a: Addressee, q: { today: string; page: number; pageSize: number; label?: string }): Promise<{
  counts: Array<{ label: string; count: number; overdue: number }>; items: TaskRow[];
}> {
  const base = db.selectFrom('tasks').where('status', '=', 'open').where(addressedTo(a));
  const filtered = q.label ? base.where('label', '=', q.label) : base;
  const [counts, rows] = await Promise.all([
    base.select(['label', (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number>(eb.case().when('due_date', '<', q.today).then(1).else(0).end()).as('overdue')])
      .groupBy('label').orderBy('label').execute(),
    filtered.selectAll()
      .orderBy(sql`coalesce(due_date, '9999-12-31')`).orderBy('created_at').orderBy('id')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
  ]);
  return {
    counts: counts.map((c: any) => ({ label: String(c.label), count: Number(c.count), overdue: Number(c.overdue ?? 0) })),
    items: rows as TaskRow[],
  };
}

/** The newest open work item of a record (the one its last step opened), if any. */
export async function latestOpenTask(db: Db, entityType: string, entityId: string): Promise<TaskRow | undefined> {
  return (await db.selectFrom('tasks').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .where('status', '=', 'open').orderBy('created_at', 'desc').limit(1).executeTakeFirst()) as TaskRow | undefined;
}

export interface OpenTaskFilter {
  tenantId?: string;
  entityTypes?: readonly string[];
  roles?: readonly string[];
  /** only items with a due date on or before this day */
  dueOnOrBefore?: string;
  /** only items with a due date */
  withDueDate?: boolean;
}

/** Open work items of some kinds (e.g. the handling units' work for the 督办看板 and 催办), soonest due first. */
export async function openTasks(db: Db, f: OpenTaskFilter): Promise<TaskRow[]> {
  let q = db.selectFrom('tasks').selectAll().where('status', '=', 'open');
  if (f.tenantId) q = q.where('tenant_id', '=', f.tenantId);
  if (f.entityTypes) q = q.where('entity_type', 'in', [...f.entityTypes]);
  if (f.roles) q = q.where('assignee_role', 'in', [...f.roles]);
  if (f.withDueDate || f.dueOnOrBefore) q = q.where('due_date', 'is not', null);
  if (f.dueOnOrBefore) q = q.where('due_date', '<=', f.dueOnOrBefore);
  return (await q.orderBy('due_date').orderBy('id').execute()) as TaskRow[];
}

/**
 * A condition for a query of a module's records: an open work item exists of `entityType` whose record id is
 * `entityId` (a column of the outer query) or one of `entityIdIn` (a subquery), for one of `roles` (and `orgId`), late on
 * `lateBefore` (due before that day), or when `orLate` (a condition of the outer query, e.g. the record's own deadline
 * having passed) holds.
 */
export function openTaskExists(eb: ExpressionBuilder<any, any>, o: {
  entityType: string; entityId?: Expression<any>; entityIdIn?: Expression<any>; roles?: readonly string[]; orgId?: Expression<any> | string;
  lateBefore?: string; orLate?: Expression<SqlBool>;
}): Expression<SqlBool> {
  let q = eb.selectFrom('tasks as ot').select('ot.id').where('ot.status', '=', 'open').where('ot.entity_type', '=', o.entityType);
  if (o.entityId) q = q.where('ot.entity_id', '=', o.entityId);
  if (o.entityIdIn) q = q.where('ot.entity_id', 'in', o.entityIdIn);
  if (o.roles) q = q.where('ot.assignee_role', 'in', [...o.roles]);
  if (o.orgId !== undefined) q = q.where('ot.assignee_org_id', '=', o.orgId);
  if (o.lateBefore) {
    const today = o.lateBefore;
    const orLate = o.orLate;
    q = q.where((t) => (orLate ? t.or([t('ot.due_date', '<', today), orLate]) : t('ot.due_date', '<', today)));
  }
  return eb.exists(q);
}
