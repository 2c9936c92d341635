/**
 * The 建议落实 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is not written here: it is derived from the lifecycle (`recommendationsTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { ageBuckets, recommendationsStates } from './domain/recommendations-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const recommendationsStateSchema = z.enum(recommendationsStates);

/**
 * Every kind of source a tracked recommendation may have: those another module names in its request
 * (`RecommendationSourceType`), and 'document' (a report or document the office enters by hand).
 */
export const recommendationSourceTypes = ['consultation', 'investigation', 'inspection', 'appraisal', 'key_proposal', 'platform', 'live', 'document'] as const;
export type AnySourceType = (typeof recommendationSourceTypes)[number];
export const sourceTypeLabels: Record<AnySourceType, string> = {
  consultation: '协商成果', investigation: '调研报告', inspection: '视察报告', appraisal: '民主评议', key_proposal: '重点提案', platform: '有事来商量', live: '网络议政', document: '文件报告',
};

/** POST /api/recommendations: the office enters a recommendation by hand, from a report or document. */
export const recommendationsCreateBody = z.object({
  sourceType: z.enum(recommendationSourceTypes).describe('来源类型'),
  sourceTitle: z.string().trim().min(2).max(200).describe('来源文件'),
  /** the recommendation's number in the document; one is given when absent */
  itemKey: z.string().trim().min(1).max(40).optional().describe('建议序号'),
  text: z.string().trim().min(2).max(5000).describe('建议内容'),
  unitIds: z.array(z.string().min(1).max(40)).min(1).max(20).describe('责任单位'),
  dueInWorkingDays: z.number().int().min(1).max(250).optional().describe('反馈期限（工作日）'),
  instructionBy: z.string().trim().min(1).max(100).optional().describe('批示领导'),
  instructionText: z.string().trim().min(1).max(2000).optional().describe('批示内容'),
  instructionAt: day('批示日期').optional(),
});
export type RecommendationsCreateBody = z.infer<typeof recommendationsCreateBody>;

/** GET /api/recommendations: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const recommendationsListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  /** open = 待反馈, 已反馈 or 落实中 */
  open: bool.optional().describe('未办结'),
  sourceType: z.enum(recommendationSourceTypes).optional().describe('来源类型'),
  sourceId: z.string().max(64).optional().describe('来源'),
  unitId: z.string().max(40).optional().describe('责任单位'),
  /** the department owes a reply past its due date now (超期) */
  overdue: bool.optional().describe('超期'),
  /** replied at least once (已反馈过) */
  answered: bool.optional().describe('已反馈'),
  age: z.enum(ageBuckets).optional().describe('时长'),
  /** an extension request waits for the office (延期申请待审) */
  extensionPending: bool.optional().describe('延期申请待审'),
  /** the order of the page: newest first (the default), or 'due' (a department's 待落实: overdue first, then by due date) */
  sort: z.enum(['recent', 'due']).optional().describe('排序'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type RecommendationsListQuery = z.infer<typeof recommendationsListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('建议编号') });

export const recommendationsListItem = z.object({
  id: z.string(),
  text: z.string(),
  sourceType: z.enum(recommendationSourceTypes),
  sourceTypeLabel: z.string(),
  sourceTitle: z.string(),
  itemKey: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  state: recommendationsStateSchema,
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  dueDate: z.string().nullable(),
  /** the department owes a reply past its due date (超期) */
  overdue: z.boolean(),
  /** an extension request waits for the office (延期申请待审) */
  extensionPending: z.boolean(),
  hasInstruction: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type RecommendationsListItem = z.infer<typeof recommendationsListItem>;
export const recommendationsPage = pageOf(recommendationsListItem);

export const recommendationsHistoryItem = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

/** Actions outside the lifecycle: 申请延期 (the department), 审核延期 (the office). */
export const recommendationAbilities = z.object({
  requestExtension: z.boolean().describe('可申请延期'),
  decideExtension: z.boolean().describe('可审核延期'),
  recordInstruction: z.boolean().describe('可记录批示'),
});

/** 批示: a leader's instruction recorded on the recommendation, or on the whole report it comes from. */
export const recommendationInstruction = z.object({
  id: z.string(),
  by: z.string(),
  text: z.string(),
  onDate: z.string(),
  /** 'recommendation' (this recommendation, every department's part) or 'source' (the whole report or document) */
  scope: z.enum(['recommendation', 'source']),
  scopeLabel: z.string(),
  /** the instruction's document (批示件), an attachment of the recommendation */
  documentId: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type RecommendationInstruction = z.infer<typeof recommendationInstruction>;

export const recommendationsDetail = recommendationsListItem.extend({
  sourceModule: z.string(),
  sourceId: z.string(),
  sourceLink: z.string().nullable(),
  instruction: z.object({ by: z.string(), text: z.string(), at: z.string().nullable() }).nullable(),
  /** every 批示 on it or on its report, oldest first (the one given when it was handed over is the first) */
  instructions: z.array(recommendationInstruction),
  requestedByName: z.string(),
  feedback: z.string().nullable(),
  repliedAt: z.string().nullable(),
  assessment: z.string().nullable(),
  notDoneReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  extension: z.object({ state: z.string(), stateLabel: z.string(), reason: z.string().nullable(), dueDate: z.string().nullable(), answer: z.string().nullable() }).nullable(),
  /** the other departments' parts of the same recommendation */
  siblings: z.array(z.object({ id: z.string(), unitName: z.string(), stateLabel: z.string(), stateTone: z.string() })),
  /** where the record stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  history: z.array(recommendationsHistoryItem),
  /** what the caller may do now: the lifecycle's actions with their forms, and the extension requests */
  actions: z.array(allowedActionSchema),
  abilities: recommendationAbilities,
});
export type RecommendationsDetail = z.infer<typeof recommendationsDetail>;

/** POST /api/recommendations/:id/extension: the department asks for more time. */
export const extensionRequestBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  reason: z.string().trim().min(2).max(2000).describe('延期理由'),
  dueDate: day('申请延至'),
});
/** POST /api/recommendations/:id/extension/decision: the office grants (the due date moves) or refuses. */
export const extensionDecisionBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  grant: z.boolean().describe('是否同意'),
  /** a granted request may set another date than the one asked for */
  dueDate: day('延至').optional(),
  answer: z.string().trim().max(2000).optional().describe('审核意见'),
});

