/**
 * The API's shapes for 协商选题 and 年度协商计划 (zod), shared by the server's routes and the web pages. Every field has a
 * Chinese `.describe()` label, so a bad request is a 400 whose message names the field.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../../kernel/universal/workflow.ts';
import { consultationForms } from './consultation-forms.ts';
import { planChangeKinds } from './plan-lifecycle.ts';

const year = z.coerce.number().int().min(2000, '应在 2000 年以后').max(2100, '应在 2100 年以前');
const formCode = z.enum(consultationForms, { error: () => '不是可选的协商形式' });
const orgId = (label: string) => z.string().min(1).max(40).describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/* ---------------------------------------------------------------- 关联提案和社情民意 of topics and plan items */

/** 来源 (the records that inspired the topic) or 成果 (the records that came out of it) */
export const topicLinkRelations = ['source', 'outcome'] as const;
export type TopicLinkRelation = (typeof topicLinkRelations)[number];
export const topicLinkRelationLabels: Record<TopicLinkRelation, string> = { source: '选题来源', outcome: '协商成果' };

/** One linked proposal (提案) or 社情民意 report, with its title and page as the owning module names them. */
export const topicLinkView = z.object({
  entityType: z.enum(['proposal', 'opinion']),
  id: z.string(),
  title: z.string(),
  link: z.string(),
  relation: z.enum(topicLinkRelations),
  /** on a plan item: linked on the topic it came from (edited there), not on the item itself */
  viaTopic: z.boolean(),
});
export type TopicLinkView = z.infer<typeof topicLinkView>;

const linkedIds = (label: string) => z.array(z.string().min(1).max(40)).max(50, '最多 50 件').describe(label);
/** PUT /topics/:id/links and /plans/:id/items/:itemId/links: the whole set, under the topic's (item's) version. */
export const topicLinksBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  sourceProposalIds: linkedIds('来源提案'),
  sourceReportIds: linkedIds('来源社情民意'),
  outcomeProposalIds: linkedIds('形成的提案'),
  outcomeReportIds: linkedIds('形成的社情民意'),
});
export type TopicLinksBody = z.infer<typeof topicLinksBody>;

/** GET /api/consultations/topic-links: the topics and plan items that link one record (列入协商选题). */
export const topicLinkedQuery = z.object({
  entityType: z.enum(['proposal', 'opinion']).describe('关联记录类型（proposal 提案，opinion 社情民意信息）'),
  id: z.string().min(1).max(40).describe('关联记录编号'),
});
export const topicLinkedItem = z.object({
  kind: z.enum(['topic', 'plan_item']),
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  relation: z.enum(topicLinkRelations),
  relationLabel: z.string(),
  /** the topic's state, or the plan item's plan and form */
  note: z.string(),
  link: z.string(),
});
export const topicLinkedResponse = z.object({ items: z.array(topicLinkedItem) });
export type TopicLinked = z.infer<typeof topicLinkedResponse>;

/* ---------------------------------------------------------------- 协商选题 */

/** POST /api/consultations/topics */
export const topicCreateBody = z.object({
  year: year.describe('年度'),
  title: z.string().trim().min(4, '至少 4 个字').max(200).describe('选题名称'),
  reason: z.string().trim().min(10, '至少 10 个字').max(5000).describe('选题理由'),
  form: formCode.describe('建议协商形式'),
  /** the committee, party, group or office proposing it; a committee's staff propose for their committee */
  proposerOrgId: orgId('提出单位').optional(),
  contact: z.string().trim().min(2, '至少 2 个字').max(100).describe('联系人及电话'),
  /** supporting material uploaded to /api/attachments first (调研报告、背景材料) */
  attachmentIds: z.array(z.string().min(1).max(40)).max(20).optional().describe('附件'),
});
export type TopicCreateBody = z.infer<typeof topicCreateBody>;

