/** Request and response schemas of the 社情民意信息 (social-conditions reports) API, shared by the server routes and the web pages. */
import { z } from 'zod';
import { figure } from '../../kernel/universal/figures.ts';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { attachmentItem } from '../attachments/contract.ts';

/** 信息状态: the states of a report (see domain/opinion-lifecycle.ts). */
export const reportStates = [
  'submitted', // 待处理 (已报送)
  'returned', // 退回修改
  'accepted', // 已录用
  'retained', // 留存
  'verified', // 已核稿
  'compiled', // 已编期
  'reported', // 已报送 (刊发)
  'withdrawn', // 已撤回
] as const;
export type ReportState = (typeof reportStates)[number];

/** 期刊状态: 编辑中 → 待签发 → 待分发 → 已分发. */
export const issueStates = ['editing', 'signing', 'signed', 'distributed'] as const;
export type IssueState = (typeof issueStates)[number];

/** 层级: where an adoption or instruction happened. */
export const levels = ['county', 'city', 'province', 'national'] as const;
export type Level = (typeof levels)[number];
export const levelLabels: Record<Level, string> = { county: '县级', city: '市级', province: '省级', national: '全国' };

/** 采用方式: 单篇采用 / 综合采用. */
export const adoptionTypes = ['single', 'composite'] as const;
export type AdoptionType = (typeof adoptionTypes)[number];
export const adoptionTypeLabels: Record<AdoptionType, string> = { single: '单篇采用', composite: '综合采用' };

/** 反馈事件: 采用 / 领导批示 / 转送部门 / 部门反馈. */
export const eventKinds = ['adoption', 'instruction', 'forwarded', 'feedback'] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindLabels: Record<EventKind, string> = { adoption: '采用', instruction: '领导批示', forwarded: '转送部门', feedback: '部门反馈' };

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');
/** a calendar day that exists ('2025-02-30' is refused) */
const realDay = (s: string) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; };
const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式').refine(realDay, '不是有效的日期').describe(label);
const text = (label: string, max: number) => z.string().trim().max(max).describe(label);

export const allowedAction = allowedActionSchema;

/** GET /api/opinions */
export const reportListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  mine: yesNo.optional().describe('我报送的'),
  urgent: yesNo.optional().describe('急事急报'),
  /** copies that came up from a lower-level CPPCC (下级报送) */
  incoming: yesNo.optional().describe('下级报送'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  /** the keyword is looked for in the text too, not only in the title */
  inBody: yesNo.optional().describe('检索正文'),
  /** part of the submitter's name (报送人) */
  submitter: z.string().trim().max(40).optional().describe('报送人'),
  /** reports answering this 选题 */
  topicId: z.string().max(40).optional().describe('选题'),
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  /** accepted = 录用过; returned = 退回过; sent_up = 已向上报送; adopted = 录用或被采用; adoption = 被采用 (any level); instruction = 有领导批示 */
  stage: z.enum(['accepted', 'returned', 'sent_up', 'adopted', 'adoption', 'instruction']).optional().describe('环节'),
  adoptedLevel: z.enum(levels).optional().describe('采用层级'),
  instructionLevel: z.enum(levels).optional().describe('批示层级'),
  submitterUserId: z.string().max(40).optional().describe('报送人'),
  /** reports of members of this 专委会 (a member may sit on two) */
  committeeId: z.string().max(40).optional().describe('专委会'),
  /** reports of members of this 界别 */
  sectorId: z.string().max(40).optional().describe('界别'),
  /** the submitting organisation (报送单位: party, group, committee, county CPPCC); `none` for reports without one */
  orgId: z.string().max(40).optional().describe('报送单位'),
  /** copies that came up from this lower-level CPPCC */
  sourceTenantId: z.string().max(40).optional().describe('来源政协'),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  urgent: z.boolean(),
  state: z.enum(reportStates),
  stateLabel: z.string(),
  /** the state's tag colour, from the lifecycle */
  stateTone: z.string(),
  submitterUserId: z.string(),
  submitterName: z.string(),
  /** 报送单位: the organisation the report came in the name of (a party, group, committee or handling unit), when not the CPPCC itself */
  submitterOrgName: z.string().nullable(),
  /** the CPPCC the report came from when it is a copy sent up (下级报送) */
  sourceTenantName: z.string().nullable(),
  sourceReportId: z.string().nullable(),
  issueNumber: z.string().nullable(),
  submittedAt: z.string(),
  sentUpAt: z.string().nullable(),
  length: z.number().int(),
  version: z.number().int(),
});
export type ReportListItem = z.infer<typeof reportListItem>;
export const reportPage = pageOf(reportListItem);

