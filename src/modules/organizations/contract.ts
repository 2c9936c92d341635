/** Request and response schemas of the 组织机构 module, shared by the server and the web app. */
import { z } from 'zod';
import { orgKinds, orgLevels } from './domain/org-kinds.ts';
import { committeeRoles, contactKinds, leaveReasons, termPosts } from './domain/registry.ts';

export const orgKindSchema = z.enum(orgKinds).describe('组织类型');
export const orgLevelSchema = z.enum(orgLevels).describe('层级');

/** One organisation as the API presents it, with the actions the caller may take on it. */
export const orgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: orgKindSchema,
  level: orgLevelSchema.nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  sort: z.number().int(),
  tenantId: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  actions: z.array(z.enum(['edit', 'addChild'])),
});
export type Org = z.infer<typeof orgSchema>;

export type OrgTreeNode = Org & { children: OrgTreeNode[] };
export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = z.lazy(() => orgSchema.extend({ children: z.array(orgTreeNodeSchema) }));

export const orgTreeResponse = z.object({ items: z.array(orgTreeNodeSchema) });

const name = z.string().trim().min(1).max(100);

export const createOrgBody = z.object({
  parentId: z.string().min(1).max(40).describe('上级组织'),
  kind: orgKindSchema,
  level: orgLevelSchema.optional(),
  name: name.describe('名称'),
  shortName: z.string().trim().max(40).optional().describe('简称'),
  code: z.string().trim().max(40).optional().describe('编码'),
  sort: z.number().int().min(0).max(100000).optional().describe('排序'),
});
export type CreateOrgBody = z.infer<typeof createOrgBody>;

export const updateOrgBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  name: name.optional().describe('名称'),
  shortName: z.string().trim().max(40).nullable().optional().describe('简称'),
  code: z.string().trim().max(40).nullable().optional().describe('编码'),
  sort: z.number().int().min(0).max(100000).optional().describe('排序'),
  active: z.boolean().optional().describe('是否启用'),
});
export type UpdateOrgBody = z.infer<typeof updateOrgBody>;

export const orgIdParams = z.object({ id: z.string().min(1).max(40).describe('组织编号') });

/** A government handling unit (承办单位) for assignment pickers. */
export const unitSchema = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), code: z.string().nullable() });
export const unitsResponse = z.object({ items: z.array(unitSchema) });

/** 界别 */
export const sectorSchema = z.object({ id: z.string(), name: z.string(), sort: z.number().int() });
export const sectorsResponse = z.object({ items: z.array(sectorSchema) });

/** 专门委员会 */
export const committeeSchema = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), memberCount: z.number().int() });
export const committeesResponse = z.object({ items: z.array(committeeSchema) });

/** 工作年度: the working year a page opens on and its session (GET /api/work-year). */
export const workYearSchema = z.object({
  year: z.number().int().describe('工作年度'),
  sessionLabel: z.string().describe('届次（次会议）'),
  startsOn: z.string().describe('起始日'),
  endsOn: z.string().describe('截止日'),
  nextYearAfter: z.string().describe('计入下一工作年度的起始日（此日之后）'),
});
export const workYearResponse = workYearSchema.extend({
  today: z.string().describe('今天（北京时间）'),
  calendar: z.object({
    nextYearAfter: z.string(), termFirstYear: z.number().int(), termNumber: z.number().int(), termLength: z.number().int(),
  }).describe('工作年度与届次设置'),
});
export const workYearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度') });
export type WorkYearResponse = z.infer<typeof workYearResponse>;

/* ---------- 委员管理 (the member registry) ---------- */

const dateText = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期')
  .refine((v) => { const t = Date.parse(`${v}T00:00:00Z`); return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v; }, '不是有效的日期').describe(label);
const shortList = (label: string) => z.array(z.string().trim().min(1).max(20)).max(20).describe(label);

/** 届 a member served or serves in. */
export const registryTermSchema = z.object({ termNo: z.number().int(), label: z.string(), firstYear: z.number().int(), lastYear: z.number().int(), current: z.boolean(), members: z.number().int() });
export const registryTermsResponse = z.object({ items: z.array(registryTermSchema) });

/** 任职: one term of a member. */
export const memberTermSchema = z.object({
  termNo: z.number().int().min(1).max(99).describe('届次'),
  label: z.string(),
  joinedOn: dateText('任职日期'),
  leftOn: dateText('离任日期').nullable(),
  leftReason: z.enum(leaveReasons).nullable().describe('离任原因'),
  standing: z.boolean().describe('常委'),
  posts: z.array(z.enum(termPosts)).describe('职务'),
});
export type MemberTerm = z.infer<typeof memberTermSchema>;

export const registryCommitteeSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(committeeRoles) });

/** One member in the registry list; contact details masked unless the viewer sees them (`contactsMasked`). */
export const registryItemSchema = z.object({
  userId: z.string(),
  username: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  sectorId: z.string().nullable(),
  sectorName: z.string().nullable(),
  party: z.string().nullable(),
  workplace: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  contactsMasked: z.boolean(),
  /** the latest term */
  termNo: z.number().int().nullable(),
  termLabel: z.string().nullable(),
  standing: z.boolean(),
  posts: z.array(z.string()),
  committees: z.array(registryCommitteeSchema),
  /** 在任: the latest term has no 离任日期 */
  active: z.boolean(),
  version: z.number().int(),
});
export type RegistryItem = z.infer<typeof registryItemSchema>;

