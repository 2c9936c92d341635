/**
 * Plain text into HTML for pages the server writes itself (the public portal, 门户): every value escaped, paragraphs
 * kept. A module that hands the portal a record's body as HTML builds it with these, so nothing in it runs as script.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or an attribute value (quotes escaped too). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Plain text as escaped paragraphs: a blank or new line starts a paragraph; empty text gives ''. */
export function textToHtml(text: string | null | undefined): string {
  return String(text ?? '').split(/\r?\n+/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

/** The first `max` characters of plain text on one line, with an ellipsis when cut (a page's description). */
export function excerpt(text: string | null | undefined, max = 120): string {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
