/** Pure rules of who a work-item notification goes to and where a notification links to. No I/O. */

/** Web path of a record: entity type 'proposal' → '/proposals/ID'. */
export function entityLink(entityType: string, entityId: string): string {
  return `/${entityType}s/${encodeURIComponent(entityId)}`;
}

/** Recipients of a work-item notification: everyone concerned except the person who caused it. */
export function recipientsExcept(userIds: Iterable<string>, actorId: string | undefined): string[] {
  return [...new Set(userIds)].filter((u) => u !== actorId && u !== 'system');
}
