/**
 * When a record moves to a state that creates a work item (待办), tell the people it is now for: the named user,
 * or everyone holding the role in the organisation. The person who made the move is not told about their own act.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { latestOpenTask } from '../../../kernel/server/work-items.ts';
import { TASK_OPENED, type TaskOpenedPayload } from '../../../kernel/server/unit-of-work.ts';
import { recipientsExcept } from '../domain/audience.ts';
import { usersHoldingRoles } from '../../identity/index.ts';

export async function notifyTaskAssignees(ctx: Pick<ModuleContext, 'db' | 'notifier' | 'contributions'>, e: DomainEvent): Promise<void> {
  if (!e.entityType || !e.entityId) return;
  const p = e.payload as { title?: string; to?: string };
  // the work item the transition opened, if any: its label and due date make the message
  const task = await latestOpenTask(ctx.db, e.entityType, e.entityId);
  if (!task) return;
  const audience = e.audience ?? {};
  const named = (audience.userIds ?? []).filter((u) => u === task.assignee_user_id);
  const byRole = await usersHoldingRoles(ctx.db, audience.orgIds ?? [], audience.roles ?? []);
  const userIds = recipientsExcept([...named, ...byRole], e.actorId);
  if (!userIds.length) return;
  const title = String(task.title ?? p.title ?? '');
  await ctx.notifier.notify({
    tenantId: e.tenantId,
    userIds,
    kind: 'task',
    title: `新待办：${task.label}`,
    body: `「${title}」已转到您处（${task.label}）${task.due_date ? `，请于 ${task.due_date} 前办理` : ''}。`,
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
  const audience = e.audience ?? {};
  const byRole = await usersHoldingRoles(ctx.db, audience.orgIds ?? [], audience.roles ?? []);
  const userIds = recipientsExcept([...(audience.userIds ?? []), ...byRole], e.actorId);
  if (!userIds.length) return;
  await ctx.notifier.notify({
    tenantId: e.tenantId,
    userIds,
    kind: 'task',
    title: `新待办：${p.label}`,
    body: `「${p.title}」需要您办理（${p.label}）${p.dueDate ? `，请于 ${p.dueDate} 前办理` : ''}。`,
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
