/** Request and response schemas of the 提案 (proposals) API, shared by the server routes and the web pages. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { attachmentItem } from '../attachments/contract.ts';

/** 提案状态: the states of a proposal's lifecycle (see domain/proposal-lifecycle.ts). */
export const proposalStates = [
  'draft', // 暂存
  'submitted', // 待审查
  'returned', // 退回修改
  'filed', // 已立案 (待交办)
  'not_filed', // 不予立案
  'merged', // 已并案
  'withdrawn', // 已撤回
  'assigned', // 待签收
  'objected', // 申请调整
  'in_progress', // 办理中
  'extension_requested', // 申请延期
  'reply_check', // 答复审核 (督办审核)
  'replied', // 已答复 (待评价)
  'rehandle', // 重新办理
  'closed', // 已办结
] as const;
export type ProposalState = (typeof proposalStates)[number];

/** 提案类型: 个人 / 联名 / 党派 / 团体 / 专委会 / 界别. */
export const proposalTypes = ['individual', 'joint', 'party', 'group', 'committee', 'sector'] as const;
export type ProposalType = (typeof proposalTypes)[number];
export const proposalTypeLabels: Record<ProposalType, string> = {
  individual: '委员个人提案', joint: '委员联名提案', party: '党派提案', group: '人民团体提案', committee: '专委会提案', sector: '界别提案',
};

/** 大会提案 (session) / 平时提案 (recess): stamped on submission from the configured session window. */
export const proposalCategories = ['session', 'recess'] as const;
export type ProposalCategory = (typeof proposalCategories)[number];
export const proposalCategoryLabels: Record<ProposalCategory, string> = { session: '大会提案', recess: '平时提案' };

/** 办理方式: 单办 / 分办 / 会办 (lead unit with co-handlers; only the lead replies). */
export const handlingModes = ['single', 'split', 'joint'] as const;
export type HandlingMode = (typeof handlingModes)[number];
export const handlingModeLabels: Record<HandlingMode, string> = { single: '单办', split: '分办', joint: '会办' };

/** 承办角色: 主办 / 会办 / 分办. */
export const unitRoles = ['lead', 'co', 'split'] as const;
export type UnitRole = (typeof unitRoles)[number];
export const unitRoleLabels: Record<UnitRole, string> = { lead: '主办', co: '会办', split: '分办' };

/** 满意度: the proposer's evaluation of the handling. */
export const satisfactionValues = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof satisfactionValues)[number];
export const satisfactionLabels: Record<Satisfaction, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/proposals: filters and paging. `state` accepts one state or several separated by commas. */
export const proposalListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(300).optional().describe('状态'),
  type: z.enum(proposalTypes).optional().describe('提案类型'),
  category: z.enum(proposalCategories).optional().describe('提案类别'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  unitId: z.string().max(40).optional().describe('承办单位'),
  isKey: yesNo.optional().describe('重点提案'),
  mine: yesNo.optional().describe('我的提案'),
  /** received = submitted at least once (收到); filed = accepted (立案); replied = a reply was released (已答复) */
  stage: z.enum(['received', 'filed', 'replied']).optional().describe('环节'),
  replyClass: z.string().max(8).optional().describe('答复类别'),
  satisfaction: z.enum(satisfactionValues).optional().describe('满意度'),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

/** One action the caller may take now (from the lifecycle), with the input fields it needs. */
export const allowedAction = z.object({
  name: z.string(),
  label: z.string(),
  to: z.string(),
  requires: z.record(z.string(), z.string()),
  confirm: z.boolean(),
});

/** Non-workflow actions on the record, e.g. editing a draft or confirming a co-signature. */
export const recordAbilities = z.object({
  edit: z.boolean().describe('可编辑草稿'),
  confirmCosign: z.boolean().describe('可确认联名'),
});

export const proposalListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  sessionLabel: z.string(),
  /** 提案编号, e.g. '第0001号'; null until filed */
  number: z.string().nullable(),
  title: z.string(),
  type: z.enum(proposalTypes),
  category: z.enum(proposalCategories).nullable(),
  state: z.enum(proposalStates),
  stateLabel: z.string(),
  proposerUserId: z.string(),
  proposerName: z.string(),
  leadUnitId: z.string().nullable(),
  leadUnitName: z.string().nullable(),
  handlingMode: z.enum(handlingModes).nullable(),
  replyClass: z.string().nullable(),
  satisfaction: z.enum(satisfactionValues).nullable(),
  isKey: z.boolean(),
  isExcellent: z.boolean(),
  isPublic: z.boolean(),
  dueDate: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ProposalListItem = z.infer<typeof proposalListItem>;

export const proposalPage = pageOf(proposalListItem);

export const historyEntry = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  /** the transition's input (reason, reply class, …) */
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
});

export const cosignerEntry = z.object({
  userId: z.string(),
  name: z.string(),
  confirmedAt: z.string().nullable(),
});

export const unitEntry = z.object({
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(unitRoles),
  roleLabel: z.string(),
});

export const proposalDetail = proposalListItem.extend({
  background: z.string(),
  analysis: z.string(),
  suggestions: z.string(),
  proposerOrgId: z.string().nullable(),
  sectorId: z.string().nullable(),
  committeeId: z.string().nullable(),
  replyText: z.string().nullable(),
  /** 不予立案 reason code and label, when not filed */
  notFiledReason: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  filedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  cosigners: z.array(cosignerEntry),
  units: z.array(unitEntry),
  attachments: z.array(attachmentItem),
  history: z.array(historyEntry),
  actions: z.array(allowedAction),
  abilities: recordAbilities,
});
export type ProposalDetail = z.infer<typeof proposalDetail>;