/** GET /api/opinions/facets: what the reports of a list query can be narrowed by (编期's filters), each with its count. */
export const facetItem = z.object({ id: z.string(), name: z.string(), count: z.number().int() });
export const reportFacets = z.object({
  /** 报送单位: parties, groups, committees and handling units the reports came in the name of */
  units: z.array(facetItem.extend({ kind: z.string() })),
  /** 下级报送: the lower-level CPPCCs copies came from */
  sources: z.array(facetItem),
  /** 选题 answered */
  topics: z.array(facetItem),
  /** 专委会 (领域) of the CPPCC, to narrow by the submitting members' committees */
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ReportFacets = z.infer<typeof reportFacets>;

export const historyEntry = z.object({
  id: z.string(), action: z.string(), actionLabel: z.string(), fromState: z.string().nullable(), toState: z.string(), toStateLabel: z.string(),
  actorName: z.string(), note: z.string().nullable(), at: z.string(),
});

export const revisionEntry = z.object({
  seq: z.number().int(), title: z.string(), body: z.string(), editorName: z.string(), note: z.string().nullable(), at: z.string(),
});

export const eventEntry = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  kindLabel: z.string(),
  level: z.enum(levels),
  levelLabel: z.string(),
  adoptionType: z.enum(adoptionTypes).nullable(),
  leaderLevel: z.enum(levels).nullable(),
  /** 批示 text, the department forwarded to, or the feedback letter */
  text: z.string().nullable(),
  department: z.string().nullable(),
  points: z.number(),
  /** the CPPCC where it was recorded */
  tenantName: z.string(),
  reportId: z.string(),
  recordedBy: z.string(),
  at: z.string(),
});
export type EventEntry = z.infer<typeof eventEntry>;

export const reportDetail = reportListItem.extend({
  body: z.string(),
  /** 原稿: the text as submitted, for the side-by-side view */
  submittedTitle: z.string(),
  submittedBody: z.string(),
  /** the tenth line of the guide: a warning when longer than the configured length */
  lengthWarning: z.string().nullable(),
  returnReason: z.string().nullable(),
  topic: z.string().nullable(),
  topicId: z.string().nullable(),
  issueId: z.string().nullable(),
  rootReportId: z.string(),
  upCopyId: z.string().nullable(),
  sentUpTo: z.string().nullable(),
  attachments: z.array(attachmentItem),
  revisions: z.array(revisionEntry),
  history: z.array(historyEntry),
  /** adoptions, instructions, forwarding and feedback at every level of the report's lineage */
  events: z.array(eventEntry),
  /** where the report stands on its lifecycle's road and its tag colour */
  progress: stateViewSchema,
  actions: z.array(allowedAction),
  abilities: z.object({
    edit: z.boolean().describe('可修改正文'),
    sendUp: z.boolean().describe('可向上级政协报送'),
    recordEvent: z.boolean().describe('可登记采用、批示与反馈'),
  }),
});
export type ReportDetail = z.infer<typeof reportDetail>;

/** POST /api/opinions: submit a report (一事一报). */
export const reportCreateBody = z.object({
  title: text('标题', 200).min(4),
  body: text('正文', 20000).min(10),
  urgent: z.boolean().default(false).describe('急事急报'),
  topic: text('所答选题', 200).optional(),
  /** 选题研判: the published topic this report answers */
  topicId: z.string().min(1).max(40).optional().describe('所答选题'),
  attachmentIds: z.array(z.string().max(64)).max(20).default([]).describe('附件'),
});
export type ReportCreateBody = z.infer<typeof reportCreateBody>;

/** PATCH /api/opinions/:id: an editor's edit (every revision is kept) or the submitter's revision of a returned report. */
export const reportEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: text('标题', 200).min(4).optional(),
  body: text('正文', 20000).min(10).optional(),
  note: text('修改说明', 500).optional(),
});
export type ReportEditBody = z.infer<typeof reportEditBody>;

