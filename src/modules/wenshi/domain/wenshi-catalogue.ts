/**
 * Fixed vocabularies of the 文史资料 module (pure): the historical periods (时期) a material is filed under, the
 * default sections (栏目) of an issue of 《长治文史》, the limits of a public submission, and the table of contents
 * (目录) of an issue built from its ordered entries.
 */

/** 时期: the periods offered to a contributor (a material may also say 其他/不详). */
export const wenshiPeriods = [
  '古代', '近代（1840–1919）', '新民主主义革命时期（1919–1937）', '抗日战争时期（1937–1945）', '解放战争时期（1945–1949）',
  '1949–1978', '改革开放以来', '其他/不详',
] as const;

/** 栏目: the usual sections of 《长治文史》; an issue may use others. */
export const wenshiSections = ['红色记忆', '上党史话', '古建遗存', '人物春秋', '民俗风情', '口述历史'] as const;

/** Limits of the public submission page (社会公众投稿): per address and per request. */
export const publicLimits = {
  /** submissions per IP address per minute */
  perMinute: 6,
  /** files per submission, and their kinds: photos and scans */
  files: 3,
  fileBytes: 5 * 1024 * 1024,
  mimes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as readonly string[],
  /** the text of a public submission (a member's may be longer) */
  bodyChars: 20_000,
} as const;

/** 第N辑 as Chinese readers write it. */
export const issueLabel = (number: number) => `第${number}辑`;

export interface TocEntry { section: string; seq: number; title: string; author: string; period: string | null }
export interface TocSection { section: string; entries: TocEntry[] }

/**
 * The table of contents (目录): entries in their order (seq), grouped under their section in the order each section
 * first appears; a section appears once even when its entries are not adjacent.
 */
export function tableOfContents(entries: readonly TocEntry[]): TocSection[] {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const out: TocSection[] = [];
  for (const e of sorted) {
    let s = out.find((x) => x.section === e.section);
    if (!s) out.push((s = { section: e.section, entries: [] }));
    s.entries.push(e);
  }
  return out;
}
