/** Request and response schemas of the 提案 (proposals) API, shared by the server routes and the web pages. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { figure } from '../../kernel/universal/figures.ts';
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
  'reply_signoff', // 待签发 (承办单位领导签发)
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
  /** the statistics' filters (提案统计: every figure opens the list of its records) */
  session: z.string().trim().min(1).max(40).optional().describe('会议'),
  sectorId: z.string().max(40).optional().describe('界别'),
  committeeId: z.string().max(40).optional().describe('专委会'),
  /** true: replied by the due date (按期答复); false: replied late (逾期答复) */
  onTime: yesNo.optional().describe('按期答复'),
  /** true: the unit owes the reply past its due date now (当前超期) */
  overdue: yesNo.optional().describe('超期'),
  isExcellent: yesNo.optional().describe('优秀提案'),
  /** 转为社情民意或留作参考 */
  converted: yesNo.optional().describe('转办'),
  /** 选题参考目录: the proposals citing a topic (with stage=received, the ones its count counts) */
  topicId: z.string().max(40).optional().describe('参考选题'),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

/** One action the caller may take now (from the lifecycle), with the input fields it needs. */
export const allowedAction = allowedActionSchema;

/** Non-workflow actions on the record, e.g. editing a draft or confirming a co-signature. */
export const recordAbilities = z.object({
  edit: z.boolean().describe('可编辑草稿'),
  confirmCosign: z.boolean().describe('可确认联名'),
  recordConsultation: z.boolean().describe('可记录面商'),
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
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
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
  /** 选题参考目录: the topic the proposal cites, if any */
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
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
  /** the reached state's colour, and whether the road stopped or finished there (the timeline's dot) */
  toStateTone: z.string(),
  toStateEnds: z.enum(['process', 'finish', 'error']),
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

/** 评价人类别: 第一提案人 / 联名人 / 并案提案人. */
export const evaluatorKinds = ['proposer', 'cosigner', 'merged'] as const;
export const evaluatorKindLabels: Record<(typeof evaluatorKinds)[number], string> = { proposer: '提案人', cosigner: '联名人', merged: '并案提案人' };

/** One proposer's rating (评价) of one reply round. */
export const evaluationEntry = z.object({
  userId: z.string(),
  name: z.string(),
  kind: z.enum(evaluatorKinds),
  kindLabel: z.string(),
  /** 答复轮次: 1 for the first reply, 2 after a re-handling, … */
  round: z.number().int(),
  satisfaction: z.enum(satisfactionValues),
  satisfactionLabel: z.string(),
  comment: z.string().nullable(),
  at: z.string(),
});

/** 评价情况: every rating so far (newest round first) and who has still to rate the current reply. */
export const evaluationSummary = z.object({
  round: z.number().int(),
  ratings: z.array(evaluationEntry),
  pending: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** 领导关注: a proposer was not satisfied and the proposal went back for re-handling */
  leaderAttention: z.boolean(),
});

/** 双向评议 sides: the proposer scores the handling, the lead unit scores the proposal's quality. */
export const mutualSides = ['handling', 'quality'] as const;

/** One side's score; `score` stays hidden (null) from the other party until both are in (背靠背). */
export const mutualScoreEntry = z.object({
  side: z.enum(mutualSides),
  sideLabel: z.string(),
  submitted: z.boolean(),
  score: z.number().int().nullable(),
  /** 优秀 ≥ 90 / 良好 75–89 / 一般 60–74 / 较差 */
  grade: z.string().nullable(),
  comment: z.string().nullable(),
  scorerName: z.string().nullable(),
  at: z.string().nullable(),
});

export const mutualEvaluation = z.object({
  handling: mutualScoreEntry,
  quality: mutualScoreEntry,
  /** the side the caller scores, if any */
  mySide: z.enum(mutualSides).nullable(),
  /** may the caller submit a score now? */
  canScore: z.boolean(),
});

/** POST /api/proposals/:id/mutual-scores: 双向评议. */
export const mutualScoreBody = z.object({
  score: z.number().int().min(0).max(100).describe('评分'),
  comment: z.string().trim().max(2000).optional().describe('评议意见'),
  /** the proposal's version the page showed: a change since then is a 409 */
  version: z.number().int().positive().optional().describe('版本号'),
});
export type MutualScoreBody = z.infer<typeof mutualScoreBody>;

/** 面商记录: a handling unit's consultation with the proposer. */
export const consultationMethodCodes = ['face_to_face', 'forum', 'phone', 'email', 'letter', 'other'] as const;
export const consultationEntry = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  method: z.enum(consultationMethodCodes),
  methodLabel: z.string(),
  date: z.string(),
  people: z.string(),
  notes: z.string(),
  recordedBy: z.string(),
  at: z.string(),
});

