/**
 * Runs workflow transitions. Each transition is one transaction: load the record, check the transition,
 * update with an optimistic version check (a stale write gets a 409), write a history row, move the work item
 * (task) on, append the audit record and write the domain event to the outbox, delivered after commit. The `…In`
 * forms run inside a transaction the caller holds (a unit of work that changes several records at once).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError, notFound, versionConflict } from '../universal/errors.ts';
import { newId } from '../universal/ids.ts';
import { checkTransition, type TransitionDef, type WorkflowDef } from '../universal/workflow.ts';
import type { Actor } from './actor.ts';
import { appendAudit, chainLockTaken } from './audit.ts';
import { lockAuditChainAfter, type DialectName } from './db/dialect.ts';
import type { EventBus } from './events.ts';
import type { EventDraft, Outbox } from './outbox.ts';
import type { WorkingCalendar } from './calendar.ts';
import { clock } from '../universal/clock.ts';
import { closeOpenTasks, insertHistory, insertTask, type HistoryRow } from './work-items.ts';
import { affected, insertRow, runPrepared } from './db/prepared.ts';

/** The columns every workflow-driven table has. */
export interface WorkflowRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  [k: string]: unknown;
}

export interface WorkflowSpec<R extends WorkflowRecord> {
  workflow: WorkflowDef<R>;
  table: string;
  /** Chinese name of the record type for messages, e.g. '提案' */
  entityLabel: string;
  /** a line for the worklist and notifications */
  titleOf: (r: R) => string;
  /** may the actor see this record at all? (tenancy and ownership); a record they may not see is "not found" */
  canSee: (r: R, actor: Actor) => boolean;
  /**
   * Extra effects of a transition inside the same transaction: column updates to merge into the record's update,
   * and any writes to the module's own side tables.
   */
  apply?: (ctx: { trx: Transaction<any>; record: R; transition: TransitionDef<R>; input: Record<string, unknown>; actor: Actor; now: string }) =>
    Promise<Record<string, unknown> | void>;
}

export interface FireRequest {
  id: string;
  action: string;
  expectedVersion: number;
  input?: Record<string, unknown>;
  actor: Actor;
  note?: string;
  ip?: string;
}

export interface FireResult<R> {
  record: R; from: string; to: string; transition: TransitionDef<R>;
  /** the id of the `<workflow>.transitioned` event written to the outbox */
  eventId: string;
}

export class WorkflowRunner {
  constructor(private deps: { db: Kysely<any>; dialect: DialectName; events: EventBus; calendar: WorkingCalendar; outbox: Outbox }) {}

  /** Insert a new record in the workflow's initial state, with its history, work item, audit record and event. */
  async create<R extends WorkflowRecord>(spec: WorkflowSpec<R>, values: Omit<R, 'state' | 'version' | 'created_at' | 'updated_at'> & { state?: string }, actor: Actor, ip?: string): Promise<R> {
    const { record, eventId } = await this.deps.db.transaction().execute((trx) => this.createIn(trx, spec, values, actor, ip));
    await this.deps.outbox.deliverNow([eventId]);
    return record;
  }

  /** `create` inside the caller's transaction (a unit of work); the event is delivered after that transaction commits. */
  async createIn<R extends WorkflowRecord>(trx: Transaction<any>, spec: WorkflowSpec<R>, values: Omit<R, 'state' | 'version' | 'created_at' | 'updated_at'> & { state?: string }, actor: Actor, ip?: string): Promise<{ record: R; eventId: string }> {
    const now = clock.iso();
    const record = { ...values, state: values.state ?? spec.workflow.initial, version: 1, created_at: now, updated_at: now } as unknown as R;
    await insertRow(trx, spec.table, record as Record<string, unknown>);
    await insertHistory(trx, this.historyRow(spec, record, null, record.state, 'create', actor, null, now));
    await closeOpenTasks(trx, spec.workflow.id, record.id, now);
    const task = this.taskRow(spec, record, now);
    if (task) await insertTask(trx, task);
    const eventId = (await this.deps.outbox.write(trx, this.transitionEvent(spec, record, null, record.state, 'create', actor))).id!;
    // the audit record last: on PostgreSQL it takes the chain's lock, held until commit
    await appendAudit(trx, this.deps.dialect, {
      tenantId: record.tenant_id, actorId: actor.userId, actorName: actor.displayName,
      action: `${spec.workflow.id}.create`, entityType: spec.workflow.id, entityId: record.id, data: { state: record.state }, ip,
    });
    return { record, eventId };
  }

