/**
 * 协商选题 and 年度协商计划 as data (pure). A topic (协商选题) proposed by a committee, a party or group, or the office
 * waits for the office (待处理), which accepts it into the year's plan (列入计划), declines it with a reason (不予采纳) or
 * merges it into a like topic (合并). The plan (年度协商计划, one per CPPCC and year) is drafted by the office (起草),
 * put to the chair's meeting (报主席会议审定, a work item for the leaders) and approved (已审定); a plan with 重大协商议题
 * goes on from the chair's meeting to the party committee (报党委审定), whose decision the office records (党委审定通过,
 * or 党委退回 to the draft). An approved plan is the published plan: its items change only through recorded changes (计划调整, `planChangeOf`).
 */
import { z } from 'zod';
import { invalid } from '../../../kernel/universal/errors.ts';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { consultationFormLabels, consultationForms, isConsultationForm, type ConsultationForm } from './consultation-forms.ts';
import { planPermissions } from './plan-permissions.ts';

export { planPermissions } from './plan-permissions.ts';

/* ------------------------------------------------------------------ 协商选题 */

export const topicStates = ['proposed', 'accepted', 'declined', 'merged'] as const;
export type TopicState = (typeof topicStates)[number];

export interface TopicRecord {
  id: string;
  tenant_id: string;
  year: number;
  state: string;
  version: number;
  proposer_user_id: string;
  [k: string]: unknown;
}

type TopicCtx = GuardContext<TopicRecord>;
const sameTenant = ({ record, actor }: TopicCtx | GuardContext<PlanRecord>) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的协商选题和协商计划');
const month = z.number().int().min(1, '应为 1 到 12 月').max(12, '应为 1 到 12 月');

/** 列入计划: the office may give the planned month and the lead committee now, or fill them in the plan editor. */
const acceptInput = z.object({
  plannedMonth: month.optional().describe('计划月份'),
  leadOrgId: z.string().min(1).max(40).optional().describe('牵头专委会'),
  major: z.boolean().optional().describe('重大协商议题'),
  note: z.string().trim().max(500).optional().describe('处理意见'),
});
const declineInput = z.object({ reason: z.string().trim().min(2, '至少 2 个字').max(1000).describe('不予采纳理由') });
const mergeInput = z.object({
  targetId: z.string().min(1).max(40).describe('合并到的选题'),
  note: z.string().trim().max(500).optional().describe('处理意见'),
});

export const topicLifecycle = defineWorkflow<TopicRecord>({
  id: 'consultation_topic',
  label: '协商选题',
  initial: 'proposed',
  stages: ['提出', '处理'],
  states: {
    proposed: { label: '待处理', labelEn: 'Proposed', stage: '提出', tone: 'processing', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 10, label: '协商选题待处理' } },
    accepted: { label: '已列入计划', labelEn: 'In the plan', stage: '处理', tone: 'success', ends: 'finished', terminal: true },
    declined: { label: '未采纳', labelEn: 'Declined', stage: '处理', tone: 'default', ends: 'stopped', terminal: true },
    merged: { label: '已合并', labelEn: 'Merged', stage: '处理', tone: 'default', ends: 'stopped', terminal: true },
  } satisfies Record<TopicState, StateDef>,
  transitions: [
    { name: 'accept', label: '列入计划', labelEn: 'Accept into the plan', from: ['proposed'], to: 'accepted', roles: ['office_staff'], permission: planPermissions.manage, guard: sameTenant, input: acceptInput },
    { name: 'decline', label: '不予采纳', labelEn: 'Decline', from: ['proposed'], to: 'declined', roles: ['office_staff'], permission: planPermissions.manage, guard: sameTenant, input: declineInput },
    {
      name: 'merge', label: '合并', labelEn: 'Merge', from: ['proposed'], to: 'merged', roles: ['office_staff'], permission: planPermissions.manage, guard: sameTenant, input: mergeInput,
      check: (input, record) => (input.targetId === record.id ? invalid('input.targetId', '「合并到的选题」', '不能是本选题') : null),
    },
  ],
});
export const topicTransitionBody = transitionBodySchema([topicLifecycle]);

/* ------------------------------------------------------------------ 年度协商计划 */

export const planStates = ['draft', 'submitted', 'party_review', 'approved'] as const;
export type PlanState = (typeof planStates)[number];

