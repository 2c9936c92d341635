/**
 * 分办 and 会办 as a second small workflow, one record per unit besides the lead (承办任务): a 分办 unit signs for its
 * part, handles it and replies on its own; a 会办 unit sends its opinion (会办意见) to the lead by a due date, and only
 * the lead replies to the proposer. Pure: read by the engine, the presenter and the tests.
 */
import { z } from 'zod';
import { defineWorkflow, transitionBodySchema, type GuardContext, type StateDef, type TransitionDef, type WorkflowDef } from '../../../kernel/universal/workflow.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { defaultDeadlines, defaultLifecycleRules, type LifecycleRules, type ProposalDeadlines } from './proposal-lifecycle.ts';

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

export const assignmentStates = ['assigned', 'in_progress', 'reply_signoff', 'replied', 'opinion_pending', 'opinion_submitted', 'cancelled'] as const;
export type AssignmentState = (typeof assignmentStates)[number];

/** The state a new assignment starts in: a 分办 unit signs first; a 会办 unit owes its opinion at once. */
export const initialAssignmentState = (role: string): AssignmentState => (role === 'split' ? 'assigned' : 'opinion_pending');

/** States in which a unit still owes something (its task is open); a reply waiting for its leader's sign-off is still owed. */
export const openAssignmentStates: readonly AssignmentState[] = ['assigned', 'in_progress', 'reply_signoff', 'opinion_pending'];

/** Transitions after which a 分办 reply has left its unit (报出): the proposal stops waiting for that unit. */
export const replySentActions: readonly string[] = ['reply', 'reply_sign', 'sign_off'];

const unit = ['unit_handler', 'unit_leader'] as const;
/** 分办单位分管领导: signs off (签发) the unit's own reply */
const unitLead = ['unit_leader'] as const;
type Ctx = GuardContext<AssignmentRecord>;
const isTheUnit = ({ record, actor }: Ctx) => (record.unit_id === actor.orgId && record.tenant_id === actor.tenantId ? null : '只有该承办单位可以执行此操作');
const isSplit = (ctx: Ctx) => isTheUnit(ctx) ?? (ctx.record.role === 'split' ? null : '会办单位向主办单位提交会办意见，不直接答复提案人');
/** 签发 on: a unit leader's own draft is signed in the same step (答复并签发), so 答复 (送签发) is the clerk's. */
const isSplitClerk = (ctx: Ctx) => isSplit(ctx) ?? (ctx.actor.roles.includes('unit_leader') ? '分管领导起草的答复请直接「答复并签发」' : null);
const isCo = (ctx: Ctx) => isTheUnit(ctx) ?? (ctx.record.role === 'co' ? null : '分办单位直接答复提案人');

/**
 * Build the workflow with a tenant's deadlines and rules. With 签发 required (setting `proposals.replySignOff`, the
 * default) a 分办 clerk's reply waits for that unit's leader (待签发), who signs it off or returns it with a reason; a
 * leader's own reply is signed as it is sent. Off: the reply leaves the unit as sent. 签发 / 退回修改 stay either way.
 */
