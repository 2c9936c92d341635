/**
 * HTTP routes under /api/office/documents. Each route is thin: validate (the contract's zod schemas; a bad field is a
 * 400 naming it in Chinese) → authorize (permission and policy; a record the actor may not see is a 404) → command →
 * present. Every route declares tags, a Chinese summary and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, notFound } from '../../../kernel/universal/errors.ts';
import { listCommittees, listUnits } from '../../organizations/index.ts';
import {
  diffQuery, diffResult, documentActionBody, documentCommentBody, documentCreateBody, documentDetail, documentEditBody, documentListQuery, documentOptions, documentPage, idParams,
} from '../contract.ts';
import { diffTexts, documentStates, documentTypes, stateDefs, typeDefs } from '../domain/document-rules.ts';
import { canUseDocuments, drafts } from '../domain/documents-policy.ts';
import { actOnDocument, commentDocument, createDocument, editDocument, ITEM_LABEL, markRead } from './commands.ts';
import { documentDocx } from './document-docx.ts';
import { toDetail, toListItem } from './presenter.ts';
import { canSee, findItem, listItems, versionsOf } from './repository.ts';
import { readDocumentsSettings } from './settings.ts';

const tags = ['documents'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const BASE = '/api/office/documents';

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseDocuments(actor)) throw forbidden(`使用${ITEM_LABEL}`);
  return actor;
}

export function documentsRoutes(app: App, ctx: ModuleContext) {
  async function visible(id: string, actor: Actor) {
    const r = await findItem(ctx.db, id);
    if (!r || !(await canSee(ctx.db, r, actor))) throw notFound(ITEM_LABEL);
    return r;
  }
  const detailOf = async (id: string, actor: Actor) => toDetail(ctx, await visible(id, actor), actor);

  app.get(BASE, {
    schema: { tags, summary: `${ITEM_LABEL}档案与列表（按文种、年度、状态、文号、关键词、签发日期筛选；收文；分页）`, querystring: documentListQuery, response: { 200: documentPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const badState = q.state?.split(',').find((s) => !(documentStates as readonly string[]).includes(s));
    if (badState) throw new AppError('VALIDATION_FAILED', `「状态」没有「${badState}」这个值`, { field: 'state' });
    const badType = q.docType?.split(',').find((s) => !(documentTypes as readonly string[]).includes(s));
    if (badType) throw new AppError('VALIDATION_FAILED', `「文种」没有「${badType}」这个值`, { field: 'docType' });
    const { rows, total } = await listItems(ctx.db, actor, q);
    return { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize };
  });

  app.get(`${BASE}/options`, {
    schema: { tags, summary: `${ITEM_LABEL}的文种（含模板）、状态，及可分发的单位`, response: { 200: documentOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const orgs = drafts(actor)
      ? [
        ...(await listCommittees(ctx.db, actor.tenantId)).map((o) => ({ id: o.id, name: o.short_name ?? o.name, kind: 'committee' })),
        ...(await listUnits(ctx.db, actor.tenantId)).map((o) => ({ id: o.id, name: o.short_name ?? o.name, kind: 'gov_unit' })),
      ]
      : [];
    return {
      types: documentTypes.map((code) => ({ code, label: typeDefs[code].label, template: typeDefs[code].template })),
      states: documentStates.map((code) => ({ code, label: stateDefs[code].label })),
      orgs,
    };
  });

  app.post(BASE, {
    schema: { tags, summary: `拟稿：按文种模板新建${ITEM_LABEL}`, body: documentCreateBody, response: { 201: documentDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createDocument(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get(`${BASE}/:id`, {
    schema: { tags, summary: `${ITEM_LABEL}详情（审签流程、意见、版本、分发与回执、可执行的操作）；收文人打开即记录阅知`, params: idParams, response: { 200: documentDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const r = await visible(req.params.id, actor);
    // 阅知回执: opening a document distributed to oneself or one's organisation records the reading
    if (r.state === 'distributed') await markRead(ctx, actor, r);
    return toDetail(ctx, r, actor);
  });

  app.patch(`${BASE}/:id`, {
    schema: { tags, summary: `修改${ITEM_LABEL}（拟稿人或核稿人；保留新版本；带版本号，并发修改返回 409）`, params: idParams, body: documentEditBody, response: { 200: documentDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editDocument(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${BASE}/:id/actions`, {
    schema: {
      tags, summary: `${ITEM_LABEL}审签操作（送核稿、核稿通过、会签同意、退回修改、签发、分发、催阅）`,
      description: '可执行的操作见详情的 actions。签发时按文种和年度分配文号。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: documentActionBody, response: { 200: documentDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await actOnDocument(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post(`${BASE}/:id/comments`, {
    schema: { tags, summary: `对${ITEM_LABEL}发表意见（记在当前环节）`, params: idParams, body: documentCommentBody, response: { 200: documentDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await commentDocument(ctx, actor, req.params.id, req.body.text, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.get(`${BASE}/:id/diff`, {
    schema: { tags, summary: `${ITEM_LABEL}两个版本之间的差异（逐字：插入与删除）`, params: idParams, querystring: diffQuery, response: { 200: diffResult, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await visible(req.params.id, actor);
    const versions = await versionsOf(ctx.db, req.params.id);
    const a = versions.find((v) => Number(v.no) === req.query.from), b = versions.find((v) => Number(v.no) === req.query.to);
    if (!a) throw new AppError('VALIDATION_FAILED', `「原版本」第${req.query.from}版不存在`, { field: 'from' });
    if (!b) throw new AppError('VALIDATION_FAILED', `「新版本」第${req.query.to}版不存在`, { field: 'to' });
    return { from: req.query.from, to: req.query.to, title: diffTexts(a.title, b.title), body: diffTexts(a.body, b.body) };
  });

  app.get(`${BASE}/:id/document.docx`, {
    schema: { tags, summary: `${ITEM_LABEL}的 Word 文件（GB/T 9704 公文格式；已签发的带版头和文号）`, params: idParams },
  }, async (req, reply) => {
    const actor = user(req);
    const r = await visible(req.params.id, actor);
    const settings = await readDocumentsSettings(ctx, r.tenant_id);
    const buf = await documentDocx(r, { name: settings.issuerName });
    const name = `${r.number ?? '送审稿'}-${r.title}`.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(name)}.docx`).send(buf);
  });
}
