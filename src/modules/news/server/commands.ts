/**
 * Commands on 新闻, 媒体报道 and 通知公告. Each runs in one unit of work (`ctx.uow.run`): rows, history, work item,
 * audit record and events commit together or not at all. Every edit is guarded by the version the client read (a stale
 * one is a 409). Rich text is sanitised here, before anything is stored.
 */
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople, tenantUsersHoldingRoles } from '../../identity/index.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { listCommittees, listSectors, memberIdsOf, memberIdsOfGroup } from '../../organizations/index.ts';
import type { MediaCreateBody, MediaEditBody, NewsCreateBody, NewsEditBody, NoticeCreateBody, NoticeEditBody } from '../contract.ts';
import { audienceLabels, audienceNeedsGroup, type NoticeAudience } from '../domain/news-columns.ts';
import { htmlToText, sanitizeNewsHtml } from '../domain/news-html.ts';
import { newsLifecycle, newsPermissions, NOTICE_EVENT } from '../domain/news-lifecycle.ts';
import { canSeeItem } from '../domain/news-policy.ts';
import { findItem, findMedia, findNotice, receiptOf } from './repository.ts';
import { readColumns } from './settings.ts';
import { newsDb, type NewsItemRow, type NewsNoticeRow } from './tables.ts';

export const ITEM_LABEL = '新闻';
export const MEDIA_LABEL = '媒体报道';
export const NOTICE_LABEL = '通知公告';

/** The stored body: sanitised, and not empty once sanitised (a body of nothing but a script is a 400). */
function cleanBody(html: string, field = 'body'): string {
  const clean = sanitizeNewsHtml(html);
  if (!htmlToText(clean) && !/<img /.test(clean)) throw invalid(field, '「正文」', '不能为空');
  return clean;
}

/** The images of a body that are our own uploads (/api/attachments/<id>). */
export const imageIdsOf = (html: string) => [...new Set([...html.matchAll(/<img src="\/api\/attachments\/([A-Za-z0-9_-]{1,64})/g)].map((m) => m[1]))];

/**
 * Link the body's uploaded images to the news item, so whoever may read the item may load them. An image already
 * linked to this item, or uploaded by someone else and linked elsewhere, is left as it is (it stays what it was).
 */
async function linkImages(trx: AnyModuleDb, actor: Actor, id: string, html: string) {
  for (const img of imageIdsOf(html)) {
    try { await linkAttachments(trx, { ids: [img], entityType: 'news_item', entityId: id, actor, field: 'body' }); } catch { /* not the actor's free upload */ }
  }
}

async function checkColumn(ctx: ModuleContext, tenantId: string, column: string, field = 'column') {
  const columns = await readColumns(ctx, tenantId);
  if (!columns.some((c) => c.code === column)) throw invalid(field, '「栏目」', `没有「${column}」这个栏目`);
}

// ——— 新闻 ———

export function itemSpec(ctx: ModuleContext): WorkflowSpec<NewsItemRow & { [k: string]: unknown }> {
  return {
    workflow: newsLifecycle as WorkflowSpec<any>['workflow'],
    table: 'news_items',
    entityLabel: ITEM_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeItem(r, actor),
    async apply({ transition, input, actor, now }) {
      if (transition.name === 'publish') {
        return { published_on: ctx.calendar.today(), published_at: now, reviewer_user_id: actor.userId, reviewer_name: actor.displayName, return_reason: null };
      }
      if (transition.name === 'return') return { return_reason: input.reason as string };
      if (transition.name === 'withdraw') return { return_reason: input.reason as string };
      if (transition.name === 'redraft') return { published_on: null, published_at: null, reviewer_user_id: null, reviewer_name: null };
      return {};
    },
  };
}

export async function createItem(ctx: ModuleContext, actor: Actor, body: NewsCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, newsPermissions.write, `撰写${ITEM_LABEL}`);
  await checkColumn(ctx, actor.tenantId, body.column);
  const clean = cleanBody(body.body);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(itemSpec(ctx), {
      id, tenant_id: actor.tenantId, column_code: body.column, title: body.title, summary: body.summary || null, body: clean,
      channels: [...new Set(body.channels)].join(','), owner_user_id: actor.userId, owner_name: actor.displayName,
      reviewer_user_id: null, reviewer_name: null, return_reason: null, published_on: null, published_at: null,
    }, actor, ip);
    await linkImages(w.trx, actor, id, clean);
  });
  return id;
}

export async function fireItem(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    await w.fire(itemSpec(ctx), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
}

/** The author edits their draft. */
export const canEditItem = (r: NewsItemRow, actor: Actor) => r.owner_user_id === actor.userId && r.tenant_id === actor.tenantId && r.state === 'draft';

export async function editItem(ctx: ModuleContext, actor: Actor, id: string, body: NewsEditBody, ip?: string): Promise<void> {
  const r = await findItem(ctx.db, id);
  if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
  if (!canEditItem(r, actor)) throw new AppError('FORBIDDEN', `只有作者可以修改草稿状态的${ITEM_LABEL}`);
  const set: Record<string, unknown> = {};
  if (body.column !== undefined) { await checkColumn(ctx, r.tenant_id, body.column); set.column_code = body.column; }
  if (body.title !== undefined) set.title = body.title;
  if (body.summary !== undefined) set.summary = body.summary || null;
  if (body.body !== undefined) set.body = cleanBody(body.body);
  if (body.channels !== undefined) set.channels = [...new Set(body.channels)].join(',');
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('news_items', id, body.version, { ...set, updated_at: w.now }, ITEM_LABEL);
    if (typeof set.body === 'string') await linkImages(w.trx, actor, id, set.body);
    // a step without a change of state: history, audit and the `news_item.transitioned` event (action 'edit')
    await w.record({ tenantId: r.tenant_id, entityType: 'news_item', entityId: id, to: r.state, action: 'edit', actor, ip, data: { fields: Object.keys(set) }, event: { title: String(set.title ?? r.title), version: body.version + 1 } });
  });
}

