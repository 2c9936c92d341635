/**
 * The 有事来商量 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The result
 * transition body is not written here: it is derived from the lifecycle (`resultTransitionBody`).
 */
import { z } from 'zod';
import { figure } from '../../kernel/universal/figures.ts';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { evaluations, resultStates } from './domain/result-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const id = (label: string) => z.string().min(1).max(40).describe(label);

/** 议题状态: 待协商, 已协商, 不予协商. */
export const topicStatuses = ['open', 'consulted', 'dropped'] as const;
export const topicStatusLabels: Record<(typeof topicStatuses)[number], string> = { open: '待协商', consulted: '已协商', dropped: '不予协商' };

/* ------------------------------------------------------------------ platforms (协商平台) */

const platformFields = {
  town: z.string().trim().min(1).max(60).describe('乡镇（街道）'),
  village: z.string().trim().max(60).describe('村（社区）'),
  name: z.string().trim().min(2).max(100).describe('平台名称'),
  convenerUserId: id('召集人（委员）').nullable().optional(),
  convenerName: z.string().trim().min(1).max(40).describe('召集人'),
  convenerPhone: z.string().trim().max(30).nullable().optional().describe('召集人电话'),
  memberUserIds: z.array(id('联系委员')).max(50).optional().describe('联系委员'),
  establishedOn: day('设立日期'),
};

/** POST /api/platforms: a county's platform staff register a platform in their county. */
export const platformCreateBody = z.object(platformFields);
export type PlatformCreateBody = z.infer<typeof platformCreateBody>;

/** PATCH /api/platforms/:id: under the version read (else 409). */
export const platformEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  town: platformFields.town.optional(),
  village: platformFields.village.optional(),
  name: platformFields.name.optional(),
  convenerUserId: platformFields.convenerUserId,
  convenerName: platformFields.convenerName.optional(),
  convenerPhone: platformFields.convenerPhone,
  memberUserIds: platformFields.memberUserIds,
  establishedOn: platformFields.establishedOn.optional(),
});
export type PlatformEditBody = z.infer<typeof platformEditBody>;

/** GET /api/platforms/staff: the county's platform staff, each with the town their account is limited to (乡镇工作人员). */
export const staffTowns = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), town: z.string().nullable() })),
  /** the county's towns that have platforms */
  towns: z.array(z.string()),
  /** may the caller set the towns (the county's own staff) */
  canAssign: z.boolean(),
});
export type StaffTowns = z.infer<typeof staffTowns>;
/** PUT /api/platforms/staff/:userId: the town an account is limited to, or null for the whole county. */
export const staffTownBody = z.object({ town: z.string().trim().min(1).max(60).nullable().describe('负责的乡镇（街道）') });
export const userParams = z.object({ userId: id('工作人员') });
/** GET /api/platforms/member-options: members of the caller's CPPCC to pick as convener or attached member. */
export const memberOptionsQuery = z.object({ q: z.string().trim().max(40).optional().describe('姓名') });
export const memberOptions = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type MemberOptions = z.infer<typeof memberOptions>;

