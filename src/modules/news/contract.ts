/**
 * The 新闻 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it.
 * Three kinds of record: 新闻 (/api/news), 媒体报道 (/api/news/media) and 通知公告 (/api/news/notices, 我的通知
 * /api/news/my-notices).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { newsChannels, noticeAudiences } from './domain/news-columns.ts';
import { newsStates } from './domain/news-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const code = (label: string) => z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '应为栏目代码').describe(label);
const httpUrl = (label: string) => z.string().trim().max(1000).url('应为网址')
  .refine((u) => /^https?:\/\//i.test(u), '只能是 http 或 https 网址').describe(label);
const html = (label: string) => z.string().max(200_000, '内容过长').describe(label);

export const newsStateSchema = z.enum(newsStates);
export const channelSchema = z.enum(newsChannels);

// ——— 新闻 ———

/** POST /api/news: a draft. The body is the editor's HTML; the server keeps only its sanitised form. */
export const newsCreateBody = z.object({
  column: code('栏目'),
  title: z.string().trim().min(2).max(200).describe('标题'),
  summary: z.string().trim().max(300).optional().describe('摘要'),
  body: html('正文'),
  channels: z.array(channelSchema).min(1, '至少选择一个发布渠道').max(2).describe('发布渠道'),
});
export type NewsCreateBody = z.infer<typeof newsCreateBody>;

/** PATCH /api/news/:id: the author edits a draft, under its version (a stale one is a 409). */
export const newsEditBody = newsCreateBody.partial().extend({ version: z.number().int().min(1).describe('版本号') });
export type NewsEditBody = z.infer<typeof newsEditBody>;

/** GET /api/news: paging plus filters; `from`/`to` are on the 发布日期 (a figure's list is this query). */
export const newsListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  column: code('栏目').optional(),
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('发布日期起').optional(),
  to: day('发布日期止').optional(),
});
export type NewsListQuery = z.infer<typeof newsListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('编号') });

export const newsListItem = z.object({
  id: z.string(),
  column: z.string(),
  columnLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  channels: z.array(channelSchema),
  ownerUserId: z.string(),
  ownerName: z.string(),
  reviewerName: z.string().nullable(),
  state: newsStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  publishedOn: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type NewsListItem = z.infer<typeof newsListItem>;
export const newsPage = pageOf(newsListItem);

export const newsHistoryItem = z.object({
  id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string(),
});

export const newsDetail = newsListItem.extend({
  /** sanitised HTML */
  body: z.string(),
  returnReason: z.string().nullable(),
  progress: stateViewSchema,
  history: z.array(newsHistoryItem),
  /** the lifecycle's actions the caller may fire now */
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
  /** may download the WeChat export (公众号导出) */
  canExport: z.boolean(),
});
export type NewsDetail = z.infer<typeof newsDetail>;

const option = z.object({ code: z.string(), label: z.string() });
/** GET /api/news/columns: the CPPCC's 栏目 with the version to save against, and whether the caller may edit them */
export const newsColumnsAnswer = z.object({
  columns: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string().optional(), items: z.number().int() })),
  version: z.string(),
  canEdit: z.boolean(),
});
export type NewsColumnsAnswer = z.infer<typeof newsColumnsAnswer>;
/** GET /api/news/options */
export const newsOptions = z.object({
  states: z.array(option),
  columns: z.array(option),
  channels: z.array(option),
  audiences: z.array(option),
  sectors: z.array(z.object({ id: z.string(), name: z.string() })),
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
  /** what the caller may do on the desk: write news, record media reports, send notices */
  can: z.object({ write: z.boolean(), review: z.boolean(), notices: z.boolean() }),
});

// ——— 媒体报道 ———

export const mediaCreateBody = z.object({
  outlet: z.string().trim().min(2).max(100).describe('媒体'),
  reportDate: day('报道日期'),
  title: z.string().trim().min(2).max(200).describe('标题'),
  url: httpUrl('链接'),
  column: code('栏目'),
  memberIds: z.array(z.string().min(1).max(40)).max(50).default([]).describe('相关委员'),
});
export type MediaCreateBody = z.infer<typeof mediaCreateBody>;
export const mediaEditBody = mediaCreateBody.partial().extend({
  memberIds: z.array(z.string().min(1).max(40)).max(50).optional().describe('相关委员'),
  version: z.number().int().min(1).describe('版本号'),
});
export type MediaEditBody = z.infer<typeof mediaEditBody>;

