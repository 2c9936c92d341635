/**
 * 督办看板 and 催办: the units' open proposal work (主办, 分办, 会办) that is overdue or falls due soon, for the office;
 * and the periodic job that reminds a unit before its due date and escalates to the office once overdue. Each reminder
 * is claimed with a unique row first, so with several instances running only one sends it.
 */
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import { openTasks } from '../../../kernel/server/work-items.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { JobDecl } from '../../../kernel/server/contributions.ts';
import { unitRoleLabels, type UnitRole } from '../contract.ts';
import { findOrg, tenantUsersHoldingRoles, usersHoldingRoles } from './directory.ts';
import { readProposalSettings } from './settings.ts';
import { handlingStates, unitTaskEntities, unitTaskRoles } from './stat-conditions.ts';
import { overdueProposalCount } from './proposal-stats.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { ProposalDb } from './tables.ts';


interface OpenTask { id: string; tenant_id: string; entity_type: string; entity_id: string; title: string; label: string; assignee_org_id: string; due_date: string }

/** Open unit work due on or before `until` (optionally of one tenant). */
async function openUnitTasks(db: ProposalDb, until: string, tenantId?: string): Promise<OpenTask[]> {
  return (await openTasks(db, { tenantId, entityTypes: unitTaskEntities, roles: unitTaskRoles, dueOnOrBefore: until })) as OpenTask[];
}

/**
 * The board's open unit work of a tenant falling due on or before `until`, each dated as 当前超期 dates it
 * (`overdueNow`): the lead unit's item on the proposal by the earlier of its own due date and the proposal's 办理期限
 * (a reply waiting for sign-off after the 办理期限 is late), a 分办 or 会办 part's item by its own.
 */
async function boardTasks(db: ProposalDb, until: string, tenantId: string): Promise<OpenTask[]> {
  const open = await openTasks(db, { tenantId, entityTypes: unitTaskEntities, roles: unitTaskRoles });
  const proposalIds = [...new Set(open.filter((t) => t.entity_type === 'proposal').map((t) => t.entity_id))];
  const proposalDue = new Map<string, string | null>();
  for (let i = 0; i < proposalIds.length; i += 500) {
    const rows = await db.selectFrom('proposals').select(['id', 'due_date']).where('id', 'in', proposalIds.slice(i, i + 500)).execute();
    for (const r of rows as Array<{ id: string; due_date: string | null }>) proposalDue.set(r.id, r.due_date);
  }
  const dated = open.map((t) => {
    const own = t.entity_type === 'proposal' ? proposalDue.get(t.entity_id) ?? null : null;
    const dues = [t.due_date, own].filter((d): d is string => !!d);
    return { ...t, due_date: dues.sort()[0] } as OpenTask;
  }).filter((t) => !!t.due_date && t.due_date <= until);
  return dated.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id.localeCompare(b.id));
}

/** Which proposal each task is about, and the unit's part in it (主办 for the proposal's own tasks). */
async function proposalsOf(db: ProposalDb, tasks: OpenTask[]) {
  const assignmentIds = tasks.filter((t) => t.entity_type === 'proposal_assignment').map((t) => t.entity_id);
  const rows = assignmentIds.length
    ? await db.selectFrom('proposal_assignments').select(['id', 'proposal_id', 'role']).where('id', 'in', assignmentIds).execute()
    : [];
  const byAssignment = new Map(rows.map((r: any) => [r.id as string, { proposalId: r.proposal_id as string, role: r.role as UnitRole }]));
  return (t: OpenTask) => (t.entity_type === 'proposal' ? { proposalId: t.entity_id, role: 'lead' as UnitRole } : byAssignment.get(t.entity_id) ?? { proposalId: t.entity_id, role: 'split' as UnitRole });
}

/** The proposals of these ids that are being handled (办理阶段): the board shows the units' work on these only, as 当前超期 counts it. */
async function inHandling(db: ProposalDb, ids: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('proposals').select('id').where('id', 'in', unique.slice(i, i + 500)).where('state', 'in', [...handlingStates]).execute();
    for (const r of rows as Array<{ id: string }>) out.add(r.id);
  }
  return out;
}

export interface BoardItem {
  taskId: string; proposalId: string; title: string; label: string; role: UnitRole; roleLabel: string; dueDate: string; daysLeft: number; overdue: boolean;
}
export interface BoardUnit { unitId: string; unitName: string; overdue: number; dueSoon: number; items: BoardItem[] }

/**
 * The office's board: by unit, the proposals whose work is overdue and those falling due within `withinDays` working
 * days, on proposals being handled. Its overdue figure is the statistics' 当前超期 (one definition, `overdueNow`), over
 * all years: the proposals, each counted once however many of its units are late; a unit's figure counts its own.
 */
export async function deadlinesBoard(ctx: ModuleContext, tenantId: string, withinDays?: number) {
  const settings = await readProposalSettings(ctx, tenantId);
  const days = withinDays ?? settings.reminders.boardDays;
  const today = ctx.calendar.today();
  const until = ctx.calendar.addWorkingDays(today, days);
  const open = await boardTasks(ctx.db, until, tenantId);
  const of = await proposalsOf(ctx.db, open);
  const handled = await inHandling(ctx.db, open.map((t) => of(t).proposalId));
  const tasks = open.filter((t) => handled.has(of(t).proposalId));
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
    overdue: await overdueProposalCount(ctx.db, tenantId, today), dueSoon: list.reduce((n, u) => n + u.dueSoon, 0),
  };
}

/** Claim one reminder; false when another instance (or an earlier run) already has it. */
async function claim(db: ProposalDb, key: string, t: OpenTask, kind: string): Promise<boolean> {
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
    const unitUsers = () => usersHoldingRoles(ctx.db, [t.assignee_org_id], [...unitTaskRoles]);
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

/** 催办: the periodic reminder job (every 10 minutes, first run after a minute); each reminder is claimed once, so several instances may run it. */
export const reminderJob: JobDecl = {
  name: 'reminders', label: '提案催办与超期提醒', everyMs: 10 * 60_000, firstAfterMs: 60_000,
  run: (ctx) => runProposalReminders(ctx),
};
