/**
 * 分办 and 会办 as a second small workflow, one record per unit besides the lead (承办任务): a 分办 unit signs for its
 * part, handles it and replies on its own; a 会办 unit sends its opinion (会办意见) to the lead by a due date, and only
 * the lead replies to the proposer. Pure: read by the engine, the presenter and the tests.
 */
import { defineWorkflow, type GuardContext, type WorkflowDef } from '../../../kernel/universal/workflow.ts';
import { defaultDeadlines, type ProposalDeadlines } from './proposal-lifecycle.ts';

/** The columns of a 承办任务 (proposal_assignments) row the workflow reads. */
export interface AssignmentRecord {
  id: string;
  tenant_id: string;
  proposal_id: string;
  unit_id: string;
  /** 'split' (分办) or 'co' (会办) */
  role: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  [k: string]: unknown;
}

export const assignmentStates = ['assigned', 'in_progress', 'replied', 'opinion_pending', 'opinion_submitted', 'cancelled'] as const;
export type AssignmentState = (typeof assignmentStates)[number];

/** The state a new assignment starts in: a 分办 unit signs first; a 会办 unit owes its opinion at once. */
export const initialAssignmentState = (role: string): AssignmentState => (role === 'split' ? 'assigned' : 'opinion_pending');

/** States in which a unit still owes something (its task is open). */
export const openAssignmentStates: readonly AssignmentState[] = ['assigned', 'in_progress', 'opinion_pending'];

const unit = ['unit_handler', 'unit_leader'] as const;
type Ctx = GuardContext<AssignmentRecord>;
const isTheUnit = ({ record, actor }: Ctx) => (record.unit_id === actor.orgId && record.tenant_id === actor.tenantId ? null : '只有该承办单位可以执行此操作');
const isSplit = (ctx: Ctx) => isTheUnit(ctx) ?? (ctx.record.role === 'split' ? null : '会办单位向主办单位提交会办意见，不直接答复提案人');
const isCo = (ctx: Ctx) => isTheUnit(ctx) ?? (ctx.record.role === 'co' ? null : '分办单位直接答复提案人');

export function buildAssignmentWorkflow(d: ProposalDeadlines = defaultDeadlines): WorkflowDef<AssignmentRecord> {
  return defineWorkflow<AssignmentRecord>({
    id: 'proposal_assignment',
    label: '承办任务',
    initial: 'assigned',
    states: {
      assigned: { label: '待签收', labelEn: 'Assigned', task: { role: 'unit_handler', orgField: 'unit_id', dueInWorkingDays: d.sign, label: '分办待签收' } },
      in_progress: { label: '办理中', labelEn: 'In progress', task: { role: 'unit_handler', orgField: 'unit_id', dueInWorkingDays: d.handle, label: '分办办理中' } },
      replied: { label: '已答复', labelEn: 'Replied', terminal: true },
      opinion_pending: { label: '待提交会办意见', labelEn: 'Opinion due', task: { role: 'unit_handler', orgField: 'unit_id', dueInWorkingDays: d.coOpinion, label: '会办意见' } },
      opinion_submitted: { label: '已提交会办意见', labelEn: 'Opinion sent', terminal: true },
      cancelled: { label: '已撤销', labelEn: 'Cancelled', terminal: true },
    } satisfies Record<AssignmentState, unknown>,
    transitions: [
      { name: 'sign', label: '签收', labelEn: 'Sign for', from: ['assigned'], to: 'in_progress', roles: unit, guard: isSplit },
      { name: 'reply', label: '答复', labelEn: 'Reply', from: ['in_progress'], to: 'replied', roles: unit, guard: isSplit, requires: { replyClass: '答复类别', replyText: '答复内容' } },
      { name: 'submit_opinion', label: '提交会办意见', labelEn: 'Send opinion', from: ['opinion_pending'], to: 'opinion_submitted', roles: unit, guard: isCo, requires: { opinion: '会办意见' } },
    ],
  });
}

export const assignmentWorkflow = buildAssignmentWorkflow();
export const assignmentStateLabel = (s: string) => assignmentWorkflow.states[s]?.label ?? s;
