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
import { appendAudit, type AuditEntry } from './audit.ts';
import type { DialectName } from './db/dialect.ts';
import type { DomainEvent } from './events.ts';
import type { EventDraft, Outbox } from './outbox.ts';
import type { FireRequest, FireResult, WorkflowRecord, WorkflowRunner, WorkflowSpec } from './workflow-runner.ts';

export interface Work {
  /** the transaction, for the module's own tables */
  trx: Transaction<any>;
  /** the instant the unit of work began (stored ISO text), used for every timestamp it writes */
  now: string;
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
  /** write a domain event to the outbox; it is delivered after commit */
  emit(e: EventDraft): Promise<DomainEvent>;
  /**
   * Open a work item beside a record's own (转办征询 for a proposer, 待评价 for each proposer, a 分办 unit's part): for one
   * person, or for a role in an organisation. A `task.opened` event tells the people it is for.
   */
  openTask(t: SideTask): Promise<string>;
  /** Close the open work items of one kind of side task of a record (only one person's, when `userId` is given). */
  closeTasks(entityType: string, entityId: string, opts?: { userId?: string }): Promise<number>;
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
  constructor(private deps: { db: Kysely<any>; dialect: DialectName; runner: WorkflowRunner; outbox: Outbox }) {}

  /** Run `fn` in one transaction; deliver its events after commit, before returning. */
  async run<T>(fn: (w: Work) => Promise<T>): Promise<T> {
    const { db, dialect, runner, outbox } = this.deps;
    const emitted: string[] = [];
    const result = await db.transaction().execute(async (trx) => {
      const work: Work = {
        trx,
        now: clock.iso(),
        fire: async (spec, req) => {
          const res = await runner.fireIn(trx, spec, req);
          emitted.push(res.eventId);
          return res;
        },
        create: async (spec, values, actor, ip) => {
          const { record, eventId } = await runner.createIn(trx, spec, values, actor, ip);
          emitted.push(eventId);
          return record;
        },
        async bumpVersion(table, id, expected, set, entityLabel) {
          const r = await trx.updateTable(table).set({ ...set, version: expected + 1 }).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw versionConflict(entityLabel);
        },
        async audit(e) { await appendAudit(trx, dialect, e); },
        async emit(e) {
          const ev = await outbox.write(trx, e);
          emitted.push(ev.id!);
          return ev;
        },
        async openTask(t) {
          const id = newId();
          const now = clock.iso();
          await trx.insertInto('tasks').values({
            id, tenant_id: t.tenantId, entity_type: t.entityType, entity_id: t.entityId, state: t.state, title: t.title, label: t.label,
            assignee_user_id: t.userId ?? null, assignee_org_id: t.userId ? null : (t.orgId ?? null), assignee_role: t.userId ? null : (t.role ?? null),
            due_date: t.dueDate ?? null, status: 'open', created_at: now, closed_at: null,
          }).execute();
          const payload: TaskOpenedPayload = { taskId: id, recordType: t.recordType, title: t.title, label: t.label, dueDate: t.dueDate ?? null };
          emitted.push((await outbox.write(trx, {
            type: TASK_OPENED, tenantId: t.tenantId, entityType: t.entityType, entityId: t.entityId, actorId: t.actor.userId,
            audience: t.userId ? { userIds: [t.userId] } : { orgIds: t.orgId ? [t.orgId] : [], roles: t.role ? [t.role] : [] },
            payload: payload as unknown as Record<string, unknown>,
          })).id!);
          return id;
        },
        async closeTasks(entityType, entityId, opts = {}) {
          let q = trx.updateTable('tasks').set({ status: 'done', closed_at: clock.iso() })
            .where('entity_type', '=', entityType).where('entity_id', '=', entityId).where('status', '=', 'open');
          if (opts.userId) q = q.where('assignee_user_id', '=', opts.userId);
          const r = await q.executeTakeFirst();
          return Number(r.numUpdatedRows);
        },
      };
      return fn(work);
    });
    // its own events' subscribers run before the command answers (polling delivers them if this instance stops first)
    await outbox.deliverNow(emitted);
    return result;
  }
}