/** POST /api/proposals/:id/consultations */
export const consultationBody = z.object({
  method: z.enum(consultationMethodCodes).describe('沟通方式'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式').describe('面商日期'),
  people: z.string().trim().min(1).max(500).describe('参加人员'),
  notes: z.string().trim().min(1).max(10000).describe('面商情况'),
  /** the proposal's version the page showed; a stale one is a 409 */
  version: z.number().int().positive().optional().describe('提案版本'),
});
export type ConsultationBody = z.infer<typeof consultationBody>;

/** 承办任务: a 分办 or 会办 unit's part of the handling, with the caller's actions on it. */
export const assignmentEntry = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  role: z.enum(unitRoles),
  roleLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  dueDate: z.string().nullable(),
  /** a 分办 unit's own reply (shown to the proposer once the proposal's reply is released) */
  replyClass: z.string().nullable(),
  replyText: z.string().nullable(),
  /** 会办意见: for the lead unit and the office only */
  opinion: z.string().nullable(),
  /** 签收时间 */
  signedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** 签发人 and 签发时间 of a 分办 unit's own reply (分办单位领导签发), shown with the reply */
  signerName: z.string().nullable().describe('签发人'),
  signedOffAt: z.string().nullable().describe('签发时间'),
  /** 分办答复函: where this reader downloads the unit's own reply as a Word letter, when they may */
  replyLetterUrl: z.string().nullable().describe('答复函下载地址'),
  actions: z.array(allowedAction),
});
export type AssignmentEntry = z.infer<typeof assignmentEntry>;

/** POST /api/proposals/:id/assignments/:assignmentId/transitions: the body is derived from the 承办任务 workflow (`assignmentTransitionBody` in domain/assignment-workflow.ts). */
export const assignmentParams = z.object({
  id: z.string().min(1).max(40).describe('提案编号'),
  assignmentId: z.string().min(1).max(40).describe('承办任务编号'),
});

/** 重点提案、督办、优秀提案、跨年度跟踪 on a proposal. */
export const keyStatusCodes = ['candidate', 'key', 'declined'] as const;
export const supervisionKindCodes = ['progress', 'meeting', 'inspection'] as const;
export const keyInfo = z.object({
  status: z.enum(keyStatusCodes).nullable(),
  statusLabel: z.string().nullable(),
  /** 督办方案 */
  plan: z.string().nullable(),
  /** 领衔督办领导 */
  leaders: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** 督办记录, oldest first */
  notes: z.array(z.object({ id: z.string(), kind: z.enum(supervisionKindCodes), kindLabel: z.string(), date: z.string(), content: z.string(), authorName: z.string(), at: z.string() })),
  excellentReason: z.string().nullable(),
  /** 二次交办: the year it was followed up into, and how many times */
  followUpYear: z.number().int().nullable(),
  followUpCount: z.number().int(),
  abilities: z.object({
    nominate: z.boolean().describe('可提名重点提案候选'),
    decide: z.boolean().describe('可决定重点提案'),
    addNote: z.boolean().describe('可记录督办情况'),
    markExcellent: z.boolean().describe('可评选优秀提案'),
  }),
});