// ——— 媒体报道 ———

async function memberRefs(db: AnyModuleDb, tenantId: string, ids: readonly string[]) {
  const people = await findPeople(db, ids);
  const refs = ids.map((id) => people.get(id)).filter((p) => p && p.tenantId === tenantId);
  if (refs.length !== new Set(ids).size) throw invalid('memberIds', '「相关委员」', '包含不存在的委员');
  return { ids: JSON.stringify(refs.map((p) => p!.id)), names: JSON.stringify(refs.map((p) => p!.name)) };
}

export async function createMedia(ctx: ModuleContext, actor: Actor, body: MediaCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, newsPermissions.write, `登记${MEDIA_LABEL}`);
  await checkColumn(ctx, actor.tenantId, body.column);
  const m = await memberRefs(ctx.db, actor.tenantId, [...new Set(body.memberIds)]);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await newsDb(w.trx).insertInto('news_media').values({
      id, tenant_id: actor.tenantId, outlet: body.outlet, report_date: body.reportDate, title: body.title, url: body.url, column_code: body.column,
      member_ids: m.ids, member_names: m.names, created_by: actor.userId, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'news_media.create', entityType: 'news_media', entityId: id, data: { outlet: body.outlet, title: body.title }, ip });
  });
  return id;
}

export async function editMedia(ctx: ModuleContext, actor: Actor, id: string, body: MediaEditBody, ip?: string): Promise<void> {
  requirePermission(actor, newsPermissions.write, `修改${MEDIA_LABEL}`);
  const r = await findMedia(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(MEDIA_LABEL);
  const set: Record<string, unknown> = {};
  if (body.column !== undefined) { await checkColumn(ctx, r.tenant_id, body.column); set.column_code = body.column; }
  if (body.outlet !== undefined) set.outlet = body.outlet;
  if (body.reportDate !== undefined) set.report_date = body.reportDate;
  if (body.title !== undefined) set.title = body.title;
  if (body.url !== undefined) set.url = body.url;
  if (body.memberIds !== undefined) { const m = await memberRefs(ctx.db, r.tenant_id, [...new Set(body.memberIds)]); set.member_ids = m.ids; set.member_names = m.names; }
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('news_media', id, body.version, { ...set, updated_at: w.now }, MEDIA_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'news_media.edit', entityType: 'news_media', entityId: id, data: { fields: Object.keys(set) }, ip });
  });
}

export async function deleteMedia(ctx: ModuleContext, actor: Actor, id: string, version: number, ip?: string): Promise<void> {
  requirePermission(actor, newsPermissions.write, `删除${MEDIA_LABEL}`);
  const r = await findMedia(ctx.db, id);
  if (!r || r.tenant_id !== actor.tenantId) throw notFound(MEDIA_LABEL);
  await ctx.uow.run(async (w) => {
    const res = await newsDb(w.trx).deleteFrom('news_media').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw new AppError('VERSION_CONFLICT', `${MEDIA_LABEL}已被他人修改，请刷新后重试`);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'news_media.delete', entityType: 'news_media', entityId: id, data: { title: r.title }, ip });
  });
}

// ——— 通知公告 ———

