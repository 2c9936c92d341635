/**
 * The 建议落实 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is not written here: it is derived from the lifecycle (`recommendationsTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { recommendationsStates } from './domain/recommendations-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const recommendationsStateSchema = z.enum(recommendationsStates);

/** POST /api/recommendations */
export const recommendationsCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(1).max(5000).describe('内容'),
});
export type RecommendationsCreateBody = z.infer<typeof recommendationsCreateBody>;

/** PATCH /api/recommendations/:id: the owner edits a draft or a returned record, under its version. */
export const recommendationsEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  body: z.string().trim().min(1).max(5000).optional().describe('内容'),
});
export type RecommendationsEditBody = z.infer<typeof recommendationsEditBody>;

/** GET /api/recommendations: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const recommendationsListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type RecommendationsListQuery = z.infer<typeof recommendationsListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('建议落实编号') });

export const recommendationsListItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  state: recommendationsStateSchema,
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  dueDate: z.string().nullable(),
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

export const recommendationsDetail = recommendationsListItem.extend({
  body: z.string(),
  returnReason: z.string().nullable(),
  result: z.string().nullable(),
  /** where the record stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  history: z.array(recommendationsHistoryItem),
  /** what the caller may do now: the lifecycle's actions with their forms, and whether they may edit */
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
});
export type RecommendationsDetail = z.infer<typeof recommendationsDetail>;

/** GET /api/recommendations/options: the states with their labels, for the list's filter. */
export const recommendationsOptions = z.object({ states: z.array(z.object({ code: z.string(), label: z.string() })) });

/**
 * 建议落实的来源 (where a recommendation comes from): a consultation's outcome (协商成果), an investigation or inspection
 * report (调研/视察报告), a democratic appraisal (民主评议), a key proposal (重点提案) or a grassroots platform's result.
 */
export type RecommendationSourceType = 'consultation' | 'investigation' | 'inspection' | 'appraisal' | 'key_proposal' | 'platform';

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