/** GET /api/platforms: the registry, paged; a figure's list is this query with the figure's `list.query`. */
export const platformListQuery = pageQuery.extend({
  county: id('县（区）').optional(),
  town: z.string().trim().max(60).optional().describe('乡镇（街道）'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  mine: bool.optional().describe('只看我召集的'),
});
export type PlatformListQuery = z.infer<typeof platformListQuery>;

export const idParams = z.object({ id: id('编号') });

export const platformListItem = z.object({
  id: z.string(),
  countyId: z.string(),
  countyName: z.string(),
  town: z.string(),
  village: z.string(),
  name: z.string(),
  convenerUserId: z.string().nullable(),
  convenerName: z.string(),
  establishedOn: z.string(),
  version: z.number().int(),
});
export type PlatformListItem = z.infer<typeof platformListItem>;
export const platformPage = pageOf(platformListItem);

export const topicItem = z.object({
  id: z.string(), platformId: z.string(), title: z.string(), raisedBy: z.string(), raisedOn: z.string(),
  status: z.enum(topicStatuses), statusLabel: z.string(), version: z.number().int(),
});
export type TopicItem = z.infer<typeof topicItem>;

export const resultItem = z.object({
  id: z.string(),
  platformId: z.string(),
  platformName: z.string(),
  countyName: z.string(),
  activityId: z.string(),
  content: z.string(),
  responsibleBody: z.string(),
  handedOn: z.string(),
  dueDate: z.string(),
  state: z.enum(resultStates),
  stateLabel: z.string(),
  stateTone: z.string(),
  feedback: z.string().nullable(),
  implementedOn: z.string().nullable(),
  evaluation: z.enum(evaluations).nullable(),
  evaluationLabel: z.string().nullable(),
  version: z.number().int(),
  progress: stateViewSchema,
  /** what the caller may do now (落实, 评价) with their forms */
  actions: z.array(allowedActionSchema),
});
export type ResultItem = z.infer<typeof resultItem>;

export const activityItem = z.object({
  id: z.string(),
  platformId: z.string(),
  platformName: z.string(),
  countyName: z.string(),
  town: z.string(),
  village: z.string(),
  topicId: z.string().nullable(),
  topic: z.string(),
  heldOn: z.string(),
  membersCount: z.number().int(),
  residentsCount: z.number().int(),
  participants: z.string(),
  minutes: z.string(),
  recordedByName: z.string(),
  resultCount: z.number().int(),
  version: z.number().int(),
});
export type ActivityItem = z.infer<typeof activityItem>;

export const platformDetail = platformListItem.extend({
  convenerPhone: z.string().nullable(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  topics: z.array(topicItem),
  /** the latest consultations (up to 50) and their results */
  activities: z.array(activityItem.extend({ results: z.array(resultItem), photoCount: z.number().int() })),
  activityTotal: z.number().int(),
  /** may the caller edit the registry entry, and record topics, consultations and results */
  canEdit: z.boolean(),
  canRecord: z.boolean(),
});
export type PlatformDetail = z.infer<typeof platformDetail>;

/* ------------------------------------------------------------------ topics, activities, results */

/** POST /api/platforms/:id/topics: a topic for the platform's 议题清单. */
export const topicCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('议题'),
  raisedBy: z.string().trim().min(1).max(60).describe('提出人'),
  raisedOn: day('提出日期'),
});
export type TopicCreateBody = z.infer<typeof topicCreateBody>;

/** PATCH /api/platforms/topics/:id: the topic's status, under its version. */
export const topicEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  status: z.enum(topicStatuses).describe('议题状态'),
});
export type TopicEditBody = z.infer<typeof topicEditBody>;

export const resultInput = z.object({
  content: z.string().trim().min(2).max(1000).describe('协商成果'),
  responsibleBody: z.string().trim().min(2).max(100).describe('责任单位'),
  dueDate: day('落实期限'),
});

/** POST /api/platforms/:id/activities: a consultation held, with the results it handed over (成果清单). */
export const activityCreateBody = z.object({
  heldOn: day('协商日期'),
  topicId: id('议题').nullable().optional(),
  topic: z.string().trim().min(2).max(200).describe('协商议题'),
  membersCount: z.number().int().min(0).max(1000).describe('参加委员人数'),
  residentsCount: z.number().int().min(0).max(10000).describe('参加群众人数'),
  participants: z.string().trim().max(2000).default('').describe('参加人员'),
  minutes: z.string().trim().min(1).max(10000).describe('协商纪要'),
  /** photos uploaded through /api/attachments first */
  attachmentIds: z.array(id('照片')).max(20).optional().describe('照片'),
  results: z.array(resultInput).max(30).default([]).describe('成果清单'),
});
export type ActivityCreateBody = z.infer<typeof activityCreateBody>;

/** POST /api/platforms/activities/:id/results: one more result of a consultation. */
export const resultCreateBody = resultInput;
export type ResultCreateBody = z.infer<typeof resultCreateBody>;

/** GET /api/platforms/activities: consultations held, by county, platform and period of days held. */
export const activityListQuery = pageQuery.extend({
  county: id('县（区）').optional(),
  platformId: id('平台').optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;
export const activityPage = pageOf(activityItem);

/** GET /api/platforms/results: results by county, platform, state, hand-over period or implementation period. */
export const resultListQuery = pageQuery.extend({
  county: id('县（区）').optional(),
  platformId: id('平台').optional(),
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(100).optional().describe('状态'),
  from: day('交办开始日期').optional(),
  to: day('交办结束日期').optional(),
  implementedFrom: day('落实开始日期').optional(),
  implementedTo: day('落实结束日期').optional(),
});
export type ResultListQuery = z.infer<typeof resultListQuery>;
export const resultPage = pageOf(resultItem);

/* ------------------------------------------------------------------ overview (按县区概览) */

export const overviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
});
export const overviewCounty = z.object({
  countyId: z.string(),
  countyName: z.string(),
  /** the four figures of the county: platforms, consultations held, results, results implemented */
  figures: z.array(figure),
});
export const overview = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  counties: z.array(overviewCounty),
  total: z.array(figure),
});
export type Overview = z.infer<typeof overview>;

/** POST /api/platforms/import answers how many rows were added and which rows were refused, by row number. */
export const importResult = z.object({
  added: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
