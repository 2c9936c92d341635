/**
 * The 社情民意信息 lifecycles as data: a report (报送 → 录用/留存/退回 → 核稿 → 编期 → 刊发) and an issue
 * (编辑中 → 待签发 → 待分发 → 已分发), with who may fire each action and the work item each state opens. Pure.
 */
import { defineWorkflow, type GuardContext } from '../../../kernel/universal/workflow.ts';
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

/** Roles that submit reports (报送主体): members, special informants (特邀信息员), committee and office staff. */
export const submitterRoles = ['member', 'informant', 'committee_staff', 'office_staff'] as const;
const editors = ['info_editor'] as const;

type Ctx = GuardContext<ReportRecord>;
const isSubmitter = ({ record, actor }: Ctx) => (record.submitter_user_id === actor.userId && record.tenant_id === actor.tenantId ? null : '只有报送人可以执行此操作');
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的信息');

export const reportLifecycle = defineWorkflow<ReportRecord>({
  id: 'opinion',
  label: '社情民意信息',
  initial: 'submitted',
  states: {
    // 急报 (urgent reports) are handled within one working day, every time they come in
    submitted: { label: '待处理', labelEn: 'Submitted', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 3, urgent: { field: 'urgent', days: 1 }, label: '社情民意待处理' } },
    returned: { label: '退回修改', labelEn: 'Returned', task: { role: 'member', orgField: 'tenant', userField: 'submitter_user_id', dueInWorkingDays: 10, label: '信息退回修改' } },
    accepted: { label: '已录用', labelEn: 'Accepted', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 2, urgent: { field: 'urgent', days: 1 }, label: '信息待核稿' } },
    retained: { label: '留存', labelEn: 'Kept on file' },
    verified: { label: '已核稿', labelEn: 'Verified' },
    compiled: { label: '已编期', labelEn: 'In an issue' },
    reported: { label: '已报送', labelEn: 'Reported' },
    withdrawn: { label: '已撤回', labelEn: 'Withdrawn', terminal: true },
  } satisfies Record<ReportState, unknown>,
  transitions: [
    { name: 'accept', label: '录用', labelEn: 'Accept', from: ['submitted', 'retained'], to: 'accepted', roles: editors, guard: sameTenant },
    { name: 'retain', label: '留存', labelEn: 'Keep on file', from: ['submitted'], to: 'retained', roles: editors, guard: sameTenant },
    { name: 'return', label: '退回', labelEn: 'Return', from: ['submitted'], to: 'returned', roles: editors, guard: sameTenant, requires: { reason: '退回理由' } },
    { name: 'resubmit', label: '重新报送', labelEn: 'Resubmit', from: ['returned'], to: 'submitted', roles: submitterRoles, guard: isSubmitter },
    { name: 'withdraw', label: '撤回', labelEn: 'Withdraw', from: ['submitted', 'returned'], to: 'withdrawn', roles: submitterRoles, guard: isSubmitter, confirm: true },
    { name: 'verify', label: '核稿', labelEn: 'Verify', from: ['accepted'], to: 'verified', roles: editors, guard: sameTenant },
    // moved by the issue commands (编期, 分发), never from the report's own buttons
    { name: 'compile', label: '编入期刊', labelEn: 'Compile', from: ['verified'], to: 'compiled', roles: editors, guard: sameTenant },
    { name: 'report', label: '刊发报送', labelEn: 'Report', from: ['compiled'], to: 'reported', roles: editors, guard: sameTenant },
  ],
});

/** Actions that only the issue commands fire. */
export const issueDrivenActions: ReadonlySet<string> = new Set(['compile', 'report']);

/** The permission each report action needs on top of the role. */
export const reportActionPermission: Readonly<Record<string, string>> = {
  accept: 'opinion.edit', retain: 'opinion.edit', return: 'opinion.edit', verify: 'opinion.edit', compile: 'opinion.edit', report: 'opinion.edit',
  resubmit: 'opinion.submit', withdraw: 'opinion.submit',
};

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
  states: {
    editing: { label: '编辑中', labelEn: 'Editing', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 2, label: '期刊待送签' } },
    signing: { label: '待签发', labelEn: 'Awaiting sign-off', task: { role: 'leader', orgField: 'tenant', dueInWorkingDays: 2, label: '期刊待签发' } },
    signed: { label: '待分发', labelEn: 'Signed', task: { role: 'info_editor', orgField: 'tenant', dueInWorkingDays: 1, label: '期刊待分发' } },
    distributed: { label: '已分发', labelEn: 'Distributed', terminal: true },
  } satisfies Record<IssueState, unknown>,
  transitions: [
    { name: 'send_for_sign', label: '送签', labelEn: 'Send for sign-off', from: ['editing'], to: 'signing', roles: editors, guard: issueSameTenant },
    { name: 'sign', label: '签发', labelEn: 'Sign off', from: ['signing'], to: 'signed', roles: ['leader'], guard: issueSameTenant, confirm: true },
    { name: 'reject', label: '退回修改', labelEn: 'Send back', from: ['signing'], to: 'editing', roles: ['leader'], guard: issueSameTenant, requires: { reason: '退回理由' } },
    { name: 'distribute', label: '分发', labelEn: 'Distribute', from: ['signed'], to: 'distributed', roles: editors, guard: issueSameTenant, confirm: true },
  ],
});

export const issueActionPermission: Readonly<Record<string, string>> = {
  send_for_sign: 'opinion.edit', distribute: 'opinion.edit', sign: 'opinion.sign', reject: 'opinion.sign',
};

export const reportStateLabel = (s: string) => reportLifecycle.states[s]?.label ?? s;
export const issueStateLabel = (s: string) => issueLifecycle.states[s]?.label ?? s;
const extraLabels: Record<string, string> = { create: '报送', edit: '修改', send_up: '向上级报送', received: '收到下级报送' };
export const reportActionLabel = (a: string) => extraLabels[a] ?? reportLifecycle.transitions.find((t) => t.name === a)?.label ?? a;
export const issueActionLabel = (a: string) => (a === 'create' ? '编期' : issueLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** 第X期 */
export const formatIssueNumber = (seq: number) => `第${seq}期`;