/** Who a notice goes to, and the audience's name (全体委员, 经济界委员, …). */
export async function addresseesOf(db: AnyModuleDb, tenantId: string, audience: NoticeAudience, ref: string | null): Promise<{ userIds: string[]; label: string }> {
  const ids = async (q: { execute(): Promise<Array<{ user_id: unknown }>> }) => [...new Set((await q.execute()).map((r) => String(r.user_id)))];
  switch (audience) {
    case 'members': return { userIds: await ids(memberIdsOf(db, tenantId)), label: audienceLabels.members };
    case 'sector': case 'committee': {
      const groups = audience === 'sector' ? await listSectors(db, tenantId) : await listCommittees(db, tenantId);
      const g = groups.find((x) => x.id === ref);
      if (!g) throw invalid('audienceRef', audience === 'sector' ? '「界别」' : '「专委会」', '请选择本级政协的一个');
      const userIds = await ids(memberIdsOfGroup(db, tenantId, audience, g.id) as never);
      return { userIds, label: audience === 'sector' ? `${g.name}委员` : `${g.name}委员` };
    }
    case 'committees': return { userIds: await tenantUsersHoldingRoles(db, tenantId, ['committee_staff']), label: audienceLabels.committees };
    case 'units': return { userIds: await tenantUsersHoldingRoles(db, tenantId, ['unit_handler', 'unit_leader']), label: audienceLabels.units };
    case 'public': return { userIds: [], label: audienceLabels.public };
  }
}

export function noticeActionsOf(n: NewsNoticeRow, actor: Actor): Array<'edit' | 'send' | 'remind' | 'withdraw'> {
  if (n.tenant_id !== actor.tenantId || !actor.permissions.has(newsPermissions.notices)) return [];
  if (n.state === 'draft') return ['edit', 'send'];
  if (n.state === 'sent') return n.audience === 'public' ? ['withdraw'] : ['remind', 'withdraw'];
  return [];
}

export async function createNotice(ctx: ModuleContext, actor: Actor, body: NoticeCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, newsPermissions.notices, `起草${NOTICE_LABEL}`);
  const clean = cleanBody(body.body);
  const ref = audienceNeedsGroup(body.audience) ? body.audienceRef ?? null : null;
  const { label } = await addresseesOf(ctx.db, actor.tenantId, body.audience, ref);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await newsDb(w.trx).insertInto('news_notices').values({
      id, tenant_id: actor.tenantId, title: body.title, body: clean, audience: body.audience, audience_ref: ref, audience_label: label,
      owner_user_id: actor.userId, owner_name: actor.displayName, state: 'draft', sent_on: null, sent_at: null, addressed: 0, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    if (body.attachmentIds.length) await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: 'news_notice', entityId: id, actor, field: 'attachmentIds' });
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'news_notice.create', entityType: 'news_notice', entityId: id, data: { title: body.title, audience: body.audience }, ip });
  });
  return id;
}

async function loadOwnNotice(ctx: ModuleContext, actor: Actor, id: string): Promise<NewsNoticeRow> {
  requirePermission(actor, newsPermissions.notices, `处理${NOTICE_LABEL}`);
  const n = await findNotice(ctx.db, id);
  if (!n || n.tenant_id !== actor.tenantId) throw notFound(NOTICE_LABEL);
  return n;
}

export async function editNotice(ctx: ModuleContext, actor: Actor, id: string, body: NoticeEditBody, ip?: string): Promise<void> {
  const n = await loadOwnNotice(ctx, actor, id);
  if (n.state !== 'draft') throw new AppError('FORBIDDEN', `已发送的${NOTICE_LABEL}不能修改`);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.body !== undefined) set.body = cleanBody(body.body);
  if (body.audience !== undefined || body.audienceRef !== undefined) {
    const audience = (body.audience ?? n.audience) as NoticeAudience;
    const ref = audienceNeedsGroup(audience) ? body.audienceRef ?? n.audience_ref : null;
    set.audience = audience; set.audience_ref = ref; set.audience_label = (await addresseesOf(ctx.db, n.tenant_id, audience, ref)).label;
  }
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('news_notices', id, body.version, { ...set, updated_at: w.now }, NOTICE_LABEL);
    if (body.attachmentIds?.length) await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: 'news_notice', entityId: id, actor, field: 'attachmentIds' });
    await w.audit({ tenantId: n.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'news_notice.edit', entityType: 'news_notice', entityId: id, data: { fields: Object.keys(set) }, ip });
  });
}

/**
 * 发送: the addressees are fixed now (one receipt row each, unread), each is told through the notifications module
 * (in-app inbox and their channels), and a public notice appears on the portal's 通知公告.
 */
