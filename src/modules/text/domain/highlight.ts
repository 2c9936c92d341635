/** Highlighting of search words (命中词高亮) in a title or a snippet, as plain segments the web app renders safely. */

/** A piece of text, marked when it is one of the searched words. */
export interface Segment { text: string; hit: boolean }

const CASED = /[\p{Lu}\p{Lt}]/u;

/**
 * The text in lower case, or the text itself when it has no upper-case letter (most Chinese text): the search ranks and
 * highlights hundreds of texts per query, and a copy of each would only be garbage.
 */
function foldCase(text: string): string {
  return CASED.test(text) ? text.toLowerCase() : text;
}

/** Whether a word has letters with case (Latin, full-width, Greek, Cyrillic…): only then are texts folded to find it. */
function hasCase(word: string): boolean {
  return word.toLowerCase() !== word.toUpperCase();
}

/**
 * The folding a text needs before these words are looked for in it: lower case when a word has letters with case, none
 * otherwise (a text's capitals cannot change where a caseless word such as 小区 occurs), so that a Chinese query does
 * not fold each of the hundreds of texts it ranks.
 */
export function folderFor(words: readonly string[]): (text: string) => string {
  return words.some(hasCase) ? foldCase : unchanged;
}

const unchanged = (text: string) => text;

function hitRanges(text: string, words: readonly string[]): Array<[number, number]> {
  const lower = folderFor(words)(text);
  const ranges: Array<[number, number]> = [];
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const lw = foldCase(w);
    if (!lw) continue;
    for (let i = lower.indexOf(lw); i >= 0; i = lower.indexOf(lw, i + lw.length)) {
      if (!ranges.some(([s, e]) => i < e && i + lw.length > s)) ranges.push([i, i + lw.length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The text cut into plain and matching segments. */
export function highlight(text: string, words: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of hitRanges(text, words)) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** A window of the text around its first match (摘要), highlighted; the beginning when nothing matches. */
export function snippet(text: string, words: readonly string[], width = 120): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = hitRanges(flat, words)[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(width / 4), flat.length - width));
  const end = Math.min(flat.length, start + width);
  const body = highlight(flat.slice(start, end), words);
  if (start > 0) body.unshift({ text: '…', hit: false });
  if (end < flat.length) body.push({ text: '…', hit: false });
  return body;
}
