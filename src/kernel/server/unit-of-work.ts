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
}

export class UnitOfWork {
  constructor(private deps: { db: Kysely<any>; dialect: DialectName; runner: WorkflowRunner; outbox: Outbox }) {}

  /** Run `fn` in one transaction; deliver its events after commit. */
  async run<T>(fn: (w: Work) => Promise<T>): Promise<T> {
    const { db, dialect, runner, outbox } = this.deps;
    const result = await db.transaction().execute(async (trx) => {
      const work: Work = {
        trx,
        now: clock.iso(),
        fire: (spec, req) => runner.fireIn(trx, spec, req),
        create: (spec, values, actor, ip) => runner.createIn(trx, spec, values, actor, ip),
        async bumpVersion(table, id, expected, set, entityLabel) {
          const r = await trx.updateTable(table).set({ ...set, version: expected + 1 }).where('id', '=', id).where('version', '=', expected).executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw versionConflict(entityLabel);
        },
        async audit(e) { await appendAudit(trx, dialect, e); },
        emit: (e) => outbox.write(trx, e),
      };
      return fn(work);
    });
    outbox.kick();
    return result;
  }
}