export const topicListQuery = pageQuery.extend({
  year: year.optional().describe('年度'),
  form: formCode.optional().describe('建议协商形式'),
  proposerOrgId: orgId('提出单位').optional(),
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(100).optional().describe('状态'),
  mine: bool.optional().describe('只看本单位的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
});
export type TopicListQuery = z.infer<typeof topicListQuery>;

export const topicIdParams = z.object({ id: z.string().min(1).max(40).describe('协商选题编号') });

export const topicListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  form: z.string(),
  formLabel: z.string(),
  proposerOrgId: z.string(),
  proposerOrgName: z.string(),
  proposerName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stateTone: z.string(),
  /** the topic it was merged into (合并) and the plan item it became (列入计划) */
  mergedIntoId: z.string().nullable(),
  planItemId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TopicListItem = z.infer<typeof topicListItem>;
export const topicPage = pageOf(topicListItem);

const historyItem = z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() });

export const topicDetail = topicListItem.extend({
  reason: z.string(),
  contact: z.string(),
  declineReason: z.string().nullable(),
  mergedIntoTitle: z.string().nullable(),
  /** topics merged into this one */
  mergedTopics: z.array(z.object({ id: z.string(), title: z.string(), proposerOrgName: z.string() })),
  planId: z.string().nullable(),
  /** 关联提案和社情民意 (来源 and 成果) */
  links: z.array(topicLinkView),
  /** may the caller change the links (the office, or the proposing body while the topic is theirs) */
  canLink: z.boolean(),
  progress: stateViewSchema,
  history: z.array(historyItem),
  actions: z.array(allowedActionSchema),
});
export type TopicDetail = z.infer<typeof topicDetail>;

const codeLabel = z.object({ code: z.string(), label: z.string() });
const orgOption = z.object({ id: z.string(), name: z.string(), kind: z.string() });
/** GET /api/consultations/topics/options: forms, states, proposing bodies, committees, partner units, the current year. */
export const planOptions = z.object({
  year: z.number().int(),
  forms: z.array(codeLabel),
  topicStates: z.array(codeLabel),
  planStates: z.array(codeLabel),
  changeKinds: z.array(codeLabel),
  proposers: z.array(orgOption),
  committees: z.array(orgOption),
  units: z.array(orgOption),
  /** the body the caller proposes for when they may not choose (a committee's staff), else null */
  ownProposerOrgId: z.string().nullable(),
  canPropose: z.boolean(),
  canManage: z.boolean(),
});
export type PlanOptions = z.infer<typeof planOptions>;

/* ---------------------------------------------------------------- 年度协商计划 */

export const planCreateBody = z.object({ year: year.describe('年度') });
export const planListQuery = z.object({ year: year.optional().describe('年度') });
export const planIdParams = z.object({ id: z.string().min(1).max(40).describe('协商计划编号') });
export const planItemParams = planIdParams.extend({ itemId: z.string().min(1).max(40).describe('计划项编号') });

const itemFields = {
  title: z.string().trim().min(4, '至少 4 个字').max(200).describe('协商议题'),
  form: formCode.describe('协商形式'),
  leadOrgId: orgId('牵头专委会'),
  partnerUnitIds: z.array(z.string().min(1).max(40)).max(20).describe('协同部门'),
  plannedMonth: z.number().int().min(1, '应为 1 到 12 月').max(12, '应为 1 到 12 月').describe('计划月份'),
  notes: z.string().trim().max(1000).nullable().optional().describe('备注'),
  /** 重大协商议题: the plan then goes to the party committee after the chair's meeting */
  major: z.boolean().optional().describe('重大协商议题'),
  /** 附件 of the item (调研方案、背景材料), uploaded to /api/attachments first */
  attachmentIds: z.array(z.string().min(1).max(40)).max(20).optional().describe('附件'),
};
/** POST /plans/:id/items (a draft) */
export const planItemBody = z.object({ ...itemFields, topicId: z.string().min(1).max(40).optional().describe('协商选题') });
export type PlanItemBody = z.infer<typeof planItemBody>;
/** PATCH /plans/:id/items/:itemId (a draft), under the item's version */
export const planItemEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: itemFields.title.optional(), form: itemFields.form.optional(), leadOrgId: itemFields.leadOrgId.optional(),
  partnerUnitIds: itemFields.partnerUnitIds.optional(), plannedMonth: itemFields.plannedMonth.optional(), notes: itemFields.notes,
  major: itemFields.major,
  attachmentIds: itemFields.attachmentIds,
});
/** POST /plans/:id/items/:itemId/attachments: material added to an item of a draft or an approved plan */
export const planItemAttachBody = z.object({ attachmentIds: z.array(z.string().min(1).max(40)).min(1, '至少选择 1 个文件').max(20).describe('附件') });
export type PlanItemAttachBody = z.infer<typeof planItemAttachBody>;
export type PlanItemEditBody = z.infer<typeof planItemEditBody>;
export const planItemDeleteQuery = z.object({ version: z.coerce.number().int().min(1).describe('版本号') });

