/**
 * The public portal's pages (门户), written as plain HTML on the server: no script, one inline stylesheet, every value
 * escaped except the item bodies the owning modules have already made safe (`PublicItemPage.html`). Mobile first: one
 * column on a phone, the section menu scrolls sideways within itself, nothing wider than the screen. Each page has its
 * own <title>, description, canonical link and Open Graph tags, so search engines and shared links show it rightly.
 */
import { escapeHtml as e } from '../../../kernel/universal/html.ts';

/** What every page of one CPPCC's portal shares. */
export interface SiteFrame {
  /** 长治市政协门户网站 */
  siteTitle: string;
  subtitle: string;
  /** the CPPCC's name, for the footer */
  orgName: string;
  /** path of the portal's home: '/portal', or '/portal/t/<code>' for another CPPCC */
  base: string;
  /** https://host, for canonical links, Open Graph and the sitemap */
  origin: string;
  nav: Array<{ key: string; title: string }>;
}

export interface ListedItem { id: string; title: string; date: string; summary?: string; href?: string }
export interface SectionView { key: string; title: string; items: ListedItem[]; total: number; hasPages: boolean }
export interface FigureView { label: string; value: number; unit: string }
export interface ItemView extends ListedItem { html: string; description?: string; kicker?: string }

/** A link a module gave (its own public page): a path on this site or an http(s) address; anything else is ignored. */
export const safeHref = (href: string | undefined): string | undefined => (href && /^(\/(?![/\\])|https?:\/\/)/.test(href) ? href : undefined);

export const sectionPath = (frame: Pick<SiteFrame, 'base'>, key: string) => `${frame.base}/${encodeURIComponent(key)}`;
export const itemPath = (frame: Pick<SiteFrame, 'base'>, key: string, id: string) => `${sectionPath(frame, key)}/${encodeURIComponent(id)}`;
const linkOf = (frame: SiteFrame, key: string, it: ListedItem, portalPage: boolean) => safeHref(it.href) ?? (portalPage ? itemPath(frame, key, it.id) : undefined);

