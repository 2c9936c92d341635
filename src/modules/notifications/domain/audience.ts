/** Pure rules of who a work-item notification goes to and where a notification links to. No I/O. */

/** Web path of a record: entity type 'proposal' → '/proposals/ID'. */
export function entityLink(entityType: string, entityId: string): string {
  return `/${entityType}s/${encodeURIComponent(entityId)}`;
}

/** Recipients of a work-item notification: everyone concerned except the person who caused it. */
export function recipientsExcept(userIds: Iterable<string>, actorId: string | undefined): string[] {
  return [...new Set(userIds)].filter((u) => u !== actorId && u !== 'system');
}

/**
 * The text of a work-item notice: the record's title in 「」 and the work item's label after a colon, never inside
 * brackets of its own, so a label that carries brackets (转办征询（转社情民意）) does not nest them.
 */
export function taskNoticeBody(t: { title: string; label: string; dueDate: string | null | undefined; arrived: boolean }): string {
  const due = t.dueDate ? `，请于 ${t.dueDate} 前办理` : '';
  return `「${t.title}」${t.arrived ? '已转到您处' : '需要您办理'}，待办事项：${t.label}${due}。`;
}
