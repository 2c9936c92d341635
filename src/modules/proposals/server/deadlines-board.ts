/**
 * 督办看板 and 催办: the units' open proposal work (主办, 分办, 会办) that is overdue or falls due soon, for the office;
 * and the periodic job that reminds a unit before its due date and escalates to the office once overdue. Each reminder
 * is claimed with a unique row first, so with several instances running only one sends it.
 */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { unitRoleLabels, type UnitRole } from '../contract.ts';
import { findOrg, tenantUsersHoldingRoles, usersHoldingRoles } from './directory.ts';
import { readProposalSettings } from './settings.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const unitTaskRoles = ['unit_handler', 'unit_leader'];
const entityTypes = ['proposal', 'proposal_assignment'];

interface OpenTask { id: string; tenant_id: string; entity_type: string; entity_id: string; title: string; label: string; assignee_org_id: string; due_date: string }

/** Open unit work due on or before `until` (optionally of one tenant). */
async function openUnitTasks(db: Kysely<any>, until: string, tenantId?: string): Promise<OpenTask[]> {
  let q = db.selectFrom('tasks').select(['id', 'tenant_id', 'entity_type', 'entity_id', 'title', 'label', 'assignee_org_id', 'due_date'])
    .where('status', '=', 'open').where('entity_type', 'in', entityTypes).where('assignee_role', 'in', unitTaskRoles)
    .where('due_date', 'is not', null).where('due_date', '<=', until);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return (await q.orderBy('due_date').orderBy('id').execute()) as OpenTask[];
}

/** Which proposal each task is about, and the unit's part in it (主办 for the proposal's own tasks). */
async function proposalsOf(db: Kysely<any>, tasks: OpenTask[]) {
  const assignmentIds = tasks.filter((t) => t.entity_type === 'proposal_assignment').map((t) => t.entity_id);
  const rows = assignmentIds.length
    ? await db.selectFrom('proposal_assignments').select(['id', 'proposal_id', 'role']).where('id', 'in', assignmentIds).execute()
    : [];
  const byAssignment = new Map(rows.map((r: any) => [r.id as string, { proposalId: r.proposal_id as string, role: r.role as UnitRole }]));
  return (t: OpenTask) => (t.entity_type === 'proposal' ? { proposalId: t.entity_id, role: 'lead' as UnitRole } : byAssignment.get(t.entity_id) ?? { proposalId: t.entity_id, role: 'split' as UnitRole });
}

export interface BoardItem {
  taskId: string; proposalId: string; title: string; label: string; role: UnitRole; roleLabel: string; dueDate: string; daysLeft: number; overdue: boolean;
}
export interface BoardUnit { unitId: string; unitName: string; overdue: number; dueSoon: number; items: BoardItem[] }

/** The office's board: by unit, what is overdue and what falls due within `withinDays` working days. */
export async function deadlinesBoard(ctx: ModuleContext, tenantId: string, withinDays?: number) {
  const settings = await readProposalSettings(ctx, tenantId);
  const days = withinDays ?? settings.reminders.boardDays;
  const today = ctx.calendar.today();
  const until = ctx.calendar.addWorkingDays(today, days);
  const tasks = await openUnitTasks(ctx.db, until, tenantId);
  const of = await proposalsOf(ctx.db, tasks);
  const units = new Map<string, BoardUnit>();
  for (const t of tasks) {
    let u = units.get(t.assignee_org_id);
    if (!u) {
      const org = await findOrg(ctx.db, t.assignee_org_id);
      u = { unitId: t.assignee_org_id, unitName: org?.name ?? t.assignee_org_id, overdue: 0, dueSoon: 0, items: [] };
      units.set(t.assignee_org_id, u);
    }
    const overdue = t.due_date < today;
    const p = of(t);
    if (overdue) u.overdue++; else u.dueSoon++;
    u.items.push({
      taskId: t.id, proposalId: p.proposalId, title: t.title, label: t.label, role: p.role, roleLabel: unitRoleLabels[p.role],
      dueDate: t.due_date, daysLeft: ctx.calendar.daysLeft(t.due_date, today), overdue,
    });
  }
  const list = [...units.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.unitName.localeCompare(b.unitName, 'zh'));
  return {
    today, withinDays: days, units: list,
    overdue: list.reduce((n, u) => n + u.overdue, 0), dueSoon: list.reduce((n, u) => n + u.dueSoon, 0),
  };
}

