/**
 * The rich text of 新闻 and 通知公告 (富文本): what the server keeps of an editor's HTML. Everything a news editor or a
 * public submitter writes passes `sanitizeNewsHtml` before it is stored, and stored text is the only text any page or
 * the public portal (门户) renders, so nothing written runs as script. An allow-list, never a deny-list:
 * p, h2–h4, strong, em, u, ol, ul, li, blockquote, br; a[href] with http/https or a relative URL (rel=noopener added);
 * img[src] with our own attachment URLs (/api/attachments/…) or https. No style, no class, no on* handler, no
 * javascript:/data:/vbscript: URL; script, style, iframe, svg, math, template and their contents are dropped.
 * Also the WeChat export (公众号导出): the same HTML with inline styles and absolute image URLs.
 */
import sanitizeHtml from 'sanitize-html';

/** The tags kept; anything else is unwrapped (its text kept) or, for the `dropWithContent` ones, removed with its text. */
export const allowedNewsTags = ['p', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 'ol', 'ul', 'li', 'a', 'img', 'blockquote', 'br'] as const;
const dropWithContent = ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'template', 'title', 'xmp', 'noembed', 'noframes', 'select', 'button', 'form'];

/** An image source we accept: our own attachment download URL, or any https address. */
export function isAllowedImageSrc(src: string): boolean {
  const s = src.trim();
  return /^\/api\/attachments\/[A-Za-z0-9_-]{1,64}(\?[A-Za-z0-9=&_-]*)?$/.test(s) || /^https:\/\/[^\s"'<>\\]+$/i.test(s);
}

/** A link we accept: http(s), or a relative path on this site (not protocol-relative //host). */
export function isAllowedHref(href: string): boolean {
  const s = href.trim();
  if (/^https?:\/\/[^\s"'<>\\]+$/i.test(s)) return true;
  return /^\/(?!\/)[^\s"'<>\\]*$/.test(s) || /^#[A-Za-z0-9_-]*$/.test(s);
}

const options: sanitizeHtml.IOptions = {
  allowedTags: [...allowedNewsTags],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  disallowedTagsMode: 'discard',
  nonTextTags: dropWithContent,
  // what editors paste from Word or older editors
  transformTags: {
    b: 'strong', i: 'em', h1: 'h2', h5: 'h4', h6: 'h4', div: 'p',
    a: (tagName, attribs) => {
      const href = attribs.href && isAllowedHref(attribs.href) ? attribs.href.trim() : undefined;
      const kept: sanitizeHtml.Attributes = href ? { href, rel: 'noopener noreferrer' } : {};
      return { tagName, attribs: kept };
    },
    img: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = attribs.src && isAllowedImageSrc(attribs.src) ? { src: attribs.src.trim(), ...(attribs.alt ? { alt: attribs.alt } : {}) } : {};
      return { tagName, attribs: kept };
    },
  },
  // an image with no acceptable source is dropped, not kept as an empty <img>; a link without href becomes its text
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** The stored form of an editor's HTML (see the file's comment). Idempotent: sanitising twice gives the same text. */
export function sanitizeNewsHtml(html: string): string {
  const out = sanitizeHtml(html, options).trim();
  // an <a> whose href was refused keeps its text, without a dead anchor
  return out.replace(/<a>([\s\S]*?)<\/a>/g, '$1');
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
/** Plain text of the HTML (for summaries, search and the public page's description), whitespace collapsed. */
export function htmlToText(html: string, max = 0): string {
  const text = sanitizeHtml(html.replace(/<(\/p|\/h[1-6]|br|\/li|\/blockquote)[^>]*>/gi, '$& '), { allowedTags: [], allowedAttributes: {}, nonTextTags: dropWithContent })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => entities[m] ?? m).replace(/\s+/g, ' ').trim();
  return max > 0 && text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The inline styles the WeChat editor (公众号编辑器) keeps: it drops <style> and classes, so each tag carries its own. */
export const wechatStyles: Record<string, string> = {
  h2: 'font-size:20px;font-weight:bold;color:#a4161a;margin:24px 0 12px;line-height:1.5;',
  h3: 'font-size:18px;font-weight:bold;color:#333;margin:20px 0 10px;line-height:1.5;',
  h4: 'font-size:16px;font-weight:bold;color:#333;margin:16px 0 8px;line-height:1.5;',
  p: 'font-size:16px;color:#333;line-height:1.75;margin:0 0 16px;text-align:justify;',
  ul: 'padding-left:24px;margin:0 0 16px;', ol: 'padding-left:24px;margin:0 0 16px;',
  li: 'font-size:16px;color:#333;line-height:1.75;margin:0 0 6px;',
  blockquote: 'border-left:4px solid #a4161a;background:#f7f3f0;padding:10px 14px;margin:0 0 16px;color:#555;',
  img: 'display:block;max-width:100%;height:auto;margin:12px auto;',
  a: 'color:#1d4ed8;text-decoration:underline;',
  strong: 'font-weight:bold;', em: 'font-style:italic;', u: 'text-decoration:underline;',
};

/**
 * The WeChat export of a stored (already sanitised) body: every tag with its inline style, images and relative links
 * made absolute with the site's `origin` (the WeChat editor fetches images from the address), a title on top.
 */
export function wechatHtml(title: string, storedHtml: string, origin: string): string {
  const abs = (u: string) => (u.startsWith('/') ? `${origin.replace(/\/$/, '')}${u}` : u);
  const styled = sanitizeHtml(sanitizeNewsHtml(storedHtml), {
    allowedTags: [...allowedNewsTags, 'section'],
    allowedAttributes: { '*': ['style'], a: ['href', 'style'], img: ['src', 'alt', 'style'] },
    allowedSchemes: ['http', 'https'],
    transformTags: Object.fromEntries(Object.keys(wechatStyles).map((tag) => [tag, (tagName: string, attribs: sanitizeHtml.Attributes) => {
      const a: sanitizeHtml.Attributes = { style: wechatStyles[tag] };
      if (attribs.href) a.href = abs(attribs.href);
      if (attribs.src) a.src = abs(attribs.src);
      if (attribs.alt) a.alt = attribs.alt;
      return { tagName, attribs: a };
    }])),
  });
  const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc}</title></head><body>\n`
    + `<section style="max-width:677px;margin:0 auto;font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;">\n`
    + `<h1 style="font-size:22px;font-weight:bold;color:#222;line-height:1.4;margin:0 0 20px;">${esc}</h1>\n${styled}\n</section>\n</body></html>\n`;
}