/** POST /api/proposals/:id/key/nominate: 提案委 proposes a key-proposal candidate. */
export const keyNominateBody = z.object({ reason: z.string().trim().min(1).max(2000).describe('推荐理由') });
/** POST /api/proposals/:id/key/decide: 主席会议 decides; on approval names supervising leaders and a plan. */
export const keyDecideBody = z.object({
  decision: z.enum(['approve', 'decline']).describe('决定'),
  leaderUserIds: z.array(z.string().max(40)).max(10).default([]).describe('领衔督办领导'),
  plan: z.string().trim().max(10000).optional().describe('督办方案'),
});
/** POST /api/proposals/:id/supervision-notes */
export const supervisionNoteBody = z.object({
  kind: z.enum(supervisionKindCodes).describe('督办方式'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式').describe('日期'),
  content: z.string().trim().min(1).max(10000).describe('督办情况'),
});
/** POST /api/proposals/:id/excellent: 评选优秀提案 (or withdraw the mark). */
export const excellentBody = z.object({
  excellent: z.boolean().describe('优秀提案'),
  reason: z.string().trim().max(2000).optional().describe('评选理由'),
});

/** 转办 on a declined proposal. */
export const conversionInfo = z.object({
  offer: z.enum(['opinion', 'reference']),
  offerLabel: z.string(),
  status: z.enum(['pending', 'accepted', 'refused']),
  statusLabel: z.string(),
  /** set once the proposer consented: 'opinion' (已转社情民意) or 'reference' (已转参考件) */
  convertedTo: z.enum(['opinion', 'reference']).nullable(),
  convertedLabel: z.string().nullable(),
  convertedAt: z.string().nullable(),
  /** the 社情民意 report created from it (link /opinions/:id) */
  reportId: z.string().nullable(),
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
  /** 签发人 and 签发时间: the unit leader who signed the current reply off (承办单位领导签发) */
  signerName: z.string().nullable().describe('签发人'),
  signedAt: z.string().nullable().describe('签发时间'),
  /** when the current reply left the unit (报出): the sign-off, or the sending where no sign-off is required; 按期答复 counts by it */
  replySentAt: z.string().nullable().describe('答复报出时间'),
  cosigners: z.array(cosignerEntry),
  units: z.array(unitEntry),
  attachments: z.array(attachmentItem),
  history: z.array(historyEntry),
  /** where the proposal stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  actions: z.array(allowedAction),
  abilities: recordAbilities,
  evaluation: evaluationSummary,
  mutual: mutualEvaluation,
  /** 分办 and 会办 units' parts (the lead's part is the proposal itself) */
  assignments: z.array(assignmentEntry),
  /** 面商记录, oldest first */
  consultations: z.array(consultationEntry),
  key: keyInfo,
  /** 转办 (转社情民意 / 转参考件) offered on 不予立案, the proposer's answer and the record it became */
  conversion: conversionInfo.nullable(),
  /** 优秀提案: the selection year it was published in */
  excellentYear: z.number().int().nullable(),
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
  /** 选题参考目录: a published topic of the tenant to cite (GET /api/proposals/topics) */
  topicId: z.string().max(40).nullable().optional().describe('参考选题'),
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
  topicId: z.string().max(40).nullable().optional().describe('参考选题'),
  /** further uploads to attach (already attached ones stay) */
  attachmentIds: z.array(z.string().max(64)).max(20).optional().describe('附件'),
});
export type ProposalUpdateBody = z.infer<typeof proposalUpdateBody>;

/** 审查会议: the date and a note of the review meeting that decided a batch of proposals. */
export const reviewMeeting = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式').describe('会议日期'),
  note: z.string().trim().max(500).optional().describe('会议说明'),
});

/** POST /api/proposals/:id/transitions: the body is derived from the lifecycle (`transitionBody` in domain/proposal-lifecycle.ts). */

