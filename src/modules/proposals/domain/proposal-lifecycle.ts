/**
 * The 提案 lifecycle as data: states, transitions, who may fire each, guards, required fields and the work item
 * (task) each state opens with its deadline in working days. Pure: read by the engine, the policy and the API.
 */
import { defineWorkflow, type ActorLike, type GuardContext, type TransitionDef, type WorkflowDef } from '../../../kernel/universal/workflow.ts';
import type { ProposalState } from '../contract.ts';
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
}
export const defaultLifecycleRules: LifecycleRules = { followUpClasses: ['B'], replySignOff: true };
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
  const replyFields = { replyClass: '答复类别', replyText: '答复内容' };
  // 签发 on: the clerk's draft waits for the leader (待签发), a leader's own draft is signed as it is sent; off: as sent
  const replying: Array<TransitionDef<ProposalRecord>> = signOff
    ? [
      { name: 'reply', label: '答复（送领导签发）', labelEn: 'Reply (for sign-off)', from: ['in_progress', 'rehandle'], to: 'reply_signoff', roles: unit, guard: clerkReplyReady, requires: replyFields },
      { name: 'reply_sign', label: '答复并签发', labelEn: 'Reply and sign off', from: ['in_progress', 'rehandle'], to: 'reply_check', roles: unitLead, guard: leadReplyReady, requires: replyFields, confirm: true },
    ]
    : [{ name: 'reply', label: '答复', labelEn: 'Reply', from: ['in_progress', 'rehandle'], to: 'reply_check', roles: unit, guard: leadReplyReady, requires: replyFields }];
  return defineWorkflow<ProposalRecord>({
    id: 'proposal',
    label: '提案',
    initial: 'draft',
    states: {
      draft: { label: '暂存', labelEn: 'Draft' },
      submitted: { label: '待审查', labelEn: 'Submitted', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.review, label: '待审查' } },
      returned: { label: '退回修改', labelEn: 'Returned', task: { role: 'member', orgField: 'tenant', userField: 'proposer_user_id', dueInWorkingDays: d.revise, label: '退回修改' } },
      filed: { label: '已立案', labelEn: 'Filed', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.assign, label: '待交办' } },
      // not terminal: the proposer may still consent to (or refuse) turning it into 社情民意 or a 参考件
      not_filed: { label: '不予立案', labelEn: 'Not filed' },
      merged: { label: '已并案', labelEn: 'Merged', terminal: true },
      withdrawn: { label: '已撤回', labelEn: 'Withdrawn', terminal: true },
      assigned: { label: '待签收', labelEn: 'Assigned', task: { role: 'unit_handler', orgField: 'lead_unit_id', dueInWorkingDays: d.sign, label: '待签收' } },
      objected: { label: '申请调整', labelEn: 'Objected', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.decide, label: '调整申请' } },
      // 办理期限: set at 签收 (and moved by an approved extension); a draft returned by the unit's leader or a reply sent back
      // by the office is still due by it
      in_progress: { label: '办理中', labelEn: 'In progress', task: { role: 'unit_handler', orgField: 'lead_unit_id', dueInWorkingDays: d.handle, dueField: 'due_date', label: '办理中' } },
      extension_requested: { label: '申请延期', labelEn: 'Extension requested', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.decide, label: '延期审批' } },
      reply_signoff: { label: '待签发', labelEn: 'Awaiting sign-off', task: { role: 'unit_leader', orgField: 'lead_unit_id', dueInWorkingDays: d.signOff, label: '待签发' } },
      reply_check: { label: '答复审核', labelEn: 'Reply check', task: { role: 'proposal_staff', orgField: 'tenant', dueInWorkingDays: d.replyCheck, label: '答复审核' } },
      // the evaluation work items (待评价) are one per proposer, kept by the module (entity 'proposal-evaluation')
      replied: { label: '已答复', labelEn: 'Replied' },
      rehandle: { label: '重新办理', labelEn: 'Re-handling', task: { role: 'unit_handler', orgField: 'lead_unit_id', dueInWorkingDays: d.rehandle, label: '重新办理' } },
      // not terminal: a B-class answer is followed up in a later year (跨年度跟踪、二次交办)
      closed: { label: '已办结', labelEn: 'Closed' },
    } satisfies Record<ProposalState, unknown>,
    transitions: [
      { name: 'submit', label: '提交', labelEn: 'Submit', from: ['draft', 'returned'], to: 'submitted', roles: proposer, guard: cosignersReady },
      { name: 'withdraw', label: '撤回', labelEn: 'Withdraw', from: ['draft', 'submitted', 'returned'], to: 'withdrawn', roles: proposer, guard: isProposer, confirm: true },
      { name: 'return', label: '退回修改', labelEn: 'Return for revision', from: ['submitted'], to: 'returned', roles: staff, guard: sameTenant, requires: { reason: '退回理由' } },
      { name: 'file', label: '立案', labelEn: 'File', from: ['submitted'], to: 'filed', roles: staff, guard: sameTenant, confirm: true },
      { name: 'not_file', label: '不予立案', labelEn: 'Decline', from: ['submitted'], to: 'not_filed', roles: staff, guard: sameTenant, requires: { reasonCode: '不予立案理由' }, confirm: true },
      // 转办征询: the proposer consents to a declined proposal becoming a 社情民意 report or a 参考件, or refuses (it stays 不予立案)
      { name: 'consent_conversion', label: '同意转办', labelEn: 'Consent to conversion', from: ['not_filed'], to: 'not_filed', roles: proposer, guard: conversionAnswerable, confirm: true },
      { name: 'refuse_conversion', label: '不同意转办', labelEn: 'Refuse conversion', from: ['not_filed'], to: 'not_filed', roles: proposer, guard: conversionAnswerable },
      { name: 'merge', label: '并案', labelEn: 'Merge', from: ['submitted'], to: 'merged', roles: staff, guard: sameTenant, requires: { targetId: '并入提案' }, confirm: true },
      { name: 'assign', label: '交办', labelEn: 'Assign', from: ['filed'], to: 'assigned', roles: staff, guard: sameTenant, requires: { mode: '办理方式', leadUnitId: '主办单位' } },
      { name: 'sign', label: '签收', labelEn: 'Sign for', from: ['assigned'], to: 'in_progress', roles: unit, guard: isLeadUnit },
      { name: 'object', label: '申请调整', labelEn: 'Object', from: ['assigned'], to: 'objected', roles: unit, guard: isLeadUnit, requires: { reason: '调整理由' } },
      { name: 'reassign', label: '重新交办', labelEn: 'Reassign', from: ['objected'], to: 'assigned', roles: staff, guard: sameTenant, requires: { mode: '办理方式', leadUnitId: '主办单位' } },
      { name: 'reject_objection', label: '维持交办', labelEn: 'Keep assignment', from: ['objected'], to: 'in_progress', roles: staff, guard: sameTenant, requires: { reason: '维持理由' } },
      { name: 'request_extension', label: '申请延期', labelEn: 'Ask for extension', from: ['in_progress'], to: 'extension_requested', roles: unit, guard: isLeadUnit, requires: { reason: '延期理由' } },
      { name: 'approve_extension', label: '同意延期', labelEn: 'Approve extension', from: ['extension_requested'], to: 'in_progress', roles: staff, guard: sameTenant },
      { name: 'reject_extension', label: '不同意延期', labelEn: 'Refuse extension', from: ['extension_requested'], to: 'in_progress', roles: staff, guard: sameTenant, requires: { reason: '理由' } },
      ...replying,
      // 签发 / 退回修改 stay whatever the setting, so drafts waiting when it is turned off can still move
      { name: 'sign_off', label: '签发', labelEn: 'Sign off', from: ['reply_signoff'], to: 'reply_check', roles: unitLead, guard: isLeadUnit, confirm: true },
      { name: 'return_draft', label: '退回修改', labelEn: 'Return to drafter', from: ['reply_signoff'], to: 'in_progress', roles: unitLead, guard: isLeadUnit, requires: { reason: '退回理由' } },
      { name: 'release', label: '审核通过', labelEn: 'Release reply', from: ['reply_check'], to: 'replied', roles: staff, guard: sameTenant, confirm: true },
      { name: 'reject_reply', label: '退回答复', labelEn: 'Send reply back', from: ['reply_check'], to: 'in_progress', roles: staff, guard: sameTenant, requires: { reason: '退回理由' } },
      { name: 'rate', label: '评价', labelEn: 'Evaluate', from: ['replied'], to: 'replied', roles: proposer, guard: isEarlierEvaluator, requires: { satisfaction: '满意度' } },
      { name: 'evaluate', label: '评价', labelEn: 'Evaluate', from: ['replied'], to: 'closed', roles: proposer, guard: isLastEvaluator, requires: { satisfaction: '满意度' } },
      { name: 'request_rehandle', label: '不满意，重新办理', labelEn: 'Unsatisfied: re-handle', from: ['replied'], to: 'rehandle', roles: proposer, guard: isPendingEvaluator, requires: { reason: '不满意的理由' }, confirm: true },
      { name: 'close', label: '办结', labelEn: 'Close', from: ['replied'], to: 'closed', roles: staff, guard: sameTenant, confirm: true },
      { name: 'follow_up', label: '跨年度跟踪（二次交办）', labelEn: 'Follow up next year', from: ['closed'], to: 'assigned', roles: staff, guard: followUpReady(rules.followUpClasses), requires: { reason: '跟踪办理要求' }, confirm: true },
    ],
  });
}

