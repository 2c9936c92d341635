/**
 * The 公文 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { documentStates, documentTypes } from './domain/document-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const documentTypeSchema = z.enum(documentTypes).describe('文种');
export const documentStateSchema = z.enum(documentStates);

/** POST /api/office/documents: a draft from a type's template (title and body may be given or taken from the template) */
export const documentCreateBody = z.object({
  docType: documentTypeSchema,
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  addressee: z.string().trim().max(200).optional().describe('主送机关'),
  body: z.string().trim().min(1).max(60000).optional().describe('正文'),
});
export type DocumentCreateBody = z.infer<typeof documentCreateBody>;

/** PATCH /api/office/documents/:id: edit the text under the version read (a new 版本 is kept) */
export const documentEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('标题'),
  addressee: z.string().trim().max(200).optional().describe('主送机关'),
  body: z.string().trim().min(1).max(60000).optional().describe('正文'),
});
export type DocumentEditBody = z.infer<typeof documentEditBody>;

/** POST /api/office/documents/:id/actions */
export const documentActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: z.number().int().min(1).describe('版本号'), comment: z.string().trim().max(2000).optional().describe('意见') }),
  z.object({ action: z.literal('approve'), version: z.number().int().min(1).describe('版本号'), comment: z.string().trim().max(2000).optional().describe('核稿意见') }),
  z.object({ action: z.literal('countersign'), version: z.number().int().min(1).describe('版本号'), comment: z.string().trim().max(2000).optional().describe('会签意见') }),
  z.object({ action: z.literal('sign'), version: z.number().int().min(1).describe('版本号'), comment: z.string().trim().max(2000).optional().describe('签发意见') }),
  z.object({ action: z.literal('return'), version: z.number().int().min(1).describe('版本号'), comment: z.string().trim().min(1, '请填写退回理由').max(2000).describe('退回理由') }),
  z.object({
    action: z.literal('distribute'), version: z.number().int().min(1).describe('版本号'),
    orgIds: z.array(z.string().min(1).max(40)).max(500).default([]).describe('分发单位'),
    userIds: z.array(z.string().min(1).max(40)).max(2000).default([]).describe('分发委员'),
  }),
  z.object({ action: z.literal('remind'), version: z.number().int().min(1).describe('版本号') }),
]);
export type DocumentActionBody = z.infer<typeof documentActionBody>;

export const documentCommentBody = z.object({ text: z.string().trim().min(1).max(2000).describe('意见') });

/** GET /api/office/documents: the archive (档案) and the lists; a figure's list is this query with the figure's query */
export const documentListQuery = pageQuery.extend({
  docType: z.string().regex(/^[a-z]+(,[a-z]+)*$/, '应为文种代码').max(100).optional().describe('文种'),
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  number: z.string().trim().max(60).optional().describe('文号'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  /** signed in this period (China dates): the figures' lists */
  signedFrom: day('签发开始日期').optional(),
  signedTo: day('签发结束日期').optional(),
  /** 收文: documents distributed to me or my organisation */
  inbox: bool.optional().describe('收文'),
  mine: bool.optional().describe('我拟稿的'),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('公文编号') });

export const documentListItem = z.object({
  id: z.string(),
  docType: z.string(),
  typeLabel: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  ownerName: z.string(),
  state: documentStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  chars: z.number().int(),
  signedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** for a recipient: when they (or their organisation) read it */
  readAt: z.string().nullable().optional(),
});
export type DocumentListItem = z.infer<typeof documentListItem>;
export const documentPage = pageOf(documentListItem);

const party = z.object({ role: z.string(), roleLabel: z.string(), agreed: z.boolean() });
export const documentDetail = documentListItem.extend({
  addressee: z.string(),
  body: z.string(),
  returnReason: z.string().nullable(),
  signerName: z.string().nullable(),
  versionNo: z.number().int(),
  /** the chain with where the document stands */
  chain: z.object({ review: z.string(), countersign: z.array(party), sign: z.string(), steps: z.array(z.string()), current: z.number().int() }),
  comments: z.array(z.object({ id: z.string(), step: z.string(), stepLabel: z.string(), decision: z.string().nullable(), userName: z.string(), text: z.string(), at: z.string() })),
  versions: z.array(z.object({ no: z.number().int(), authorName: z.string(), at: z.string(), chars: z.number().int() })),
  receipts: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), readAt: z.string().nullable(), readByName: z.string().nullable(), reminders: z.number().int() })),
  /** what the caller may do now */
  actions: z.array(z.object({ name: z.string(), label: z.string() })),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

export const diffQuery = z.object({ from: z.coerce.number().int().min(1).describe('原版本'), to: z.coerce.number().int().min(1).describe('新版本') });
export const diffResult = z.object({ from: z.number().int(), to: z.number().int(), title: z.array(z.object({ op: z.string(), text: z.string() })), body: z.array(z.object({ op: z.string(), text: z.string() })) });
export type DiffResult = z.infer<typeof diffResult>;

export const documentOptions = z.object({
  types: z.array(z.object({ code: z.string(), label: z.string(), template: z.object({ title: z.string(), body: z.string() }) })),
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  /** the organisations and members a document may be sent to (for those who distribute) */
  orgs: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export type DocumentOptions = z.infer<typeof documentOptions>;