export function buildAssignmentWorkflow(d: ProposalDeadlines = defaultDeadlines, rules: Pick<LifecycleRules, 'replySignOff' | 'replyClasses'> = defaultLifecycleRules): WorkflowDef<AssignmentRecord> {
  const signOff = rules.replySignOff !== false;
  const replyInput = z.object({
    replyClass: z.string().max(8).describe('答复类别'),
    replyText: z.string().trim().min(1).max(50000).describe('答复内容'),
  });
  const classes = rules.replyClasses;
  const check = (input: Record<string, unknown>) => (classes && !classes.includes(String(input.replyClass))
    ? new AppError('VALIDATION_FAILED', `「答复类别」应为 ${classes.join(' / ')} 之一`, { field: 'replyClass' }) : null);
  const replying: Array<TransitionDef<AssignmentRecord>> = signOff
    ? [
      { name: 'reply', label: '答复（送领导签发）', labelEn: 'Reply (for sign-off)', from: ['in_progress'], to: 'reply_signoff', roles: unit, permission: 'proposal.handle', guard: isSplitClerk, input: replyInput, check },
      { name: 'reply_sign', label: '答复并签发', labelEn: 'Reply and sign off', from: ['in_progress'], to: 'replied', roles: unitLead, permission: 'proposal.handle', guard: isSplit, input: replyInput, check, confirm: true },
    ]
    : [{ name: 'reply', label: '答复', labelEn: 'Reply', from: ['in_progress'], to: 'replied', roles: unit, permission: 'proposal.handle', guard: isSplit, input: replyInput, check }];
  return defineWorkflow<AssignmentRecord>({
    id: 'proposal_assignment',
    label: '承办任务',
    initial: 'assigned',
    states: {
      assigned: { label: '待签收', labelEn: 'Assigned', tone: 'gold', task: { role: 'unit_handler', orgField: 'unit_id', dueInWorkingDays: d.sign, label: '分办待签收' } },
      // its 办理期限 is set at 签收; a draft its leader returns is still due by it
      in_progress: { label: '办理中', labelEn: 'In progress', tone: 'blue', task: { role: 'unit_handler', orgField: 'unit_id', dueInWorkingDays: d.handle, dueField: 'due_date', label: '分办办理中' } },
      reply_signoff: { label: '待签发', labelEn: 'Awaiting sign-off', tone: 'magenta', task: { role: 'unit_leader', orgField: 'unit_id', dueInWorkingDays: d.signOff, label: '分办待签发' } },
      replied: { label: '已答复', labelEn: 'Replied', tone: 'success', terminal: true },
      opinion_pending: { label: '待提交会办意见', labelEn: 'Opinion due', tone: 'gold', task: { role: 'unit_handler', orgField: 'unit_id', dueInWorkingDays: d.coOpinion, label: '会办意见' } },
      opinion_submitted: { label: '已提交会办意见', labelEn: 'Opinion sent', tone: 'success', terminal: true },
      cancelled: { label: '已撤销', labelEn: 'Cancelled', tone: 'default', terminal: true },
    } satisfies Record<AssignmentState, StateDef>,
    transitions: [
      { name: 'sign', label: '签收', labelEn: 'Sign for', from: ['assigned'], to: 'in_progress', roles: unit, permission: 'proposal.handle', guard: isSplit },
      ...replying,
      { name: 'sign_off', label: '签发', labelEn: 'Sign off', from: ['reply_signoff'], to: 'replied', roles: unitLead, permission: 'proposal.handle', guard: isSplit, confirm: true },
      { name: 'return_draft', label: '退回修改', labelEn: 'Return to drafter', from: ['reply_signoff'], to: 'in_progress', roles: unitLead, permission: 'proposal.handle', guard: isSplit, input: z.object({ reason: z.string().trim().min(1).max(2000).describe('退回理由') }) },
      { name: 'submit_opinion', label: '提交会办意见', labelEn: 'Send opinion', from: ['opinion_pending'], to: 'opinion_submitted', roles: unit, permission: 'proposal.handle', guard: isCo, input: z.object({ opinion: z.string().trim().min(1).max(20000).describe('会办意见') }) },
    ],
  });
}

export const assignmentWorkflow = buildAssignmentWorkflow();

/** POST /api/proposals/:id/assignments/:assignmentId/transitions: 分办签收、分办答复、签发、退回修改、提交会办意见, each with its own input. */
export const assignmentTransitionBody = transitionBodySchema([assignmentWorkflow, buildAssignmentWorkflow(defaultDeadlines, { replySignOff: false })]);
export type AssignmentTransitionBody = z.infer<typeof assignmentTransitionBody>;
export const assignmentStateLabel = (s: string) => assignmentWorkflow.states[s]?.label ?? s;