export const registryListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
  q: z.string().trim().max(50).optional().describe('姓名或用户名'),
  term: z.coerce.number().int().min(1).max(99).optional().describe('届次'),
  sector: z.string().min(1).max(40).optional().describe('界别'),
  party: z.string().trim().min(1).max(40).optional().describe('党派'),
  committee: z.string().min(1).max(40).optional().describe('专委会'),
  standing: z.enum(['true', 'false']).optional().describe('常委'),
  active: z.enum(['true', 'false']).optional().describe('在任'),
  /** serving on a day (a term joined on or before it and not left by it): the figures' lists */
  servingOn: dateText('在任日期').optional(),
  /** joined or left a term within a period (inclusive) */
  joinedFrom: dateText('任职起始日期').optional(),
  joinedTo: dateText('任职截止日期').optional(),
  leftFrom: dateText('离任起始日期').optional(),
  leftTo: dateText('离任截止日期').optional(),
});
export type RegistryListQuery = z.infer<typeof registryListQuery>;
export const registryExportQuery = registryListQuery.omit({ page: true, pageSize: true });
export const registryPage = z.object({ items: z.array(registryItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type RegistryPage = z.infer<typeof registryPage>;

/** GET /api/members/registry/stats: the members serving on a day by 界别, 党派 and 届, each count with its list's query. */
export const registryStatRow = z.object({ key: z.string(), label: z.string(), count: z.number().int(), query: z.record(z.string(), z.string()) });
export const registryStats = z.object({
  servingOn: z.string(), total: z.number().int(),
  bySector: z.array(registryStatRow), byParty: z.array(registryStatRow), byTerm: z.array(registryStatRow),
});
export type RegistryStats = z.infer<typeof registryStats>;
export const registryStatsQuery = z.object({ servingOn: dateText('在任日期').optional() });

/** 联络记录 */
export const contactLogSchema = z.object({
  id: z.string(), kind: z.enum(contactKinds), kindLabel: z.string(), contactOn: z.string(), staffName: z.string(), notes: z.string(), createdAt: z.string(),
});
export type ContactLogEntry = z.infer<typeof contactLogSchema>;
export const contactLogResponse = z.object({ items: z.array(contactLogSchema) });
export const addContactBody = z.object({
  kind: z.enum(contactKinds).describe('联络方式'),
  contactOn: dateText('联络日期'),
  notes: z.string().trim().min(1).max(2000).describe('联络内容'),
});

/** A member's registry record (委员档案) with what the viewer may do. */
export const registryRecordSchema = registryItemSchema.extend({
  tenantName: z.string(),
  skills: z.array(z.string()),
  fields: z.array(z.string()),
  terms: z.array(memberTermSchema),
  actions: z.array(z.enum(['edit', 'addContact', 'readContacts'])),
});
export type RegistryRecord = z.infer<typeof registryRecordSchema>;

export const registryParams = z.object({ userId: z.string().min(1).max(40).describe('委员') });

/** PATCH /api/registry/members/:userId: the fields given are replaced (terms and committees as whole lists). */
export const updateRegistryBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  gender: z.enum(['男', '女']).nullable().optional().describe('性别'),
  sectorId: z.string().min(1).max(40).nullable().optional().describe('界别'),
  party: z.string().trim().max(40).nullable().optional().describe('党派'),
  workplace: z.string().trim().max(100).nullable().optional().describe('工作单位及职务'),
  phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '应为 11 位手机号或带区号的固定电话').nullable().optional().describe('联系电话'),
  email: z.string().trim().email('格式不正确').max(100).nullable().optional().describe('电子邮箱'),
  address: z.string().trim().max(200).nullable().optional().describe('通讯地址'),
  skills: shortList('专长').optional(),
  fields: shortList('关注领域').optional(),
  committees: z.array(z.object({ committeeId: z.string().min(1).max(40).describe('专委会'), role: z.enum(committeeRoles).describe('专委会职务') })).max(10).optional().describe('专委会'),
  terms: z.array(memberTermSchema.omit({ label: true })).min(1).max(20).optional().describe('任职'),
});
export type UpdateRegistryBody = z.infer<typeof updateRegistryBody>;

/** POST /api/registry/import: how many members' records were written. */
export const registryImportResult = z.object({
  updated: z.number().int(), created: z.number().int(),
  /** 新增委员的账号与初始密码（首次登录须修改），由办公室交给委员 */
  accounts: z.array(z.object({ row: z.number().int(), name: z.string(), username: z.string(), initialPassword: z.string() })),
});
export type RegistryImportResult = z.infer<typeof registryImportResult>;
export { termPosts, committeeRoles, leaveReasons, contactKinds, contactKindLabels, termLabel } from './domain/registry.ts';