export interface PlanRecord {
  id: string;
  tenant_id: string;
  year: number;
  state: string;
  version: number;
  /** 重大协商议题 counted when the plan went to the chair's meeting */
  major_items?: number | null;
  [k: string]: unknown;
}

const hasMajor = (r: PlanRecord) => Number(r.major_items ?? 0) > 0;

const approveInput = z.object({
  meeting: z.string().trim().min(2, '至少 2 个字').max(200).describe('审定会议'),
  approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe('审定日期'),
});
const returnInput = z.object({ reason: z.string().trim().min(2, '至少 2 个字').max(2000).describe('退回意见') });
const partyApproveInput = z.object({
  meeting: z.string().trim().min(2, '至少 2 个字').max(200).describe('党委审定会议'),
  approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe('党委审定日期'),
  document: z.string().trim().max(200).optional().describe('批复文件'),
});

export const planLifecycle = defineWorkflow<PlanRecord>({
  id: 'consultation_plan',
  label: '年度协商计划',
  initial: 'draft',
  stages: ['起草', '主席会议审定', '党委审定', '已审定'],
  states: {
    draft: { label: '起草中', labelEn: 'Draft', stage: '起草', tone: 'default' },
    submitted: { label: '待主席会议审定', labelEn: 'Before the chair\'s meeting', stage: '主席会议审定', tone: 'gold', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 10, label: '年度协商计划待审定' } },
    party_review: { label: '待党委审定', labelEn: 'Before the party committee', stage: '党委审定', tone: 'gold', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 20, label: '年度协商计划报党委审定' } },
    approved: { label: '已审定', labelEn: 'Approved', stage: '已审定', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<PlanState, StateDef>,
  transitions: [
    { name: 'submit', label: '报主席会议审定', labelEn: 'Submit to the chair\'s meeting', from: ['draft'], to: 'submitted', roles: ['office_staff'], permission: planPermissions.manage, guard: sameTenant },
    { name: 'return', label: '退回修改', labelEn: 'Return for revision', from: ['submitted'], to: 'draft', roles: ['leader'], permission: planPermissions.approve, guard: sameTenant, input: returnInput },
    {
      name: 'approve', label: '审定通过', labelEn: 'Approve', from: ['submitted'], to: 'approved', roles: ['leader'], permission: planPermissions.approve, input: approveInput, confirm: true,
      guard: (c) => sameTenant(c) ?? (hasMajor(c.record) ? '计划含重大协商议题，主席会议审定后须报党委审定' : null),
    },
    {
      name: 'approve_to_party', label: '审定并报党委', labelEn: 'Approve and send to the party committee', from: ['submitted'], to: 'party_review', roles: ['leader'], permission: planPermissions.approve, input: approveInput, confirm: true,
      guard: (c) => sameTenant(c) ?? (hasMajor(c.record) ? null : '计划没有重大协商议题，主席会议审定即可'),
    },
    { name: 'party_approve', label: '党委审定通过', labelEn: 'Party committee approved', from: ['party_review'], to: 'approved', roles: ['office_staff'], permission: planPermissions.manage, guard: sameTenant, input: partyApproveInput },
    { name: 'party_return', label: '党委退回修改', labelEn: 'Party committee returned it', from: ['party_review'], to: 'draft', roles: ['office_staff'], permission: planPermissions.manage, guard: sameTenant, input: returnInput },
  ],
});
export const planTransitionBody = transitionBodySchema([planLifecycle]);

export const topicStateLabel = (s: string) => topicLifecycle.states[s]?.label ?? s;
export const planStateLabel = (s: string) => planLifecycle.states[s]?.label ?? s;
const historyLabel = (wf: { transitions: ReadonlyArray<{ name: string; label: string }> }, a: string) =>
  ({ create: '起草', propose: '提出', change: '计划调整', add_item: '添加计划项', edit_item: '修改计划项', remove_item: '删除计划项', links: '关联提案和社情民意' } as Record<string, string>)[a]
  ?? wf.transitions.find((t) => t.name === a)?.label ?? a;
export const topicActionLabel = (a: string) => historyLabel(topicLifecycle, a);
export const planActionLabel = (a: string) => historyLabel(planLifecycle, a);

/* ------------------------------------------------------------------ 计划项 and 计划调整 */