/** POST /api/opinions/:id/transitions: the body is derived from the lifecycle (`transitionBody` in domain/opinion-lifecycle.ts). */

/** POST /api/opinions/:id/events: record an adoption, instruction, forwarding or feedback at this level. */
export const eventBody = z.object({
  kind: z.enum(eventKinds).describe('事件类型'),
  level: z.enum(levels).optional().describe('层级'),
  adoptionType: z.enum(adoptionTypes).optional().describe('采用方式'),
  leaderLevel: z.enum(levels).optional().describe('批示领导层级'),
  text: text('内容', 5000).optional(),
  department: text('部门', 200).optional(),
  at: z.string().max(40).optional().describe('时间'),
});
export type EventBody = z.infer<typeof eventBody>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('信息编号') });
export const pieceParams = z.object({ id: z.string().min(1).max(40).describe('期刊编号'), pieceId: z.string().min(1).max(40).describe('篇目编号') });

/* ---------------- issues (期) ---------------- */

export const pieceInput = z.object({
  kind: z.enum(adoptionTypes).describe('篇目类型'),
  title: text('篇目标题', 200).min(4).optional(),
  body: text('篇目正文', 50000).optional(),
  reportIds: z.array(z.string().max(40)).min(1).max(30).describe('来源信息'),
});

export const issueCreateBody = z.object({
  title: text('期刊名称', 100).optional(),
  pieces: z.array(pieceInput).min(1).max(30).describe('篇目'),
});
export type IssueCreateBody = z.infer<typeof issueCreateBody>;

/** POST /api/opinions/issues/:id/transitions: derived from the issue lifecycle (`issueTransitionBody` in domain/opinion-lifecycle.ts). */

export const pieceEntry = z.object({
  id: z.string(), seq: z.number().int(), kind: z.enum(adoptionTypes), kindLabel: z.string(), title: z.string(), body: z.string(),
  sources: z.array(z.object({ reportId: z.string(), title: z.string(), submitterUserId: z.string(), submitterName: z.string() })),
});

export const issueListItem = z.object({
  id: z.string(), year: z.number().int(), numberSeq: z.number().int(), number: z.string(), title: z.string(),
  state: z.enum(issueStates), stateLabel: z.string(), stateTone: z.string(), pieceCount: z.number().int(), createdAt: z.string(),
  signedBy: z.string().nullable(), signedAt: z.string().nullable(), distributedAt: z.string().nullable(), version: z.number().int(),
});
export const issuePage = pageOf(issueListItem);
export const issueListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  state: z.enum(issueStates).optional().describe('状态'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});

export const issueDetail = issueListItem.extend({
  pieces: z.array(pieceEntry),
  recipients: z.array(z.object({ code: z.string(), label: z.string() })),
  history: z.array(historyEntry),
  /** where the issue stands on its lifecycle's road and its tag colour */
  progress: stateViewSchema,
  actions: z.array(allowedAction),
});
export type IssueDetail = z.infer<typeof issueDetail>;

/* ---------------- exchange between deployments ---------------- */

/** The exchange file: reports sent up, or events sent back down, between two deployments. */
export const exchangeFile = z.object({
  format: z.literal('zhengxie.opinions.v1').describe('文件格式'),
  from: z.object({ tenantId: z.string().max(40), code: z.string().max(40).nullable(), name: z.string().max(200) }).describe('来源政协'),
  exportedAt: z.string().max(40),
  reports: z.array(z.object({
    id: z.string().max(40), title: z.string().max(200), body: z.string().max(50000), urgent: z.boolean(),
    submitterUserId: z.string().max(40), submitterName: z.string().max(100), submittedAt: z.string().max(40),
  })).max(2000).default([]),
  events: z.array(z.object({
    id: z.string().max(40),
    /** the report of the receiving deployment that the event belongs to (the copy's source) */
    reportId: z.string().max(40),
    kind: z.enum(eventKinds), level: z.enum(levels), adoptionType: z.enum(adoptionTypes).nullable(), leaderLevel: z.enum(levels).nullable(),
    text: z.string().max(5000).nullable(), department: z.string().max(200).nullable(), at: z.string().max(40), tenantName: z.string().max(200),
  })).max(5000).default([]),
});
export type ExchangeFile = z.infer<typeof exchangeFile>;
export const exportBody = z.object({
  reportIds: z.array(z.string().max(40)).max(2000).default([]).describe('报送的信息'),
  /** events recorded here on copies imported from that deployment's tenant, to send back down */
  eventsForTenantId: z.string().max(40).optional().describe('反馈对象'),
});
export const importResult = z.object({ reports: z.number().int(), events: z.number().int(), skipped: z.number().int() });

