/**
 * The 履职积分 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it.
 */
import { z } from 'zod';
import { figureList as figureListSchema } from '../../kernel/universal/figures.ts';

const yearQ = z.coerce.number().int().min(2000).max(2100).describe('年度');

/** 积分项 */
export const ruleItemSchema = z.object({
  figure: z.string().regex(/^[a-z]+\.member\.[a-z_]+$/, '应为委员统计数字的代码，如 proposals.member.filed').describe('统计数字'),
  label: z.string().trim().min(1).max(40).describe('积分项名称'),
  points: z.number().min(-1000).max(1000).describe('每次分值'),
  cap: z.number().min(0).max(10000).nullable().describe('年度上限'),
  min: z.number().int().min(0).max(1000).nullable().describe('最低次数'),
});
export const gradeBandSchema = z.object({
  label: z.string().trim().min(1).max(10).describe('等次名称'),
  min: z.number().min(-10000).max(10000).describe('等次最低分'),
});
export const ruleSetSchema = z.object({
  base: z.number().min(0).max(1000).describe('基础分'),
  maxTotal: z.number().min(0).max(10000).nullable().describe('总分上限'),
  minimum: z.number().min(-1000).max(10000).describe('预警最低分'),
  items: z.array(ruleItemSchema).min(1).max(60).describe('积分项'),
  bands: z.array(gradeBandSchema).min(2).max(8).describe('等次'),
});

/** PUT /api/scores/rules/:year: a new version of the year's rules, over the version read (0: the year has none yet) */
export const ruleSaveBody = ruleSetSchema.extend({
  version: z.number().int().min(0).describe('版本号'),
  source: z.string().trim().max(40).nullable().optional().describe('来源预设'),
});
export type RuleSaveBody = z.infer<typeof ruleSaveBody>;

export const yearParams = z.object({ year: yearQ });
export const yearQuery = z.object({ year: yearQ.optional() });
export const userParams = z.object({ userId: z.string().min(1).max(64).describe('委员') });
export const recomputeBody = z.object({ year: z.number().int().min(2000).max(2100).describe('年度') });

/** A member figure one may score: its key, label and unit, and whether a module counts it yet. */
export const figureOptionSchema = z.object({ key: z.string(), label: z.string(), unit: z.string(), module: z.string(), hasSource: z.boolean() });

export const ruleSetResponse = z.object({
  year: z.number(),
  /** 0: the year has no rules of its own yet, and shows the default (济南) ones */
  version: z.number(),
  source: z.string().nullable(),
  rules: ruleSetSchema,
  createdAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  versions: z.array(z.object({ version: z.number(), source: z.string().nullable(), createdAt: z.string(), createdByName: z.string() })),
  figures: z.array(figureOptionSchema),
});
export type RuleSetResponse = z.infer<typeof ruleSetResponse>;

export const presetsResponse = z.object({
  presets: z.array(z.object({ code: z.string(), name: z.string(), source: z.string(), notes: z.string(), rules: ruleSetSchema })),
});

/** One item of a member's score, with the list of the records it counts (null: no module counts it yet). */
export const scoredItemSchema = z.object({
  figure: z.string(), label: z.string(), count: z.number(), pointsEach: z.number(), points: z.number(), capped: z.boolean(), minMet: z.boolean(),
  minCount: z.number().nullable(), cap: z.number().nullable(), hasSource: z.boolean(), list: figureListSchema.nullable(),
});
export const memberScoreSchema = z.object({
  year: z.number(), from: z.string(), to: z.string(), userId: z.string(), name: z.string(), sectorName: z.string().nullable(),
  ruleVersion: z.number(), ruleSource: z.string().nullable(), base: z.number(), maxTotal: z.number().nullable(),
  items: z.array(scoredItemSchema), total: z.number(), grade: z.string(), unmet: z.array(z.string()),
  minimum: z.number(), bands: z.array(gradeBandSchema),
  /** 排名: among the year's computed scores, if computed */
  rank: z.number().nullable(), members: z.number().nullable(),
});
export type MemberScore = z.infer<typeof memberScoreSchema>;
export type ScoredItemView = z.infer<typeof scoredItemSchema>;

/** GET /api/scores: the year's ranking (积分排名) with filters, and the grade distribution of the rows filtered */
export const rankingQuery = z.object({
  year: yearQ.optional(),
  sector: z.string().max(64).optional().describe('界别'),
  committee: z.string().max(64).optional().describe('专门委员会'),
  grade: z.string().max(10).optional().describe('等次'),
  q: z.string().trim().max(50).optional().describe('姓名'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});
export type RankingQuery = z.infer<typeof rankingQuery>;
export const rankingRow = z.object({ rank: z.number(), userId: z.string(), name: z.string(), sectorName: z.string().nullable(), total: z.number(), grade: z.string() });
export type RankingRow = z.infer<typeof rankingRow>;
export const rankingResponse = z.object({
  year: z.number(), ruleVersion: z.number().nullable(), computedAt: z.string().nullable(), stale: z.boolean(),
  items: z.array(rankingRow), total: z.number(), page: z.number(), pageSize: z.number(),
  distribution: z.array(z.object({ label: z.string(), count: z.number() })), average: z.number().nullable(), belowMinimum: z.number(), minimum: z.number(),
});
export type RankingResponse = z.infer<typeof rankingResponse>;

export const optionsResponse = z.object({
  currentYear: z.number(), years: z.array(z.number()),
  sectors: z.array(z.object({ id: z.string(), name: z.string() })), committees: z.array(z.object({ id: z.string(), name: z.string() })),
  canManage: z.boolean(), readsAll: z.boolean(),
});
export const recomputeResponse = z.object({ year: z.number(), members: z.number(), ruleVersion: z.number(), computedAt: z.string(), ms: z.number() });
