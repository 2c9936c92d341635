/**
 * The 社情民意信息 lifecycles as data: a report (报送 → 录用/留存/退回 → 核稿 → 编期 → 刊发) and an issue
 * (编辑中 → 待签发 → 待分发 → 已分发), with who may fire each action (role and permission), the input each takes,
 * each state's stage and tag colour, and the work item each state opens. Pure.
 */
import { z } from 'zod';
import { defineWorkflow, formField, transitionBodySchema, type GuardContext, type StateDef } from '../../../kernel/universal/workflow.ts';
import type { IssueState, ReportState } from '../contract.ts';

/** The report columns the lifecycle reads. */
export interface ReportRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  submitter_user_id: string;
  [k: string]: unknown;
}

/**
 * Roles that submit reports (报送主体): members, special informants (特邀信息员), committee and office staff, and the
 * clerks of handling units (承办单位经办人), whose reports are their unit's (报送单位).
 */
export const submitterRoles = ['member', 'informant', 'committee_staff', 'office_staff', 'unit_handler'] as const;
const editors = ['info_editor'] as const;
const reasonInput = z.object({ reason: z.string().trim().min(1).max(2000).describe('退回理由') });

type Ctx = GuardContext<ReportRecord>;
const isSubmitter = ({ record, actor }: Ctx) => (record.submitter_user_id === actor.userId && record.tenant_id === actor.tenantId ? null : '只有报送人可以执行此操作');
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的信息');

export const reportLifecycle = defineWorkflow<ReportRecord>({
  id: 'opinion',
  label: '社情民意信息',
  initial: 'submitted',
  stages: ['报送', '处理', '核稿', '编期', '刊发'],
  states: {
    // 急报 (urgent reports) are handled within one working day, every time they come in
    submitted: { label: '待处理', labelEn: 'Submitted', stage: '处理', tone: 'processing', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 3, urgent: { field: 'urgent', days: 1 }, label: '社情民意待处理' } },
    returned: { label: '退回修改', labelEn: 'Returned', stage: '报送', tone: 'warning', task: { role: 'member', orgField: 'tenant', userField: 'submitter_user_id', dueInWorkingDays: 10, label: '信息退回修改' } },
    accepted: { label: '已录用', labelEn: 'Accepted', stage: '处理', tone: 'green', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 2, urgent: { field: 'urgent', days: 1 }, label: '信息待核稿' } },
    retained: { label: '留存', labelEn: 'Kept on file', stage: '处理', tone: 'default' },
    verified: { label: '已核稿', labelEn: 'Verified', stage: '核稿', tone: 'cyan' },
    compiled: { label: '已编期', labelEn: 'In an issue', stage: '编期', tone: 'blue' },
    reported: { label: '已报送', labelEn: 'Reported', stage: '刊发', tone: 'success', ends: 'finished' },
    withdrawn: { label: '已撤回', labelEn: 'Withdrawn', stage: '报送', tone: 'default', ends: 'stopped', terminal: true },
  } satisfies Record<ReportState, StateDef>,
  transitions: [
    { name: 'accept', label: '录用', labelEn: 'Accept', from: ['submitted', 'retained'], to: 'accepted', roles: editors, permission: 'opinion.edit', guard: sameTenant },
    { name: 'retain', label: '留存', labelEn: 'Keep on file', from: ['submitted'], to: 'retained', roles: editors, permission: 'opinion.edit', guard: sameTenant },
    { name: 'return', label: '退回', labelEn: 'Return', from: ['submitted'], to: 'returned', roles: editors, permission: 'opinion.edit', guard: sameTenant, input: reasonInput },
    { name: 'resubmit', label: '重新报送', labelEn: 'Resubmit', from: ['returned'], to: 'submitted', roles: submitterRoles, permission: 'opinion.submit', guard: isSubmitter },
    { name: 'withdraw', label: '撤回', labelEn: 'Withdraw', from: ['submitted', 'returned'], to: 'withdrawn', roles: submitterRoles, permission: 'opinion.submit', guard: isSubmitter, confirm: true,
      input: z.object({ reason: formField(z.string().trim().max(2000).optional().describe('理由'), { hidden: true }) }) },
    { name: 'verify', label: '核稿', labelEn: 'Verify', from: ['accepted'], to: 'verified', roles: editors, permission: 'opinion.edit', guard: sameTenant },
    // moved by the issue commands (编期, 分发), never from the report's own buttons
    { name: 'compile', label: '编入期刊', labelEn: 'Compile', from: ['verified'], to: 'compiled', roles: editors, permission: 'opinion.edit', guard: sameTenant },
    { name: 'report', label: '刊发报送', labelEn: 'Report', from: ['compiled'], to: 'reported', roles: editors, permission: 'opinion.edit', guard: sameTenant },
  ],
});

