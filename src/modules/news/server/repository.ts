/**
 * Reading 新闻, 媒体报道 and 通知公告 (Kysely, both databases). Every list filters by what the actor may see, with the
 * same rule as the policy for one record; the figures count with these very queries.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import type { MediaListQuery, NewsListQuery, NoticeListQuery } from '../contract.ts';
import { readsAll, reviewsNews, sendsNotices, writesNews } from '../domain/news-policy.ts';
import { newsDb, type NewsItemRow, type NewsMediaRow, type NewsNoticeRow } from './tables.ts';

const like = (q: string) => `%${q.replace(/[%_\\]/g, '')}%`;

export async function findItem(db: AnyModuleDb, id: string): Promise<NewsItemRow | undefined> {
  return newsDb(db).selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One page of the news items the actor may see that match the query, newest first. */
export async function listItems(db: AnyModuleDb, actor: Actor, q: NewsListQuery): Promise<{ rows: NewsItemRow[]; total: number }> {
  let base = newsDb(db).selectFrom('news_items').where('tenant_id', '=', actor.tenantId);
  if (q.mine) base = base.where('owner_user_id', '=', actor.userId);
  else if (!readsAll(actor) && !reviewsNews(actor)) {
    // a writer sees their own items and what is published
    base = writesNews(actor) ? base.where((eb) => eb.or([eb('owner_user_id', '=', actor.userId), eb('state', '=', 'published')])) : base.where('owner_user_id', '=', actor.userId);
  }
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.column) base = base.where('column_code', '=', q.column);
  if (q.q) base = base.where('title', 'like', like(q.q));
  if (q.from) base = base.where('published_on', '>=', q.from);
  if (q.to) base = base.where('published_on', '<=', q.to);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy(sql`coalesce(published_at, created_at)`, 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as NewsItemRow[], total: Number(total.n) };
}

export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'news_item', id);
}

