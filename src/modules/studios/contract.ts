/**
 * The 委员工作室 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. Amounts go
 * over the wire as whole 元 (`amountYuan`, an integer); rows add `amountWan` (万元) and `amountText` (26.02亿元).
 */
import { z } from 'zod';
import { figure } from '../../kernel/universal/figures.ts';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { caseOutcomes, MAX_YUAN, partyRoles, projectStatuses, studioKinds } from './domain/studio-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const id = (label: string) => z.string().min(1).max(40).describe(label);
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const yuan = (label: string) => z.number().int('应为整数（元）').positive('应大于 0').max(MAX_YUAN, '超出上限').describe(label);
const period = { from: day('开始日期').optional(), to: day('结束日期').optional() };

export const studioKindSchema = z.enum(studioKinds).describe('类别');
export const idParams = z.object({ id: id('工作室编号') });
export const recordParams = z.object({ rid: id('记录编号') });

/** An action the caller may take on a studio (the page shows its buttons from these; it derives no rule). */
export const studioAction = z.object({ name: z.enum(['edit', 'members', 'activity', 'case', 'need', 'offer', 'loan', 'project']), label: z.string() });

// ---------- studios ----------

export const studioCreateBody = z.object({
  name: text('名称', 2, 100),
  kind: studioKindSchema,
  intro: z.string().trim().max(2000).optional().describe('简介'),
  convenerUserId: id('召集人').optional(),
  memberIds: z.array(id('成员')).max(100).optional().describe('成员'),
});
export type StudioCreateBody = z.infer<typeof studioCreateBody>;

export const studioEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  name: text('名称', 2, 100).optional(),
  intro: z.string().trim().max(2000).optional().describe('简介'),
  convenerUserId: id('召集人').nullable().optional(),
});
export type StudioEditBody = z.infer<typeof studioEditBody>;

export const studioMembersBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  memberIds: z.array(id('成员')).max(100).describe('成员'),
});

export const studiosListQuery = pageQuery.extend({
  kind: studioKindSchema.optional(),
  q: z.string().trim().max(100).optional().describe('关键词'),
});

export const studioListItem = z.object({
  id: z.string(), name: z.string(), kind: z.string(), kindLabel: z.string(),
  convenerUserId: z.string().nullable(), convenerName: z.string().nullable(), memberCount: z.number().int(), mine: z.boolean(), version: z.number().int(),
});
export type StudioListItem = z.infer<typeof studioListItem>;
export const studiosPage = pageOf(studioListItem);

export const studioDetail = studioListItem.extend({
  intro: z.string(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), convener: z.boolean() })),
  /** the tabs: activities, and the record kinds of this kind of studio */
  recordKinds: z.array(z.enum(['cases', 'finance', 'projects'])),
  /** the studio's own figures, each opening its list (the organisation's figures filtered to this studio) */
  figures: z.array(figure),
  actions: z.array(studioAction),
});
export type StudioDetail = z.infer<typeof studioDetail>;

export const studiosOptions = z.object({
  kinds: z.array(z.object({ code: z.string(), label: z.string() })),
  outcomes: z.array(z.object({ code: z.string(), label: z.string() })),
  partyRoles: z.array(z.object({ code: z.string(), label: z.string() })),
  projectStatuses: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const memberOptionsQuery = z.object({ q: z.string().trim().max(20).optional().describe('姓名') });
export const memberOptions = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

// ---------- lists shared by the figures: a studio, a period, a member ----------

const listBase = pageQuery.extend({ studioId: id('工作室').optional(), userId: id('委员').optional(), ...period });

// ---------- 工作室活动 ----------

export const activityCreateBody = z.object({
  heldOn: day('活动日期'),
  title: text('活动名称', 2, 200),
  place: z.string().trim().max(200).optional().describe('地点'),
  memberIds: z.array(id('参加委员')).max(100).default([]).describe('参加委员'),
  others: z.string().trim().max(500).optional().describe('其他参加人员'),
  peopleServed: z.number().int().min(0).max(1_000_000).default(0).describe('服务人数'),
  summary: z.string().trim().max(2000).optional().describe('活动情况'),
});
export type ActivityCreateBody = z.infer<typeof activityCreateBody>;
export const activitiesQuery = listBase;
export const activityItem = z.object({
  id: z.string(), studioId: z.string(), studioName: z.string(), heldOn: z.string(), title: z.string(), place: z.string().nullable(),
  members: z.array(z.string()), others: z.string().nullable(), peopleServed: z.number().int(), summary: z.string().nullable(), recordedByName: z.string(),
});
export const activitiesPage = pageOf(activityItem);

// ---------- 调解案件 ----------

export const partyInput = z.object({
  role: z.enum(partyRoles).describe('当事人身份'),
  name: text('当事人姓名', 1, 50),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '应为电话号码').optional().describe('联系电话'),
  address: z.string().trim().max(200).optional().describe('住址'),
});
export const caseCreateBody = z.object({
  matter: text('纠纷事项', 2, 2000),
  receivedOn: day('受理日期'),
  parties: z.array(partyInput).min(2, '至少两方当事人').max(20).describe('当事人'),
  handlerIds: z.array(id('承办委员')).min(1, '至少一名承办委员').max(20).describe('承办委员'),
  outcome: z.enum(caseOutcomes).optional().describe('调解结果'),
  closedOn: day('结案日期').optional(),
  agreement: z.string().trim().max(5000).optional().describe('调解协议'),
});
export type CaseCreateBody = z.infer<typeof caseCreateBody>;
export const caseEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  outcome: z.enum(caseOutcomes).describe('调解结果'),
  closedOn: day('结案日期'),
  agreement: z.string().trim().max(5000).optional().describe('调解协议'),
});
export type CaseEditBody = z.infer<typeof caseEditBody>;
export const casesQuery = listBase.extend({
  outcome: z.enum([...caseOutcomes, 'open']).optional().describe('调解结果'),
});
export const caseItem = z.object({
  id: z.string(), studioId: z.string(), studioName: z.string(), matter: z.string(), receivedOn: z.string(), closedOn: z.string().nullable(),
  outcome: z.string().nullable(), outcomeLabel: z.string(), agreement: z.string().nullable(),
  /** false when the caller is neither a member of the studio nor office staff: names masked (张**), no phone or address */
  partiesVisible: z.boolean(),
  parties: z.array(z.object({ role: z.string(), roleLabel: z.string(), name: z.string(), phone: z.string().nullable(), address: z.string().nullable() })),
  handlers: z.array(z.string()), version: z.number().int(), canEdit: z.boolean(),
});
export type CaseItem = z.infer<typeof caseItem>;
export const casesPage = pageOf(caseItem);