export const mediaListQuery = pageQuery.extend({
  column: code('栏目').optional(),
  memberId: z.string().min(1).max(40).optional().describe('相关委员'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('报道日期起').optional(),
  to: day('报道日期止').optional(),
});
export type MediaListQuery = z.infer<typeof mediaListQuery>;

export const mediaItem = z.object({
  id: z.string(), outlet: z.string(), reportDate: z.string(), title: z.string(), url: z.string(), column: z.string(), columnLabel: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string() })), version: z.number().int(),
  actions: z.array(z.enum(['edit', 'delete'])),
});
export type MediaItem = z.infer<typeof mediaItem>;
export const mediaPage = pageOf(mediaItem);

// ——— 通知公告 ———

export const audienceSchema = z.enum(noticeAudiences);
export const noticeCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: html('正文'),
  audience: audienceSchema.describe('通知对象'),
  /** the 界别 or 专委会 when the audience is one group */
  audienceRef: z.string().min(1).max(40).optional().describe('界别或专委会'),
  attachmentIds: z.array(z.string().min(1).max(40)).max(20).default([]).describe('附件'),
});
export type NoticeCreateBody = z.infer<typeof noticeCreateBody>;
export const noticeEditBody = noticeCreateBody.partial().extend({
  attachmentIds: z.array(z.string().min(1).max(40)).max(20).optional().describe('附件'),
  version: z.number().int().min(1).describe('版本号'),
});
export type NoticeEditBody = z.infer<typeof noticeEditBody>;
export const versionBody = z.object({ version: z.number().int().min(1).describe('版本号') });

export const noticeListQuery = pageQuery.extend({
  state: z.enum(['draft', 'sent', 'withdrawn']).optional().describe('状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('发送日期起').optional(),
  to: day('发送日期止').optional(),
});
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const noticeActions = z.enum(['edit', 'send', 'remind', 'withdraw']);
export const noticeListItem = z.object({
  id: z.string(), title: z.string(), audience: audienceSchema, audienceLabel: z.string(), ownerName: z.string(),
  state: z.enum(['draft', 'sent', 'withdrawn']), stateLabel: z.string(), sentOn: z.string().nullable(),
  addressed: z.number().int(), read: z.number().int(), readRate: z.number().int(), version: z.number().int(),
  actions: z.array(noticeActions),
});
export type NoticeListItem = z.infer<typeof noticeListItem>;
export const noticePage = pageOf(noticeListItem);

export const attachmentRef = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number() });
export const noticeDetail = noticeListItem.extend({
  body: z.string(),
  audienceRef: z.string().nullable(),
  attachments: z.array(attachmentRef),
  /** for an addressee: when they first read it (now, if this is the first time) */
  readAt: z.string().nullable(),
});
export type NoticeDetail = z.infer<typeof noticeDetail>;

/** GET /api/news/notices/:id/receipts?read=false: who has (not) read it */
export const receiptsQuery = pageQuery.extend({ read: bool.optional().describe('已读') });
export const receiptItem = z.object({ userId: z.string(), name: z.string(), readAt: z.string().nullable(), remindedAt: z.string().nullable(), reminders: z.number().int() });
export const receiptPage = pageOf(receiptItem);
export const remindResult = z.object({ reminded: z.number().int() });

/** 我的通知: one addressee's notices, unread first, with the count of unread for the badge. */
export const myNoticesQuery = pageQuery.extend({ unread: bool.optional().describe('只看未读') });
export const myNoticeItem = z.object({ id: z.string(), title: z.string(), ownerName: z.string(), sentOn: z.string().nullable(), readAt: z.string().nullable(), summary: z.string() });
export const myNoticesPage = pageOf(myNoticeItem).extend({ unread: z.number().int() });
