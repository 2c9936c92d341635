/**
 * Whom a work item (待办) is for: the one rule the worklist, the notices and the live pushes share. Pure; the SQL forms
 * of the same rule (a person's work items, a work item's people) are beside the `tasks` reads in
 * `kernel/server/work-items.ts`.
 *
 * A work item is addressed to
 * - named people (`userIds`): a personal item (退回修改 for the proposer, 转办征询, 待评价);
 * - or a role (`roles`) in an organisation (`orgIds`):
 *   - an office, a special committee or a handling unit (承办单位): the people of that organisation who hold the role;
 *   - a CPPCC (政协, a tenant): the people who hold the role anywhere in that CPPCC's own organisations (提案委员会,
 *     研究中心, …), whose tenant it is; never the people of another CPPCC, such as a county's below a city.
 *
 * A person is described as the worklist, the notices and the pushes all see them: their organisation, their CPPCC and the
 * roles they hold.
 */

/** The address of a work item (also the shape of an event's audience). */
export interface WorkAddress { userIds?: readonly string[]; orgIds?: readonly string[]; roles?: readonly string[] }

/** A person as work is addressed to them. */
export interface Addressee { userId: string; orgId: string; tenantId: string; roles: readonly string[] }

/** The organisations a work item for a role may name to reach this person: their own and their CPPCC. */
export function placesOf(a: Pick<Addressee, 'orgId' | 'tenantId'>): string[] {
  return [...new Set([a.orgId, a.tenantId])];
}

/** Is the work item (or the event) at this address for this person? */
export function isAddressedTo(w: WorkAddress | undefined, a: Addressee): boolean {
  if (!w) return false;
  if (w.userIds?.includes(a.userId)) return true;
  if (!w.orgIds?.length || !w.roles?.length) return false;
  return placesOf(a).some((p) => w.orgIds!.includes(p)) && w.roles.some((r) => a.roles.includes(r));
}

/** The address of one work item as stored (`tasks`: a person, or a role in an organisation). */
export function addressOfTask(t: { assignee_user_id: string | null; assignee_org_id: string | null; assignee_role: string | null }): WorkAddress {
  if (t.assignee_user_id) return { userIds: [t.assignee_user_id] };
  return t.assignee_org_id && t.assignee_role ? { orgIds: [t.assignee_org_id], roles: [t.assignee_role] } : {};
}