const CSS = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0;font:16px/1.75 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1f1f1f;background:#f5f3f0;overflow-wrap:anywhere}
a{color:#a8071a;text-decoration:none}a:hover{text-decoration:underline}
.site{background:#a8071a;color:#fff}.site .in{padding:14px 16px 0}.brand{color:#fff;font-size:20px;font-weight:700;letter-spacing:.04em;display:block}.sub{margin:2px 0 0;font-size:13px}
nav{display:flex;gap:4px;overflow-x:auto;padding:8px 12px 0;scrollbar-width:none;-webkit-overflow-scrolling:touch}nav::-webkit-scrollbar{display:none}
nav a{color:#fff;white-space:nowrap;padding:8px 10px;border-radius:6px 6px 0 0;font-size:15px}nav a[aria-current]{background:#f5f3f0;color:#a8071a;font-weight:600}
.in{max-width:1000px;margin:0 auto}main.in{padding:16px}
h1{font-size:22px;line-height:1.45;margin:4px 0 8px}h2{font-size:18px;margin:22px 0 8px;padding-left:10px;border-left:4px solid #a8071a;line-height:1.4}
.box{background:#fff;border-radius:10px;padding:14px 16px;margin:0 0 16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}.box>h2:first-child{margin-top:0}
.head{display:flex;justify-content:space-between;align-items:baseline;gap:8px}.head h2{margin-top:0}.head a{font-size:14px;white-space:nowrap}
ul.items{list-style:none;margin:0;padding:0}ul.items li{padding:10px 0;border-top:1px solid #f0f0f0}ul.items li:first-child{border-top:0}
.t{font-size:16px;font-weight:500;color:#1f1f1f;display:block}.m{font-size:13px;color:#666;margin-top:2px}
.figs{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px}.fig{background:#fff7f0;border-radius:8px;padding:10px 12px}.fig b{display:block;font-size:24px;color:#a8071a;line-height:1.3}.fig span{font-size:13px;color:#595959}
.kicker{color:#a8071a;font-size:14px;margin:0}.date{color:#666;font-size:14px;margin:0 0 12px}
article p{margin:0 0 12px;text-indent:2em}article .more,article .facts,article .kicker,article .date{text-indent:0}article img{max-width:100%;height:auto}article table{display:block;max-width:100%;overflow-x:auto}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0 0 12px;font-size:15px}dl.facts dt{color:#666}dl.facts dd{margin:0}
.pager{display:flex;justify-content:space-between;gap:8px;margin-top:12px;font-size:15px}.empty{color:#666}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
footer{color:#595959;font-size:13px;text-align:center;padding:20px 16px 32px}footer a,article a{text-decoration:underline}
@media (min-width:720px){.figs{grid-template-columns:repeat(4,minmax(0,1fr))}.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-bottom:16px}.cols>.box{margin:0}.brand{font-size:24px}h1{font-size:26px}}`;

interface Head { title: string; description: string; path: string; type?: 'website' | 'article'; current?: string }

function page(frame: SiteFrame, head: Head, main: string): string {
  const url = `${frame.origin}${head.path}`;
  const navLinks = [{ key: '', title: '首页', href: frame.base }, ...frame.nav.map((n) => ({ key: n.key, title: n.title, href: sectionPath(frame, n.key) })), { key: 'contact', title: '联系我们', href: `${frame.base}/contact` }]
    .map((n) => `<a href="${e(n.href)}"${n.key === (head.current ?? '') ? ' aria-current="page"' : ''}>${e(n.title)}</a>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${e(head.title)}</title><meta name="description" content="${e(head.description)}"><link rel="canonical" href="${e(url)}">`
    + `<meta property="og:type" content="${head.type ?? 'website'}"><meta property="og:title" content="${e(head.title)}"><meta property="og:description" content="${e(head.description)}">`
    + `<meta property="og:url" content="${e(url)}"><meta property="og:site_name" content="${e(frame.siteTitle)}"><meta property="og:locale" content="zh_CN">`
    + `<meta name="theme-color" content="#a8071a"><style>${CSS}</style></head><body>`
    + `<header class="site"><div class="in"><a class="brand" href="${e(frame.base)}">${e(frame.siteTitle)}</a>${frame.subtitle ? `<p class="sub">${e(frame.subtitle)}</p>` : ''}</div><nav class="in" aria-label="栏目">${navLinks}</nav></header>`
    + `<main class="in">${main}</main><footer>${e(frame.orgName)} · <a href="${e(frame.base)}/contact">联系我们</a> · <a href="/sitemap.xml">网站地图</a></footer></body></html>`;
}

function itemList(frame: SiteFrame, key: string, items: ListedItem[], portalPages: boolean): string {
  if (!items.length) return '<p class="empty">暂无内容。</p>';
  return `<ul class="items">${items.map((it) => {
    const href = linkOf(frame, key, it, portalPages);
    const title = href ? `<a class="t" href="${e(href)}">${e(it.title)}</a>` : `<span class="t">${e(it.title)}</span>`;
    const meta = [it.date, it.summary].filter(Boolean).map((x) => e(x)).join('　');
    return `<li>${title}${meta ? `<div class="m">${meta}</div>` : ''}</li>`;
  }).join('')}</ul>`;
}

/** 首页: each section's latest items, then the year's public figures. */
export function renderHome(frame: SiteFrame, sections: SectionView[], figures: { title: string; items: FigureView[] } | null): string {
  // a section with nothing in it yet stays in the menu but takes no room on the home page
  const boxes = sections.filter((s) => s.total > 0).map((s) => `<section class="box"><div class="head"><h2>${e(s.title)}</h2>${s.total > s.items.length ? `<a href="${e(sectionPath(frame, s.key))}">更多 ›</a>` : ''}</div>${itemList(frame, s.key, s.items, s.hasPages)}</section>`).join('');
  const figs = figures && figures.items.length
    ? `<section class="box"><h2>${e(figures.title)}</h2><div class="figs">${figures.items.map((f) => `<div class="fig"><b>${e(f.value.toLocaleString('zh-CN'))}</b><span>${e(f.label)}（${e(f.unit)}）</span></div>`).join('')}</div></section>`
    : '';
  const description = `${frame.orgName}：${sections.map((s) => s.title).join('、')}`;
  return page(frame, { title: frame.siteTitle, description, path: frame.base }, `<h1 class="vh">${e(frame.siteTitle)}</h1>${boxes ? `<div class="cols">${boxes}</div>` : '<section class="box"><p class="empty">暂无公开内容。</p></section>'}${figs}`);
}

/** A section's page N of its items, newest first. */
export function renderSection(frame: SiteFrame, s: SectionView, pageNo: number, pageCount: number): string {
  const path = sectionPath(frame, s.key);
  const at = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  const pager = pageCount > 1
    ? `<div class="pager"><span>${pageNo > 1 ? `<a href="${e(at(pageNo - 1))}" rel="prev">‹ 上一页</a>` : ''}</span><span>第 ${pageNo} / ${pageCount} 页</span><span>${pageNo < pageCount ? `<a href="${e(at(pageNo + 1))}" rel="next">下一页 ›</a>` : ''}</span></div>`
    : '';
  const title = `${s.title}${pageNo > 1 ? `（第${pageNo}页）` : ''} - ${frame.siteTitle}`;
  return page(frame, { title, description: `${frame.orgName}${s.title}，共 ${s.total} 条`, path: at(pageNo), current: s.key },
    `<section class="box"><h1>${e(s.title)}</h1>${itemList(frame, s.key, s.items, s.hasPages)}${pager}</section>`);
}

/** One item's page. */
export function renderItem(frame: SiteFrame, section: { key: string; title: string }, it: ItemView): string {
  const description = it.description || it.summary || `${section.title}：${it.title}`;
  return page(frame, { title: `${it.title} - ${frame.siteTitle}`, description, path: itemPath(frame, section.key, it.id), type: 'article', current: section.key },
    `<article class="box"><p class="kicker"><a href="${e(sectionPath(frame, section.key))}">${e(it.kicker || section.title)}</a></p><h1>${e(it.title)}</h1>${it.date ? `<p class="date">${e(it.date)}</p>` : ''}${it.html}</article>`);
}

/** 联系我们 */
export function renderContact(frame: SiteFrame, c: { address: string; postcode: string; phone: string; email: string; hours: string; note: string }): string {
  const rows = [['地址', c.address], ['邮编', c.postcode], ['电话', c.phone], ['电子邮箱', c.email], ['办公时间', c.hours]].filter(([, v]) => v);
  const body = rows.length || c.note
    ? `${rows.length ? `<dl class="facts">${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${k === '电子邮箱' ? `<a href="mailto:${e(v)}">${e(v)}</a>` : k === '电话' ? `<a href="tel:${e(v.replace(/[^\d+-]/g, ''))}">${e(v)}</a>` : e(v)}</dd>`).join('')}</dl>` : ''}${c.note ? c.note.split(/\n+/).map((p) => `<p>${e(p)}</p>`).join('') : ''}`
    : '<p class="empty">联系方式尚未公布。</p>';
  return page(frame, { title: `联系我们 - ${frame.siteTitle}`, description: `${frame.orgName}的地址、电话和办公时间`, path: `${frame.base}/contact`, current: 'contact' },
    `<section class="box"><h1>联系我们</h1>${body}</section>`);
}

export function renderNotFound(frame: SiteFrame, path: string): string {
  return page(frame, { title: `页面不存在 - ${frame.siteTitle}`, description: '您访问的页面不存在或已不再公开。', path },
    `<section class="box"><h1>页面不存在</h1><p>您访问的页面不存在或已不再公开。</p><p><a href="${e(frame.base)}">返回首页</a></p></section>`);
}

/** sitemap.xml: every address given, with its last change when known. */
export function renderSitemap(urls: Array<{ loc: string; lastmod?: string }>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${e(u.loc)}</loc>${u.lastmod && /^\d{4}-\d{2}-\d{2}$/.test(u.lastmod) ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}\n</urlset>\n`;
}

/** robots.txt: the portal is for everyone; the signed-in application and its API are not for crawlers. */
export function renderRobots(origin: string): string {
  return `User-agent: *\nAllow: /portal\nAllow: /public/\nDisallow: /api/\nDisallow: /\nSitemap: ${origin}/sitemap.xml\n`;
}