/** POST /plans/:id/changes: 计划调整 of an approved plan, under the plan's version */
export const planChangeBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  kind: z.enum(planChangeKinds, { error: () => '应为 move、form、add 或 cancel' }).describe('调整类型'),
  reason: z.string().trim().min(2, '至少 2 个字').max(2000).describe('调整理由'),
  itemId: z.string().min(1).max(40).optional().describe('计划项'),
  plannedMonth: itemFields.plannedMonth.optional(),
  form: itemFields.form.optional(),
  /** the new item, for kind 'add' */
  item: planItemBody.optional().describe('新增计划项'),
});
export type PlanChangeBody = z.infer<typeof planChangeBody>;

export const planItemView = z.object({
  id: z.string(),
  planId: z.string(),
  year: z.number().int(),
  topicId: z.string().nullable(),
  title: z.string(),
  form: z.string(),
  formLabel: z.string(),
  leadOrgId: z.string(),
  leadOrgName: z.string(),
  partnerUnitIds: z.array(z.string()),
  partnerUnitNames: z.array(z.string()),
  plannedMonth: z.number().int(),
  notes: z.string().nullable(),
  major: z.boolean(),
  /** the item's files */
  attachments: z.array(z.object({ id: z.string(), filename: z.string() })),
  status: z.enum(['planned', 'cancelled']),
  /** added by a change after approval (计划调整) */
  addedByChange: z.boolean(),
  /** the consultations (协商活动) carrying the item out, and whether one has been held */
  consultations: z.array(z.object({ id: z.string(), title: z.string(), state: z.string(), heldOn: z.string().nullable() })),
  carriedOut: z.boolean(),
  /** 关联提案和社情民意: the item's own and its topic's */
  links: z.array(topicLinkView),
  version: z.number().int(),
});
export type PlanItemView = z.infer<typeof planItemView>;

export const planChangeView = z.object({
  id: z.string(),
  itemId: z.string(),
  itemTitle: z.string(),
  kind: z.enum(planChangeKinds),
  kindLabel: z.string(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type PlanChangeView = z.infer<typeof planChangeView>;

export const planSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stateTone: z.string(),
  itemCount: z.number().int(),
  approvedMeeting: z.string().nullable(),
  approvedOn: z.string().nullable(),
  version: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummary>;
export const planList = z.object({ items: z.array(planSummary), canCreate: z.boolean() });

export const planDetail = planSummary.extend({
  returnReason: z.string().nullable(),
  /** 党委审定 of a plan with 重大协商议题: the meeting, date and document the office recorded */
  party: z.object({ meeting: z.string(), approvedOn: z.string(), document: z.string().nullable() }).nullable(),
  majorItems: z.number().int(),
  items: z.array(planItemView),
  changes: z.array(planChangeView),
  progress: stateViewSchema,
  history: z.array(historyItem),
  actions: z.array(allowedActionSchema),
  /** 'edit': items are edited directly (a draft); 'change': through 计划调整 (approved); 'none' */
  itemMode: z.enum(['edit', 'change', 'none']),
  canManage: z.boolean(),
  /** the Word document may be downloaded (approved, or a draft for the office and leaders) */
  canDownload: z.boolean(),
});
export type PlanDetail = z.infer<typeof planDetail>;

/** GET /api/consultations/plan-items: the approved plans' items of a year (the figures' list). */
export const planItemListQuery = pageQuery.extend({
  year: year.describe('年度'),
  form: formCode.optional().describe('协商形式'),
  carriedOut: bool.optional().describe('是否已开展'),
});
export type PlanItemListQuery = z.infer<typeof planItemListQuery>;
export const planItemPage = pageOf(planItemView);