/** A public column's page (已发布, on the website channel), newest first: for the portal's sections. */
export async function listPublished(db: AnyModuleDb, tenantId: string, column: string, page: { limit: number; offset: number }) {
  const base = newsDb(db).selectFrom('news_items').where('tenant_id', '=', tenantId).where('state', '=', 'published').where('column_code', '=', column)
    .where('channels', 'like', '%website%');
  const [rows, total] = await Promise.all([
    base.select(['id', 'title', 'summary', 'body', 'published_on', 'column_code']).orderBy('published_on', 'desc').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// ——— 媒体报道 ———

export async function findMedia(db: AnyModuleDb, id: string): Promise<NewsMediaRow | undefined> {
  return newsDb(db).selectFrom('news_media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listMedia(db: AnyModuleDb, actor: Actor, q: MediaListQuery): Promise<{ rows: NewsMediaRow[]; total: number }> {
  let base = newsDb(db).selectFrom('news_media').where('tenant_id', '=', actor.tenantId);
  if (q.column) base = base.where('column_code', '=', q.column);
  // a member's reports (委员风采): the id as it is written in the JSON array
  if (q.memberId) base = base.where('member_ids', 'like', `%${JSON.stringify(q.memberId).replace(/[%_\\]/g, '')}%`);
  if (q.q) base = base.where((eb) => eb.or([eb('title', 'like', like(q.q!)), eb('outlet', 'like', like(q.q!))]));
  if (q.from) base = base.where('report_date', '>=', q.from);
  if (q.to) base = base.where('report_date', '<=', q.to);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('report_date', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// ——— 通知公告 ———

export async function findNotice(db: AnyModuleDb, id: string): Promise<NewsNoticeRow | undefined> {
  return newsDb(db).selectFrom('news_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function receiptOf(db: AnyModuleDb, noticeId: string, userId: string) {
  return newsDb(db).selectFrom('news_notice_receipts').selectAll().where('notice_id', '=', noticeId).where('user_id', '=', userId).executeTakeFirst();
}

/** Staff's list of notices (通知管理) of their CPPCC, with how many of the addressees have read each. */
export async function listNotices(db: AnyModuleDb, actor: Actor, q: NoticeListQuery): Promise<{ rows: Array<NewsNoticeRow & { read: number }>; total: number }> {
  if (!sendsNotices(actor) && !readsAll(actor)) return { rows: [], total: 0 };
  let base = newsDb(db).selectFrom('news_notices').where('tenant_id', '=', actor.tenantId);
  if (q.state) base = base.where('state', '=', q.state);
  if (q.q) base = base.where('title', 'like', like(q.q));
  if (q.from) base = base.where('sent_on', '>=', q.from);
  if (q.to) base = base.where('sent_on', '<=', q.to);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy(sql`coalesce(sent_at, created_at)`, 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const reads = await readCounts(db, rows.map((r) => r.id));
  return { rows: (rows as NewsNoticeRow[]).map((r) => ({ ...r, read: reads.get(r.id) ?? 0 })), total: Number(total.n) };
}

/** Read receipts per notice. */
export async function readCounts(db: AnyModuleDb, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await newsDb(db).selectFrom('news_notice_receipts').select(['notice_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('notice_id', 'in', [...ids]).where('read_at', 'is not', null).groupBy('notice_id').execute();
  return new Map(rows.map((r) => [r.notice_id, Number(r.n)]));
}

/** Read and addressed receipts over the notices sent in a period (the figure 通知阅读率). */
export async function receiptTotals(db: AnyModuleDb, tenantId: string, from: string, to: string): Promise<{ addressed: number; read: number }> {
  const r = await newsDb(db).selectFrom('news_notice_receipts as r').innerJoin('news_notices as n', 'n.id', 'r.notice_id')
    .where('n.tenant_id', '=', tenantId).where('n.state', '=', 'sent').where('n.sent_on', '>=', from).where('n.sent_on', '<=', to)
    .select((eb) => [eb.fn.countAll<number>().as('addressed'), eb.fn.count<number>('r.read_at').as('read')]).executeTakeFirstOrThrow();
  return { addressed: Number(r.addressed), read: Number(r.read) };
}

/** A notice's receipts, read or unread. */
export async function listReceipts(db: AnyModuleDb, noticeId: string, q: { read?: boolean; page: number; pageSize: number }) {
  let base = newsDb(db).selectFrom('news_notice_receipts').where('notice_id', '=', noticeId);
  if (q.read === true) base = base.where('read_at', 'is not', null);
  if (q.read === false) base = base.where('read_at', 'is', null);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('read_at', 'desc').orderBy('user_name').orderBy('user_id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** 我的通知: the sent notices addressed to the user, unread first, then newest; and how many are unread. */
export async function listMyNotices(db: AnyModuleDb, actor: Actor, q: { unread?: boolean; page: number; pageSize: number }) {
  let base = newsDb(db).selectFrom('news_notice_receipts as r').innerJoin('news_notices as n', 'n.id', 'r.notice_id')
    .where('r.user_id', '=', actor.userId).where('n.state', '=', 'sent');
  if (q.unread) base = base.where('r.read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    base.select(['n.id', 'n.title', 'n.owner_name', 'n.sent_on', 'n.sent_at', 'n.body', 'r.read_at'])
      .orderBy(sql`case when r.read_at is null then 0 else 1 end`).orderBy('n.sent_at', 'desc').orderBy('n.id', 'desc')
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    newsDb(db).selectFrom('news_notice_receipts as r').innerJoin('news_notices as n', 'n.id', 'r.notice_id')
      .where('r.user_id', '=', actor.userId).where('n.state', '=', 'sent').where('r.read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), unread: Number(unread.n) };
}

/** Public notices (通知对象：社会公众), sent, newest first: the portal's 通知公告. */
export async function listPublicNotices(db: AnyModuleDb, tenantId: string, page: { limit: number; offset: number }) {
  const base = newsDb(db).selectFrom('news_notices').where('tenant_id', '=', tenantId).where('state', '=', 'sent').where('audience', '=', 'public');
  const [rows, total] = await Promise.all([
    base.select(['id', 'title', 'body', 'sent_on']).orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** How many news items each 栏目 of the CPPCC holds (any state). */
export async function columnCounts(db: AnyModuleDb, tenantId: string): Promise<Map<string, number>> {
  const rows = await newsDb(db).selectFrom('news_items').select(['column_code', (eb) => eb.fn.countAll<number>().as('n')]).where('tenant_id', '=', tenantId).groupBy('column_code').execute();
  return new Map(rows.map((r) => [r.column_code, Number(r.n)]));
}
