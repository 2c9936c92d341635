/**
 * The one shape of a figure (统计数字), shared by the server, every module's contract and the web pages: a value with
 * the list of the records it counts. A figure is true only if its list agrees: `list.api` with `list.query` answers
 * `total` equal to `value` (or, with `list.sum`, rows whose field of that name adds up to it).
 */
import { z } from 'zod';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);

/** Where the records behind a figure are listed. */
export const figureList = z.object({
  /** GET path of the list (`{ items, total }`), called with `query` */
  api: z.string(),
  /** the web page that shows the same rows, with the same query; absent when the page showing the figure opens `api` itself */
  web: z.string().optional(),
  query: z.record(z.string(), z.string()),
  /** the kind of row the list holds (and the figure counts): 'proposal', 'report', 'issue', 'member' */
  rows: z.string(),
  /** when set, `value` is the sum of this field over the rows (篇目 of issues, 积分 of reports), not their number */
  sum: z.string().optional(),
});
export type FigureList = z.infer<typeof figureList>;

/** One figure (统计数字). */
export const figure = z.object({
  /** stable key: '<module>.<name>'; one key, one definition, the same value on every page that shows it */
  key: z.string(),
  /** Chinese label */
  label: z.string(),
  value: z.number(),
  /** 件, 人, 篇, 期, 分 */
  unit: z.string(),
  /** a share of another figure: that figure's key and the percentage (0–100, one decimal); absent when the whole is 0 */
  share: z.object({ of: z.string(), percent: z.number() }).optional(),
  list: figureList.optional(),
  /** the part of the organisation a family's figure counts (a special committee, 专委会; decision 0087) */
  part: z.object({ kind: z.literal('committee'), id: z.string(), name: z.string() }).optional(),
});
export type Figure = z.infer<typeof figure>;

/** The percentage of `part` in `whole` with one decimal, as a share of the figure `of`; undefined when the whole is 0. */
export function shareOf(of: string, part: number, whole: number): Figure['share'] {
  return whole > 0 ? { of, percent: Math.round((part / whole) * 1000) / 10 } : undefined;
}

/** GET /api/figures: a 工作年度 or a period of days, optionally some modules only, optionally one member's own figures. */
export const figuresQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  /** module names, comma-separated (proposals,opinions); all when absent */
  modules: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为模块名，多个用逗号分隔').max(300).optional().describe('模块'),
  /** a member's own figures (履职) instead of the organisation's */
  userId: z.string().min(1).max(40).optional().describe('委员'),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const figureGroup = z.object({
  module: z.string(),
  /** the module's Chinese name */
  label: z.string(),
  figures: z.array(figure),
});
export type FigureGroup = z.infer<typeof figureGroup>;

export const figuresResponse = z.object({
  from: z.string(),
  to: z.string(),
  year: z.number().int().nullable(),
  userId: z.string().nullable(),
  groups: z.array(figureGroup),
});
export type FiguresResponse = z.infer<typeof figuresResponse>;

/**
 * A notable record (重点记录) of a period that a module offers the annual review: a key proposal and how it was
 * answered, a 社情民意 report a leader instructed on, an implemented recommendation. Picked by the module's own rules
 * (what counts as notable is its domain); `key` places it in the review's layout the way a figure's key does.
 */
export const highlight = z.object({
  /** '<module>.<kind>', e.g. 'proposals.key' */
  key: z.string(),
  /** what kind of record, in Chinese (重点提案, 领导批示, 已落实建议) */
  kind: z.string(),
  title: z.string(),
  /** how it ended or stands, in Chinese (已办结，答复为A类) */
  outcome: z.string(),
  /** the day it became notable (YYYY-MM-DD), for ordering; null when unknown */
  date: z.string().nullable(),
  /** the web page of the record */
  link: z.string(),
});
export type Highlight = z.infer<typeof highlight>;
