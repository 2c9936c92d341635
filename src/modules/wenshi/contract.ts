/**
 * The 文史资料 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is not written here: it is derived from the lifecycle (`wenshiTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { wenshiStates } from './domain/wenshi-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const wenshiStateSchema = z.enum(wenshiStates);

/** POST /api/wenshi */
export const wenshiCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(1).max(5000).describe('内容'),
});
export type WenshiCreateBody = z.infer<typeof wenshiCreateBody>;

/** PATCH /api/wenshi/:id: the owner edits a draft or a returned record, under its version. */
export const wenshiEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  body: z.string().trim().min(1).max(5000).optional().describe('内容'),
});
export type WenshiEditBody = z.infer<typeof wenshiEditBody>;

/** GET /api/wenshi: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const wenshiListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type WenshiListQuery = z.infer<typeof wenshiListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('文史资料编号') });

export const wenshiListItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  state: wenshiStateSchema,
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type WenshiListItem = z.infer<typeof wenshiListItem>;
export const wenshiPage = pageOf(wenshiListItem);

export const wenshiHistoryItem = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const wenshiDetail = wenshiListItem.extend({
  body: z.string(),
  returnReason: z.string().nullable(),
  result: z.string().nullable(),
  /** where the record stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  history: z.array(wenshiHistoryItem),
  /** what the caller may do now: the lifecycle's actions with their forms, and whether they may edit */
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
});
export type WenshiDetail = z.infer<typeof wenshiDetail>;

/** GET /api/wenshi/options: the states with their labels, for the list's filter. */
export const wenshiOptions = z.object({ states: z.array(z.object({ code: z.string(), label: z.string() })) });
