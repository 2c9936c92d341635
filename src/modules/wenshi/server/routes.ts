/**
 * HTTP routes under /api/wenshi (signed in) and /api/public/wenshi (the public submission page, without signing in).
 * Each route is thin: validate (the contract's zod schemas; a bad field is a 400 naming it in Chinese) → authorize
 * (permission and policy; a record the actor may not see is a 404) → command → present. Every route is in /api/docs.
 */
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { parseOrThrow } from '../../../kernel/server/http/validation.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { cleanFilename, judgeUpload, storeAttachment } from '../../attachments/index.ts';
import { allTenantIds, getOrg } from '../../organizations/index.ts';
import {
  idParams, issueContentsBody, issueCreateBody, issueDetail, issueEditBody, issueListQuery, issuePage, issueParams, issueVersionBody,
  publicOptions, publicSubmissionFields, publicSubmissionResult, wenshiCreateBody, wenshiDetail, wenshiListQuery, wenshiOptions, wenshiPage,
} from '../contract.ts';
import { publicLimits, wenshiPeriods, wenshiSections } from '../domain/wenshi-catalogue.ts';
import { wenshiLifecycle, wenshiTransitionBody } from '../domain/wenshi-lifecycle.ts';
import { canSeeMaterial, canUseWenshi, readsAll } from '../domain/wenshi-policy.ts';
import {
  createIssue, createMaterial, createPublicSubmission, editIssue, fireMaterial, ISSUE_LABEL, ITEM_LABEL, publicActor, publishIssue, setContents,
} from './commands.ts';
import { toDetail, toIssueDetail, toIssueItem, toListItems } from './presenter.ts';
import { findIssue, findMaterial, listIssues, listMaterials } from './repository.ts';
import { buildTocDocx } from './toc-docx.ts';

const tags = ['wenshi'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The signed-in actor, if they may use the module at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseWenshi(actor)) throw forbidden(`使用${ITEM_LABEL}`);
  return actor;
}