/* ---------------- statistics and scores ---------------- */

export const statsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});

/** GET /api/opinions/stats/members: the members behind the 委员参与 figures (every member; those who submitted; those with one accepted or adopted). */
export const statsMembersQuery = statsQuery.extend({
  /** true: members who submitted reports in the period; false: those who submitted none */
  submitted: yesNo.optional().describe('是否报送'),
  /** true: members with a report of the period accepted or adopted */
  adopted: yesNo.optional().describe('有信息被录用或采用'),
});
export const statsMembers = z.object({
  from: z.string(), to: z.string(),
  items: z.array(z.object({
    userId: z.string(), name: z.string(), sectorName: z.string().nullable(),
    /** reports the member submitted in the period (their own, not copies from below) */
    submitted: z.number().int(),
    /** of those, the reports accepted or adopted */
    adopted: z.number().int(),
  })),
  total: z.number().int(),
});
export type StatsMembers = z.infer<typeof statsMembers>;

/**
 * The statistics' figures have the kernel's one shape (`Figure`): a figure's list is the reports (`/api/opinions`, rows
 * 'report'), the issues (`/api/opinions/issues`, rows 'issue'; 刊发篇目 sums their `pieceCount`) or the members behind
 * participation (`/api/opinions/stats/members`, rows 'member'). Keys are 'opinions.<name>', as in GET /api/figures.
 */
const statFigure = figure;

/** 分类统计: by 专委会 (committee), 界别 (sector), 报送单位 (unit) and 县区政协 (county: reports sent up from each). */
export const breakdownKinds = ['committee', 'sector', 'unit', 'county'] as const;
export type BreakdownKind = (typeof breakdownKinds)[number];
export const breakdownLabels: Record<BreakdownKind, string> = { committee: '按专委会', sector: '按界别', unit: '按报送单位', county: '按县区政协' };
/** The columns of every breakdown row, each a figure linked to its list. */
export const breakdownColumns = ['submitted', 'accepted', 'retained', 'returned', 'sent_up', 'adopted', 'instructed'] as const;
export type BreakdownColumn = (typeof breakdownColumns)[number];
export const breakdownColumnLabels: Record<BreakdownColumn, string> = {
  submitted: '报送', accepted: '录用', retained: '留存', returned: '退回', sent_up: '向上报送', adopted: '被采用', instructed: '领导批示',
};
export const breakdownRow = z.object({ id: z.string(), name: z.string(), figures: z.array(statFigure) });
export const statBreakdown = z.object({ kind: z.enum(breakdownKinds), label: z.string(), rows: z.array(breakdownRow) });
export type StatBreakdown = z.infer<typeof statBreakdown>;

export const opinionStats = z.object({
  from: z.string(), to: z.string(),
  totals: z.array(statFigure),
  adoptedByLevel: z.array(statFigure),
  instructionsByLevel: z.array(statFigure),
  members: z.array(statFigure),
  breakdowns: z.array(statBreakdown),
});
export type OpinionStats = z.infer<typeof opinionStats>;

/** GET /api/opinions/members/:userId?year=&figure=: the reports behind one of a member's figures (履职). */
export const memberReportFigureNames = ['submitted', 'cosigned', 'accepted', 'adopted', ...[...levels].reverse().map((l) => `adopted_${l}` as const), 'instructed', 'points'] as const;
export const memberReportsParams = z.object({ userId: z.string().min(1).max(40).describe('委员') });
export const memberReportsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).describe('年度'),
  figure: z.enum(memberReportFigureNames as unknown as [string, ...string[]]).describe('履职数字'),
});
export const memberReportsList = z.object({
  items: z.array(z.object({
    id: z.string(), year: z.number().int(), title: z.string(), state: z.string(), stateLabel: z.string(), submittedAt: z.string(),
    acceptedAt: z.string().nullable(), issueNumber: z.string().nullable(), submittedInYear: z.boolean(), acceptedInYear: z.boolean(),
    adoptedLevels: z.array(z.enum(levels)), instructionLevels: z.array(z.enum(levels)), points: z.number(), cosigned: z.boolean(),
  })),
  total: z.number().int(),
});