/** Claim one reminder; false when another instance (or an earlier run) already has it. */
async function claim(db: Kysely<any>, key: string, t: OpenTask, kind: string): Promise<boolean> {
  try {
    await db.insertInto('proposal_reminders').values({ claim_key: key, tenant_id: t.tenant_id, task_id: t.id, kind, due_date: t.due_date, created_at: clock.iso() }).execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/**
 * One pass of 催办: a unit is reminded once per due date when its work falls due within the configured working days;
 * once overdue, the office is told (超期督办) and the unit again. Returns how many reminders this instance sent.
 */
export async function runProposalReminders(ctx: ModuleContext): Promise<{ reminded: number; escalated: number }> {
  const today = ctx.calendar.today();
  // the widest window any tenant may configure; each tenant's own is applied below
  const tasks = await openUnitTasks(ctx.db, ctx.calendar.addWorkingDays(today, 60));
  const of = await proposalsOf(ctx.db, tasks);
  const beforeDays = new Map<string, number>();
  let reminded = 0;
  let escalated = 0;
  for (const t of tasks) {
    if (!beforeDays.has(t.tenant_id)) beforeDays.set(t.tenant_id, (await readProposalSettings(ctx, t.tenant_id)).reminders.beforeDays);
    const left = ctx.calendar.daysLeft(t.due_date, today);
    const link = `/proposals/${of(t).proposalId}`;
    const unitUsers = () => usersHoldingRoles(ctx.db, [t.assignee_org_id], unitTaskRoles);
    if (t.due_date < today) {
      if (!(await claim(ctx.db, `overdue|${t.id}|${t.due_date}`, t, 'overdue'))) continue;
      const office = await tenantUsersHoldingRoles(ctx.db, t.tenant_id, ['proposal_staff']);
      const unit = await findOrg(ctx.db, t.assignee_org_id);
      if (office.length) {
        await ctx.notifier.notify({
          tenantId: t.tenant_id, userIds: office, kind: 'overdue', title: `超期：${t.label}`,
          body: `${unit?.name ?? '承办单位'}办理的「${t.title}」（${t.label}）已于 ${t.due_date} 到期，尚未办结，请督办。`, link,
        });
      }
      const users = await unitUsers();
      if (users.length) {
        await ctx.notifier.notify({ tenantId: t.tenant_id, userIds: users, kind: 'overdue', title: `已超期：${t.label}`, body: `「${t.title}」已于 ${t.due_date} 到期，请尽快办理。`, link });
      }
      escalated++;
    } else if (left <= beforeDays.get(t.tenant_id)!) {
      if (!(await claim(ctx.db, `remind|${t.id}|${t.due_date}`, t, 'remind'))) continue;
      const users = await unitUsers();
      if (users.length) {
        await ctx.notifier.notify({
          tenantId: t.tenant_id, userIds: users, kind: 'reminder', title: `催办：${t.label}`,
          body: `「${t.title}」（${t.label}）将于 ${t.due_date} 到期，还有 ${left} 个工作日。`, link,
        });
      }
      reminded++;
    }
  }
  return { reminded, escalated };
}

const timers = new WeakMap<object, ReturnType<typeof setInterval>>();

/** Start the periodic 催办 job on this instance (every 10 minutes, first run after a minute); safe on several instances. */
export function startReminderJob(ctx: ModuleContext, everyMs = 10 * 60_000): void {
  if (timers.has(ctx)) return;
  const tick = () => { runProposalReminders(ctx).catch((e) => ctx.log.warn('提案催办任务失败', e)); };
  const first = setTimeout(() => { tick(); }, Math.min(everyMs, 60_000));
  first.unref();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  timers.set(ctx, timer);
  stopHandles.set(ctx, () => { clearTimeout(first); clearInterval(timer); timers.delete(ctx); });
}

const stopHandles = new WeakMap<object, () => void>();

/** Stop the job (when the app closes). */
export function stopReminderJob(ctx: ModuleContext): void {
  stopHandles.get(ctx)?.();
  stopHandles.delete(ctx);
}