/** 计划项 as the rules see it. */
export interface PlanItemFacts {
  title: string;
  form: string;
  leadOrgId: string;
  partnerUnitIds: string[];
  plannedMonth: number;
  notes: string | null;
  /** 'planned' (列入计划) or 'cancelled' (已取消, by a change after approval) */
  status: 'planned' | 'cancelled';
}

/** The kinds of change to an approved plan (计划调整). */
export const planChangeKinds = ['move', 'form', 'add', 'cancel'] as const;
export type PlanChangeKind = (typeof planChangeKinds)[number];
export const planChangeKindLabels: Record<PlanChangeKind, string> = { move: '调整月份', form: '调整协商形式', add: '增加计划项', cancel: '取消计划项' };

/** Can the items be edited directly (a draft), or only through recorded changes (an approved plan)? */
export function itemEditMode(planState: string): 'edit' | 'change' | 'none' {
  if (planState === 'draft') return 'edit';
  if (planState === 'approved') return 'change';
  return 'none';
}

/** A plan goes to the chair's meeting with at least one item, each complete. Returns the problem, or null. Pure. */
export function planReadyProblem(items: ReadonlyArray<Pick<PlanItemFacts, 'title' | 'form' | 'leadOrgId' | 'plannedMonth' | 'status'>>): { field: string; message: string } | null {
  const live = items.filter((i) => i.status === 'planned');
  if (live.length === 0) return { field: 'items', message: '「计划项」至少需要一项才能报主席会议审定' };
  const bad = live.find((i) => !i.leadOrgId || !isConsultationForm(i.form) || !(i.plannedMonth >= 1 && i.plannedMonth <= 12));
  if (bad) return { field: 'items', message: `「计划项」「${bad.title}」的协商形式、牵头专委会或计划月份未填写完整` };
  return null;
}

export interface PlanChangeRequest {
  kind: PlanChangeKind;
  reason: string;
  plannedMonth?: number;
  form?: string;
}

/**
 * 计划调整: what a change does to one item of an approved plan, or the 400 it is (field and Chinese message). A move
 * names a different month, a form change a different known form, a cancel an item still planned; every change gives
 * its reason. 'add' is checked by the item's own schema, then here for the reason. Pure.
 */
export function planChangeOf(item: PlanItemFacts | null, req: PlanChangeRequest):
  { ok: true; set: Partial<PlanItemFacts>; before: string; after: string } | { ok: false; field: string; message: string } {
  if (!req.reason || req.reason.trim().length < 2) return { ok: false, field: 'reason', message: '「调整理由」必须填写，至少 2 个字' };
  if (req.kind === 'add') return { ok: true, set: {}, before: '', after: '' };
  if (!item) return { ok: false, field: 'itemId', message: '「计划项」必须指定' };
  if (item.status === 'cancelled') return { ok: false, field: 'itemId', message: `「计划项」「${item.title}」已取消，不能再调整` };
  if (req.kind === 'move') {
    const m = req.plannedMonth;
    if (m === undefined || !Number.isInteger(m) || m < 1 || m > 12) return { ok: false, field: 'plannedMonth', message: '「计划月份」应为 1 到 12 月' };
    if (m === item.plannedMonth) return { ok: false, field: 'plannedMonth', message: `「计划月份」与原计划（${m}月）相同` };
    return { ok: true, set: { plannedMonth: m }, before: `${item.plannedMonth}月`, after: `${m}月` };
  }
  if (req.kind === 'form') {
    if (!isConsultationForm(req.form)) return { ok: false, field: 'form', message: '「协商形式」不是可选的形式' };
    if (req.form === item.form) return { ok: false, field: 'form', message: '「协商形式」与原计划相同' };
    return { ok: true, set: { form: req.form }, before: formLabel(item.form), after: consultationFormLabels[req.form as ConsultationForm] };
  }
  return { ok: true, set: { status: 'cancelled' }, before: '列入计划', after: '已取消' };
}

const formLabel = (f: string) => (isConsultationForm(f) ? consultationFormLabels[f] : f);

/** The plan's items in the published order: by month, then by form in the list's order, then as entered. Pure. */
export function planOrder<T extends { plannedMonth: number; form: string; sort: number }>(items: readonly T[]): T[] {
  const rank = (f: string) => { const i = (consultationForms as readonly string[]).indexOf(f); return i < 0 ? 99 : i; };
  return [...items].sort((a, b) => a.plannedMonth - b.plannedMonth || rank(a.form) - rank(b.form) || a.sort - b.sort);
}
