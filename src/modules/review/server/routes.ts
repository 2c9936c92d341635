/**
 * HTTP routes of the dashboard (领导驾驶舱, /api/dashboard…) and the annual review (工作回眸, /api/review…). Each route is
 * thin: validate (the contract's zod schemas) → authorize (review.read; an organisation the actor may not see is a
 * 404) → read the catalogue or run the command → present.
 */
import { z } from 'zod';
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { inInputField, notFound } from '../../../kernel/universal/errors.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { counties, countyRecords, countyRecordsQuery, dashboard, documentQuery, idParams, reviewDocument, reviewFigures, reviewSaveBody, trends, trendsQuery, yearQuery } from '../contract.ts';
import { sectionHeading, sectionOf } from '../domain/review-document.ts';
import { reviewPermissions, reviewTransitionBody } from '../domain/review-lifecycle.ts';
import { DOC_LABEL, documentOf, findDocumentById, fireDocument, saveDocument } from './document.ts';
import { reviewDocx } from './docx.ts';
import { readLayout } from './settings.ts';
import { readAsIn, registerCountyView } from './county-view.ts';
import { countiesXlsx } from './counties-xlsx.ts';
import { countiesOf, countyListOf, dashboardOf, organisationFor, trendsOf, yearFigures, yearOf } from './year-figures.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="review.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The signed-in actor, if they may read the dashboard and the reviews (the three administrators may not: 三员分立). */
const reader = (req: Parameters<typeof actorOf>[0]): Actor => requirePermission(actorOf(req), reviewPermissions.read, '查看领导驾驶舱和工作回眸');

export function reviewRoutes(app: App, ctx: ModuleContext) {
  registerCountyView(app);

  app.get('/api/dashboard', {
    schema: { tags: ['dashboard'], summary: '领导驾驶舱：某一年度（默认本工作年度）各模块的统计数字与上年同比、需关注的数字；每个数字附带其明细列表', querystring: yearQuery, response: { 200: dashboard, ...errors } },
  }, async (req) => dashboardOf(ctx, reader(req), req.query));

  app.get('/api/dashboard/trends', {
    schema: { tags: ['dashboard'], summary: '领导驾驶舱：统计数字逐月走势（按月向统计数字目录取数；只按年度统计的数字没有走势）', querystring: trendsQuery, response: { 200: trends, ...errors } },
  }, async (req) => trendsOf(ctx, reader(req), req.query));

  app.get('/api/dashboard/counties', {
    schema: { tags: ['dashboard'], summary: '领导驾驶舱：本级及下级政协的统计数字并列（各级只返回调用者有权查看、可追溯到明细的数字）', querystring: yearQuery.pick({ year: true }), response: { 200: counties, ...errors } },
  }, async (req) => countiesOf(ctx, reader(req), req.query));

  app.get('/api/dashboard/counties.xlsx', {
    schema: { tags: ['dashboard'], summary: '领导驾驶舱：本级及下级政协统计数字对比表（Excel，每个政协组织一列）', querystring: yearQuery.pick({ year: true }), produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const c = await countiesOf(ctx, reader(req), req.query);
    const name = `${c.organisations[0]?.name ?? ''}${c.year}年度统计数字对比.xlsx`;
    return reply.header('content-type', xlsxType)
      .header('content-disposition', `attachment; filename="counties.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(await countiesXlsx(c));
  });

  app.get('/api/dashboard/records', {
    schema: {
      tags: ['dashboard'], summary: '领导驾驶舱：下级政协某个统计数字的明细（按该数字的明细链接，以调用者在该政协的视角读取；只限其统计数字给出的链接）',
      querystring: countyRecordsQuery, response: { 200: countyRecords, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    const { page, pageSize, ...q } = req.query;
    const sep = q.link.includes('?') ? '&' : '?';
    const paging = new URLSearchParams({ ...(page ? { page: String(page) } : {}), ...(pageSize ? { pageSize: String(pageSize) } : {}) }).toString();
    return countyListOf(ctx, actor, q, (tenantId, url) => readAsIn(app, req, actor, tenantId, paging ? `${url}${sep}${paging}` : url)) as Promise<z.infer<typeof countyRecords>>;
  });

  app.get('/api/review', {
    schema: {
      tags: ['review'], summary: '工作回眸的统计数字（JSON）：某一年度各篇章的数字，每个数字含 key、label、value、unit、上年同比和明细链接 link',
      querystring: yearQuery, response: { 200: reviewFigures, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    const { organisation } = await organisationFor(ctx, actor, req.query.org);
    const year = await yearOf(ctx, organisation.id, req.query.year);
    const [modules, layout] = await Promise.all([yearFigures(ctx, actor, organisation.id, year), readLayout(ctx, organisation.id)]);
    const figures = modules.flatMap((m) => m.figures).map((f) => {
      const section = sectionOf(layout, f.key);
      return { ...f, section, sectionHeading: sectionHeading(section) };
    });
    return { year, organisation, figures };
  });

  app.get('/api/review/document', {
    schema: { tags: ['review'], summary: '工作回眸文稿：某一年度（或 doc 指定的文稿）的各篇章正文（统计数字实时取自统计数字目录）、状态和可执行的操作', querystring: documentQuery, response: { 200: reviewDocument, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    // a work item's link names the document: its CPPCC and year, if the actor may see that CPPCC
    const named = req.query.doc ? await findDocumentById(ctx, req.query.doc) : undefined;
    if (req.query.doc && !named) throw notFound(DOC_LABEL);
    const { organisation } = await organisationFor(ctx, actor, named?.tenant_id ?? req.query.org);
    return documentOf(ctx, actor, organisation, named ? Number(named.year) : await yearOf(ctx, organisation.id, req.query.year));
  });

  app.put('/api/review/document', {
    schema: {
      tags: ['review'], summary: '修改工作回眸文稿（办公室，起草中时；正文中的数字只能以统计数字占位符插入，如 {proposals.filed}；带版本号，新文稿为 0，并发修改返回 409）',
      body: reviewSaveBody, response: { 200: reviewDocument, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    await saveDocument(ctx, actor, req.body, req.ip);
    const { organisation } = await organisationFor(ctx, actor);
    return documentOf(ctx, actor, organisation, req.body.year);
  });

  app.post('/api/review/documents/:id/transitions', {
    schema: {
      tags: ['review'], summary: '工作回眸操作（送审定、审定、退回修改、发布）', description: '可执行的操作见文稿的 actions。版本号过期返回 409 VERSION_CONFLICT。',
      params: idParams, body: reviewTransitionBody, response: { 200: reviewDocument, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    const found = await findDocumentById(ctx, req.params.id);
    if (!found || found.tenant_id !== actor.tenantId) throw notFound(DOC_LABEL);
    const row = await inInputField(() => fireDocument(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    const { organisation } = await organisationFor(ctx, actor);
    return documentOf(ctx, actor, organisation, row.year);
  });

  app.get('/api/review/document.docx', {
    schema: { tags: ['review'], summary: '工作回眸（Word，公文格式）', querystring: yearQuery, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const { organisation } = await organisationFor(ctx, actor, req.query.org);
    const d = await documentOf(ctx, actor, organisation, await yearOf(ctx, organisation.id, req.query.year));
    const buf = await reviewDocx(d, clock.today());
    return reply.header('content-type', docxType).header('content-disposition', attachment(`${d.title}.docx`)).send(buf);
  });
}
