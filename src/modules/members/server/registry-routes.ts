/** Routes of 委员管理 (the member registry) under /api/members/registry, and a member's own registry record. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, invalid } from '../../../kernel/universal/errors.ts';
import { getOrg, listCommittees, listSectors } from '../../organizations/index.ts';
import {
  addContactBody, contactLogResponse, contactLogSchema, registryExportQuery, registryImportResult, registryListQuery, registryPage, registryParams,
  registryRecordSchema, registryStats, registryStatsQuery, registryTermsResponse, updateRegistryBody,
} from '../../organizations/contract.ts';
import { addContact, assembleRegistry, contactLog, filterRegistry, registryPage as pageOf, registryRecordOf, registryTerms, requireRegistryManager, requireRegistryReader, updateRegistry } from './registry.ts';
import { importRegistry, registryTemplate, registryWorkbook } from './registry-excel.ts';
import { registryStatsOf } from './registry-figures.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function registryRoutes(app: App, ctx: ModuleContext) {
  const tags = ['members'];

  app.get('/api/members/registry/terms', {
    schema: { tags, summary: '委员管理：本级政协的届次（委员任职过的各届及本届）及每届委员人数', response: { 200: registryTermsResponse, ...errors } },
  }, async (req) => {
    const actor = requireRegistryReader(actorOf(req));
    return { items: await registryTerms(ctx, actor.tenantId) };
  });

  app.get('/api/members/registry/stats', {
    schema: {
      tags, summary: '委员构成：某日（缺省今天）在任委员按界别、党派、届次的人数，每个数字带其委员列表的查询条件', querystring: registryStatsQuery,
      response: { 200: registryStats, ...errors },
    },
  }, async (req) => registryStatsOf(ctx, requireRegistryReader(actorOf(req)), req.query.servingOn ?? ctx.calendar.today()));

  app.get('/api/members/registry', {
    schema: {
      tags, summary: '委员管理：本级委员档案列表（按姓名或用户名搜索，按届次、界别、党派、专委会、常委、在任、任职或离任年度筛选，分页）',
      description: '只列出本级政协（市或县区）的委员。联系电话、电子邮箱、通讯地址仅对有「查看委员联系方式」权限者显示明文，其余显示为掩码（contactsMasked 为 true）。',
      querystring: registryListQuery, response: { 200: registryPage, ...errors },
    },
  }, async (req) => pageOf(ctx, requireRegistryReader(actorOf(req)), req.query));

  app.get('/api/members/registry/export.xlsx', {
    schema: { tags, summary: '委员档案 Excel：与列表相同的筛选，全部委员（联系方式按查看权限掩码）；可修改后导入', querystring: registryExportQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = requireRegistryReader(actorOf(req));
    const rows = await filterRegistry(ctx, actor.tenantId, await assembleRegistry(ctx.db, actor.tenantId), req.query);
    const tenant = await getOrg(ctx.db, actor.tenantId);
    const buf = await registryWorkbook(tenant?.name ?? '', rows, actor);
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('member-registry.xlsx', '委员档案.xlsx')).send(buf);
  });

  app.get('/api/members/registry/import-template.xlsx', {
    schema: { tags, summary: '委员档案导入模板 Excel：表头、界别和专委会的可选值、填写说明', produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = requireRegistryManager(actorOf(req));
    const [tenant, sectors, committees] = await Promise.all([getOrg(ctx.db, actor.tenantId), listSectors(ctx.db, actor.tenantId), listCommittees(ctx.db, actor.tenantId)]);
    const buf = await registryTemplate(tenant?.name ?? '', sectors.map((s) => s.name), committees.map((c) => c.short_name ?? c.name));
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('member-registry-template.xlsx', '委员档案导入模板.xlsx')).send(buf);
  });

  app.post('/api/members/registry/import', {
    schema: {
      tags, summary: '导入委员档案 Excel（multipart/form-data，字段 file；列同导出或导入模板；有一行不合格则全部不导入）',
      description: '按用户名、身份证号或手机号对应本级已有委员并更新其档案；对应不上的为新委员，新建委员账号（初始密码在结果 accounts 中，首次登录须修改）。'
        + '不合格时返回 400 VALIDATION_FAILED，details 逐行列出（field 为 row.行号）。联系方式单元格含 * 的（掩码）保持原值。身份证号只保存其摘要。',
      consumes: ['multipart/form-data'], response: { 200: registryImportResult, ...errors },
    },
  }, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件');
    const part = await req.file();
    if (!part) throw invalid('file', '「文件」', '不能为空');
    const content = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '上传内容超过大小限制');
    return importRegistry(ctx, actor, content, req.ip);
  });

  app.get('/api/members/me/registry', {
    schema: { tags, summary: '本人的委员档案（只读）：界别、党派、届次与职务、专委会、联系方式、专长和关注领域', response: { 200: registryRecordSchema, ...errors } },
  }, async (req) => {
    const actor = actorOf(req);
    return registryRecordOf(ctx, actor, actor.userId);
  });

  app.get('/api/members/registry/:userId', {
    schema: {
      tags, summary: '委员档案：本级某位委员的基本信息、任职（届次、任离职日期及原因、常委、职务）、专委会、联系方式（按权限掩码）、专长和关注领域',
      description: '非本级委员返回 404 NOT_FOUND。actions 列出调用者可做的操作（edit、addContact、readContacts）。', params: registryParams, response: { 200: registryRecordSchema, ...errors },
    },
  }, async (req) => registryRecordOf(ctx, actorOf(req), req.params.userId));

  app.patch('/api/members/registry/:userId', {
    schema: {
      tags, summary: '修改委员档案（需提供版本号，过期版本返回 409 VERSION_CONFLICT；任职和专委会按整表替换；记入审计日志）',
      params: registryParams, body: updateRegistryBody, response: { 200: registryRecordSchema, ...errors },
    },
  }, async (req) => updateRegistry(ctx, actorOf(req), req.params.userId, req.body, req.ip));

  app.get('/api/members/registry/:userId/contacts', {
    schema: { tags, summary: '委员联络记录（走访、电话、谈心谈话），按日期倒序', params: registryParams, response: { 200: contactLogResponse, ...errors } },
  }, async (req) => ({ items: await contactLog(ctx, actorOf(req), req.params.userId) }));

  app.post('/api/members/registry/:userId/contacts', {
    schema: { tags, summary: '新增联络记录（联络日期不能晚于今天；记入审计日志）', params: registryParams, body: addContactBody, response: { 201: contactLogSchema, ...errors } },
  }, async (req, reply) => reply.status(201).send(await addContact(ctx, actorOf(req), req.params.userId, req.body, req.ip)));
}
