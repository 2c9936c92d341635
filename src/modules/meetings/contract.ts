/**
 * The 会议 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is not written here: it is derived from the lifecycle (`meetingsTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { meetingsStates } from './domain/meetings-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const meetingsStateSchema = z.enum(meetingsStates);

/** POST /api/meetings */
export const meetingsCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(1).max(5000).describe('内容'),
});
export type MeetingsCreateBody = z.infer<typeof meetingsCreateBody>;

/** PATCH /api/meetings/:id: the owner edits a draft or a returned record, under its version. */
export const meetingsEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  body: z.string().trim().min(1).max(5000).optional().describe('内容'),
});
export type MeetingsEditBody = z.infer<typeof meetingsEditBody>;

/** GET /api/meetings: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const meetingsListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type MeetingsListQuery = z.infer<typeof meetingsListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('会议编号') });

export const meetingsListItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  state: meetingsStateSchema,
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type MeetingsListItem = z.infer<typeof meetingsListItem>;
export const meetingsPage = pageOf(meetingsListItem);

export const meetingsHistoryItem = z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  toStateLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const meetingsDetail = meetingsListItem.extend({
  body: z.string(),
  returnReason: z.string().nullable(),
  result: z.string().nullable(),
  /** where the record stands on the lifecycle's road (the step bar) */
  progress: stateViewSchema,
  history: z.array(meetingsHistoryItem),
  /** what the caller may do now: the lifecycle's actions with their forms, and whether they may edit */
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
});
export type MeetingsDetail = z.infer<typeof meetingsDetail>;

/** GET /api/meetings/options: the states with their labels, for the list's filter. */
export const meetingsOptions = z.object({ states: z.array(z.object({ code: z.string(), label: z.string() })) });
