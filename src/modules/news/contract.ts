/**
 * The 新闻 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is not written here: it is derived from the lifecycle (`newsTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { newsStates } from './domain/news-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const newsStateSchema = z.enum(newsStates);

/** POST /api/news */
export const newsCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(1).max(5000).describe('内容'),
});
export type NewsCreateBody = z.infer<typeof newsCreateBody>;

/** PATCH /api/news/:id: the owner edits a draft or a returned record, under its version. */
export const newsEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  body: z.string().trim().min(1).max(5000).optional().describe('内容'),
});
export type NewsEditBody = z.infer<typeof newsEditBody>;

/** GET /api/news: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const newsListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type NewsListQuery = z.infer<typeof newsListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('新闻编号') });

export const newsListItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  state: newsStateSchema,
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type NewsListItem = z.infer<typeof newsListItem>;
export const newsPage = pageOf(newsListItem);

export const newsHistoryItem = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const newsDetail = newsListItem.extend({
  body: z.string(),
  returnReason: z.string().nullable(),
  result: z.string().nullable(),
  /** where the record stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  history: z.array(newsHistoryItem),
  /** what the caller may do now: the lifecycle's actions with their forms, and whether they may edit */
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
});
export type NewsDetail = z.infer<typeof newsDetail>;

/** GET /api/news/options: the states with their labels, for the list's filter. */
export const newsOptions = z.object({ states: z.array(z.object({ code: z.string(), label: z.string() })) });
