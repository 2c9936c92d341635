/**
 * The 民主评议 lifecycle as data (pure: no database, no HTTP): 筹备 → 自查 → 评议中（投票）→ 结果公布 → 整改 → 办结.
 * The office (办公室) sets the appraisal up (departments, scope, items and weights, the appraisal group), the departments
 * hand in their self-reports (自查), members and invited representatives vote on the spot (评议中), the results are
 * published (结果公布), the rectification items go to the recommendation tracker (整改) and the appraisal is closed (办结).
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import { appraisalsPermissions } from './appraisals-permissions.ts';

/** The states of a 民主评议 (the appraisal of government departments). */
export const appraisalsStates = ['preparing', 'self_check', 'voting', 'published', 'rectifying', 'closed'] as const;
export type AppraisalsState = (typeof appraisalsStates)[number];

/** The columns the lifecycle's guards read (the repository's row has more). */
export interface AppraisalsRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  owner_user_id: string;
  [k: string]: unknown;
}

/** The role that organises appraisals (办公室工作人员). */
export const organiserRoles = ['office_staff'] as const;

export { appraisalsPermissions } from './appraisals-permissions.ts';

type Ctx = GuardContext<AppraisalsRecord>;
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能组织本级政协的民主评议');

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
/** 启动自查: the date by which the departments hand in their self-reports (自查报告截止日期). */
const selfCheckInput = z.object({ selfReportDue: day('自查报告截止日期') });
/** 办结: what came of the appraisal, required. */
const closeInput = z.object({ summary: z.string().trim().min(1).max(2000).describe('办结说明') });

export const appraisalsLifecycle = defineWorkflow<AppraisalsRecord>({
  id: 'appraisal',
  label: '民主评议',
  initial: 'preparing',
  stages: ['筹备', '自查', '评议', '结果公布', '整改', '办结'],
  states: {
    preparing: { label: '筹备中', labelEn: 'Preparing', stage: '筹备', tone: 'default', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 20, label: '民主评议筹备' } },
    self_check: { label: '自查中', labelEn: 'Self-check', stage: '自查', tone: 'processing' },
    voting: { label: '评议中', labelEn: 'Voting', stage: '评议', tone: 'blue', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 5, label: '民主评议测评与结果公布' } },
    published: { label: '结果已公布', labelEn: 'Results published', stage: '结果公布', tone: 'cyan', task: { role: 'office_staff', orgField: 'tenant', dueInWorkingDays: 10, label: '民主评议整改意见交办' } },
    rectifying: { label: '整改中', labelEn: 'Rectifying', stage: '整改', tone: 'warning' },
    closed: { label: '已办结', labelEn: 'Closed', stage: '办结', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<AppraisalsState, StateDef>,
  transitions: [
    { name: 'start_self_check', label: '启动自查', labelEn: 'Start self-check', from: ['preparing'], to: 'self_check', roles: organiserRoles, permission: appraisalsPermissions.manage, guard: sameTenant, input: selfCheckInput },
    { name: 'open_vote', label: '开始测评', labelEn: 'Open the vote', from: ['self_check'], to: 'voting', roles: organiserRoles, permission: appraisalsPermissions.manage, guard: sameTenant, confirm: true },
    { name: 'publish', label: '结束测评并公布结果', labelEn: 'Close the vote and publish', from: ['voting'], to: 'published', roles: organiserRoles, permission: appraisalsPermissions.manage, guard: sameTenant, confirm: true },
    { name: 'send_rectification', label: '交办整改', labelEn: 'Send rectification items', from: ['published'], to: 'rectifying', roles: organiserRoles, permission: appraisalsPermissions.manage, guard: sameTenant, confirm: true },
    { name: 'close', label: '办结', labelEn: 'Close', from: ['rectifying'], to: 'closed', roles: organiserRoles, permission: appraisalsPermissions.manage, guard: sameTenant, input: closeInput, confirm: true },
  ],
});

/** POST /api/supervision/appraisals/:id/transitions: a union on `action`, one member per action with its own input. */
export const appraisalsTransitionBody = transitionBodySchema([appraisalsLifecycle]);
export type AppraisalsTransitionBody = z.infer<typeof appraisalsTransitionBody>;

export const appraisalsStateLabel = (s: string) => appraisalsLifecycle.states[s]?.label ?? s;
/** History rows name their action: the transitions' labels, plus the steps the commands write. */
const stepLabels: Record<string, string> = {
  create: '新建', setup: '修改评议方案', self_report: '提交自查报告', visit: '走访调研', tokens: '生成代表测评码', rectification: '整改事项',
};
export const appraisalsActionLabel = (a: string) => stepLabels[a] ?? appraisalsLifecycle.transitions.find((t) => t.name === a)?.label ?? a;

/** States in which the vote has been held (评议已开展): the figure 开展民主评议 counts these. */
export const heldStates: readonly AppraisalsState[] = ['voting', 'published', 'rectifying', 'closed'];
/** States after the results were published: departments and members see the results. */
export const publishedStates: readonly AppraisalsState[] = ['published', 'rectifying', 'closed'];
/** The appraisal's plan (departments, items, weights, scores) may change only while it is prepared. */
export const planEditable = (state: string) => state === 'preparing';
/** Representatives' one-time codes may be issued until the vote ends. */
export const tokensIssuable = (state: string) => state === 'preparing' || state === 'self_check' || state === 'voting';
/** Self-reports are handed in (and replaced) until the vote opens. */
export const selfReportOpen = (state: string) => state === 'self_check' || state === 'preparing';
