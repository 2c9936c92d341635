/** Request and response schemas of the 组织机构 module, shared by the server and the web app. */
import { z } from 'zod';
import { orgKinds, orgLevels } from './domain/org-kinds.ts';

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