export const scoreRow = z.object({ submitterUserId: z.string(), submitterName: z.string(), points: z.number(), events: z.number().int(), reports: z.number().int() });
export const scoreList = z.object({ from: z.string(), to: z.string(), items: z.array(scoreRow) });

export const opinionOptions = z.object({
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  levels: z.array(z.object({ code: z.string(), label: z.string() })),
  recipients: z.array(z.object({ code: z.string(), label: z.string() })),
  lengthGuide: z.number().int(),
});

/* ---------------- 选题研判 (topic planning) ---------------- */

/** 选题状态: 征集中 / 已结束. */
export const topicStatuses = ['open', 'closed'] as const;
export type TopicStatus = (typeof topicStatuses)[number];
export const topicStatusLabels: Record<TopicStatus, string> = { open: '征集中', closed: '已结束' };

export const topicListQuery = pageQuery.extend({
  status: z.enum(topicStatuses).optional().describe('选题状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
});
export const topicCreateBody = z.object({
  title: text('选题标题', 200).min(4),
  description: text('选题说明', 5000).min(4),
  periodFrom: day('征集开始日期'),
  periodTo: day('征集截止日期'),
});
export type TopicCreateBody = z.infer<typeof topicCreateBody>;
export const topicPatchBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: text('选题标题', 200).min(4).optional(),
  description: text('选题说明', 5000).min(4).optional(),
  periodFrom: day('征集开始日期').optional(),
  periodTo: day('征集截止日期').optional(),
  status: z.enum(topicStatuses).optional().describe('选题状态'),
});
export type TopicPatchBody = z.infer<typeof topicPatchBody>;
/** What answering the topic has produced so far: reports citing it, and how many were accepted, adopted and instructed. */
export const topicCounts = z.object({ answers: z.number().int(), accepted: z.number().int(), adopted: z.number().int(), instructed: z.number().int() });
export const topicItem = z.object({
  id: z.string(), title: z.string(), description: z.string(), periodFrom: z.string(), periodTo: z.string(),
  status: z.enum(topicStatuses), statusLabel: z.string(), createdByName: z.string(), createdAt: z.string(), closedAt: z.string().nullable(), version: z.number().int(),
  counts: topicCounts,
  /** whether the caller may edit or close it; whether it may be answered now */
  canEdit: z.boolean(), canAnswer: z.boolean(),
});
export type TopicItem = z.infer<typeof topicItem>;
export const topicPage = pageOf(topicItem);
export const topicDetail = topicItem.extend({
  /** the answering reports the caller may see (editors: all; submitters: their own), newest first */
  reports: z.array(reportListItem),
  reportsTotal: z.number().int(),
});
export type TopicDetail = z.infer<typeof topicDetail>;

/* ---------------- 年度通报 (year-end ranking) ---------------- */

export const rankingQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).describe('年度'),
  top: z.coerce.number().int().min(1).max(500).default(20).describe('前N名'),
});
export const rankingRow = z.object({
  rank: z.number().int(), key: z.string(), name: z.string(),
  /** member / informant; party / group / county; committee */
  kind: z.string(), kindLabel: z.string(),
  submitted: z.number().int(), accepted: z.number().int(), adopted: z.number().int(), instructed: z.number().int(), points: z.number(),
});
export type RankingRow = z.infer<typeof rankingRow>;
export const rankingSummary = z.object({
  submitted: z.number().int(), accepted: z.number().int(), adopted: z.number().int(), instructed: z.number().int(), points: z.number(),
  issues: z.number().int(), pieces: z.number().int(), submitters: z.number().int(),
});
export const opinionRanking = z.object({
  year: z.number().int(), from: z.string(), to: z.string(), tenantName: z.string(),
  summary: rankingSummary,
  submitters: z.array(rankingRow), units: z.array(rankingRow), committees: z.array(rankingRow),
});
export type OpinionRanking = z.infer<typeof opinionRanking>;
