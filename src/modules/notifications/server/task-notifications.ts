/**
 * When a record moves to a state that creates a work item (待办), tell the people it is for, by the kernel's one rule of
 * whom a work item is for (`kernel/universal/work-address.ts`, the same the worklist and the pushes use): the named
 * user, the holders of the role in the organisation, or, for a role in a whole CPPCC, its holders in that CPPCC's
 * offices. The person who made the move is not told about their own act. The module owning the record may word the
 * notice itself (`EntityDecl.taskNotice`), e.g. a 退回修改 that names its reason beside the work.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { latestOpenTask } from '../../../kernel/server/work-items.ts';
import { TASK_OPENED, type TaskOpenedPayload } from '../../../kernel/server/unit-of-work.ts';
import { addressOfTask } from '../../../kernel/universal/work-address.ts';
import { recipientsExcept, taskNoticeBody } from '../domain/audience.ts';
import { usersAddressedBy } from '../../identity/index.ts';

export async function notifyTaskAssignees(ctx: Pick<ModuleContext, 'db' | 'notifier' | 'contributions'>, e: DomainEvent): Promise<void> {
  if (!e.entityType || !e.entityId) return;
  const p = e.payload as { title?: string; to?: string | null };
  // the work item the transition opened, if any: its address, label and due date make the message
  const task = await latestOpenTask(ctx.db, e.entityType, e.entityId);
  // the work item must be the one this step opened: an earlier step's event delivered again later finds a newer one
  if (!task || (p.to !== undefined && p.to !== null && String(task.state) !== String(p.to))) return;
  const userIds = recipientsExcept(await usersAddressedBy(ctx.db, addressOfTask(task)), e.actorId);
  if (!userIds.length) return;
  const title = String(task.title ?? p.title ?? '');
  // the owning module may word the notice itself, so that one notice carries the work and what the step says
  const own = await ctx.contributions.taskNotice(e.entityType, {
    entityId: e.entityId, state: String(task.state), label: String(task.label), title, dueDate: task.due_date ?? null, ...(e.at ? { at: e.at } : {}),
  });
  await ctx.notifier.notify({
    tenantId: e.tenantId,
    userIds,
    kind: 'task',
    title: own?.title ?? `新待办：${task.label}`,
    body: own?.body ?? taskNoticeBody({ title, label: task.label, dueDate: task.due_date, arrived: true }),
    // the page the owning module declares for the record (ctx.contributions.link)
    link: (await ctx.contributions.link(e.entityType, e.entityId)) ?? undefined,
    // delivered at least once from the outbox: each person is told once per event
    ...(e.id ? { key: `task:${e.id}` } : {}),
  });
}

/** A side task opened by a command (转办征询, 待评价, a 分办 unit's part): tell the person or the role it is for. */
export async function notifySideTask(ctx: Pick<ModuleContext, 'db' | 'notifier' | 'contributions'>, e: DomainEvent): Promise<void> {
  if (!e.entityId) return;
  const p = e.payload as unknown as TaskOpenedPayload;
  // the event's audience is the side task's address
  const userIds = recipientsExcept(await usersAddressedBy(ctx.db, e.audience ?? {}), e.actorId);
  if (!userIds.length) return;
  await ctx.notifier.notify({
    tenantId: e.tenantId,
    userIds,
    kind: 'task',
    title: `新待办：${p.label}`,
    body: taskNoticeBody({ title: p.title, label: p.label, dueDate: p.dueDate, arrived: false }),
    link: (await ctx.contributions.link(p.recordType, e.entityId)) ?? undefined,
    ...(e.id ? { key: `task:${e.id}` } : {}),
  });
}

/** Subscribe to the events that open work items: a record's state (…transitioned) and a command's side task. */
export function subscribeTaskNotifications(ctx: ModuleContext): void {
  ctx.events.on('*', async (e) => {
    if (e.type === TASK_OPENED) await notifySideTask(ctx, e);
    else if (e.type.endsWith('.transitioned')) await notifyTaskAssignees(ctx, e);
  });
}