/**
 * POST /api/recommendations/:id/instructions: a leader's instruction (批示) received after the recommendation was sent,
 * on this recommendation or on its whole report (`scope: 'source'`); its document is uploaded to /api/attachments first.
 */
export const instructionBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  by: z.string().trim().min(2).max(100).describe('批示领导'),
  text: z.string().trim().min(2).max(2000).describe('批示内容'),
  onDate: day('批示日期'),
  scope: z.enum(['recommendation', 'source']).default('recommendation').describe('批示范围'),
  documentId: z.string().min(1).max(40).optional().describe('批示件'),
});
export type InstructionBody = z.infer<typeof instructionBody>;

/** GET /api/recommendations/options: states, source types, the CPPCC's departments, age buckets (filters and forms). */
const option = z.object({ code: z.string(), label: z.string() });
export const recommendationsOptions = z.object({
  states: z.array(option), sourceTypes: z.array(option), units: z.array(option), ages: z.array(option),
});

/** One count on the board, with the list query that shows exactly its rows. */
const boardCell = z.object({ code: z.string(), label: z.string(), open: z.number().int(), overdue: z.number().int(), query: z.record(z.string(), z.string()) });
/** GET /api/recommendations/board: every open recommendation by source, department and age (each count opens its list). */
export const recommendationsBoard = z.object({
  today: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  awaitingAssessment: z.number().int(),
  extensionRequests: z.number().int(),
  bySource: z.array(boardCell),
  byUnit: z.array(boardCell),
  byAge: z.array(boardCell),
});
export type RecommendationsBoard = z.infer<typeof recommendationsBoard>;

/**
 * 建议落实的来源 (where a recommendation comes from): a consultation's outcome (协商成果), an investigation or inspection
 * report (调研/视察报告), a democratic appraisal (民主评议), a key proposal (重点提案) or a grassroots platform's result.
 */
export type RecommendationSourceType = 'consultation' | 'investigation' | 'inspection' | 'appraisal' | 'key_proposal' | 'platform' | 'live';

/**
 * Another module asks the tracker to follow recommendations (建议) to done: it emits this event inside its own unit of
 * work (so the request commits with the record it comes from), and the tracker creates one tracked item per entry.
 * Delivery is at least once: the tracker keys each item by (source.type, source.id, item.key) and ignores repeats.
 */
export const recommendationsRequestedEvent = 'recommendations.requested';
export interface RecommendationsRequestedPayload {
  /** the CPPCC (政协) the recommendations belong to: the organisation id of its tenant */
  tenantId: string;
  source: { module: string; type: RecommendationSourceType; id: string; title: string; link: string };
  /** the user who sent them on (for the audit record and the tracker's 来源经办人) */
  requestedBy: string;
  items: Array<{
    /** stable within the source (e.g. the recommendation's number in the outcome), so a repeated event changes nothing */
    key: string;
    text: string;
    /** responsible departments (承办单位): organisation ids of handling units of the tenant */
    unitIds: string[];
    /** reply due in working days from the request, on the working-day calendar */
    dueInWorkingDays: number;
    /** the leader's instruction (批示) that backs it, when there is one */
    instruction?: { by: string; text: string; at: string };
  }>;
}

/**
 * A source module tells the tracker of a leader's instruction (批示) received after it sent its recommendations on: on
 * the whole report (no `itemKeys`) or on some of its recommendations. Emitted in the source's own unit of work; the
 * tracker records it once per event (keyed by the event's id), shows it on every part concerned and tells their
 * departments.
 */
export const recommendationsInstructedEvent = 'recommendations.instructed';
export interface RecommendationsInstructedPayload {
  tenantId: string;
  source: { type: RecommendationSourceType; id: string };
  /** the recommendations it concerns by their keys; absent: every recommendation of the source */
  itemKeys?: string[];
  /** documentId: the instruction's document (批示件), an attachment the source module keeps and lets the departments read */
  instruction: { by: string; text: string; onDate: string; documentId?: string };
  /** the user who recorded it */
  recordedBy: string;
}