const text = (label: string, max: number) => z.string().trim().max(max).describe(label);

/** POST /api/proposals: create a draft (暂存). */
export const proposalCreateBody = z.object({
  title: text('标题', 200).min(4),
  background: text('背景情况', 20000).default(''),
  analysis: text('问题分析', 20000).default(''),
  suggestions: text('具体建议', 20000).default(''),
  type: z.enum(proposalTypes).default('individual').describe('提案类型'),
  /** the collective proposer (party, group, committee, sector) for collective types */
  proposerOrgId: z.string().max(40).nullable().optional().describe('提案单位'),
  sectorId: z.string().max(40).nullable().optional().describe('界别'),
  committeeId: z.string().max(40).nullable().optional().describe('专委会'),
  /** user ids invited to co-sign (联名); each must confirm */
  cosignerUserIds: z.array(z.string().max(40)).max(50).default([]).describe('联名委员'),
  isPublic: z.boolean().default(true).describe('同意公开'),
  /** ids of the proposer's uploads (POST /api/attachments) to attach */
  attachmentIds: z.array(z.string().max(64)).max(20).default([]).describe('附件'),
});
export type ProposalCreateBody = z.infer<typeof proposalCreateBody>;

/** PATCH /api/proposals/:id: edit a draft or a returned proposal; `version` guards concurrent edits. */
export const proposalUpdateBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: text('标题', 200).min(4).optional(),
  background: text('背景情况', 20000).optional(),
  analysis: text('问题分析', 20000).optional(),
  suggestions: text('具体建议', 20000).optional(),
  type: z.enum(proposalTypes).optional().describe('提案类型'),
  proposerOrgId: z.string().max(40).nullable().optional().describe('提案单位'),
  sectorId: z.string().max(40).nullable().optional().describe('界别'),
  committeeId: z.string().max(40).nullable().optional().describe('专委会'),
  cosignerUserIds: z.array(z.string().max(40)).max(50).optional().describe('联名委员'),
  isPublic: z.boolean().optional().describe('同意公开'),
  /** further uploads to attach (already attached ones stay) */
  attachmentIds: z.array(z.string().max(64)).max(20).optional().describe('附件'),
});
export type ProposalUpdateBody = z.infer<typeof proposalUpdateBody>;

/**
 * The input each transition may carry. Which fields an action requires is in the action's `requires`
 * (returned with every detail); the server checks them again.
 */
export const transitionInput = z.object({
  /** 退回 / 申请调整 / 驳回 / 申请延期 / 撤回 / 不满意: the reason in words */
  reason: z.string().trim().max(2000).optional().describe('理由'),
  /** 不予立案 reason code from the configured list (GET /api/proposals/options) */
  reasonCode: z.string().max(40).optional().describe('不予立案理由'),
  /** 并案: the proposal this one is merged into */
  targetId: z.string().max(40).optional().describe('并入提案'),
  /** 交办 / 重新交办 */
  mode: z.enum(handlingModes).optional().describe('办理方式'),
  leadUnitId: z.string().max(40).optional().describe('主办单位'),
  coUnitIds: z.array(z.string().max(40)).max(20).optional().describe('会办（分办）单位'),
  /** 立案 may mark a key proposal */
  isKey: z.boolean().optional().describe('重点提案'),
  /** 答复 */
  replyClass: z.string().max(8).optional().describe('答复类别'),
  replyText: z.string().trim().max(50000).optional().describe('答复内容'),
  /** 申请延期: working days asked for */
  extensionDays: z.number().int().min(1).max(130).optional().describe('延期天数'),
  /** 评价 */
  satisfaction: z.enum(satisfactionValues).optional().describe('满意度'),
  comment: z.string().trim().max(2000).optional().describe('评价意见'),
});
export type TransitionInput = z.infer<typeof transitionInput>;

/** POST /api/proposals/:id/transitions */
export const transitionBody = z.object({
  action: z.string().min(1).max(40).describe('操作'),
  version: z.number().int().min(1).describe('版本号'),
  input: transitionInput.default({}).describe('操作内容'),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('提案编号') });

/** GET /api/proposals/stats?year= */
export const statsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).describe('年度'),
});

/** A figure with the list query that shows the records behind it (pass `query` to GET /api/proposals). */
export const statFigure = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  query: z.record(z.string(), z.string()),
});
export type StatFigure = z.infer<typeof statFigure>;

export const proposalStats = z.object({
  year: z.number().int(),
  /** 收到 / 立案 / 不予立案 / 并案 / 撤回 / 审查中 / 重点 */
  totals: z.array(statFigure),
  byCategory: z.array(statFigure),
  byType: z.array(statFigure),
  byState: z.array(statFigure),
  byReplyClass: z.array(statFigure),
  bySatisfaction: z.array(statFigure),
});
export type ProposalStats = z.infer<typeof proposalStats>;

/** GET /api/proposals/options: the configured vocabularies the forms need. */
export const proposalOptions = z.object({
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  types: z.array(z.object({ code: z.string(), label: z.string() })),
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
  handlingModes: z.array(z.object({ code: z.string(), label: z.string() })),
  satisfaction: z.array(z.object({ code: z.string(), label: z.string() })),
  /** 答复类别 (configurable scheme, A/B/C by default) */
  replyClasses: z.array(z.object({ code: z.string(), label: z.string() })),
  /** 不予立案理由 (configurable; the national list by default) */
  notFiledReasons: z.array(z.object({ code: z.string(), label: z.string() })),
  /** the current session, e.g. { year: 2026, label: '十四届五次会议' } */
  currentSession: z.object({ year: z.number().int(), label: z.string() }),
});
export type ProposalOptions = z.infer<typeof proposalOptions>;
