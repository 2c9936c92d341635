/** Request and response schemas (shared by server and web, kept with the domain so the web may read them) of 审查会议 batch decisions, review-queue duplicate groups and 优秀提案 selection rounds. */
import { z } from 'zod';
import { reviewMeeting } from '../contract.ts';
import { allowedActionSchema } from '../../../kernel/universal/workflow.ts';
import { reviewDecisionInputs } from './proposal-lifecycle.ts';

/** The decisions a review meeting (审查会议) takes on submitted proposals. */
export const batchTransitions = ['file', 'not_file', 'return', 'merge'] as const;
export type BatchTransition = (typeof batchTransitions)[number];

/**
 * One proposal's decision: id and version beside the decision's own input, read from the lifecycle's schema of that
 * transition (reason code, target, …), so a batch item and a single transition take the same fields and require the same.
 */
const item = {
  id: z.string().min(1).max(40).describe('提案编号'),
  version: z.number().int().min(1).describe('版本号'),
};
export const batchItem = z.discriminatedUnion('transition', [
  reviewDecisionInputs.file.omit({ meeting: true }).extend({ ...item, transition: z.literal('file').describe('审查决定') }),
  reviewDecisionInputs.not_file.omit({ meeting: true }).extend({ ...item, transition: z.literal('not_file').describe('审查决定') }),
  reviewDecisionInputs.return.omit({ meeting: true }).extend({ ...item, transition: z.literal('return').describe('审查决定') }),
  reviewDecisionInputs.merge.omit({ meeting: true }).extend({ ...item, transition: z.literal('merge').describe('审查决定') }),
]);
export type BatchItem = z.infer<typeof batchItem>;

/** POST /api/proposals/batch-transitions */
export const batchBody = z.object({
  items: z.array(batchItem).min(1).max(200).describe('审查事项'),
  meeting: reviewMeeting.optional().describe('审查会议'),
});
export type BatchBody = z.infer<typeof batchBody>;

/** Each item's outcome: done (with the new state and version) or the error a single transition would have given. */
export const batchResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  status: z.number().int(),
  code: z.string().optional(),
  message: z.string().optional(),
  field: z.string().optional(),
  state: z.string().optional(),
  stateLabel: z.string().optional(),
  version: z.number().int().optional(),
});
export type BatchResult = z.infer<typeof batchResult>;
export const batchResponse = z.object({ results: z.array(batchResult), succeeded: z.number().int(), failed: z.number().int() });
export type BatchResponse = z.infer<typeof batchResponse>;

/** GET /api/proposals/review-queue/duplicate-groups: likely duplicates and same-matter groups among the submitted proposals (待审查). */
export const duplicateMember = z.object({
  id: z.string(),
  title: z.string(),
  proposerName: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  /** the highest similarity to another member of the group */
  score: z.number(),
});
export const duplicateGroup = z.object({
  /** members, earliest submitted first (the first is the suggested target of 并案) */
  members: z.array(duplicateMember),
  /** 疑似重复 (copies) or 同一事项 (the same matter in other words) */
  kind: z.enum(['duplicate', 'same_matter']).describe('分组依据'),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number(), kind: z.enum(['duplicate', 'same_matter']) })),
  sharedKeywords: z.array(z.string()),
  /** why they are one matter: the places, problems, demands and objects the members share */
  reason: z.object({
    places: z.array(z.string()), districts: z.array(z.string()), problems: z.array(z.string()), demands: z.array(z.string()), objects: z.array(z.string()),
  }).describe('并案理由'),
  /** the member suggested as the target of the merge */
  suggestedTargetId: z.string(),
});
export const duplicateGroupsResponse = z.object({
  groups: z.array(duplicateGroup),
  threshold: z.number(),
  /** how many submitted proposals were compared */
  compared: z.number().int(),
  canMerge: z.boolean(),
});
export type DuplicateGroupsResponse = z.infer<typeof duplicateGroupsResponse>;

// ---------- 优秀提案评选 ----------

/** 评选轮次 states: 征集提名 → 审议 → 主席会议审定 → 已通报. */
export const excellentRoundStates = ['nominating', 'reviewing', 'decided', 'published'] as const;
/** 提名来源: 提案委 / 承办单位推荐 / 专委会推荐. */
export const nominationSources = ['office', 'unit', 'committee'] as const;
export const nomineeStatuses = ['nominated', 'confirmed', 'dropped'] as const;

export const excellentNominee = z.object({
  id: z.string(),
  proposalId: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  proposerName: z.string(),
  leadUnitName: z.string().nullable(),
  replyClass: z.string().nullable(),
  satisfaction: z.string().nullable(),
  source: z.enum(nominationSources),
  sourceLabel: z.string(),
  recommenderName: z.string(),
  reason: z.string(),
  status: z.enum(nomineeStatuses),
  statusLabel: z.string(),
  decisionNote: z.string().nullable(),
  at: z.string(),
});
export type ExcellentNominee = z.infer<typeof excellentNominee>;

export const excellentRound = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: z.enum(excellentRoundStates),
  stateLabel: z.string(),
  version: z.number().int(),
  meetingDate: z.string().nullable(),
  meetingNote: z.string().nullable(),
  notice: z.string().nullable(),
  publishedAt: z.string().nullable(),
  nominees: z.array(excellentNominee),
  /** the round's lifecycle actions the caller may take now (start_review, decide, publish) */
  actions: z.array(allowedActionSchema),
  canNominate: z.boolean(),
});
export type ExcellentRound = z.infer<typeof excellentRound>;

export const excellentRoundList = z.object({
  items: z.array(excellentRound.omit({ nominees: true }).extend({ nominated: z.number().int(), confirmed: z.number().int() })),
  canCreate: z.boolean(),
});
export type ExcellentRoundList = z.infer<typeof excellentRoundList>;

export const excellentRoundCreate = z.object({
  year: z.number().int().min(1990).max(2100).describe('评选年度'),
  title: z.string().trim().min(2).max(200).optional().describe('评选名称'),
});
export const excellentNominateBody = z.object({
  proposalId: z.string().min(1).max(40).describe('提案'),
  reason: z.string().trim().min(1).max(2000).describe('推荐理由'),
  /** the round's version the page showed: a change since then (a step, another nomination) is a 409 */
  version: z.number().int().positive().optional().describe('版本号'),
});
export const excellentRoundParams = z.object({ roundId: z.string().min(1).max(40).describe('评选轮次') });
export const excellentRoundTransition = z.object({
  action: z.enum(['start_review', 'decide', 'publish']).describe('操作'),
  version: z.number().int().min(1).describe('版本号'),
  /** 主席会议审定: one decision for every nominee */
  decisions: z.array(z.object({
    nomineeId: z.string().min(1).max(40).describe('提名'),
    decision: z.enum(['confirm', 'drop']).describe('审定结果'),
    note: z.string().trim().max(500).optional().describe('审定意见'),
  })).max(500).optional().describe('审定结果'),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式').optional().describe('主席会议日期'),
  meetingNote: z.string().trim().max(500).optional().describe('会议说明'),
  notice: z.string().trim().max(5000).optional().describe('通报内容'),
});
export type ExcellentRoundTransition = z.infer<typeof excellentRoundTransition>;
export const excellentCandidatesQuery = z.object({
  q: z.string().trim().max(100).optional().describe('关键词'),
});
export const excellentCandidates = z.object({
  items: z.array(z.object({ id: z.string(), number: z.string().nullable(), title: z.string(), proposerName: z.string(), leadUnitName: z.string().nullable() })),
});
