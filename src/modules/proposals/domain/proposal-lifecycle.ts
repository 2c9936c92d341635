/**
 * The 提案 lifecycle as data: states (with their stage on the step bar and tag colour), transitions (who may fire each,
 * the permission, the input each takes and the rules on it) and the work item (task) each state opens with its deadline
 * in working days. Pure: read by the engine, the presenter, the API's body schema and the web's forms.
 */
import { z } from 'zod';
import { defineWorkflow, formField, transitionBodySchema, type ActorLike, type GuardContext, type StateDef, type TransitionDef, type WorkflowDef } from '../../../kernel/universal/workflow.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { handlingModeLabels, handlingModes, reviewMeeting, satisfactionLabels, satisfactionValues, type HandlingMode, type ProposalState, type Satisfaction } from '../contract.ts';
import { pendingEvaluators } from './proposal-evaluation.ts';
import { conversionAnswerable, conversionTargets } from './proposal-conversion.ts';

/** The proposal columns the lifecycle reads (database column names). */
export interface ProposalRecord {
  id: string;
  tenant_id: string;
  state: string;
  version: number;
  proposer_user_id: string;
  lead_unit_id: string | null;
  type: string;
  /** invited co-signers (联名) and how many have not yet confirmed */
  cosigner_count: number;
  cosigners_pending: number;
  /** 待评价人: JSON array of the evaluators who have not yet rated the current reply (null: the first proposer alone) */
  evaluators_pending?: string | null;
  /** 分办: how many split units have not yet replied (the lead's reply waits for them) */
  units_pending?: number;
  [k: string]: unknown;
}

/** Deadlines in working days; each is a per-tenant setting (`proposals.deadlines`) with these defaults. */
export interface ProposalDeadlines {
  /** 待审查: the office reviews a submitted proposal */
  review: number;
  /** 待交办: a filed proposal waits for assignment */
  assign: number;
  /** 待签收: the objection window, in which the unit signs for the assignment or objects */
  sign: number;
  /** 申请调整 / 申请延期: the office decides an objection or an extension */
  decide: number;
  /** 办理中: about three months from signing */
  handle: number;
  /** 待签发: the unit's leader signs off (签发) the drafted reply */
  signOff: number;
  /** 答复审核 (督办审核) */
  replyCheck: number;
  /** 待评价: the proposer's evaluation window */
  evaluate: number;
  /** 重新办理 */
  rehandle: number;
  /** 退回修改: the proposer revises and resubmits */
  revise: number;
  /** 申请延期: default working days granted when the request names none */
  extension: number;
  /** 会办意见: a co-handling unit sends its opinion to the lead unit */
  coOpinion: number;
}

export const defaultDeadlines: ProposalDeadlines = {
  review: 5, assign: 20, sign: 5, decide: 5, handle: 60, signOff: 3, replyCheck: 5, evaluate: 15, rehandle: 20, revise: 10, extension: 20, coOpinion: 20,
};

const staff = ['proposal_staff'] as const;
const unit = ['unit_handler', 'unit_leader'] as const;
/** 承办单位分管领导: signs off (签发) the unit's reply */
const unitLead = ['unit_leader'] as const;
const proposer = ['member'] as const;

type Ctx = GuardContext<ProposalRecord>;

/** Only the (first) proposer may act for the proposal. */
const isProposer = ({ record, actor }: Ctx) => (record.proposer_user_id === actor.userId ? null : '只有第一提案人可以执行此操作');
/** Staff act only on their own CPPCC's proposals. */
const sameTenant = ({ record, actor }: Ctx) => (record.tenant_id === actor.tenantId ? null : '只能处理本级政协的提案');
/** Only the lead (主办) unit signs, objects, asks for more time and replies; co-handlers send opinions to it. */
const isLeadUnit = ({ record, actor }: Ctx) =>
  record.lead_unit_id && record.lead_unit_id === actor.orgId ? null : '只有主办单位可以执行此操作';
/** 评价: any proposer who has not yet rated this reply (the first proposer, confirmed co-signers, merged proposers). */
const isPendingEvaluator = ({ record, actor }: Ctx) =>
  (pendingEvaluators(record).includes(actor.userId) ? null : '您不是本提案的提案人或联名人，或已评价过本次答复');