export function wenshiRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const r = await findMaterial(ctx.db, id);
    if (!r || !canSeeMaterial(r, actor)) throw notFound(ITEM_LABEL);
    return toDetail(ctx.db, r, actor);
  }
  async function issueOf(id: string, actor: Actor) {
    const r = await findIssue(ctx.db, id);
    if (!r || r.tenant_id !== actor.tenantId || (!readsAll(actor) && Number(r.published) !== 1)) throw notFound(ISSUE_LABEL);
    return r;
  }

  app.get('/api/wenshi', {
    schema: {
      tags, summary: `${ITEM_LABEL}列表：工作人员看本级全部，mine=true 为我的投稿，archive=true 或非工作人员为资料库（已出版辑刊的篇目）；按关键词、时期、地点、人物、主题、年度、辑刊、状态筛选`,
      querystring: wenshiListQuery, response: { 200: wenshiPage, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const bad = q.state?.split(',').find((s) => !wenshiLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const { rows, total } = await listMaterials(ctx.db, ctx.dialect, actor, q);
    return { items: await toListItems(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/wenshi/options', {
    schema: { tags, summary: '状态、时期、栏目和辑刊（筛选与表单用）', response: { 200: wenshiOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { rows } = await listIssues(ctx.db, actor, { page: 1, pageSize: 200 });
    return {
      states: Object.entries(wenshiLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      periods: [...wenshiPeriods], sections: [...wenshiSections],
      issues: rows.map((r) => ({ id: r.id, label: `${r.title}第${r.number}辑（${r.year}）`, published: Number(r.published) === 1 })),
    };
  });

  app.post('/api/wenshi', {
    schema: { tags, summary: `投稿${ITEM_LABEL}（委员登录后；照片、扫描件先经 /api/attachments 上传，再以 attachmentIds 关联）`, body: wenshiCreateBody, response: { 201: wenshiDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createMaterial(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  // ---- issues of 《长治文史》 (declared before /:id) ----

  app.get('/api/wenshi/issues', {
    schema: { tags, summary: '《长治文史》辑刊列表（工作人员含编辑中的，其他人只看已出版的）', querystring: issueListQuery, response: { 200: issuePage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const { rows, total } = await listIssues(ctx.db, actor, req.query);
    return { items: rows.map(toIssueItem), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/wenshi/issues', {
    schema: { tags, summary: '新建辑刊（第N辑，年度、书名、主编）', body: issueCreateBody, response: { 201: issueDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createIssue(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await toIssueDetail(ctx.db, await issueOf(id, actor), actor));
  });

  app.get('/api/wenshi/issues/:id', {
    schema: { tags, summary: '辑刊详情与目录（按顺序，含栏目）', params: issueParams, response: { 200: issueDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    return toIssueDetail(ctx.db, await issueOf(req.params.id, actor), actor);
  });

  app.patch('/api/wenshi/issues/:id', {
    schema: { tags, summary: '修改辑刊信息（带版本号，并发修改返回 409）', params: issueParams, body: issueEditBody, response: { 200: issueDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editIssue(ctx, actor, req.params.id, req.body, req.ip);
    return toIssueDetail(ctx.db, await issueOf(req.params.id, actor), actor);
  });

  app.put('/api/wenshi/issues/:id/contents', {
    schema: { tags, summary: '调整目录：本辑全部篇目的新顺序及栏目（带版本号，并发修改返回 409）', params: issueParams, body: issueContentsBody, response: { 200: issueDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await setContents(ctx, actor, req.params.id, req.body, req.ip);
    return toIssueDetail(ctx.db, await issueOf(req.params.id, actor), actor);
  });

  app.post('/api/wenshi/issues/:id/publish', {
    schema: { tags, summary: '出版辑刊：其篇目进入资料库（带版本号）', params: issueParams, body: issueVersionBody, response: { 200: issueDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await publishIssue(ctx, actor, req.params.id, req.body.version, req.ip);
    return toIssueDetail(ctx.db, await issueOf(req.params.id, actor), actor);
  });

  app.get('/api/wenshi/issues/:id/contents.docx', {
    schema: { tags, summary: '导出辑刊目录（Word）', params: issueParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const issue = await issueOf(req.params.id, actor);
    const d = await toIssueDetail(ctx.db, issue, actor);
    const org = await getOrg(ctx.db, issue.tenant_id);
    const buf = await buildTocDocx(
      { number: d.number, year: d.year, title: d.title, editor: d.editor, organisationName: org?.name ?? '' },
      d.contents.map((c) => ({ section: c.section, seq: c.seq, title: c.title, author: c.contributorName, period: c.period })),
    );
    const name = `${d.title}${d.label}目录.docx`;
    return reply.header('content-type', docxType).header('content-disposition', `attachment; filename="contents.docx"; filename*=UTF-8''${encodeURIComponent(name)}`).send(buf);
  });

  // ---- one material ----

  app.get('/api/wenshi/:id', {
    schema: { tags, summary: `${ITEM_LABEL}详情（原稿与修改记录、附件、办理过程、可执行的操作；联系方式仅文史工作人员可见）`, params: idParams, response: { 200: wenshiDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.post('/api/wenshi/:id/transitions', {
    schema: {
      tags, summary: `${ITEM_LABEL}操作（开始审核、采用、不予采用、编辑修改、选入辑刊、移出辑刊）`,
      description: '可执行的操作及其表单见详情的 actions。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: wenshiTransitionBody, response: { 200: wenshiDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireMaterial(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  // ---- the public submission page (社会公众投稿), without signing in ----

  const publicTags = ['public'];
  /** The CPPCCs one may send to: the city first, then its counties by their order (the province above is not one). */
  async function committees() {
    const ids = await allTenantIds(ctx.db);
    const orgs = (await Promise.all(ids.map((id) => getOrg(ctx.db, id)))).filter((o) => !!o && o.active !== 0 && (o.level === 'city' || o.level === 'county'));
    const rank = (o: (typeof orgs)[number]) => (o!.level === 'city' ? 0 : 1);
    return orgs.sort((a, b) => rank(a) - rank(b) || Number(a!.sort) - Number(b!.sort)).map((o) => ({ id: o!.id, name: o!.name }));
  }

  app.get('/api/public/wenshi/options', {
    schema: { tags: publicTags, summary: '文史资料征集（无需登录）：可投稿的政协、时期和上传限制', security: [], response: { 200: publicOptions, ...errors } },
  }, async () => ({
    committees: await committees(), periods: [...wenshiPeriods],
    limits: { files: publicLimits.files, fileBytes: publicLimits.fileBytes, bodyChars: publicLimits.bodyChars },
  }));

  app.post('/api/public/wenshi/submissions', {
    config: { rateLimit: { max: publicLimits.perMinute, timeWindow: '1 minute' } },
    schema: {
      tags: publicTags, security: [], consumes: ['multipart/form-data'],
      summary: `社会公众投稿文史资料（无需登录；multipart/form-data：标题 title、正文 body、投稿人 contributorName、联系方式 contributorContact、时期 period、地点 place、人物 people、主题 topic，照片或扫描件 files 至多 ${publicLimits.files} 个，仅图片和 PDF，每个不超过 5 MB；同一地址每分钟 ${publicLimits.perMinute} 次）`,
      response: { 201: publicSubmissionResult, ...errors, 413: errorBody, 415: errorBody, 429: errorBody },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式提交');
    const fields: Record<string, string> = {};
    const files: Array<{ filename: string; content: Buffer }> = [];
    for await (const part of req.parts({ limits: { fileSize: publicLimits.fileBytes + 1, files: publicLimits.files + 1, fieldSize: publicLimits.bodyChars * 4 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.file.truncated || content.length > publicLimits.fileBytes) throw new AppError('PAYLOAD_TOO_LARGE', `「照片或扫描件」每个不能超过 ${publicLimits.fileBytes / 1024 / 1024} MB`, { field: 'files' });
        files.push({ filename: cleanFilename(part.filename ?? ''), content });
      } else if (typeof part.value === 'string') {
        if (part.fieldnameTruncated || part.valueTruncated) throw invalid(part.fieldname, `「${part.fieldname}」`, '过长');
        fields[part.fieldname] = part.value;
      }
    }
    const f = parseOrThrow(publicSubmissionFields, fields);
    if (files.length > publicLimits.files) throw invalid('files', '「照片或扫描件」', `至多 ${publicLimits.files} 个`);
    // 蜜罐: a person never sees the field; a robot that fills it is answered as if received, and nothing is kept
    if (f.website) return reply.status(201).send({ reference: `WS-${newId().slice(-8).toUpperCase()}`, message: '文史委工作人员审核后将与您联系。感谢您对文史工作的支持！' });
    const list = await committees();
    const tenantId = f.committee ?? list[0]?.id;
    if (!tenantId || !list.some((c) => c.id === tenantId)) throw invalid('committee', '「政协」', '不存在');
    // only photos and scans (images, PDF), judged by their content
    const judged = [];
    for (const file of files) {
      if (!file.filename) throw invalid('files', '「文件名」', '不能为空');
      if (file.content.length === 0) throw invalid('files', '「照片或扫描件」', '内容为空');
      const v = judgeUpload(file.filename, await fileTypeFromBuffer(file.content), file.content);
      if (!v.ok || !publicLimits.mimes.includes(v.type.mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '「照片或扫描件」只接受图片（jpg、png、webp、gif）和 PDF', { field: 'files' });
      judged.push({ ...file, mime: v.type.mime });
    }
    const actor = publicActor(tenantId, f.contributorName);
    const ids: string[] = [];
    for (const file of judged) ids.push((await storeAttachment(ctx.db, ctx.dialect, { actor, filename: file.filename, mime: file.mime, content: file.content, ip: req.ip })).id);
    const id = await createPublicSubmission(ctx, tenantId, f, ids, req.ip);
    return reply.status(201).send({ reference: `WS-${id.slice(-8).toUpperCase()}`, message: '文史委工作人员审核后将与您联系。感谢您对文史工作的支持！' });
  });
}
