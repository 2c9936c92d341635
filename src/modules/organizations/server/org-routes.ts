/** HTTP routes of the 组织机构 module: the admin tree, and the pickers (units, sectors, committees) for business users. */
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import {
  committeesResponse, createOrgBody, orgIdParams, orgSchema, orgTreeResponse, sectorsResponse, unitsResponse, updateOrgBody,
  type Org, type OrgTreeNode, workYearQuery, workYearResponse,
} from '../contract.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { workYearCalendarOf } from './work-year.ts';
import { workYear, workYearNumberOf } from '../../../kernel/universal/work-year.ts';
import { createOrg, listCommittees, listSectors, listUnits, orgTree, updateOrg, type OrgRow } from './org-repository.ts';

export function presentOrg(r: OrgRow, actor: Actor): Org {
  const manage = can(actor, 'org.manage');
  return {
    id: r.id, parentId: r.parent_id, kind: r.kind, level: r.level, name: r.name, shortName: r.short_name, code: r.code,
    sort: Number(r.sort), tenantId: r.tenant_id, active: Number(r.active) === 1, version: Number(r.version),
    actions: manage ? ['edit', 'addChild'] : [],
  };
}

function presentTree(nodes: Array<OrgRow & { children: unknown[] }>, actor: Actor): OrgTreeNode[] {
  return nodes.map((n) => ({ ...presentOrg(n, actor), children: presentTree(n.children as Array<OrgRow & { children: unknown[] }>, actor) }));
}

export function organizationRoutes(app: App, ctx: ModuleContext) {
  const { db, dialect } = ctx;

  app.get('/api/admin/organizations', {
    schema: { tags: ['organizations'], summary: '组织机构树（本级政协及下级政协）', response: { 200: orgTreeResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'org.manage', '管理组织机构');
    return { items: presentTree((await orgTree(db, actor.tenantId)) as any, actor) };
  });

  app.post('/api/admin/organizations', {
    schema: { tags: ['organizations'], summary: '新建组织', body: createOrgBody, response: { 201: orgSchema } },
  }, async (req, reply) => {
    const actor = requirePermission(actorOf(req), 'org.manage', '管理组织机构');
    const row = await createOrg(db, dialect, actor, req.body);
    return reply.status(201).send(presentOrg(row, actor));
  });

  app.patch('/api/admin/organizations/:id', {
    schema: { tags: ['organizations'], summary: '修改组织（需提供版本号，过期版本返回 409）', params: orgIdParams, body: updateOrgBody, response: { 200: orgSchema } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'org.manage', '管理组织机构');
    return presentOrg(await updateOrg(db, dialect, actor, req.params.id, req.body), actor);
  });

  // 工作年度: the year every page opens on, with its session; `year` asks for another year's session and days
  app.get('/api/work-year', {
    schema: { tags: ['organizations'], summary: '本级政协的工作年度及届次（各页面默认年度）', querystring: workYearQuery, response: { 200: workYearResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const calendar = await workYearCalendarOf(ctx.settings, actor.tenantId);
    const today = clock.today();
    return { ...workYear(req.query.year ?? workYearNumberOf(today, calendar), calendar), today, calendar };
  });

  app.get('/api/organizations/units', {
    schema: { tags: ['organizations'], summary: '本级承办单位列表（交办时选择）', response: { 200: unitsResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'org.read', '查看承办单位');
    const rows = await listUnits(db, actor.tenantId);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, code: r.code })) };
  });

  app.get('/api/sectors', {
    schema: { tags: ['organizations'], summary: '界别列表', response: { 200: sectorsResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'org.read', '查看界别');
    const rows = await listSectors(db, actor.tenantId);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, sort: Number(r.sort) })) };
  });

  app.get('/api/committees', {
    schema: { tags: ['organizations'], summary: '专门委员会列表', response: { 200: committeesResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'org.read', '查看专门委员会');
    const rows = await listCommittees(db, actor.tenantId);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, memberCount: r.member_count })) };
  });
}
