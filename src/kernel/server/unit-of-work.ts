/**
 * The unit of work (工作单元): one transaction handed to a command that changes several records at once. Through it the
 * command fires transitions and creates workflow records (with their history, work items, audit records and events),
 * bumps optimistic versions, appends audit records and emits events; all of it commits together or not at all, and the
 * events are delivered from the outbox after commit. Modules never write the kernel's tables (`tasks`,
 * `workflow_history`, `audit_log`, `outbox`) themselves.
 */
import type { Kysely, Transaction } from 'kysely';
import { versionConflict } from '../universal/errors.ts';
import { clock } from '../universal/clock.ts';
import { newId } from '../universal/ids.ts';
import type { Actor } from './actor.ts';
import { appendAudit, appendAudits, type AuditEntry } from './audit.ts';
import type { DialectName } from './db/dialect.ts';
import type { DomainEvent } from './events.ts';
import type { EventDraft, Outbox } from './outbox.ts';
import { openTaskRow, type FireRequest, type FireResult, type WorkflowRecord, type WorkflowRunner, type WorkflowSpec } from './workflow-runner.ts';
import type { WorkingCalendar } from './calendar.ts';
import { closeOpenTasks, insertHistory, insertTask } from './work-items.ts';

/** The unit of work a transaction belongs to, for a command's helper handed only the transaction. */
const works = new WeakMap<object, Work>();

/** The unit of work running `trx`; a helper that writes kernel tables must be called inside one. */
export function workOf(trxOrWork: Transaction<any> | Work): Work {
  if ('trx' in trxOrWork && 'record' in trxOrWork) return trxOrWork as Work;
  const w = works.get(trxOrWork);
  if (!w) throw new Error('this write must run inside a unit of work (ctx.uow.run)');
  return w;
}

export interface Work {
  /** the transaction, for the module's own tables */
  trx: Transaction<any>;
  /** the instant the unit of work began (stored ISO text), used for every timestamp it writes */
  now: string;
  /**
   * who acts: the actor of the latest `fire` or `create` of this unit of work (so a transition's effects that write
   * history, such as a 重新交办's cancelled parts, name the person who fired it); undefined before either
   */
  actor?: Actor;
  /** fire a transition of a workflow record (see `WorkflowRunner.fire`) */
  fire<R extends WorkflowRecord>(spec: WorkflowSpec<R>, req: FireRequest): Promise<FireResult<R>>;
  /** insert a workflow record in its initial (or a given) state */
  create<R extends WorkflowRecord>(spec: WorkflowSpec<R>, values: Omit<R, 'state' | 'version' | 'created_at' | 'updated_at'> & { state?: string }, actor: Actor, ip?: string): Promise<R>;
  /**
   * Update a record under its optimistic version: `set` plus `version = expected + 1` where `version = expected`;
   * anything else (another edit came first) is a 409 VERSION_CONFLICT naming the record.
   */
  bumpVersion(table: string, id: string, expected: number, set: Record<string, unknown>, entityLabel: string): Promise<void>;
  /** append a hash-chained audit record */
  audit(e: AuditEntry): Promise<void>;
  /** append several hash-chained audit records, in order, taking the chain's lock and head once (many records of one command) */
  auditAll(entries: readonly AuditEntry[]): Promise<void>;
  /** write a domain event to the outbox; it is delivered after commit */
  emit(e: EventDraft): Promise<DomainEvent>;
  /** write several domain events to the outbox at once (one statement per 50), in order; delivered after commit */
  emitAll(es: readonly EventDraft[]): Promise<DomainEvent[]>;
  /**
   * Open a work item beside a record's own (转办征询 for a proposer, 待评价 for each proposer, a 分办 unit's part): for one
   * person, or for a role in an organisation. A `task.opened` event tells the people it is for.
   */
  openTask(t: SideTask): Promise<string>;
  /** Close the open work items of one kind of side task of a record (only one person's, when `userId` is given). */
  closeTasks(entityType: string, entityId: string, opts?: { userId?: string }): Promise<number>;
  /**
   * A step in a record's history that the runner did not fire (记录): a record written by the command itself (a 分办
   * part, a proposal draft, a copy received from below), a step that changes no state (编辑, 向上报送) or one that
   * closes a record outside its lifecycle (a cancelled part). Writes the history entry, its audit record and an event
   * to the outbox; returns the event.
   */
  record(step: HistoryStep): Promise<DomainEvent | null>;
  /**
   * Open the work item the record's lifecycle state calls for, by the runner's rule (the state's role and organisation,
   * its due date, an urgent record's shorter one: `StateTask.urgent`), after closing the record's open ones: for a record
   * written as a copy rather than created by `create`. Returns the new work item's id, or null when the state waits for
   * no one.
   */
  openStateTask<R extends WorkflowRecord>(spec: WorkflowSpec<R>, record: R): Promise<string | null>;
}