/** The last pending evaluator's rating closes the proposal; earlier ratings leave it waiting for the others. */
const isLastEvaluator = (ctx: Ctx) => {
  const who = isPendingEvaluator(ctx);
  if (who) return who;
  return pendingEvaluators(ctx.record).length === 1 ? null : '还有其他提案人未评价';
};
const isEarlierEvaluator = (ctx: Ctx) => {
  const who = isPendingEvaluator(ctx);
  if (who) return who;
  return pendingEvaluators(ctx.record).length > 1 ? null : '您是最后一位评价人';
};
/** 分办: the proposal is answered when every split unit has replied, so the lead replies last. */
const leadReplyReady = (ctx: Ctx) => {
  const who = isLeadUnit(ctx);
  if (who) return who;
  const n = Number(ctx.record.units_pending ?? 0);
  return n > 0 ? `还有 ${n} 个分办单位未答复` : null;
};
/** 签发 on: a unit leader's own draft is signed in the same step (答复并签发), so 答复 (送签发) is the clerk's. */
const clerkReplyReady = (ctx: Ctx) => {
  const who = leadReplyReady(ctx);
  if (who) return who;
  return ctx.actor.roles.includes('unit_leader') ? '分管领导起草的答复请直接「答复并签发」' : null;
};
/** 二次交办: only answers of the configured classes (setting `proposals.followUpClasses`, B 列入计划拟解决 by default) are followed up into a later year. */
const followUpReady = (classes: readonly string[]) => (ctx: Ctx) => {
  const who = sameTenant(ctx);
  if (who) return who;
  if (!classes.length) return '本级未设置需要跨年度跟踪办理的答复类别';
  return ctx.record.reply_class && classes.includes(String(ctx.record.reply_class)) ? null : `只有答复类别为 ${classes.join('、')} 的提案可以跨年度跟踪办理`;
};

/** Per-tenant rules of the lifecycle besides the deadlines (each a setting). */
export interface LifecycleRules {
  /** 答复类别 whose proposals are followed up in a later year (二次交办) */
  followUpClasses: readonly string[];
  /** 承办单位领导签发: the unit's leader signs off a reply before it goes to the office's check (setting `proposals.replySignOff`, on by default) */
  replySignOff?: boolean;
  /** 答复类别 codes of the tenant (setting `proposals.replyClasses`); when given, a reply's class must be one of them */
  replyClasses?: readonly string[];
  /** 不予立案理由 codes of the tenant (setting `proposals.notFiledReasons`); when given, the reason code must be one of them */
  notFiledReasons?: readonly string[];
}
export const defaultLifecycleRules: LifecycleRules = { followUpClasses: ['B'], replySignOff: true };

// ---------- the input each action takes ----------

const reasonOf = (label: string) => z.string().trim().min(1).max(2000).describe(label);
/** accepted from the API (e.g. a review meeting's note) but not asked for in the action's form */
const hiddenReason = formField(z.string().trim().max(2000).optional().describe('理由'), { hidden: true });
const meeting = formField(reviewMeeting.optional().describe('审查会议'), { hidden: true });
const reasonInput = (label: string) => z.object({ reason: reasonOf(label) });
const replyInput = z.object({
  replyClass: z.string().max(8).describe('答复类别'),
  replyText: z.string().trim().min(1).max(50000).describe('答复内容'),
});
const assignInput = z.object({
  mode: formField(z.enum(handlingModes).describe('办理方式'), { optionLabels: handlingModeLabels }),
  leadUnitId: z.string().min(1).max(40).describe('主办单位'),
  coUnitIds: z.array(z.string().max(40)).max(20).optional().describe('会办（分办）单位'),
});
const rateInput = z.object({
  satisfaction: formField(z.enum(satisfactionValues).describe('满意度'), { optionLabels: satisfactionLabels }),
  comment: z.string().trim().max(2000).optional().describe('评价意见'),
});
/** The 审查会议 decisions share one shape with single transitions: the batch endpoint reads these same schemas. */
const reviewInputs = {
  return: z.object({ reason: reasonOf('退回理由'), meeting }),
  file: z.object({ isKey: z.boolean().optional().describe('列为重点提案'), reason: hiddenReason, meeting }),
  not_file: z.object({
    reasonCode: z.string().min(1).max(40).describe('不予立案理由'),
    /** 不予立案 may offer conversion (转社情民意 / 转参考件), which the proposer then consents to or refuses */
    convertTo: formField(z.enum(conversionTargets).optional().describe('转办去向'), { label: '转办（征得提案人同意后）', optionLabels: { opinion: '转社情民意', reference: '转参考件' } }),
    reason: hiddenReason, meeting,
  }),
  merge: z.object({ targetId: z.string().min(1).max(40).describe('并入提案'), reason: hiddenReason, meeting }),
};