export const idParams = z.object({ id: z.string().min(1).max(40).describe('提案编号') });
/** POST /api/proposals/:id/cosign: optionally the version the page showed (a change since then is a 409). */
export const cosignBody = z.object({ version: z.number().int().positive().optional().describe('版本号') }).optional();

/** GET /api/proposals/stats?year= or ?session=: the statistics of a year (年度) or of a session (会议, e.g. 十四届四次会议). */
export const statsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  session: z.string().trim().min(1).max(40).optional().describe('会议'),
});

/**
 * The statistics' figures have the kernel's one shape (`Figure`): a proposals figure's list is GET /api/proposals with
 * its query (rows 'proposal', its total equals `value`), a participation figure's is GET /api/proposals/stats/members
 * (rows 'member'). Keys are 'proposals.<name>', the same as in the figure catalogue (GET /api/figures).
 */
const statFigure = figure;

/** 承办单位办理情况: one unit's proposals of the year or session (any role: 主办, 会办, 分办). */
export const unitStatsRow = z.object({
  unitId: z.string(),
  unitName: z.string(),
  assigned: statFigure,
  replied: statFigure,
  onTime: statFigure,
  late: statFigure,
  overdue: statFigure,
  satisfied: statFigure,
  basicallySatisfied: statFigure,
  unsatisfied: statFigure,
  /** (满意 + 基本满意) / rated, in percent with one decimal; null when none is rated */
  satisfactionRate: z.number().nullable(),
});
export type UnitStatsRow = z.infer<typeof unitStatsRow>;

export const proposalStats = z.object({
  /** the year asked for, or the year of the session asked for */
  year: z.number().int().nullable(),
  session: z.string().nullable(),
  /** e.g. 2025年度 or 十四届四次会议 */
  scopeLabel: z.string(),
  /** 收到 / 立案 / 不予立案 / 并案 / 转办 / 撤回 / 审查中 / 重点 / 优秀 / 当前超期 */
  totals: z.array(statFigure),
  /** 立案率 = 立案 / 收到, in percent */
  filedRate: z.number().nullable(),
  /** 大会提案 / 平时提案 */
  byCategory: z.array(statFigure),
  byType: z.array(statFigure),
  byState: z.array(statFigure),
  /** 界别: the sector a proposal was submitted in the name of, otherwise the proposer's sector */
  bySector: z.array(statFigure),
  /** 专委会: the committee a proposal was submitted in the name of, otherwise each committee of the proposer */
  byCommittee: z.array(statFigure),
  /** 委员参与: members who submitted (as first proposer or confirmed co-signer) at least one received proposal */
  participation: z.object({ members: statFigure, participants: statFigure, absent: statFigure, percent: z.number().nullable() }),
  /** 答复: 已答复, 按期, 逾期, 当前超期; 按期率 in percent */
  replies: z.object({ replied: statFigure, onTime: statFigure, late: statFigure, overdue: statFigure, onTimeRate: z.number().nullable() }),
  units: z.array(unitStatsRow),
  byReplyClass: z.array(statFigure),
  bySatisfaction: z.array(statFigure),
  /** (满意 + 基本满意) / rated, in percent */
  satisfactionRate: z.number().nullable(),
});
export type ProposalStats = z.infer<typeof proposalStats>;

/** GET /api/proposals/stats/members: the members behind the participation figures. */
export const statsMembersQuery = statsQuery.extend({
  /** true: members who submitted at least one; false: members who submitted none; absent: every member */
  submitted: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('是否提交'),
});
export const statsMembers = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), sectorName: z.string().nullable(), proposals: z.number().int() })),
  total: z.number().int(),
});
export type StatsMembers = z.infer<typeof statsMembers>;