/** A history entry written by a command (see `Work.record`). */
export interface HistoryStep {
  tenantId: string;
  /** the workflow id of the record, e.g. 'proposal_assignment' */
  entityType: string;
  entityId: string;
  /** the state before the step: null for a record just written; omitted for a step that changes no state (= `to`) */
  from?: string | null;
  /** the state after the step */
  to: string;
  action: string;
  actor: Actor;
  note?: string | null;
  data?: Record<string, unknown> | null;
  ip?: string;
  /**
   * the audit record: action `<entityType>.<action>` and data `{ from, to, note }` unless given; false when the command
   * writes one audit record of its own for several steps (an exchange file's reports)
   */
  audit?: { action?: string; data?: Record<string, unknown> } | false;
  /**
   * the event: by default `<entityType>.transitioned` with the runner's payload (`from`, `to`, `action`, `title`,
   * `version`), for the acting user and `audience`, in `tenantId` unless given; the notices of a work item the step
   * opened follow from it. False when the command emits one event of its own for several steps.
   */
  event?: { type?: string; tenantId?: string; title?: string; version?: number; audience?: DomainEvent['audience']; payload?: Record<string, unknown> } | false;
}

/** A work item opened by a command rather than by a state of the record's lifecycle. */
export interface SideTask {
  tenantId: string;
  /** the kind of side task, e.g. 'proposal-conversion'; the worklist and reminders group by it */
  entityType: string;
  /** the record it is about */
  entityId: string;
  /** the record's type for links and notices, e.g. 'proposal' */
  recordType: string;
  state: string;
  title: string;
  label: string;
  userId?: string | null;
  orgId?: string | null;
  role?: string | null;
  dueDate?: string | null;
  actor: { userId: string };
}

/** Payload of the `task.opened` event. */
export interface TaskOpenedPayload { taskId: string; recordType: string; title: string; label: string; dueDate: string | null }
export const TASK_OPENED = 'task.opened';

export class UnitOfWork {
  constructor(private deps: { db: Kysely<any>; dialect: DialectName; runner: WorkflowRunner; outbox: Outbox; calendar: WorkingCalendar }) {}

