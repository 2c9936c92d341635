/**
 * The module's figures (统计数字): news published in the period (and by column, each a share of all), media reports,
 * notices sent and the read receipts of those notices (阅读率 as the share of the addressed). Each counted figure opens
 * its list, counted with that list's own query. A member's own figure (news.member.media: reports naming them, 委员风采)
 * feeds the 履职档案.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import { shareOf, type Figure } from '../../../kernel/universal/figures.ts';
import { defaultNewsColumns } from '../domain/news-columns.ts';
import { readsAll, sendsNotices } from '../domain/news-policy.ts';
import { listItems, listMedia, listNotices, receiptTotals } from './repository.ts';

const decl = (name: string, label: string, unit: string, scope: 'organisation' | 'member' = 'organisation'): FigureDecl => ({ key: `news.${name}`, label, unit, scope });
export const newsFigureDecls = {
  published: decl('published', '发布新闻', '篇'),
  columns: defaultNewsColumns.map((c) => decl(`published.${c.code}`, `发布新闻·${c.label}`, '篇')),
  media: decl('media', '媒体报道', '篇'),
  noticesSent: decl('notices_sent', '发送通知公告', '件'),
  addressed: decl('notices_addressed', '通知送达', '人次'),
  read: decl('notices_read', '通知已读', '人次'),
  memberMedia: decl('member.media', '媒体报道（本人）', '篇', 'member'),
};

export const newsFigureSource: FigureSource = {
  figures: [newsFigureDecls.published, ...newsFigureDecls.columns, newsFigureDecls.media, newsFigureDecls.noticesSent, newsFigureDecls.addressed, newsFigureDecls.read, newsFigureDecls.memberMedia],
  async compute(ctx, scope, actor) {
    if (actor.tenantId !== scope.tenantId) return [];
    const period = { from: scope.from, to: scope.to };
    const fig = (d: FigureDecl, value: number, list?: Figure['list']): Figure => ({ key: d.key, label: d.label, unit: d.unit, value, ...(list ? { list } : {}) });
    if (scope.subject) {
      // a member's own, or any member's for those who read all
      if (scope.subject.userId !== actor.userId && !readsAll(actor)) return [];
      const q = { ...period, memberId: scope.subject.userId };
      const { total } = await listMedia(ctx.db, actor, { page: 1, pageSize: 1, ...q });
      return [fig(newsFigureDecls.memberMedia, total, { api: '/api/news/media', web: '/news/media', query: q, rows: 'news_media' })];
    }
    if (!readsAll(actor)) return [];
    const pub = async (d: FigureDecl, column?: string) => {
      const query: Record<string, string> = { state: 'published', ...period, ...(column ? { column } : {}) };
      const { total } = await listItems(ctx.db, actor, { page: 1, pageSize: 1, ...query });
      return fig(d, total, { api: '/api/news', web: '/news', query, rows: 'news_item' });
    };
    const all = await pub(newsFigureDecls.published);
    const byColumn = await Promise.all(defaultNewsColumns.map((c, i) => pub(newsFigureDecls.columns[i], c.code)));
    for (const f of byColumn) f.share = shareOf(all.key, f.value, all.value);
    const media = (await listMedia(ctx.db, actor, { page: 1, pageSize: 1, ...period })).total;
    const out = [all, ...byColumn, fig(newsFigureDecls.media, media, { api: '/api/news/media', web: '/news/media', query: period, rows: 'news_media' })];
    if (sendsNotices(actor) || readsAll(actor)) {
      const sentQuery = { state: 'sent', ...period };
      const sent = (await listNotices(ctx.db, actor, { page: 1, pageSize: 1, state: 'sent', ...period })).total;
      const r = await receiptTotals(ctx.db, scope.tenantId, scope.from, scope.to);
      // the receipts are listed per notice (each notice's 已读/未读); the sum over the sent notices' list gives them
      const addressed = fig(newsFigureDecls.addressed, r.addressed, { api: '/api/news/notices', web: '/news/notices', query: sentQuery, rows: 'news_notice', sum: 'addressed' });
      const read = fig(newsFigureDecls.read, r.read, { api: '/api/news/notices', web: '/news/notices', query: sentQuery, rows: 'news_notice', sum: 'read' });
      read.share = shareOf(addressed.key, r.read, r.addressed);
      out.push(fig(newsFigureDecls.noticesSent, sent, { api: '/api/news/notices', web: '/news/notices', query: sentQuery, rows: 'news_notice' }), addressed, read);
    }
    return out;
  },
};