/** Every field any action takes, as the effects read them. */
export interface TransitionInput {
  reason?: string; reasonCode?: string; targetId?: string; mode?: HandlingMode; leadUnitId?: string; coUnitIds?: string[];
  isKey?: boolean; replyClass?: string; replyText?: string; extensionDays?: number; satisfaction?: Satisfaction; comment?: string;
  convertTo?: 'opinion' | 'reference'; meeting?: z.infer<typeof reviewMeeting>;
}

const fieldError = (field: string, label: string, message: string) => new AppError('VALIDATION_FAILED', `${label}${message}`, { field });

/** 答复类别 from the tenant's list. */
const replyClassIn = (classes: readonly string[] | undefined) => (input: Record<string, unknown>) =>
  classes && input.replyClass !== undefined && !classes.includes(String(input.replyClass))
    ? fieldError('replyClass', '「答复类别」', `应为 ${classes.join(' / ')} 之一`) : null;

/** 交办: co-handling (会办) or split (分办) units go with those modes only, and never include the lead unit. */
const unitsFitMode = (input: Record<string, unknown>) => {
  const co = input.coUnitIds as string[] | undefined;
  const label = '「会办（分办）单位」';
  if (Array.isArray(co)) {
    if (input.mode === 'single' && co.length > 0) return fieldError('coUnitIds', label, '单办时不能填写');
    if (input.mode !== 'single' && co.length === 0) return fieldError('coUnitIds', label, '分办或会办时至少填写一个');
    if (co.includes(String(input.leadUnitId))) return fieldError('coUnitIds', label, '不能包含主办单位');
  } else if (input.mode && input.mode !== 'single') return fieldError('coUnitIds', label, '分办或会办时至少填写一个');
  return null;
};

/** 评价 with 不满意 is its own action (不满意，重新办理) with a reason. */
const notUnsatisfied = (input: Record<string, unknown>) =>
  input.satisfaction === 'unsatisfied' ? fieldError('satisfaction', '「满意度」', '为不满意时请选择「不满意，重新办理」并说明理由') : null;
/** A joint proposal counts only when every invited co-signer has confirmed. */
const cosignersReady = (ctx: Ctx) => {
  const who = isProposer(ctx);
  if (who) return who;
  const r = ctx.record;
  if (r.type === 'joint' && Number(r.cosigner_count) === 0) return '联名提案需要至少一位联名委员';
  if (Number(r.cosigners_pending) > 0) return `还有 ${r.cosigners_pending} 位联名委员未确认`;
  return null;
};