  async fire<R extends WorkflowRecord>(spec: WorkflowSpec<R>, req: FireRequest): Promise<FireResult<R>> {
    const result = await this.deps.db.transaction().execute((trx) => this.fireIn(trx, spec, req));
    // the event's subscribers run before the transition answers; polling delivers it if this instance stops first
    await this.deps.outbox.deliverNow([result.eventId]);
    return result;
  }

  /**
   * `fire` inside the caller's transaction (a unit of work): load, check, update with the version check, history, work
   * item, audit and the `<workflow>.transitioned` event in the outbox, all committing or failing together.
   */
  async fireIn<R extends WorkflowRecord>(trx: Transaction<any>, spec: WorkflowSpec<R>, req: FireRequest): Promise<FireResult<R>> {
    const now = clock.iso();
    const record = (await runPrepared<R>(trx, `record:${spec.table}`, [req.id], (d, p) => d.selectFrom(spec.table).selectAll().where('id', '=', p[0]))).rows[0];
    if (!record || !spec.canSee(record, req.actor)) throw notFound(spec.entityLabel);
    if (Number(record.version) !== req.expectedVersion) throw versionConflict(spec.entityLabel);
    // one decision (state, role, permission, guard, input schema, checks), the same `allowedActions` offers by
    const check = checkTransition(spec.workflow, record.state, req.action, { record, actor: req.actor, input: req.input ?? {} });
    if (!check.ok) throw new AppError(check.code, check.message, check.field ? { field: check.field } : {});
    const t = check.transition as TransitionDef<R>;
    // the input as the action's schema parsed it (trimmed, defaults filled, fields it does not take left out)
    const input = check.input;
    const extra = (await spec.apply?.({ trx, record, transition: t, input, actor: req.actor, now })) ?? {};
    const updates = { ...extra, state: t.to, version: Number(record.version) + 1, updated_at: now };
    const cols = Object.keys(updates).filter((k) => (updates as Record<string, unknown>)[k] !== undefined);
    const set = Object.fromEntries(cols.map((k) => [k, (updates as Record<string, unknown>)[k]]));
    const updated = { ...record, ...updates } as R;
    const note = (req.note ?? (typeof input.reason === 'string' ? input.reason : null)) || null;
    const history = this.historyRow(spec, updated, record.state, t.to, t.name, req.actor, note, now, input);
    const task = this.taskRow(spec, updated, now);
    const { ev, row: eventRow } = this.deps.outbox.draft(this.transitionEvent(spec, updated, record.state, t.to, t.name, req.actor));
    if (this.deps.dialect === 'postgres') {
      // one statement for the update, history entry, work items and outbox event, ending with the audit chain's lock
      if (!(await writeTransitionOnPostgres(trx, { table: spec.table, set, id: req.id, expectedVersion: req.expectedVersion, history: { ...history }, task, event: eventRow, workflow: spec.workflow.id, now }))) {
        throw versionConflict(spec.entityLabel);
      }
      chainLockTaken(trx);
    } else {
      const res = await runPrepared(trx, `update:${spec.table}:${cols.join(',')}`, [...cols.map((k) => set[k]), req.id, req.expectedVersion], (d, p) =>
        d.updateTable(spec.table).set(Object.fromEntries(cols.map((k, i) => [k, p[i]]))).where('id', '=', p[cols.length]).where('version', '=', p[cols.length + 1]));
      if (affected(res) !== 1) throw versionConflict(spec.entityLabel);
      await insertHistory(trx, history);
      await closeOpenTasks(trx, spec.workflow.id, updated.id, now);
      if (task) await insertTask(trx, task);
      await insertRow(trx, 'outbox', eventRow);
    }
    this.deps.outbox.hold(ev);
    const eventId = ev.id;
    // the audit record last: on PostgreSQL it takes the chain's lock, held until commit, so the lock waits on nothing else
    await appendAudit(trx, this.deps.dialect, {
      tenantId: record.tenant_id, actorId: req.actor.userId, actorName: req.actor.displayName,
      action: `${spec.workflow.id}.${t.name}`, entityType: spec.workflow.id, entityId: record.id,
      data: { from: record.state, to: t.to, version: updates.version, ...(note ? { note } : {}) }, ip: req.ip,
    });
    return { record: updated, from: record.state, to: t.to, transition: t, eventId };
  }

