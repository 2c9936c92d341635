/** Pure rules of who an event concerns, which push it becomes and where a notification links to. No I/O. */

export interface Audience { userIds?: string[]; orgIds?: string[]; roles?: string[] }

/** The part of a signed-in user that decides which pushes reach them. */
export interface Listener { userId: string; orgId: string; roles: readonly string[] }

/** Does the event's audience include this user: named directly, or holding one of the roles in one of the organisations? */
export function audienceIncludes(a: Audience | undefined, l: Listener): boolean {
  if (!a) return false;
  if (a.userIds?.includes(l.userId)) return true;
  if (a.orgIds?.length && a.roles?.length) return a.orgIds.includes(l.orgId) && a.roles.some((r) => l.roles.includes(r));
  return false;
}

/** The server-sent event name for a domain event type, or null when browsers are not told about it. */
export function pushEventName(type: string): 'worklist' | 'notification' | null {
  if (type === 'notification.created') return 'notification';
  if (type.endsWith('.transitioned') || type === 'task.opened') return 'worklist';
  return null;
}

/** Web path of a record: entity type 'proposal' → '/proposals/ID'. */
export function entityLink(entityType: string, entityId: string): string {
  return `/${entityType}s/${encodeURIComponent(entityId)}`;
}

/** Recipients of a work-item notification: everyone concerned except the person who caused it. */
export function recipientsExcept(userIds: Iterable<string>, actorId: string | undefined): string[] {
  return [...new Set(userIds)].filter((u) => u !== actorId && u !== 'system');
}

/** Format one server-sent event frame. Data is JSON on one line (JSON never contains a raw newline). */
export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
