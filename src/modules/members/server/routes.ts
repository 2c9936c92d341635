/** Routes of 委员履职: my duty record, a member's record, the directory (委员名录) and its Excel export. */
import { z } from 'zod';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { getOrg } from '../../organizations/index.ts';
import { directoryFiltersInfo, directoryPage, directoryQuery, exportQuery, memberRecord, memberSearchGroups, memberSearchPage, memberSearchQuery, recordParams, recordQuery } from '../contract.ts';
import { PERM_READ_ALL, PERM_READ_OWN } from '../domain/permissions.ts';
import { directoryFilters, directoryPageOf, directoryRows, directoryWorkbook } from './directory.ts';
import { memberRecordOf } from './record.ts';
import { memberSearchGroups as groupsOf, searchMembers } from './search.ts';
import { registryRoutes } from './registry-routes.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 选择委员 is open to the members themselves (联名) and to the staff who read the directory. */
function mayPickMembers(actor: Actor): Actor {
  return can(actor, PERM_READ_ALL) ? actor : requirePermission(actor, PERM_READ_OWN, '选择委员');
}

export function memberRoutes(app: App, ctx: ModuleContext) {
  const tags = ['members'];
  // 委员管理 first: its static paths sit beside the record's /api/members/:userId/…
  registryRoutes(app, ctx);

  app.get('/api/members/search', {
    schema: {
      tags, summary: '选择委员：按姓名搜索、按界别和专委会筛选本级委员（不含本人），分页，只返回姓名、界别和专委会',
      description: '供联名提案等选择委员使用。界别或专委会不是本级的返回 400 INVALID_INPUT（field 为 sector 或 committee）。',
      querystring: memberSearchQuery, response: { 200: memberSearchPage, ...errors },
    },
  }, async (req) => searchMembers(ctx.db, mayPickMembers(actorOf(req)), req.query));

  app.get('/api/members/search/groups', {
    schema: { tags, summary: '选择委员的筛选项：本级界别和专委会', response: { 200: memberSearchGroups, ...errors } },
  }, async (req) => groupsOf(ctx.db, mayPickMembers(actorOf(req)).tenantId));

  app.get('/api/members/me/record', {
    schema: {
      tags, summary: '我的履职：本人某一年度的领衔、附议、并案提案，社情民意报送、录用、各级采用、批示和积分，年度汇总与历年趋势',
      description: '年度缺省为当年。每个汇总数字都带有其背后记录的编号。', querystring: recordQuery, response: { 200: memberRecord, ...errors },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return memberRecordOf(ctx, actor, actor.userId, req.query.year);
  });

  app.get('/api/members/:userId/record', {
    schema: {
      tags, summary: '委员履职档案：某位委员某一年度的提案、社情民意和积分（委员只能查看本人；有权查看全部的工作人员可查看本级任一委员）',
      description: '其他委员的档案返回 403 FORBIDDEN；非本级委员返回 404 NOT_FOUND。', params: recordParams, querystring: recordQuery,
      response: { 200: memberRecord, ...errors },
    },
  }, async (req) => memberRecordOf(ctx, actorOf(req), req.params.userId, req.query.year));

  app.get('/api/members/filters', {
    schema: { tags, summary: '委员名录的筛选项：本级界别和专委会', response: { 200: directoryFiltersInfo, ...errors } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM_READ_ALL, '查看委员名录');
    return directoryFilters(ctx.db, actor.tenantId);
  });

  app.get('/api/members', {
    schema: {
      tags, summary: '委员名录：本级委员的界别、专委会及年度领衔提案、附议提案、并案、社情民意报送、采用和积分，可按姓名搜索、按界别和专委会筛选、排序',
      querystring: directoryQuery, response: { 200: directoryPage, ...errors },
    },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), PERM_READ_ALL, '查看委员名录');
    return directoryPageOf(ctx.db, actor.tenantId, req.query);
  });

  app.get('/api/members/export.xlsx', {
    schema: { tags, summary: '委员名录 Excel：与名录相同的筛选和排序，全部委员及其年度履职数字', querystring: exportQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = requirePermission(actorOf(req), PERM_READ_ALL, '导出委员名录');
    const [{ year, rows }, tenant] = await Promise.all([directoryRows(ctx.db, actor.tenantId, req.query), getOrg(ctx.db, actor.tenantId)]);
    const buf = await directoryWorkbook(tenant?.name ?? '', year, rows);
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('members.xlsx', `委员名录${year}年度.xlsx`)).send(buf);
  });
}