  private historyRow<R extends WorkflowRecord>(spec: WorkflowSpec<R>, r: R, from: string | null, to: string, action: string, actor: Actor, note: string | null, now: string, input?: Record<string, unknown>): HistoryRow {
    return {
      id: newId(), tenant_id: r.tenant_id, entity_type: spec.workflow.id, entity_id: r.id, from_state: from, to_state: to,
      action, actor_id: actor.userId, actor_name: actor.displayName, actor_org_id: actor.orgId, note,
      data: input && Object.keys(input).length ? JSON.stringify(input) : null, at: now,
    };
  }

  /** The work item the record's new state calls for (the record's open ones are closed first), or null. */
  private taskRow<R extends WorkflowRecord>(spec: WorkflowSpec<R>, r: R, now: string): Record<string, unknown> | null {
    return openTaskRow(spec.workflow, r, this.deps.calendar, { title: spec.titleOf(r), since: this.deps.calendar.today(), now });
  }

  /** The `<workflow>.transitioned` event: for the actor, and for whoever the new state's work item is for. */
  private transitionEvent<R extends WorkflowRecord>(spec: WorkflowSpec<R>, r: R, from: string | null, to: string, action: string, actor: Actor): EventDraft {
    const task = spec.workflow.states[to]?.task;
    const audience: { userIds: string[]; orgIds: string[]; roles: string[] } = { userIds: [actor.userId], orgIds: [], roles: [] };
    if (task) {
      const userId = task.userField ? (r[task.userField] as string | null) : null;
      if (userId) audience.userIds.push(userId);
      else {
        audience.orgIds.push(task.orgField === 'tenant' ? r.tenant_id : String(r[task.orgField]));
        audience.roles.push(task.role);
      }
    }
    return {
      type: `${spec.workflow.id}.transitioned`, tenantId: r.tenant_id, entityType: spec.workflow.id, entityId: r.id, actorId: actor.userId,
      audience, payload: { from, to, action, title: spec.titleOf(r), version: r.version },
    };
  }
}

/**
 * PostgreSQL: a transition's writes in one statement instead of five round trips: the record's update under its
 * version, and only when it found the record at that version, its history entry, its open work items closed and the
 * new one opened (the statement's parts share one snapshot, so the new one is not among those closed), and its event in
 * the outbox. Its last act takes the audit chain's lock, whose argument waits for every write before it, so the lock is
 * held for the audit record and the commit only, as when it was a statement of its own. Returns whether the record was
 * updated (false: another edit came first).
 */
