/**
 * The 民主评议 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is not written here: it is derived from the lifecycle (`appraisalsTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { appraisalsStates } from './domain/appraisals-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const appraisalsStateSchema = z.enum(appraisalsStates);

/** POST /api/appraisals */
export const appraisalsCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(1).max(5000).describe('内容'),
});
export type AppraisalsCreateBody = z.infer<typeof appraisalsCreateBody>;

/** PATCH /api/appraisals/:id: the owner edits a draft or a returned record, under its version. */
export const appraisalsEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  body: z.string().trim().min(1).max(5000).optional().describe('内容'),
});
export type AppraisalsEditBody = z.infer<typeof appraisalsEditBody>;

/** GET /api/appraisals: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const appraisalsListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type AppraisalsListQuery = z.infer<typeof appraisalsListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('民主评议编号') });

export const appraisalsListItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  state: appraisalsStateSchema,
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AppraisalsListItem = z.infer<typeof appraisalsListItem>;
export const appraisalsPage = pageOf(appraisalsListItem);

export const appraisalsHistoryItem = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const appraisalsDetail = appraisalsListItem.extend({
  body: z.string(),
  returnReason: z.string().nullable(),
  result: z.string().nullable(),
  /** where the record stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  history: z.array(appraisalsHistoryItem),
  /** what the caller may do now: the lifecycle's actions with their forms, and whether they may edit */
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
});
export type AppraisalsDetail = z.infer<typeof appraisalsDetail>;

/** GET /api/appraisals/options: the states with their labels, for the list's filter. */
export const appraisalsOptions = z.object({ states: z.array(z.object({ code: z.string(), label: z.string() })) });
