/**
 * The kinds of record the module owns: 新闻 (news_item), 通知公告 (news_notice, whose attachments its addressees read
 * and its senders add) and 媒体报道 (news_media).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeItem, readsAll, sendsNotices } from '../domain/news-policy.ts';
import { newsDb } from './tables.ts';

export const newsEntities: EntityDecl[] = [
  {
    type: 'news_item', label: '新闻', labelEn: 'News item', link: (id) => `/news/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await newsDb(ctx.db).selectFrom('news_items').select(['id', 'tenant_id', 'owner_user_id', 'state']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeItem(r, actor)).map((r) => r.id));
    },
  },
  {
    type: 'news_notice', label: '通知公告', labelEn: 'Notice', link: (id) => `/news/my-notices/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const db = newsDb(ctx.db);
      const rows = await db.selectFrom('news_notices').select(['id', 'tenant_id', 'state', 'audience']).where('id', 'in', ids).execute();
      const mine = new Set((await db.selectFrom('news_notice_receipts').select('notice_id').where('user_id', '=', actor.userId).where('notice_id', 'in', ids).execute()).map((r) => r.notice_id));
      const staff = sendsNotices(actor) || readsAll(actor);
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId && (staff || (r.state === 'sent' && (mine.has(r.id) || r.audience === 'public')))).map((r) => r.id));
    },
    // the addressees read a notice's attachments; only those who send notices add them, while it is a draft
    async attachments(ctx, actor, id, mode) {
      const n = await newsDb(ctx.db).selectFrom('news_notices').select(['tenant_id', 'state', 'audience']).where('id', '=', id).executeTakeFirst();
      if (!n || n.tenant_id !== actor.tenantId) return false;
      if (mode === 'write') return sendsNotices(actor) && n.state === 'draft';
      if (sendsNotices(actor) || readsAll(actor)) return true;
      if (n.state !== 'sent') return false;
      if (n.audience === 'public') return true;
      return !!(await newsDb(ctx.db).selectFrom('news_notice_receipts').select('user_id').where('notice_id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst());
    },
  },
  {
    type: 'news_media', label: '媒体报道', labelEn: 'Media report', link: () => '/news/media',
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0 || !readsAll(actor)) return new Set<string>();
      const rows = await newsDb(ctx.db).selectFrom('news_media').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => r.tenant_id === actor.tenantId).map((r) => r.id));
    },
  },
];