/** GET /api/proposals/members/:userId?year=&figure=: the proposals behind one of a member's figures (履职). */
export const memberFigureNames = ['led', 'cosigned', 'merged', 'filed', 'key', 'excellent'] as const;
export const memberProposalsParams = z.object({ userId: z.string().min(1).max(40).describe('委员') });
export const memberProposalsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).describe('年度'),
  figure: z.enum(memberFigureNames).describe('履职数字'),
});
export const memberProposalsList = z.object({
  items: z.array(z.object({
    id: z.string(), year: z.number().int(), number: z.string().nullable(), title: z.string(), state: z.string(), stateLabel: z.string(),
    proposerName: z.string(), replyClass: z.string().nullable(), replyClassLabel: z.string().nullable(),
    satisfaction: z.string().nullable(), satisfactionLabel: z.string().nullable(),
    isKey: z.boolean(), isExcellent: z.boolean(), filed: z.boolean(), submittedAt: z.string().nullable(),
  })),
  total: z.number().int(),
});

/** GET /api/proposals/stats/scopes: the years and sessions (会议) that have proposals, newest first, for the selector. */
export const statsScopes = z.object({ items: z.array(z.object({ year: z.number().int(), session: z.string() })) });

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

/** GET /api/proposals/board: 督办看板 — overdue or soon-due unit work, by unit. */
export const boardQuery = z.object({
  withinDays: z.coerce.number().int().min(0).max(60).optional().describe('临期天数（工作日）'),
});
export const boardItem = z.object({
  taskId: z.string(),
  proposalId: z.string(),
  title: z.string(),
  label: z.string(),
  role: z.enum(unitRoles),
  roleLabel: z.string(),
  dueDate: z.string(),
  /** working days left; negative when overdue */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
});
export const proposalBoard = z.object({
  today: z.string(),
  withinDays: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), overdue: z.number().int(), dueSoon: z.number().int(), items: z.array(boardItem) })),
});
export type ProposalBoard = z.infer<typeof proposalBoard>;

// ——— 选题参考目录 (topic guide) ———
/** 选题状态: 已发布 (members see it) / 已撤回 (kept for the proposals that cite it, no longer offered). */
export const topicStatuses = ['published', 'withdrawn'] as const;
export type TopicStatus = (typeof topicStatuses)[number];
export const topicStatusLabels: Record<TopicStatus, string> = { published: '已发布', withdrawn: '已撤回' };

export const topicItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** 所属领域, e.g. 经济建设 */
  area: z.string(),
  /** 建议承办单位 */
  suggestedUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(topicStatuses),
  statusLabel: z.string(),
  sort: z.number().int(),
  /** proposals of the tenant that cite this topic (drafts excluded) */
  proposalCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TopicItem = z.infer<typeof topicItem>;

/** GET /api/proposals/topics */
export const topicListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  /** the office may list withdrawn topics too */
  includeWithdrawn: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('含已撤回'),
});

export const topicList = z.object({
  year: z.number().int(),
  items: z.array(topicItem),
  /** may the caller add and edit topics (提案委)? */
  canEdit: z.boolean(),
});
export type TopicList = z.infer<typeof topicList>;

const title = z.string().trim().min(1, '不能为空').max(200).describe('选题标题');
const description = z.string().trim().max(5000).describe('选题说明');
const area = z.string().trim().min(1, '不能为空').max(40).describe('所属领域');
const units = z.array(z.string().max(40)).max(20).describe('建议承办单位');

/** POST /api/proposals/topics */
export const topicCreateBody = z.object({
  year: z.number().int().min(1990).max(2100).describe('年度'),
  title,
  description: description.default(''),
  area,
  suggestedUnitIds: units.default([]),
  sort: z.number().int().min(0).max(9999).optional().describe('排序'),
});
export type TopicCreateBody = z.infer<typeof topicCreateBody>;

/** PATCH /api/proposals/topics/:id: edit or withdraw (status) a topic; `version` guards concurrent edits. */
export const topicUpdateBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: title.optional(),
  description: description.optional(),
  area: area.optional(),
  suggestedUnitIds: units.optional(),
  sort: z.number().int().min(0).max(9999).optional().describe('排序'),
  status: z.enum(topicStatuses).optional().describe('状态'),
});
export type TopicUpdateBody = z.infer<typeof topicUpdateBody>;

