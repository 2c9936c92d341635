/**
 * HTTP routes under /api/news: 新闻 (/api/news), 媒体报道 (/api/news/media), 通知公告 (/api/news/notices) and 我的通知
 * (/api/news/my-notices). Each route is thin: validate (zod; a bad field is a 400 naming it in Chinese) → authorize
 * (a record the actor may not see is a 404) → command → present. Every route has tags, a Chinese summary and schemas,
 * so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, inInputField, notFound } from '../../../kernel/universal/errors.ts';
import { attachmentFile, attachmentsOf } from '../../attachments/index.ts';
import { listCommittees, listSectors } from '../../organizations/index.ts';
import {
  idParams, mediaCreateBody, mediaEditBody, mediaItem, mediaListQuery, mediaPage, myNoticesPage, myNoticesQuery, newsCreateBody, newsDetail, newsEditBody,
  newsColumnsAnswer, newsListQuery, newsOptions, newsPage, noticeCreateBody, noticeDetail, noticeEditBody, noticeListQuery, noticePage, receiptPage, receiptsQuery, remindResult, versionBody,
} from '../contract.ts';
import { audienceLabels, channelLabels, newsChannels, noticeAudiences } from '../domain/news-columns.ts';
import { htmlToText, wechatHtml } from '../domain/news-html.ts';
import { newsLifecycle, newsTransitionBody } from '../domain/news-lifecycle.ts';
import { canSeeItem, canUseNews, readsAll, reviewsNews, sendsNotices, writesNews } from '../domain/news-policy.ts';
import {
  createItem, createMedia, createNotice, deleteMedia, editItem, editMedia, editNotice, fireItem, ITEM_LABEL, markRead, MEDIA_LABEL, NOTICE_LABEL,
  remindNotice, sendNotice, withdrawNotice,
} from './commands.ts';
import { toDetail, toListItem, toMediaItem, toNoticeItem } from './presenter.ts';
import { columnCounts, findItem, findMedia, findNotice, listItems, listMedia, listMyNotices, listNotices, listReceipts, readCounts, receiptOf } from './repository.ts';
import { columnsVersion, newsColumnsSchema, readColumns, saveColumns } from './settings.ts';
import { isPublicItem } from './public.ts';

const tags = ['news'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The signed-in actor, if they may use the news desk (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseNews(actor)) throw forbidden(`使用${ITEM_LABEL}`);
  return actor;
}
function noticeStaff(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!sendsNotices(actor) && !readsAll(actor)) throw forbidden(`管理${NOTICE_LABEL}`);
  return actor;
}

export function newsRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const r = await findItem(ctx.db, id);
    if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
    return toDetail(ctx.db, r, actor, await readColumns(ctx, r.tenant_id));
  }

  // ——— 新闻 ———

  app.get('/api/news', {
    schema: { tags, summary: '新闻列表（按状态、栏目、关键词、发布日期筛选，分页）', querystring: newsListQuery, response: { 200: newsPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const bad = q.state?.split(',').find((s) => !newsLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const [{ rows, total }, columns] = await Promise.all([listItems(ctx.db, actor, q), readColumns(ctx, actor.tenantId)]);
    return { items: rows.map((r) => toListItem(r, columns)), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/news/options', {
    schema: { tags, summary: '新闻的状态、栏目、发布渠道、通知对象（表单和筛选用）', response: { 200: newsOptions, ...errors } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!canUseNews(actor) && !sendsNotices(actor)) throw forbidden(`使用${ITEM_LABEL}`);
    const [columns, sectors, committees] = await Promise.all([readColumns(ctx, actor.tenantId), listSectors(ctx.db, actor.tenantId), listCommittees(ctx.db, actor.tenantId)]);
    return {
      states: Object.entries(newsLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      columns: columns.map((c) => ({ code: c.code, label: c.label })),
      channels: newsChannels.map((c) => ({ code: c, label: channelLabels[c] })),
      audiences: noticeAudiences.map((a) => ({ code: a, label: audienceLabels[a] })),
      sectors: sectors.map((s) => ({ id: s.id, name: s.name })),
      committees: committees.map((c) => ({ id: c.id, name: c.short_name ?? c.name })),
      can: { write: writesNews(actor), review: reviewsNews(actor), notices: sendsNotices(actor) },
    };
  });

  // ——— 栏目 (the CPPCC's news columns; each is a section of its public portal) ———
  const columnsAnswer = async (actor: Actor) => {
    const columns = await readColumns(ctx, actor.tenantId);
    const counts = await columnCounts(ctx.db, actor.tenantId);
    return { columns: columns.map((c) => ({ ...c, items: counts.get(c.code) ?? 0 })), version: columnsVersion(columns), canEdit: reviewsNews(actor) };
  };
  app.get('/api/news/columns', {
    schema: { tags, summary: '新闻栏目（每个栏目是门户的一个栏目）', response: { 200: newsColumnsAnswer, ...errors } },
  }, async (req) => columnsAnswer(user(req)));
  app.put('/api/news/columns', {
    schema: { tags, summary: '保存新闻栏目（带版本号，并发修改返回 409；仍有新闻的栏目不能删除）', body: z.object({ version: z.string().min(1).max(40).describe('版本号'), columns: newsColumnsSchema }), response: { 200: newsColumnsAnswer, ...errors } },
  }, async (req) => {
    const actor = user(req);
    if (!reviewsNews(actor)) throw forbidden('设置新闻栏目');
    await saveColumns(ctx, actor, req.body.version, req.body.columns);
    return columnsAnswer(actor);
  });

  app.post('/api/news', {
    schema: { tags, summary: '撰写新闻（草稿；正文为富文本，服务器按白名单清洗）', body: newsCreateBody, response: { 201: newsDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createItem(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  // ——— 媒体报道 (before /api/news/:id) ———

  app.get('/api/news/media', {
    schema: { tags, summary: '媒体报道列表（按栏目、关键词、报道日期、相关委员筛选）', querystring: mediaListQuery, response: { 200: mediaPage, ...errors } },
  }, async (req) => {
    const a = actorOf(req);
    // a member reads the reports naming them (their 履职档案's figure); staff read all of their CPPCC
    const actor = req.query.memberId === a.userId ? a : user(req);
    if (!readsAll(actor) && !writesNews(actor) && req.query.memberId !== actor.userId) throw forbidden(`查看${MEDIA_LABEL}`);
    const [{ rows, total }, columns] = await Promise.all([listMedia(ctx.db, actor, req.query), readColumns(ctx, actor.tenantId)]);
    return { items: rows.map((r) => toMediaItem(r, actor, columns)), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/news/media', {
    schema: { tags, summary: '登记媒体报道（媒体、日期、标题、链接、栏目、相关委员）', body: mediaCreateBody, response: { 201: mediaItem, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createMedia(ctx, actor, req.body, req.ip);
    return reply.status(201).send(toMediaItem((await findMedia(ctx.db, id))!, actor, await readColumns(ctx, actor.tenantId)));
  });

  app.patch('/api/news/media/:id', {
    schema: { tags, summary: '修改媒体报道（带版本号，并发修改返回 409）', params: idParams, body: mediaEditBody, response: { 200: mediaItem, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editMedia(ctx, actor, req.params.id, req.body, req.ip);
    return toMediaItem((await findMedia(ctx.db, req.params.id))!, actor, await readColumns(ctx, actor.tenantId));
  });

  app.delete('/api/news/media/:id', {
    schema: { tags, summary: '删除媒体报道（带版本号）', params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1).describe('版本号') }), response: { 204: z.null().describe('已删除'), ...errors } },
  }, async (req, reply) => {
    await deleteMedia(ctx, user(req), req.params.id, req.query.version, req.ip);
    return reply.status(204).send(null);
  });

  // ——— 通知公告 ———

  async function noticeDetailOf(id: string, actor: Actor, opening: boolean) {
    const n = await findNotice(ctx.db, id);
    if (!n || n.tenant_id !== actor.tenantId) throw notFound(NOTICE_LABEL);
    const staff = sendsNotices(actor) || readsAll(actor);
    const receipt = n.state === 'sent' ? await receiptOf(ctx.db, id, actor.userId) : undefined;
    if (!staff && !receipt && !(n.state === 'sent' && n.audience === 'public')) throw notFound(NOTICE_LABEL);
    // an addressee opening it: the 阅读回执
    const readAt = receipt && opening ? await markRead(ctx, actor, n) : receipt?.read_at ?? null;
    const read = (await readCounts(ctx.db, [id])).get(id) ?? 0;
    const files = await attachmentsOf(ctx.db, 'news_notice', id);
    return {
      ...toNoticeItem({ ...n, read }, actor), body: n.body, audienceRef: n.audience_ref ?? null, readAt,
      attachments: files.map((f) => ({ id: f.id, filename: f.filename, mime: f.mime, size: Number(f.size) })),
    };
  }

  app.get('/api/news/notices', {
    schema: { tags, summary: '通知公告管理列表（含送达人数、已读人数、阅读率）', querystring: noticeListQuery, response: { 200: noticePage, ...errors } },
  }, async (req) => {
    const actor = noticeStaff(req);
    const { rows, total } = await listNotices(ctx.db, actor, req.query);
    return { items: rows.map((n) => toNoticeItem(n, actor)), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/news/notices', {
    schema: { tags, summary: '起草通知公告（通知对象：全体委员、界别、专委会、各专委会、承办单位或社会公众；可带附件）', body: noticeCreateBody, response: { 201: noticeDetail, ...errors } },
  }, async (req, reply) => {
    const actor = noticeStaff(req);
    const id = await createNotice(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await noticeDetailOf(id, actor, false));
  });

  app.get('/api/news/notices/:id', {
    schema: { tags, summary: '通知公告详情（收件人打开即记录阅读回执）', params: idParams, response: { 200: noticeDetail, ...errors } },
  }, async (req) => noticeDetailOf(req.params.id, actorOf(req), true));

  app.patch('/api/news/notices/:id', {
    schema: { tags, summary: '修改通知公告草稿（带版本号，并发修改返回 409）', params: idParams, body: noticeEditBody, response: { 200: noticeDetail, ...errors } },
  }, async (req) => {
    const actor = noticeStaff(req);
    await editNotice(ctx, actor, req.params.id, req.body, req.ip);
    return noticeDetailOf(req.params.id, actor, false);
  });

  app.post('/api/news/notices/:id/send', {
    schema: { tags, summary: '发送通知公告（确定收件人，逐人记录回执并发出消息通知）', params: idParams, body: versionBody, response: { 200: noticeDetail, ...errors } },
  }, async (req) => {
    const actor = noticeStaff(req);
    await inInputField(() => sendNotice(ctx, actor, req.params.id, req.body.version, req.ip));
    return noticeDetailOf(req.params.id, actor, false);
  });

  app.post('/api/news/notices/:id/withdraw', {
    schema: { tags, summary: '撤回已发送的通知公告', params: idParams, body: versionBody, response: { 200: noticeDetail, ...errors } },
  }, async (req) => {
    const actor = noticeStaff(req);
    await withdrawNotice(ctx, actor, req.params.id, req.body.version, req.ip);
    return noticeDetailOf(req.params.id, actor, false);
  });

  app.post('/api/news/notices/:id/remind', {
    schema: { tags, summary: '催阅：提醒尚未阅读的收件人', params: idParams, response: { 200: remindResult, ...errors } },
  }, async (req) => ({ reminded: await remindNotice(ctx, noticeStaff(req), req.params.id, req.ip) }));

  app.get('/api/news/notices/:id/receipts', {
    schema: { tags, summary: '阅读回执（已读、未读名单）', params: idParams, querystring: receiptsQuery, response: { 200: receiptPage, ...errors } },
  }, async (req) => {
    const actor = noticeStaff(req);
    const n = await findNotice(ctx.db, req.params.id);
    if (!n || n.tenant_id !== actor.tenantId) throw notFound(NOTICE_LABEL);
    const { rows, total } = await listReceipts(ctx.db, n.id, req.query);
    return {
      items: rows.map((r) => ({ userId: r.user_id, name: r.user_name, readAt: r.read_at ?? null, remindedAt: r.reminded_at ?? null, reminders: Number(r.reminders) })),
      total, page: req.query.page, pageSize: req.query.pageSize,
    };
  });

  app.get('/api/news/my-notices', {
    schema: { tags, summary: '我的通知（未读在前，含未读数）', querystring: myNoticesQuery, response: { 200: myNoticesPage, ...errors } },
  }, async (req) => {
    const actor = actorOf(req);
    const { rows, total, unread } = await listMyNotices(ctx.db, actor, req.query);
    return {
      items: rows.map((r) => ({ id: r.id, title: r.title, ownerName: r.owner_name, sentOn: r.sent_on ?? null, readAt: r.read_at ?? null, summary: htmlToText(r.body, 60) })),
      total, unread, page: req.query.page, pageSize: req.query.pageSize,
    };
  });

  // ——— a published item's images, for the public portal and shared pages (no signing in) ———

  app.get('/api/public/news/:id/images/:fileId', {
    schema: {
      tags, security: [], summary: '已发布新闻中的图片（无需登录；仅限已在门户网站发布的新闻所附的图片）',
      params: z.object({ id: z.string().min(1).max(40).describe('新闻编号'), fileId: z.string().min(1).max(40).describe('图片编号') }),
      produces: ['image/*'],
    },
  }, async (req, reply) => {
    const item = await findItem(ctx.db, req.params.id);
    if (!item || !isPublicItem(item)) throw notFound('图片');
    const file = await attachmentFile(ctx.db, req.params.fileId);
    if (!file || file.row.entity_type !== 'news_item' || file.row.entity_id !== item.id || !file.row.mime.startsWith('image/')) throw notFound('图片');
    return reply.header('content-type', file.row.mime).header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'").send(file.content);
  });

  // ——— one news item ———

  app.get('/api/news/:id', {
    schema: { tags, summary: '新闻详情（审核过程、可执行的操作）', params: idParams, response: { 200: newsDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/news/:id', {
    schema: { tags, summary: '修改新闻草稿（作者；带版本号，并发修改返回 409）', params: idParams, body: newsEditBody, response: { 200: newsDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editItem(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/news/:id/transitions', {
    schema: {
      tags, summary: '新闻操作（提交审核、审核发布、退回修改、撤回、重新编辑）',
      description: '可执行的操作见详情的 actions。审核人不能是作者。版本号过期返回 409。', params: idParams, body: newsTransitionBody, response: { 200: newsDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireItem(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.get('/api/news/:id/wechat.html', {
    schema: { tags, summary: '导出微信公众号版（行内样式、图片绝对地址的 HTML）', params: idParams, produces: ['text/html'], response: { 200: z.any().describe('HTML 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const d = await detailOf(req.params.id, actor);
    if (!d.canExport) throw forbidden('导出公众号版');
    const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    const html = wechatHtml(d.title, d.body, origin);
    return reply.header('content-type', 'text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="wechat.html"; filename*=UTF-8''${encodeURIComponent(`${d.title}（公众号版）.html`)}`)
      .header('content-security-policy', "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'")
      .send(html);
  });
}
