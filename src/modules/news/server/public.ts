/**
 * What 新闻 shows on the public portal (门户), read without signing in: one section per default 栏目 (要闻动态, 委员风采,
 * 委员之声, 基层协商: keys `news.<column>`) with the published items on the website channel, one more per column a
 * CPPCC added itself (the per-CPPCC hook `newsTenantSections`, ADR 0086), and 通知公告
 * (`news.notices`, the notices sent to 社会公众). Bodies are the stored sanitised HTML. Each section names the events
 * that change it: every step of a news item (publish, withdraw, edit, redraft) is a `news_item.transitioned`, and a
 * notice sent or withdrawn a `news_notice.transitioned`.
 */
import type { PublicItem, PublicSection, PublicSource, TenantPublicSections } from '../../../kernel/server/contributions.ts';
import { defaultNewsColumns } from '../domain/news-columns.ts';
import { htmlToText } from '../domain/news-html.ts';
import { NEWS_COLUMNS_EVENT, NEWS_EVENT, NOTICE_EVENT } from '../domain/news-lifecycle.ts';
import { findItem, findNotice, listPublicNotices, listPublished } from './repository.ts';
import { readColumns } from './settings.ts';
import type { NewsItemRow } from './tables.ts';

/** Published on the website: what the portal and the public image route show. */
export const isPublicItem = (r: Pick<NewsItemRow, 'state' | 'channels'>) => r.state === 'published' && r.channels.split(',').includes('website');

/**
 * The body as the public sees it: its images (the item's attachments, which only signed-in readers may open at
 * /api/attachments/…) point at the item's public image route instead. The body is the stored sanitised HTML, whose
 * image addresses the sanitiser allowed; only those of our own attachments are rewritten.
 */
export const publicBody = (r: Pick<NewsItemRow, 'id' | 'body'>) =>
  r.body.replace(/(<img\b[^>]*?\ssrc=")\/api\/attachments\/([A-Za-z0-9_-]{1,40})"/g, (_m, head: string, fileId: string) => `${head}/api/public/news/${encodeURIComponent(r.id)}/images/${fileId}"`);

const columnSection = (code: string, label: string, labelEn: string | undefined, order: number): PublicSection => ({
  key: `news.${code}`, title: label, ...(labelEn ? { titleEn: labelEn } : {}), order, events: [NEWS_EVENT],
  async list(ctx, tenantId, page) {
    const { rows, total } = await listPublished(ctx.db, tenantId, code, page);
    const items: PublicItem[] = rows.map((r) => ({ id: r.id, title: r.title, date: r.published_on ?? '', summary: r.summary || htmlToText(r.body, 80) }));
    return { items, total };
  },
  async item(ctx, tenantId, id) {
    const r = await findItem(ctx.db, id);
    if (!r || r.tenant_id !== tenantId || r.column_code !== code || !isPublicItem(r)) return null;
    const summary = r.summary || htmlToText(r.body, 80);
    return { id: r.id, title: r.title, date: r.published_on ?? '', summary, html: publicBody(r), description: htmlToText(r.body, 160), kicker: label };
  },
});

export const noticesSection: PublicSection = {
  key: 'news.notices', title: '通知公告', titleEn: 'Notices', order: 20, events: [NOTICE_EVENT],
  async list(ctx, tenantId, page) {
    const { rows, total } = await listPublicNotices(ctx.db, tenantId, page);
    return { items: rows.map((r) => ({ id: r.id, title: r.title, date: r.sent_on ?? '', summary: htmlToText(r.body, 80) })), total };
  },
  async item(ctx, tenantId, id) {
    const n = await findNotice(ctx.db, id);
    if (!n || n.tenant_id !== tenantId || n.state !== 'sent' || n.audience !== 'public') return null;
    return { id: n.id, title: n.title, date: n.sent_on ?? '', html: n.body, description: htmlToText(n.body, 160), kicker: '通知公告' };
  },
};

/**
 * The CPPCC's own 栏目 beyond the four defaults (which every portal declares): one section each, after the defaults
 * in the CPPCC's order. Saving the column list is `news.columns_changed`, which drops the CPPCC's cached pages.
 */
export const newsTenantSections: TenantPublicSections = {
  events: [NEWS_COLUMNS_EVENT],
  sectionEvents: [NEWS_EVENT],
  async sectionsFor(ctx, tenantId) {
    const defaults = new Set(defaultNewsColumns.map((c) => c.code));
    return (await readColumns(ctx, tenantId)).filter((c) => !defaults.has(c.code)).map((c, i) => columnSection(c.code, c.label, c.labelEn, 60 + i));
  },
};

export const newsPublic: PublicSource = {
  sections: [...defaultNewsColumns.map((c, i) => columnSection(c.code, c.label, c.labelEn, 10 + i * 10 + (i > 0 ? 10 : 0))), noticesSection],
  perTenant: newsTenantSections,
};
