/**
 * The shapes of the dashboard (领导驾驶舱) and annual review (工作回眸) API (zod), shared by the server's routes and the
 * web pages. Every figure is the catalogue's `Figure` with its year-on-year comparison and the link to its records.
 */
import { z } from 'zod';
import { figure, figureList, highlight } from '../../kernel/universal/figures.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { reviewStates } from './domain/review-lifecycle.ts';

const yearField = z.coerce.number().int().min(1990).max(2100).describe('年度');
const orgField = z.string().min(1).max(40).describe('政协组织');

/** A year and, optionally, a CPPCC below the actor's own (a county for the city); the actor's own by default. */
export const yearQuery = z.object({ year: yearField.optional(), org: orgField.optional() });
export type YearQuery = z.infer<typeof yearQuery>;
/** GET /api/review/document: a year (and CPPCC), or the document a work item names (`doc`, its id). */
export const documentQuery = yearQuery.extend({ doc: z.string().min(1).max(40).optional().describe('工作回眸编号') });

/** A figure of the year with last year's value of the same key and the change (同比). */
export const yearFigure = figure.extend({
  /** the module's name and Chinese name */
  module: z.string(),
  moduleLabel: z.string(),
  /** last year's value of the same key; null when last year had none */
  previous: z.number().nullable(),
  /** value − previous; null without a previous value */
  change: z.number().nullable(),
  /** the change in percent of last year's value, one decimal */
  changePercent: z.number().nullable(),
  /** 需关注: the figure counts what is late (its declaration says so) */
  attention: z.boolean(),
  /** the GET URL of the records behind the figure (the list's `api` with its query): its `total` is `value` */
  link: z.string().nullable(),
  /** the web page listing the same records, when there is one */
  page: z.string().nullable(),
});
export type YearFigure = z.infer<typeof yearFigure>;

export const organisationRef = z.object({ id: z.string(), name: z.string() });

/** GET /api/review?year=: the year's figures as JSON for other systems (key, label, value, unit, link, …) */
export const reviewFigures = z.object({
  year: z.number().int(),
  organisation: organisationRef,
  figures: z.array(yearFigure.extend({ section: z.string(), sectionHeading: z.string() })),
});
export type ReviewFigures = z.infer<typeof reviewFigures>;

/** GET /api/dashboard */
export const dashboard = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  organisation: organisationRef,
  /** the CPPCCs the actor may look at (their own and, for the city, its counties) */
  organisations: z.array(organisationRef),
  modules: z.array(z.object({ module: z.string(), label: z.string(), figures: z.array(yearFigure) })),
  /** figures declared as needing attention whose value is not 0 */
  attention: z.array(yearFigure),
});
export type Dashboard = z.infer<typeof dashboard>;

/** GET /api/dashboard/trends: each figure's value per month of the year (the catalogue asked for month periods). */
export const trendsQuery = yearQuery.extend({
  keys: z.string().regex(/^[a-z_.0-9]+(,[a-z_.0-9]+)*$/, '应为统计数字代码，多个用逗号分隔').max(1000).optional().describe('统计数字'),
});
export const trends = z.object({
  year: z.number().int(),
  months: z.array(z.string()),
  series: z.array(z.object({
    key: z.string(), label: z.string(), unit: z.string(), module: z.string(),
    values: z.array(z.number().nullable()),
    /** the records behind each month's value (null when the month has none to show) */
    links: z.array(z.string().nullable()),
    pages: z.array(z.string().nullable()),
  })),
  /** milliseconds the twelve periods took (from the cache or the catalogue) */
  ms: z.number(),
});
export type Trends = z.infer<typeof trends>;

/** GET /api/dashboard/counties: the same figures for each CPPCC the actor may see, side by side. */
export const counties = z.object({
  year: z.number().int(),
  organisations: z.array(organisationRef),
  /** the figures any of them answered, in the catalogue's declared order, with their module's name and Chinese name */
  figures: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), module: z.string(), moduleLabel: z.string() })),
  /** one row per organisation: its figures by key (absent: the organisation's sources answered nothing to this actor) */
  rows: z.array(z.object({ organisation: organisationRef, values: z.record(z.string(), z.object({ value: z.number(), link: z.string().nullable(), page: z.string().nullable() })) })),
});
export type Counties = z.infer<typeof counties>;

/** GET /api/dashboard/records: the records behind a figure of a CPPCC below the reader's own (a county's). */
export const countyRecordsQuery = z.object({
  org: orgField,
  link: z.string().min(5).max(2000).regex(/^\/api\//, '应为统计数字的明细链接').describe('明细链接'),
  year: yearField.optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional().describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(500).optional().describe('每页条数'),
});
/** The list's own answer: its rows and total (the shape of the module's list). */
export const countyRecords = z.object({ items: z.array(z.record(z.string(), z.unknown())), total: z.number().int() }).passthrough();

export const reviewStateSchema = z.enum(reviewStates);

/** A piece of a paragraph: text, or a live figure (its value, last year's or the change) with its link. */
export const wordingPiece = z.union([
  // the figure first: a plain-text member would match a figure piece too and drop its key and link
  z.object({ key: z.string(), part: z.enum(['value', 'previous', 'change']), text: z.string(), link: z.string().nullable(), page: z.string().nullable() }),
  z.object({ text: z.string() }),
]);

export const reviewSection = z.object({
  code: z.string(),
  heading: z.string(),
  /** the wording as the office wrote it, with placeholders */
  wording: z.string(),
  /** the wording with its placeholders replaced by the live figures */
  pieces: z.array(wordingPiece),
  figures: z.array(yearFigure),
  /** 重点记录: the notable records the modules offer for the year, placed by the layout like figures */
  highlights: z.array(highlight),
});
export type ReviewSection = z.infer<typeof reviewSection>;

/** GET /api/review/document?year=: the review for a year (a new one, version 0, until the office saves it). */
export const reviewDocument = z.object({
  id: z.string().nullable(),
  year: z.number().int(),
  organisation: organisationRef,
  title: z.string(),
  state: reviewStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  version: z.number().int(),
  returnReason: z.string().nullable(),
  editorName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  sections: z.array(reviewSection),
  progress: stateViewSchema,
  history: z.array(z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })),
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
  /** the figure keys the wording may name, for the editor's picker */
  placeholders: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), module: z.string() })),
});
export type ReviewDocument = z.infer<typeof reviewDocument>;

/** PUT /api/review/document: the office saves the wording (version 0 creates the year's document). */
export const reviewSaveBody = z.object({
  year: yearField,
  version: z.number().int().min(0).describe('版本号'),
  title: z.string().trim().min(2).max(200).describe('标题'),
  wording: z.record(z.string(), z.string().max(10_000).describe('正文')).describe('各篇章正文'),
});
export type ReviewSaveBody = z.infer<typeof reviewSaveBody>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('工作回眸编号') });

export { figureList };