/** The lifecycle with the default deadlines (for labels, docs and tests). */
export const proposalLifecycle = buildProposalLifecycle();

export const stateLabel = (s: string) => proposalLifecycle.states[s]?.label ?? s;
export const actionLabel = (a: string) => (a === 'create' ? '创建' : proposalLifecycle.transitions.find((t) => t.name === a)?.label ?? a);

/** States in which a proposal has been received (submitted at least once and not a draft). */
export const filedStates: readonly ProposalState[] = ['filed', 'assigned', 'objected', 'in_progress', 'extension_requested', 'reply_signoff', 'reply_check', 'replied', 'rehandle', 'closed'];

/** Checks on transition input beyond presence: values from configured lists, and cross-field rules. Returns a field error or null. */
export function checkTransitionInput(
  action: string,
  input: Record<string, unknown>,
  opts: { replyClasses: readonly string[]; notFiledReasons: readonly string[]; recordId: string },
): { field: string; label: string; message: string } | null {
  if (action === 'not_file' && !opts.notFiledReasons.includes(String(input.reasonCode))) {
    return { field: 'reasonCode', label: '「不予立案理由」', message: '不在配置的理由清单中' };
  }
  if (action === 'not_file' && input.convertTo !== undefined && input.convertTo !== null && !(conversionTargets as readonly string[]).includes(String(input.convertTo))) {
    return { field: 'convertTo', label: '「转办去向」', message: `应为 ${conversionTargets.join(' / ')} 之一` };
  }
  if ((action === 'reply' || action === 'reply_sign' || action === 'release') && input.replyClass !== undefined && !opts.replyClasses.includes(String(input.replyClass))) {
    return { field: 'replyClass', label: '「答复类别」', message: `应为 ${opts.replyClasses.join(' / ')} 之一` };
  }
  if ((action === 'evaluate' || action === 'rate') && input.satisfaction === 'unsatisfied') {
    return { field: 'satisfaction', label: '「满意度」', message: '为不满意时请选择「不满意，重新办理」并说明理由' };
  }
  if (action === 'merge' && input.targetId === opts.recordId) {
    return { field: 'targetId', label: '「并入提案」', message: '不能是本提案' };
  }
  if ((action === 'assign' || action === 'reassign') && Array.isArray(input.coUnitIds)) {
    if (input.mode === 'single' && input.coUnitIds.length > 0) return { field: 'coUnitIds', label: '「会办（分办）单位」', message: '单办时不能填写' };
    if (input.mode !== 'single' && input.coUnitIds.length === 0) return { field: 'coUnitIds', label: '「会办（分办）单位」', message: '分办或会办时至少填写一个' };
    if (input.coUnitIds.includes(input.leadUnitId)) return { field: 'coUnitIds', label: '「会办（分办）单位」', message: '不能包含主办单位' };
  } else if ((action === 'assign' || action === 'reassign') && input.mode && input.mode !== 'single') {
    return { field: 'coUnitIds', label: '「会办（分办）单位」', message: '分办或会办时至少填写一个' };
  }
  return null;
}

export type { ActorLike };

/** The permission each action needs on top of the role (安全管理员 can change grants; the lifecycle names the roles). */
export const actionPermission: Readonly<Record<string, string>> = {
  submit: 'proposal.create', withdraw: 'proposal.create', consent_conversion: 'proposal.create', refuse_conversion: 'proposal.create', evaluate: 'proposal.create', rate: 'proposal.create', request_rehandle: 'proposal.create',
  return: 'proposal.review', file: 'proposal.review', not_file: 'proposal.review', merge: 'proposal.review',
  release: 'proposal.review', reject_reply: 'proposal.review', close: 'proposal.review',
  assign: 'proposal.assign', reassign: 'proposal.assign', follow_up: 'proposal.assign', reject_objection: 'proposal.assign',
  approve_extension: 'proposal.assign', reject_extension: 'proposal.assign',
  sign: 'proposal.handle', object: 'proposal.handle', request_extension: 'proposal.handle', reply: 'proposal.handle',
  reply_sign: 'proposal.handle', sign_off: 'proposal.handle', return_draft: 'proposal.handle',
};
