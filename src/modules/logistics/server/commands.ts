/**
 * Commands on 接待. Each runs in one unit of work (`ctx.uow.run`): the row, its history, its work item (待办), the
 * audit record and the events commit together or not at all, and the events are delivered from the outbox after
 * commit. Every write is guarded by the version the client read: a stale one is a 409 VERSION_CONFLICT.
 * The five steps of a command: load → authorize → check (the lifecycle) → one transaction → events after commit.
 */
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { LogisticsCreateBody, LogisticsEditBody } from '../contract.ts';
import { logisticsLifecycle, logisticsPermissions } from '../domain/logistics-lifecycle.ts';
import { canSeeItem } from '../domain/logistics-policy.ts';
import { findItem } from './repository.ts';
import { defaultLogisticsSettings, readLogisticsSettings, type LogisticsSettings } from './settings.ts';
import type { LogisticsItemRow } from './tables.ts';

/** The entity's Chinese name, for messages such as 「接待不存在或无权查看」 and 「接待已被他人修改」. */
export const ITEM_LABEL = '接待';

/**
 * How the workflow runner handles this record: its table, its name, the line shown in the worklist, who may see it,
 * and `apply`, the columns a transition writes besides state and version (here: the deadline, reason and result).
 * `apply` runs inside the transaction: it writes through `trx` only and reads nothing through `ctx.db` (on SQLite the
 * one connection is held by the transaction, so such a read would wait for ever); read settings before the unit of work.
 */
export function itemSpec(ctx: ModuleContext, settings: LogisticsSettings = defaultLogisticsSettings): WorkflowSpec<LogisticsItemRow & { [k: string]: unknown }> {
  return {
    workflow: logisticsLifecycle as WorkflowSpec<any>['workflow'],
    table: 'logistics_items',
    entityLabel: ITEM_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeItem(r, actor),
    async apply({ transition, input }) {
      if (transition.name === 'accept') {
        // the handler's date, or the configured number of working days from today on the Chinese calendar
        return { due_date: (input.dueDate as string | undefined) ?? ctx.calendar.addWorkingDays(ctx.calendar.today(), settings.dueWorkingDays) };
      }
      if (transition.name === 'return') return { return_reason: input.reason as string };
      if (transition.name === 'complete') return { result: input.result as string };
      return {};
    },
  };
}

/** 新建接待: the record starts in the lifecycle's initial state (起草中), owned by the actor. Returns its id. */
export async function createItem(ctx: ModuleContext, actor: Actor, body: LogisticsCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, logisticsPermissions.create, `新建${ITEM_LABEL}`);
  const id = newId();
  await ctx.uow.run(async (w) => {
    // the runner writes the row with its history, work item, audit record and `logistics_item.transitioned` event
    await w.create(itemSpec(ctx), {
      id, tenant_id: actor.tenantId, title: body.title, body: body.body, owner_user_id: actor.userId, owner_name: actor.displayName,
      due_date: null, return_reason: null, result: null,
    }, actor, ip);
  });
  return id;
}

/** Fire a lifecycle action: the runner checks state, role, permission, guard and input, and the version. */
export async function fireItem(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  // a record of another CPPCC is not found anyway, so the actor's CPPCC's settings are the record's
  const settings = await readLogisticsSettings(ctx, req.actor.tenantId);
  await ctx.uow.run(async (w) => {
    await w.fire(itemSpec(ctx, settings), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
}

/** May the actor edit the record's text now: its owner, while it is a draft or was returned. */
export const canEditItem = (r: LogisticsItemRow, actor: Actor) =>
  r.owner_user_id === actor.userId && r.tenant_id === actor.tenantId && (r.state === 'draft' || r.state === 'returned');

/** 修改: a write outside the lifecycle, guarded by the version (`bumpVersion`) and audited in the same transaction. */
export async function editItem(ctx: ModuleContext, actor: Actor, id: string, body: LogisticsEditBody, ip?: string): Promise<void> {
  const r = await findItem(ctx.db, id);
  if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
  if (!canEditItem(r, actor)) throw new AppError('FORBIDDEN', `只有提交人可以修改起草中或已退回的${ITEM_LABEL}`);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.body !== undefined) set.body = body.body;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('logistics_items', id, body.version, { ...set, updated_at: w.now }, ITEM_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'logistics_item.edit', entityType: 'logistics_item', entityId: id, data: { fields: Object.keys(set) }, ip });
  });
}