  /** Run `fn` in one transaction; deliver its events after commit, before returning. */
  async run<T>(fn: (w: Work) => Promise<T>): Promise<T> {
    const { db, dialect, runner, outbox, calendar } = this.deps;
    const emitted: string[] = [];
    const result = await db.transaction().execute(async (trx) => {
      const work: Work = {
        trx,
        now: clock.iso(),
        fire: async (spec, req) => {
          work.actor = req.actor;
          const res = await runner.fireIn(trx, spec, req);
          emitted.push(res.eventId);
          return res;
        },
        create: async (spec, values, actor, ip) => {
          work.actor = actor;
          const { record, eventId } = await runner.createIn(trx, spec, values, actor, ip);
          emitted.push(eventId);
          return record;
        },
        async bumpVersion(table, id, expected, set, entityLabel) {
          const r = await trx.updateTable(table).set({ ...set, version: expected + 1 }).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw versionConflict(entityLabel);
        },
        async audit(e) { await appendAudit(trx, dialect, e); },
        async auditAll(entries) { await appendAudits(trx, dialect, entries); },
        async emit(e) {
          const ev = await outbox.write(trx, e);
          emitted.push(ev.id!);
          return ev;
        },
        async emitAll(es) {
          const evs = await outbox.writeAll(trx, es);
          for (const ev of evs) emitted.push(ev.id!);
          return evs;
        },
        async openTask(t) {
          const id = newId();
          const now = clock.iso();
          await insertTask(trx, {
            id, tenant_id: t.tenantId, entity_type: t.entityType, entity_id: t.entityId, state: t.state, title: t.title, label: t.label,
            assignee_user_id: t.userId ?? null, assignee_org_id: t.userId ? null : (t.orgId ?? null), assignee_role: t.userId ? null : (t.role ?? null),
            due_date: t.dueDate ?? null, status: 'open', created_at: now, closed_at: null,
          });
          const payload: TaskOpenedPayload = { taskId: id, recordType: t.recordType, title: t.title, label: t.label, dueDate: t.dueDate ?? null };
          emitted.push((await outbox.write(trx, {
            type: TASK_OPENED, tenantId: t.tenantId, entityType: t.entityType, entityId: t.entityId, actorId: t.actor.userId,
            audience: t.userId ? { userIds: [t.userId] } : { orgIds: t.orgId ? [t.orgId] : [], roles: t.role ? [t.role] : [] },
            payload: payload as unknown as Record<string, unknown>,
          })).id!);
          return id;
        },
        async closeTasks(entityType, entityId, opts = {}) {
          return closeOpenTasks(trx, entityType, entityId, clock.iso(), opts.userId);
        },
        async record(step) {
          const now = clock.iso();
          const from = step.from === undefined ? step.to : step.from;
          const note = step.note ?? null;
          await insertHistory(trx, {
            tenant_id: step.tenantId, entity_type: step.entityType, entity_id: step.entityId, from_state: from, to_state: step.to,
            action: step.action, actor_id: step.actor.userId, actor_name: step.actor.displayName, actor_org_id: step.actor.orgId,
            note, data: step.data && Object.keys(step.data).length ? JSON.stringify(step.data) : null, at: now,
          });
          if (step.audit !== false) {
            await appendAudit(trx, dialect, {
              tenantId: step.tenantId, actorId: step.actor.userId, actorName: step.actor.displayName,
              action: step.audit?.action ?? `${step.entityType}.${step.action}`, entityType: step.entityType, entityId: step.entityId,
              data: step.audit?.data ?? { from, to: step.to, ...(note ? { note } : {}) }, ip: step.ip,
            });
          }
          if (step.event === false) return null;
          const e = step.event ?? {};
          const audience = e.audience ?? {};
          const ev = await outbox.write(trx, {
            type: e.type ?? `${step.entityType}.transitioned`, tenantId: e.tenantId ?? step.tenantId, entityType: step.entityType, entityId: step.entityId,
            actorId: step.actor.userId,
            audience: { userIds: [step.actor.userId, ...(audience.userIds ?? [])], orgIds: audience.orgIds ?? [], roles: audience.roles ?? [] },
            payload: e.payload ?? { from, to: step.to, action: step.action, title: e.title ?? null, version: e.version ?? null },
          });
          emitted.push(ev.id!);
          return ev;
        },
        async openStateTask(spec, record) {
          const now = clock.iso();
          await closeOpenTasks(trx, spec.workflow.id, record.id, now);
          const row = openTaskRow(spec.workflow, record, calendar, { title: spec.titleOf(record), since: calendar.today(), now });
          if (!row) return null;
          await insertTask(trx, row);
          return String(row.id);
        },
      };
      works.set(trx, work);
      return fn(work);
    });
    // its own events' subscribers run before the command answers (polling delivers them if this instance stops first)
    await outbox.deliverNow(emitted);
    return result;
  }
}