export async function sendNotice(ctx: ModuleContext, actor: Actor, id: string, version: number, ip?: string): Promise<number> {
  const n = await loadOwnNotice(ctx, actor, id);
  if (n.state !== 'draft') throw new AppError('CONFLICT', `${NOTICE_LABEL}已发送`);
  const { userIds } = await addresseesOf(ctx.db, n.tenant_id, n.audience as NoticeAudience, n.audience_ref);
  if (n.audience !== 'public' && userIds.length === 0) throw invalid('audience', '「通知对象」', '没有可以接收通知的人');
  const people = await findPeople(ctx.db, userIds);
  const today = ctx.calendar.today();
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('news_notices', id, version, { state: 'sent', sent_on: today, sent_at: w.now, addressed: userIds.length, updated_at: w.now }, NOTICE_LABEL);
    await insertBatches(w.trx, 'news_notice_receipts', userIds.map((u) => ({
      notice_id: id, user_id: u, tenant_id: n.tenant_id, user_name: people.get(u)?.name ?? u, read_at: null, reminded_at: null, reminders: 0,
    })));
    await w.audit({ tenantId: n.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'news_notice.send', entityType: 'news_notice', entityId: id, data: { addressed: userIds.length }, ip });
    await w.emit({ type: NOTICE_EVENT, tenantId: n.tenant_id, entityType: 'news_notice', entityId: id, actorId: actor.userId, payload: { action: 'send', title: n.title } });
  });
  if (userIds.length) {
    await ctx.notifier.notify({ tenantId: n.tenant_id, userIds, kind: 'news_notice', key: `news_notice:${id}:send`, title: `通知：${n.title}`, body: htmlToText(n.body, 100), link: `/news/my-notices/${id}` });
  }
  return userIds.length;
}

/** 撤回 a sent notice: it leaves the addressees' lists and the portal. */
export async function withdrawNotice(ctx: ModuleContext, actor: Actor, id: string, version: number, ip?: string): Promise<void> {
  const n = await loadOwnNotice(ctx, actor, id);
  if (n.state !== 'sent') throw new AppError('CONFLICT', `只能撤回已发送的${NOTICE_LABEL}`);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('news_notices', id, version, { state: 'withdrawn', updated_at: w.now }, NOTICE_LABEL);
    await w.audit({ tenantId: n.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'news_notice.withdraw', entityType: 'news_notice', entityId: id, data: null, ip });
    await w.emit({ type: NOTICE_EVENT, tenantId: n.tenant_id, entityType: 'news_notice', entityId: id, actorId: actor.userId, payload: { action: 'withdraw', title: n.title } });
  });
}

/** 催阅: tell everyone who has not read it yet, again (a new notification each time), and count the reminder. */
export async function remindNotice(ctx: ModuleContext, actor: Actor, id: string, ip?: string): Promise<number> {
  const n = await loadOwnNotice(ctx, actor, id);
  if (n.state !== 'sent' || n.audience === 'public') throw new AppError('CONFLICT', `只能对已发送给具体对象的${NOTICE_LABEL}催阅`);
  const unread = (await newsDb(ctx.db).selectFrom('news_notice_receipts').select('user_id').where('notice_id', '=', id).where('read_at', 'is', null).execute()).map((r) => r.user_id);
  if (unread.length === 0) return 0;
  let stamp = '';
  await ctx.uow.run(async (w) => {
    stamp = w.now;
    await newsDb(w.trx).updateTable('news_notice_receipts').set((eb) => ({ reminded_at: w.now, reminders: eb('reminders', '+', 1) }))
      .where('notice_id', '=', id).where('read_at', 'is', null).execute();
    await w.audit({ tenantId: n.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'news_notice.remind', entityType: 'news_notice', entityId: id, data: { reminded: unread.length }, ip });
  });
  await ctx.notifier.notify({ tenantId: n.tenant_id, userIds: unread, kind: 'news_notice', key: `news_notice:${id}:remind:${stamp}`, title: `请阅读通知：${n.title}`, body: `您尚未阅读此通知。${htmlToText(n.body, 80)}`, link: `/news/my-notices/${id}` });
  return unread.length;
}

/** The addressee opens the notice: the first time writes the 阅读回执. Returns when they read it (null: not an addressee). */
export async function markRead(ctx: ModuleContext, actor: Actor, n: NewsNoticeRow): Promise<string | null> {
  const r = await receiptOf(ctx.db, n.id, actor.userId);
  if (!r) return null;
  if (r.read_at) return r.read_at;
  const now = clock.iso();
  await newsDb(ctx.db).updateTable('news_notice_receipts').set({ read_at: now }).where('notice_id', '=', n.id).where('user_id', '=', actor.userId).where('read_at', 'is', null).execute();
  return (await receiptOf(ctx.db, n.id, actor.userId))?.read_at ?? now;
}