/** Build the lifecycle with a tenant's deadlines (the defaults when none are configured). */
export function buildProposalLifecycle(d: ProposalDeadlines = defaultDeadlines, rules: LifecycleRules = defaultLifecycleRules): WorkflowDef<ProposalRecord> {
  const signOff = rules.replySignOff !== false;
  const replyChecked = replyClassIn(rules.replyClasses);
  // 签发 on: the clerk's draft waits for the leader (待签发), a leader's own draft is signed as it is sent; off: as sent
  const replying: Array<TransitionDef<ProposalRecord>> = signOff
    ? [
      { name: 'reply', label: '答复（送领导签发）', labelEn: 'Reply (for sign-off)', from: ['in_progress', 'rehandle'], to: 'reply_signoff', roles: unit, permission: 'proposal.handle', guard: clerkReplyReady, input: replyInput, check: replyChecked },
      { name: 'reply_sign', label: '答复并签发', labelEn: 'Reply and sign off', from: ['in_progress', 'rehandle'], to: 'reply_check', roles: unitLead, permission: 'proposal.handle', guard: leadReplyReady, input: replyInput, check: replyChecked, confirm: true },
    ]
    : [{ name: 'reply', label: '答复', labelEn: 'Reply', from: ['in_progress', 'rehandle'], to: 'reply_check', roles: unit, permission: 'proposal.handle', guard: leadReplyReady, input: replyInput, check: replyChecked }];
  const reasons = rules.notFiledReasons;
  return defineWorkflow<ProposalRecord>({
    id: 'proposal',
    label: '提案',
    initial: 'draft',
    stages: ['提交', '审查立案', '交办签收', '办理答复', '评价办结'],
    states: {
      draft: { label: '暂存', labelEn: 'Draft', stage: '提交', tone: 'default' },
      submitted: { label: '待审查', labelEn: 'Submitted', stage: '审查立案', tone: 'processing', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.review, label: '待审查' } },
      returned: { label: '退回修改', labelEn: 'Returned', stage: '提交', tone: 'warning', task: { role: 'member', orgField: 'tenant', userField: 'proposer_user_id', dueInWorkingDays: d.revise, label: '退回修改' } },
      filed: { label: '已立案', labelEn: 'Filed', stage: '交办签收', tone: 'cyan', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.assign, label: '待交办' } },
      // not terminal: the proposer may still consent to (or refuse) turning it into 社情民意 or a 参考件
      not_filed: { label: '不予立案', labelEn: 'Not filed', stage: '审查立案', tone: 'default', ends: 'stopped' },
      merged: { label: '已并案', labelEn: 'Merged', stage: '审查立案', tone: 'default', ends: 'stopped', terminal: true },
      withdrawn: { label: '已撤回', labelEn: 'Withdrawn', stage: '审查立案', tone: 'default', ends: 'stopped', terminal: true },
      assigned: { label: '待签收', labelEn: 'Assigned', stage: '交办签收', tone: 'gold', task: { role: 'unit_handler', orgField: 'lead_unit_id', dueInWorkingDays: d.sign, label: '待签收' } },
      objected: { label: '申请调整', labelEn: 'Objected', stage: '交办签收', tone: 'orange', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.decide, label: '调整申请' } },
      // 办理期限: set at 签收 (and moved by an approved extension); a draft returned by the unit's leader or a reply sent back
      // by the office is still due by it
      in_progress: { label: '办理中', labelEn: 'In progress', stage: '办理答复', tone: 'blue', task: { role: 'unit_handler', orgField: 'lead_unit_id', dueInWorkingDays: d.handle, dueField: 'due_date', label: '办理中' } },
      extension_requested: { label: '申请延期', labelEn: 'Extension requested', stage: '办理答复', tone: 'orange', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.decide, label: '延期审批' } },
      reply_signoff: { label: '待签发', labelEn: 'Awaiting sign-off', stage: '办理答复', tone: 'magenta', task: { role: 'unit_leader', orgField: 'lead_unit_id', dueInWorkingDays: d.signOff, label: '待签发' } },
      reply_check: { label: '答复审核', labelEn: 'Reply check', stage: '办理答复', tone: 'purple', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.replyCheck, label: '答复审核' } },
      // the evaluation work items (待评价) are one per proposer, kept by the module (entity 'proposal-evaluation')
      replied: { label: '已答复', labelEn: 'Replied', stage: '评价办结', tone: 'geekblue' },
      rehandle: { label: '重新办理', labelEn: 'Re-handling', stage: '办理答复', tone: 'volcano', task: { role: 'unit_handler', orgField: 'lead_unit_id', dueInWorkingDays: d.rehandle, label: '重新办理' } },
      // not terminal: a B-class answer is followed up in a later year (跨年度跟踪、二次交办)
      closed: { label: '已办结', labelEn: 'Closed', stage: '评价办结', tone: 'success', ends: 'finished' },
    } satisfies Record<ProposalState, StateDef>,
    transitions: [
      { name: 'submit', label: '提交', labelEn: 'Submit', from: ['draft', 'returned'], to: 'submitted', roles: proposer, permission: 'proposal.create', guard: cosignersReady },
      { name: 'withdraw', label: '撤回', labelEn: 'Withdraw', from: ['draft', 'submitted', 'returned'], to: 'withdrawn', roles: proposer, permission: 'proposal.create', guard: isProposer, input: z.object({ reason: hiddenReason }), confirm: true },
      { name: 'return', label: '退回修改', labelEn: 'Return for revision', from: ['submitted'], to: 'returned', roles: staff, permission: 'proposal.review', guard: sameTenant, input: reviewInputs.return },
      { name: 'file', label: '立案', labelEn: 'File', from: ['submitted'], to: 'filed', roles: staff, permission: 'proposal.review', guard: sameTenant, input: reviewInputs.file, confirm: true },
      {
        name: 'not_file', label: '不予立案', labelEn: 'Decline', from: ['submitted'], to: 'not_filed', roles: staff, permission: 'proposal.review', guard: sameTenant, input: reviewInputs.not_file, confirm: true,
        check: (input) => (reasons && !reasons.includes(String(input.reasonCode)) ? fieldError('reasonCode', '「不予立案理由」', '不在配置的理由清单中') : null),
      },
      // 转办征询: the proposer consents to a declined proposal becoming a 社情民意 report or a 参考件, or refuses (it stays 不予立案)
      { name: 'consent_conversion', label: '同意转办', labelEn: 'Consent to conversion', from: ['not_filed'], to: 'not_filed', roles: proposer, permission: 'proposal.create', guard: conversionAnswerable, confirm: true },
      { name: 'refuse_conversion', label: '不同意转办', labelEn: 'Refuse conversion', from: ['not_filed'], to: 'not_filed', roles: proposer, permission: 'proposal.create', guard: conversionAnswerable },
      {
        name: 'merge', label: '并案', labelEn: 'Merge', from: ['submitted'], to: 'merged', roles: staff, permission: 'proposal.review', guard: sameTenant, input: reviewInputs.merge, confirm: true,
        check: (input, record) => (input.targetId === record.id ? fieldError('targetId', '「并入提案」', '不能是本提案') : null),
      },
      { name: 'assign', label: '交办', labelEn: 'Assign', from: ['filed'], to: 'assigned', roles: staff, permission: 'proposal.assign', guard: sameTenant, input: assignInput, check: unitsFitMode },
      { name: 'sign', label: '签收', labelEn: 'Sign for', from: ['assigned'], to: 'in_progress', roles: unit, permission: 'proposal.handle', guard: isLeadUnit },
      { name: 'object', label: '申请调整', labelEn: 'Object', from: ['assigned'], to: 'objected', roles: unit, permission: 'proposal.handle', guard: isLeadUnit, input: reasonInput('调整理由') },
      { name: 'reassign', label: '重新交办', labelEn: 'Reassign', from: ['objected'], to: 'assigned', roles: staff, permission: 'proposal.assign', guard: sameTenant, input: assignInput, check: unitsFitMode },
      { name: 'reject_objection', label: '维持交办', labelEn: 'Keep assignment', from: ['objected'], to: 'in_progress', roles: staff, permission: 'proposal.assign', guard: sameTenant, input: reasonInput('维持理由') },
      {
        name: 'request_extension', label: '申请延期', labelEn: 'Ask for extension', from: ['in_progress'], to: 'extension_requested', roles: unit, permission: 'proposal.handle', guard: isLeadUnit,
        input: z.object({ reason: reasonOf('延期理由'), extensionDays: z.number().int().min(1).max(130).optional().describe('延期天数（工作日）') }),
      },
      { name: 'approve_extension', label: '同意延期', labelEn: 'Approve extension', from: ['extension_requested'], to: 'in_progress', roles: staff, permission: 'proposal.assign', guard: sameTenant },
      { name: 'reject_extension', label: '不同意延期', labelEn: 'Refuse extension', from: ['extension_requested'], to: 'in_progress', roles: staff, permission: 'proposal.assign', guard: sameTenant, input: reasonInput('理由') },
      ...replying,
      // 签发 / 退回修改 stay whatever the setting, so drafts waiting when it is turned off can still move
      { name: 'sign_off', label: '签发', labelEn: 'Sign off', from: ['reply_signoff'], to: 'reply_check', roles: unitLead, permission: 'proposal.handle', guard: isLeadUnit, confirm: true },
      { name: 'return_draft', label: '退回修改', labelEn: 'Return to drafter', from: ['reply_signoff'], to: 'in_progress', roles: unitLead, permission: 'proposal.handle', guard: isLeadUnit, input: reasonInput('退回理由') },
      // 督办审核 may change the reply class before release
      {
        name: 'release', label: '审核通过', labelEn: 'Release reply', from: ['reply_check'], to: 'replied', roles: staff, permission: 'proposal.review', guard: sameTenant, confirm: true,
        input: z.object({ replyClass: formField(z.string().max(8).optional().describe('答复类别'), { hidden: true }) }), check: replyChecked,
      },
      { name: 'reject_reply', label: '退回答复', labelEn: 'Send reply back', from: ['reply_check'], to: 'in_progress', roles: staff, permission: 'proposal.review', guard: sameTenant, input: reasonInput('退回理由') },
      { name: 'rate', label: '评价', labelEn: 'Evaluate', from: ['replied'], to: 'replied', roles: proposer, permission: 'proposal.create', guard: isEarlierEvaluator, input: rateInput, check: notUnsatisfied },
      { name: 'evaluate', label: '评价', labelEn: 'Evaluate', from: ['replied'], to: 'closed', roles: proposer, permission: 'proposal.create', guard: isLastEvaluator, input: rateInput, check: notUnsatisfied },
      {
        name: 'request_rehandle', label: '不满意，重新办理', labelEn: 'Unsatisfied: re-handle', from: ['replied'], to: 'rehandle', roles: proposer, permission: 'proposal.create', guard: isPendingEvaluator, confirm: true,
        input: z.object({ reason: reasonOf('不满意的理由'), comment: formField(z.string().trim().max(2000).optional().describe('评价意见'), { hidden: true }) }),
      },
      { name: 'close', label: '办结', labelEn: 'Close', from: ['replied'], to: 'closed', roles: staff, permission: 'proposal.review', guard: sameTenant, confirm: true },
      { name: 'follow_up', label: '跨年度跟踪（二次交办）', labelEn: 'Follow up next year', from: ['closed'], to: 'assigned', roles: staff, permission: 'proposal.assign', guard: followUpReady(rules.followUpClasses), input: reasonInput('跟踪办理要求'), confirm: true },
    ],
  });
}