export const topicParams = z.object({ id: z.string().min(1).max(40).describe('选题编号') });

// ——— 提案汇编, 提案表 and the public view (同意公开) ———
/** 汇编分类: by lead unit (主办单位), by proposal type (提案类型) or by the cited topic's area (选题领域). */
export const compilationGroupings = ['unit', 'type', 'area'] as const;
export type CompilationGrouping = (typeof compilationGroupings)[number];
export const compilationGroupingLabels: Record<CompilationGrouping, string> = { unit: '按主办单位分类', type: '按提案类型分类', area: '按选题领域分类' };

/** GET /api/proposals/compilation.docx: the list's filters, plus how to group; only filed (numbered) proposals are compiled. */
export const compilationQuery = proposalListQuery.extend({
  groupBy: z.enum(compilationGroupings).default('unit').describe('分类方式'),
});

/** GET /api/proposals/:id/form: the proposal as the paper 提案表 lays it out (the print page and form.docx). */
export const proposalForm = z.object({
  id: z.string(),
  organisationName: z.string(),
  year: z.number().int(),
  sessionLabel: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  typeLabel: z.string(),
  categoryLabel: z.string().nullable(),
  proposerName: z.string(),
  /** 界别 of the proposer (or the proposal's sector) */
  sectorName: z.string().nullable(),
  /** 联系方式: shown only to the proposer, co-signers, the office and the handling units; null otherwise */
  contact: z.string().nullable(),
  /** 附议人 (co-signers who confirmed) */
  cosignerNames: z.array(z.string()),
  background: z.string(),
  analysis: z.string(),
  suggestions: z.string(),
  /** 办理单位: the lead unit and the 会办/分办 units with their part */
  units: z.array(z.object({ name: z.string(), roleLabel: z.string() })),
  handlingModeLabel: z.string().nullable(),
  /** 答复类别, once the reply is released (or to the office and the lead unit before) */
  replyClassLabel: z.string().nullable(),
  topicTitle: z.string().nullable(),
  submittedAt: z.string().nullable(),
  isPublic: z.boolean(),
});
export type ProposalForm = z.infer<typeof proposalForm>;

/** GET /api/public/proposals: anyone, without signing in. */
export const publicListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('标题关键词'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  /** the CPPCC (tenant); the top-level one when omitted */
  committee: z.string().max(40).optional().describe('政协'),
});

export const publicListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  sessionLabel: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  proposerName: z.string(),
  leadUnitName: z.string().nullable(),
  replyClass: z.string().nullable(),
  replyClassLabel: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type PublicListItem = z.infer<typeof publicListItem>;

export const publicPage = pageOf(publicListItem).extend({
  /** the CPPCCs that publish proposals, for the picker; `committee` is the one listed */
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
  committee: z.string(),
});

/** GET /api/public/proposals/:id: the public record — no contact data, internal notes or evaluations. */
export const publicDetail = publicListItem.extend({
  committeeName: z.string(),
  typeLabel: z.string(),
  /** 提案人 and 附议人 as public record */
  cosignerNames: z.array(z.string()),
  background: z.string(),
  analysis: z.string(),
  suggestions: z.string(),
  replyText: z.string(),
});
export type PublicDetail = z.infer<typeof publicDetail>;

// ——— events other modules read ———

/** Payload of `proposal.converted` (社情民意 only): everything the 社情民意 module needs, so it reads no proposal table. */
export interface ProposalConvertedPayload {
  proposalId: string;
  /** the id the report is to have: chosen here so that a second delivery of the event finds it and the proposal links to it */
  reportId: string;
  number: string | null;
  year: number;
  title: string;
  body: string;
  /** orgId: the party, group or committee the proposal was made in the name of; null for a member's own proposal (a personal report, 个人报送) */
  proposer: { userId: string; name: string; orgId: string | null };
  /** confirmed co-signers, credited with the proposer */
  cosigners: Array<{ userId: string; name: string }>;
}
export const proposalConvertedEvent = 'proposal.converted';
