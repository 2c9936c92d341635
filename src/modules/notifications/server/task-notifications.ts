/**
 * When a record moves to a state that creates a work item (待办), tell the people it is now for: the named user,
 * or everyone holding the role in the organisation. The person who made the move is not told about their own act.
 */
import type { Kysely } from 'kysely';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { latestOpenTask } from '../../../kernel/server/work-items.ts';
import { TASK_OPENED, type TaskOpenedPayload } from '../../../kernel/server/unit-of-work.ts';
import { entityLink, recipientsExcept } from '../domain/audience.ts';

/** The users holding one of `roles` in one of `orgIds` (active accounts only). */
export async function usersWithRoles(db: Kysely<any>, orgIds: string[], roles: string[]): Promise<string[]> {
  if (!orgIds.length || !roles.length) return [];
  const rows = await db.selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('user_roles.user_id as id')
    .where('user_roles.org_id', 'in', orgIds)
    .where('user_roles.role_code', 'in', roles)
    .where('users.active', '=', 1)
    .distinct()
    .execute();
  return rows.map((r) => String(r.id));
}

export async function notifyTaskAssignees(ctx: Pick<ModuleContext, 'db' | 'notifier'>, e: DomainEvent): Promise<void> {
  if (!e.entityType || !e.entityId) return;
  const p = e.payload as { title?: string; to?: string };
  // the work item the transition opened, if any: its label and due date make the message
  const task = await latestOpenTask(ctx.db, e.entityType, e.entityId);
  if (!task) return;
  const audience = e.audience ?? {};
  const named = (audience.userIds ?? []).filter((u) => u === task.assignee_user_id);
  const byRole = await usersWithRoles(ctx.db, audience.orgIds ?? [], audience.roles ?? []);
  const userIds = recipientsExcept([...named, ...byRole], e.actorId);
  if (!userIds.length) return;
  const title = String(task.title ?? p.title ?? '');
  await ctx.notifier.notify({
    tenantId: e.tenantId,
    userIds,
    kind: 'task',
    title: `新待办：${task.label}`,
    body: `「${title}」已转到您处（${task.label}）${task.due_date ? `，请于 ${task.due_date} 前办理` : ''}。`,
    link: entityLink(e.entityType, e.entityId),
    // delivered at least once from the outbox: each person is told once per event
    ...(e.id ? { key: `task:${e.id}` } : {}),
  });
}

/** A side task opened by a command (转办征询, 待评价, a 分办 unit's part): tell the person or the role it is for. */
export async function notifySideTask(ctx: Pick<ModuleContext, 'db' | 'notifier'>, e: DomainEvent): Promise<void> {
  if (!e.entityId) return;
  const p = e.payload as unknown as TaskOpenedPayload;
  const audience = e.audience ?? {};
  const byRole = await usersWithRoles(ctx.db, audience.orgIds ?? [], audience.roles ?? []);
  const userIds = recipientsExcept([...(audience.userIds ?? []), ...byRole], e.actorId);
  if (!userIds.length) return;
  await ctx.notifier.notify({
    tenantId: e.tenantId,
    userIds,
    kind: 'task',
    title: `新待办：${p.label}`,
    body: `「${p.title}」需要您办理（${p.label}）${p.dueDate ? `，请于 ${p.dueDate} 前办理` : ''}。`,
    link: entityLink(p.recordType, e.entityId),
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