// ---------- 银企对接: needs, offers, loans ----------

export const needCreateBody = z.object({
  enterprise: text('企业名称', 2, 100),
  amountYuan: yuan('融资金额'),
  purpose: text('资金用途', 1, 500),
  recordedOn: day('登记日期'),
});
export const offerCreateBody = z.object({
  bank: text('银行', 2, 100),
  product: text('金融产品', 1, 100),
  amountYuan: yuan('授信额度'),
  recordedOn: day('登记日期'),
});
export const loanCreateBody = z.object({
  needId: id('融资需求').optional(),
  /** the need's version as read: its state turns 已放贷 under it (a stale one is a 409) */
  needVersion: z.number().int().min(1).optional().describe('需求版本号'),
  offerId: id('银行产品').optional(),
  enterprise: text('企业名称', 2, 100),
  bank: text('银行', 2, 100),
  amountYuan: yuan('放贷金额'),
  grantedOn: day('放贷日期'),
});
export type NeedCreateBody = z.infer<typeof needCreateBody>;
export type OfferCreateBody = z.infer<typeof offerCreateBody>;
export type LoanCreateBody = z.infer<typeof loanCreateBody>;
const money = { amountYuan: z.number().int(), amountWan: z.number(), amountText: z.string() };
export const needsQuery = listBase.extend({ state: z.enum(['open', 'granted']).optional().describe('状态') });
export const needItem = z.object({ id: z.string(), studioId: z.string(), enterprise: z.string(), purpose: z.string(), recordedOn: z.string(), state: z.string(), stateLabel: z.string(), version: z.number().int(), ...money });
export const offerItem = z.object({ id: z.string(), studioId: z.string(), bank: z.string(), product: z.string(), recordedOn: z.string(), ...money });
export const loanItem = z.object({ id: z.string(), studioId: z.string(), studioName: z.string(), needId: z.string().nullable(), offerId: z.string().nullable(), enterprise: z.string(), bank: z.string(), grantedOn: z.string(), recordedByName: z.string(), ...money });
export const needsPage = pageOf(needItem);
export const offersPage = pageOf(offerItem);
export const loansPage = pageOf(loanItem);
export type NeedItem = z.infer<typeof needItem>;
export type OfferItem = z.infer<typeof offerItem>;
export type LoanItem = z.infer<typeof loanItem>;

// ---------- 招商引资 projects ----------

export const projectCreateBody = z.object({
  name: text('项目名称', 2, 200),
  investor: text('投资方', 2, 200),
  amountYuan: yuan('投资额'),
  status: z.enum(projectStatuses).describe('项目状态'),
  introducedOn: day('引进日期'),
});
export const projectEditBody = z.object({ version: z.number().int().min(1).describe('版本号'), status: z.enum(projectStatuses).describe('项目状态'), amountYuan: yuan('投资额').optional() });
export type ProjectCreateBody = z.infer<typeof projectCreateBody>;
export const projectsQuery = listBase.extend({ status: z.enum(projectStatuses).optional().describe('项目状态') });
export const projectItem = z.object({ id: z.string(), studioId: z.string(), studioName: z.string(), name: z.string(), investor: z.string(), status: z.string(), statusLabel: z.string(), introducedOn: z.string(), version: z.number().int(), canEdit: z.boolean(), ...money });
export const projectsPage = pageOf(projectItem);
export type ProjectItem = z.infer<typeof projectItem>;
