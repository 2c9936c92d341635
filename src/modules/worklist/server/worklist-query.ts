/** Reads the open work items (tasks) addressed to an actor: to them personally, or to a role they hold in their organisation or tenant. */
import type { ExpressionBuilder } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { WorkingCalendar } from '../../../kernel/server/calendar.ts';
import type { WorklistResponse } from '../contract.ts';
import type { WorklistDb } from './tables.ts';
import type { KernelTables } from '../../../kernel/server/db/tables.ts';

function addressedTo(actor: Actor) {
  return (eb: ExpressionBuilder<KernelTables, 'tasks'>) => {
    const personal = eb('assignee_user_id', '=', actor.userId);
    if (actor.roles.length === 0) return personal;
    return eb.or([
      personal,
      eb.and([eb('assignee_org_id', 'in', [...new Set([actor.orgId, actor.tenantId])]), eb('assignee_role', 'in', actor.roles)]),
    ]);
  };
}

/** Web path of a record's page: the owning module's entity declaration (`ctx.contributions.link`); null when none. */
export type LinkOf = (entityType: string, entityId: string) => Promise<string | null>;

export async function readWorklist(db: WorklistDb, calendar: WorkingCalendar, linkOf: LinkOf, actor: Actor, q: { page: number; pageSize: number; label?: string }): Promise<WorklistResponse> {
  const today = calendar.today();
  const base = db.selectFrom('tasks').where('status', '=', 'open').where(addressedTo(actor));
  const filtered = q.label ? base.where('label', '=', q.label) : base;
  const [counts, rows] = await Promise.all([
    base.select(['label', (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.sum<number>(eb.case().when('due_date', '<', today).then(1).else(0).end()).as('overdue')])
      .groupBy('label').orderBy('label').execute(),
    filtered.select(['id', 'entity_type', 'entity_id', 'title', 'label', 'due_date', 'created_at'])
      .orderBy(sql`coalesce(due_date, '9999-12-31')`).orderBy('created_at').orderBy('id')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
  ]);
  const total = q.label
    ? Number(counts.find((c) => c.label === q.label)?.count ?? 0)
    : counts.reduce((s: number, c: any) => s + Number(c.count), 0);
  // a work item on a record no module declares opens the worklist itself
  const links = await Promise.all(rows.map(async (r: any) => (await linkOf(r.entity_type, r.entity_id)) ?? '/'));
  return {
    counts: counts.map((c: any) => ({ label: c.label, count: Number(c.count), overdue: Number(c.overdue ?? 0) })),
    items: rows.map((r: any, i: number) => {
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