/** The lifecycle with the default deadlines (for labels, docs and tests). */
export const proposalLifecycle = buildProposalLifecycle();

export const stateLabel = (s: string) => proposalLifecycle.states[s]?.label ?? s;
/** Steps a command records outside the lifecycle: 创建, the co-signers' answers (联名确认 / 谢绝联名) and invitations, 面商. */
const recordedStepLabels: Record<string, string> = { create: '创建', no_signer: '无签发人', cosign: '确认联名', decline_cosign: '谢绝联名', invite_cosigners: '邀请联名委员', consultation: '记录面商' };
export const actionLabel = (a: string) => recordedStepLabels[a] ?? proposalLifecycle.transitions.find((t) => t.name === a)?.label ?? a;

/** States in which a proposal has been received (submitted at least once and not a draft). */
export const filedStates: readonly ProposalState[] = ['filed', 'assigned', 'objected', 'in_progress', 'extension_requested', 'reply_signoff', 'reply_check', 'replied', 'rehandle', 'closed'];

export type { ActorLike };

/**
 * POST /api/proposals/:id/transitions: `{ action, version, input }`, a union on `action` with each action's own input
 * (derived from the lifecycle with 签发 on and off, so every action name either build has is accepted).
 */
export const transitionBody = transitionBodySchema([proposalLifecycle, buildProposalLifecycle(defaultDeadlines, { ...defaultLifecycleRules, replySignOff: false })]);
export type TransitionBody = z.infer<typeof transitionBody>;

/** The input schema of a 审查会议 decision (立案, 不予立案, 退回修改, 并案): the batch endpoint's items read it. */
export const reviewDecisionInputs = reviewInputs;