/** Actions that only the issue commands fire. */
export const issueDrivenActions: ReadonlySet<string> = new Set(['compile', 'report']);

/** States in which a report counts as 录用 (accepted at its own level). */
export const acceptedStates: readonly ReportState[] = ['accepted', 'verified', 'compiled', 'reported'];
/** States in which the text may still be edited by an editor. */
export const editorEditableStates: readonly ReportState[] = ['submitted', 'accepted', 'verified'];

export interface IssueRecord { id: string; tenant_id: string; state: string; version: number; [k: string]: unknown }
type ICtx = GuardContext<IssueRecord>;
const issueSameTenant = ({ record, actor }: ICtx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的期刊');

export const issueLifecycle = defineWorkflow<IssueRecord>({
  id: 'opinion_issue',
  label: '社情民意期刊',
  initial: 'editing',
  stages: ['编辑', '签发', '分发'],
  states: {
    editing: { label: '编辑中', labelEn: 'Editing', stage: '编辑', tone: 'processing', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 2, label: '期刊待送签' } },
    signing: { label: '待签发', labelEn: 'Awaiting sign-off', stage: '签发', tone: 'orange', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 2, label: '期刊待签发' } },
    signed: { label: '待分发', labelEn: 'Signed', stage: '分发', tone: 'cyan', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 1, label: '期刊待分发' } },
    distributed: { label: '已分发', labelEn: 'Distributed', stage: '分发', tone: 'success', ends: 'finished', terminal: true },
  } satisfies Record<IssueState, StateDef>,
  transitions: [
    { name: 'send_for_sign', label: '送签', labelEn: 'Send for sign-off', from: ['editing'], to: 'signing', roles: editors, permission: 'opinion.edit', guard: issueSameTenant },
    { name: 'sign', label: '签发', labelEn: 'Sign off', from: ['signing'], to: 'signed', roles: ['leader'], permission: 'opinion.sign', guard: issueSameTenant, confirm: true },
    { name: 'reject', label: '退回修改', labelEn: 'Send back', from: ['signing'], to: 'editing', roles: ['leader'], permission: 'opinion.sign', guard: issueSameTenant, input: reasonInput },
    { name: 'distribute', label: '分发', labelEn: 'Distribute', from: ['signed'], to: 'distributed', roles: editors, permission: 'opinion.edit', guard: issueSameTenant, confirm: true,
      input: z.object({ recipients: formField(z.array(z.string().max(40)).max(20).optional().describe('分发对象'), { hidden: true }) }) },
  ],
});

/** The permission each action needs on top of the role, as the lifecycles declare it (for commands that check it early). */
const permissionsOf = (wf: { transitions: ReadonlyArray<{ name: string; permission?: string }> }): Readonly<Record<string, string>> =>
  Object.fromEntries(wf.transitions.filter((t) => t.permission).map((t) => [t.name, t.permission!]));
export const reportActionPermission = permissionsOf(reportLifecycle);
export const issueActionPermission = permissionsOf(issueLifecycle);

/** POST /api/opinions/:id/transitions: a union on `action` (the report's own buttons; 编期 and 分发 come from the issue). */
export const transitionBody = transitionBodySchema([{ ...reportLifecycle, transitions: reportLifecycle.transitions.filter((t) => !issueDrivenActions.has(t.name)) }]);
/** POST /api/opinions/issues/:id/transitions */
export const issueTransitionBody = transitionBodySchema([issueLifecycle]);
export type IssueTransitionBody = z.infer<typeof issueTransitionBody>;

export const reportStateLabel = (s: string) => reportLifecycle.states[s]?.label ?? s;
export const issueStateLabel = (s: string) => issueLifecycle.states[s]?.label ?? s;
const extraLabels: Record<string, string> = { create: '报送', edit: '修改', send_up: '向上级报送', received: '收到下级报送' };
export const reportActionLabel = (a: string) => extraLabels[a] ?? reportLifecycle.transitions.find((t) => t.name === a)?.label ?? a;
export const issueActionLabel = (a: string) => (a === 'create' ? '编期' : issueLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** 第X期 */
export const formatIssueNumber = (seq: number) => `第${seq}期`;
