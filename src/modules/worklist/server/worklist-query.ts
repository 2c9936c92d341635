/** Reads the open work items (tasks) addressed to an actor: to them personally, or to a role they hold in their organisation or tenant. */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { WorkingCalendar } from '../../../kernel/server/calendar.ts';
import { openTasksFor } from '../../../kernel/server/work-items.ts';
import type { WorklistResponse } from '../contract.ts';
import type { WorklistDb } from './tables.ts';

/** Web path of a record's page: the owning module's entity declaration (`ctx.contributions.link`); null when none. */
export type LinkOf = (entityType: string, entityId: string) => Promise<string | null>;

export async function readWorklist(db: WorklistDb, calendar: WorkingCalendar, linkOf: LinkOf, actor: Actor, q: { page: number; pageSize: number; label?: string }): Promise<WorklistResponse> {
  const today = calendar.today();
  const { counts, items: rows } = await openTasksFor(db, actor, { today, page: q.page, pageSize: q.pageSize, label: q.label });
  const total = q.label
    ? Number(counts.find((c) => c.label === q.label)?.count ?? 0)
    : counts.reduce((s, c) => s + c.count, 0);
  // a work item on a record no module declares opens the worklist itself
  const links = await Promise.all(rows.map(async (r) => (await linkOf(r.entity_type, r.entity_id)) ?? '/'));
  return {
    counts,
    items: rows.map((r, i) => {
      const daysLeft = r.due_date ? calendar.daysLeft(r.due_date, today) : null;
      return {
        id: r.id, entityType: r.entity_type, entityId: r.entity_id, title: r.title, label: r.label,
        dueDate: r.due_date, daysLeft, overdue: r.due_date ? r.due_date < today : false, createdAt: r.created_at,
        link: links[i],
      };
    }),
    total, page: q.page, pageSize: q.pageSize,
  };
}