async function writeTransitionOnPostgres(trx: Transaction<any>, o: {
  table: string; set: Record<string, unknown>; id: string; expectedVersion: number; history: Record<string, unknown>;
  task: Record<string, unknown> | null; event: Record<string, unknown>; workflow: string; now: string;
}): Promise<boolean> {
  const setCols = Object.keys(o.set);
  const hCols = Object.keys(o.history);
  const tCols = o.task ? Object.keys(o.task) : [];
  const eCols = Object.keys(o.event);
  const params = [
    ...setCols.map((k) => o.set[k]), o.id, o.expectedVersion,
    ...hCols.map((k) => o.history[k]),
    o.now, o.workflow, o.id,
    ...tCols.map((k) => o.task![k]),
    ...eCols.map((k) => o.event[k]),
  ];
  const key = `pg-transition:${o.table}:${setCols.join(',')}:${hCols.join(',')}:${tCols.join(',')}:${eCols.join(',')}`;
  const res = await runPrepared<{ n: number }>(trx, key, params, (d, p) => {
    let i = 0;
    const next = () => p[i++];
    const refs = (cols: string[]) => sql.join(cols.map((c) => sql.ref(c)));
    const values = (cols: string[]) => sql.join(cols.map(() => next()));
    const u = sql`update ${sql.table(o.table)} set ${sql.join(setCols.map((c) => sql`${sql.ref(c)} = ${next()}`))} where id = ${next()} and version = ${next()} returning id`;
    const h = sql`insert into workflow_history (${refs(hCols)}) select ${values(hCols)} from u returning 1`;
    const c = sql`update tasks set status = 'done', closed_at = ${next()} where entity_type = ${next()} and entity_id = ${next()} and status = 'open' and exists (select 1 from u) returning 1`;
    const t = o.task ? sql`insert into tasks (${refs(tCols)}) select ${values(tCols)} from u returning 1` : null;
    const e = sql`insert into outbox (${refs(eCols)}) select ${values(eCols)} from u returning 1`;
    const written = sql`(select count(*) from h) + (select count(*) from c) + ${t ? sql`(select count(*) from t) + ` : sql``}(select count(*) from e)`;
    return {
      compile: () => sql<{ n: number }>`with u as (${u}), h as (${h}), c as (${c}), ${t ? sql`t as (${t}), ` : sql``}e as (${e})
        select (select count(*) from u) as n, ${lockAuditChainAfter(written)} as locked`.compile(d),
    };
  });
  return Number(res.rows[0]?.n) === 1;
}

/**
 * The open work item a record's state calls for, as a `tasks` row (or null when the state waits for no one): for the
 * person in the state's user field, or for the role in the state's organisation; due on the record's own deadline
 * (the state's `dueField`) when it has one, otherwise `dueInWorkingDays` after `since`.
 * The runner uses it on every transition; bulk loads (demo data) use it to leave the same work items.
 */
export function openTaskRow(
  workflow: WorkflowDef<any>, r: { id: string; tenant_id: string; state: string; [k: string]: unknown }, calendar: WorkingCalendar,
  opts: { title: string; since: string; now: string; dueInWorkingDays?: number },
): Record<string, unknown> | null {
  const task = workflow.states[r.state]?.task;
  if (!task) return null;
  const orgId = task.orgField === 'tenant' ? r.tenant_id : ((r[task.orgField] as string | null) ?? null);
  const userId = task.userField ? ((r[task.userField] as string | null) ?? null) : null;
  const days = opts.dueInWorkingDays ?? (task.urgent && r[task.urgent.field] ? task.urgent.days : task.dueInWorkingDays);
  const own = task.dueField ? (r[task.dueField] as string | null | undefined) : null;
  return {
    id: newId(), tenant_id: r.tenant_id, entity_type: workflow.id, entity_id: r.id, state: r.state,
    title: opts.title, label: task.label, assignee_user_id: userId, assignee_org_id: userId ? null : orgId,
    assignee_role: userId ? null : task.role, due_date: own || (days ? calendar.addWorkingDays(opts.since, days) : null),
    status: 'open', created_at: opts.now, closed_at: null,
  };
}
