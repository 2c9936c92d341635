/**
 * The 文史资料 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is derived from the lifecycle (`wenshiTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { publicLimits } from './domain/wenshi-catalogue.ts';
import { wenshiStates } from './domain/wenshi-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const opt = (label: string, max: number) => z.string().trim().max(max).optional().describe(label);

export const wenshiStateSchema = z.enum(wenshiStates);

/** The metadata every material carries (时期、地点、人物、主题). */
const metadata = {
  period: opt('时期', 40),
  place: opt('地点', 100),
  people: opt('人物', 200),
  topic: opt('主题', 100),
};

/** POST /api/wenshi: a signed-in member's submission (投稿); photos and scans uploaded first through /api/attachments. */
export const wenshiCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(10).max(50_000).describe('正文'),
  contributorContact: opt('联系方式', 100),
  ...metadata,
  attachmentIds: z.array(z.string().min(1).max(40)).max(10).optional().describe('附件'),
});
export type WenshiCreateBody = z.infer<typeof wenshiCreateBody>;

/** POST /api/public/wenshi/submissions (multipart form fields): a member of the public's submission, without signing in. */
export const publicSubmissionFields = z.object({
  committee: z.string().min(1).max(40).optional().describe('政协'),
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().min(10).max(publicLimits.bodyChars).describe('正文'),
  contributorName: z.string().trim().min(1).max(40).describe('投稿人姓名'),
  contributorContact: z.string().trim().min(5).max(100).describe('联系方式'),
  ...metadata,
  /** 蜜罐: a field hidden from people; a robot that fills it gets a receipt and nothing is stored */
  website: z.string().max(200).optional().describe('网址'),
});
export type PublicSubmissionFields = z.infer<typeof publicSubmissionFields>;
export const publicSubmissionResult = z.object({ reference: z.string(), message: z.string() });

/** GET /api/wenshi: paging plus filters (the staff list, 我的投稿 and the archive); a figure's list is this query. */
export const wenshiListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: bool.optional().describe('只看我的'),
  /** the archive (文史资料库): materials of published issues */
  archive: bool.optional().describe('资料库'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  period: opt('时期', 40),
  place: opt('地点', 100),
  people: opt('人物', 100),
  topic: opt('主题', 100),
  year: z.coerce.number().int().min(1900).max(2100).optional().describe('年度'),
  issueId: z.string().max(40).optional().describe('辑刊'),
  source: z.enum(['member', 'public']).optional().describe('来源'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type WenshiListQuery = z.infer<typeof wenshiListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('文史资料编号') });
export const issueParams = z.object({ id: z.string().min(1).max(40).describe('辑刊编号') });

export const wenshiListItem = z.object({
  id: z.string(),
  title: z.string(),
  contributorName: z.string(),
  /** 'member' (a signed-in member) or 'public' (社会公众) */
  source: z.enum(['member', 'public']),
  period: z.string().nullable(),
  place: z.string().nullable(),
  people: z.string().nullable(),
  topic: z.string().nullable(),
  state: wenshiStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  issueId: z.string().nullable(),
  issueLabel: z.string().nullable(),
  section: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type WenshiListItem = z.infer<typeof wenshiListItem>;
export const wenshiPage = pageOf(wenshiListItem);

export const wenshiHistoryItem = z.object({
  id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string(),
});
export const wenshiRevision = z.object({
  no: z.number().int(), title: z.string(), body: z.string(), editorName: z.string(), note: z.string().nullable(), at: z.string(),
});
export const wenshiAttachment = z.object({ id: z.string(), filename: z.string(), mime: z.string(), size: z.number() });

export const wenshiDetail = wenshiListItem.extend({
  body: z.string(),
  /** 联系方式: present for 文史委 staff only */
  contributorContact: z.string().nullable().optional(),
  declineReason: z.string().nullable(),
  /** the text as submitted (原稿) and every editor's revision after it (修改记录), oldest first */
  originalTitle: z.string(),
  originalBody: z.string(),
  revisions: z.array(wenshiRevision),
  attachments: z.array(wenshiAttachment),
  progress: stateViewSchema,
  history: z.array(wenshiHistoryItem),
  actions: z.array(allowedActionSchema),
});
export type WenshiDetail = z.infer<typeof wenshiDetail>;

/** GET /api/wenshi/options */
export const wenshiOptions = z.object({
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  periods: z.array(z.string()),
  sections: z.array(z.string()),
  issues: z.array(z.object({ id: z.string(), label: z.string(), published: z.boolean() })),
});

/** GET /api/public/wenshi/options: what the public page offers. */
export const publicOptions = z.object({
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
  periods: z.array(z.string()),
  limits: z.object({ files: z.number(), fileBytes: z.number(), bodyChars: z.number() }),
});

// ---- issues of 《长治文史》 ----

export const issueCreateBody = z.object({
  number: z.number().int().min(1).max(9999).describe('辑号'),
  year: z.number().int().min(1949).max(2100).describe('年度'),
  title: z.string().trim().min(2).max(100).describe('书名'),
  editor: z.string().trim().min(1).max(100).describe('主编'),
});
export const issueEditBody = issueCreateBody.partial().extend({ version: z.number().int().min(1).describe('版本号') });
/** PUT /api/wenshi/issues/:id/contents: the whole order of contents, each material with its section. */
export const issueContentsBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  entries: z.array(z.object({
    materialId: z.string().min(1).max(40).describe('文史资料'),
    section: z.string().trim().min(1).max(40).describe('栏目'),
  })).max(500).describe('目录'),
});
export const issueVersionBody = z.object({ version: z.number().int().min(1).describe('版本号') });

export const issueListItem = z.object({
  id: z.string(), number: z.number().int(), label: z.string(), year: z.number().int(), title: z.string(), editor: z.string(),
  published: z.boolean(), publishedAt: z.string().nullable(), materials: z.number().int(), version: z.number().int(),
});
export const issuePage = pageOf(issueListItem);
export const issueListQuery = pageQuery.extend({
  published: bool.optional().describe('已出版'),
  year: z.coerce.number().int().min(1900).max(2100).optional().describe('年度'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export const issueDetail = issueListItem.extend({
  contents: z.array(z.object({
    materialId: z.string(), seq: z.number().int(), section: z.string(), title: z.string(), contributorName: z.string(),
    period: z.string().nullable(), version: z.number().int(),
  })),
  /** 'edit' (辑刊信息与目录), 'publish' (出版), 'export' (导出目录) */
  actions: z.array(z.enum(['edit', 'publish', 'export'])),
});
export type IssueDetail = z.infer<typeof issueDetail>;
export type IssueListItem = z.infer<typeof issueListItem>;
