/**
 * The 民主评议 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is derived from the lifecycle (`appraisalsTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { appraisalsStates } from './domain/appraisals-lifecycle.ts';
import { choices } from './domain/appraisals-scoring.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const id = (label: string) => z.string().min(1).max(40).describe(label);

export const appraisalsStateSchema = z.enum(appraisalsStates);

/** 评议范围 (what is appraised): a department's work, its handling of proposals, or a single task. */
export const appraisalScopes = ['department_work', 'proposal_handling', 'single_task'] as const;
export type AppraisalScope = (typeof appraisalScopes)[number];
export const scopeLabels: Record<AppraisalScope, string> = { department_work: '部门工作', proposal_handling: '提案办理', single_task: '单项工作' };

const itemInput = z.object({
  name: z.string().trim().min(1).max(40).describe('测评项目'),
  weight: z.number().int().min(1).max(100).describe('权重'),
});
const choiceScoresInput = z.object({
  satisfied: z.number().int().min(0).max(100).describe('满意分值'),
  basic: z.number().int().min(0).max(100).describe('基本满意分值'),
  dissatisfied: z.number().int().min(0).max(100).describe('不满意分值'),
}).describe('选项分值');
const groupInput = z.array(z.object({ userId: id('评议组成员'), duty: z.enum(['leader', 'member']).describe('评议组职务') })).max(60).describe('评议组');

/** POST /api/supervision/appraisals: the office sets an appraisal up (筹备). */
export const appraisalCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('评议名称'),
  scope: z.enum(appraisalScopes).describe('评议范围'),
  scopeNote: z.string().trim().max(2000).optional().describe('评议内容'),
  leadCommitteeId: id('牵头专委会').optional(),
  plannedOn: day('评议会议日期'),
  place: z.string().trim().max(200).optional().describe('会议地点'),
  unitIds: z.array(id('被评议单位')).min(1).max(20).describe('被评议单位'),
  /** absent: the four usual items (工作作风, 办事效率, 服务质量, 廉洁自律) */
  items: z.array(itemInput).min(1).max(12).optional().describe('测评项目'),
  choiceScores: choiceScoresInput.optional(),
  group: groupInput.optional(),
});
export type AppraisalCreateBody = z.infer<typeof appraisalCreateBody>;

/** PATCH /api/supervision/appraisals/:id: change the plan (while 筹备), or the meeting's date and place (until the vote). */
export const appraisalEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('评议名称'),
  scope: z.enum(appraisalScopes).optional().describe('评议范围'),
  scopeNote: z.string().trim().max(2000).optional().describe('评议内容'),
  plannedOn: day('评议会议日期').optional(),
  place: z.string().trim().max(200).optional().describe('会议地点'),
  unitIds: z.array(id('被评议单位')).min(1).max(20).optional().describe('被评议单位'),
  items: z.array(itemInput).min(1).max(12).optional().describe('测评项目'),
  choiceScores: choiceScoresInput.optional(),
  group: groupInput.optional(),
});
export type AppraisalEditBody = z.infer<typeof appraisalEditBody>;

/** GET /api/supervision/appraisals: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const appraisalListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  /** the vote has been held (评议中 or later) */
  held: bool.optional().describe('已开展测评'),
  unitId: id('被评议单位').optional(),
  q: z.string().trim().max(100).optional().describe('关键词'),
  /** a period of 评议会议日期 */
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type AppraisalListQuery = z.infer<typeof appraisalListQuery>;

export const idParams = z.object({ id: id('民主评议编号') });

const unitRef = z.object({ unitId: z.string(), unitName: z.string() });
export const appraisalListItem = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.enum(appraisalScopes),
  scopeLabel: z.string(),
  plannedOn: z.string(),
  leadCommitteeName: z.string().nullable(),
  units: z.array(unitRef),
  state: appraisalsStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type AppraisalListItem = z.infer<typeof appraisalListItem>;
export const appraisalPage = pageOf(appraisalListItem);

const counts = z.object({ satisfied: z.number().int(), basic: z.number().int(), dissatisfied: z.number().int() });
export const unitResultSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  score: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  ballots: z.number().int(),
  counts,
  items: z.array(z.object({ seq: z.number().int(), name: z.string(), weight: z.number().int(), score: z.number().nullable(), counts })),
  rank: z.number().int().nullable(),
});
export type UnitResultView = z.infer<typeof unitResultSchema>;

export const appraisalDetail = appraisalListItem.extend({
  /** how the caller sees the appraisal: the office (everything), a department appraised (its own part), a member */
  viewer: z.enum(['staff', 'department', 'member']),
  scopeNote: z.string().nullable(),
  place: z.string().nullable(),
  selfReportDue: z.string().nullable(),
  publishedOn: z.string().nullable(),
  summary: z.string().nullable(),
  choiceScores: z.object({ satisfied: z.number(), basic: z.number(), dissatisfied: z.number() }),
  items: z.array(z.object({ seq: z.number().int(), name: z.string(), weight: z.number().int() })),
  group: z.array(z.object({ userId: z.string(), name: z.string(), duty: z.string(), dutyLabel: z.string() })),
  /** the departments; a department sees its own self-report only */
  departments: z.array(z.object({
    unitId: z.string(), unitName: z.string(), selfReport: z.string().nullable(), selfReportAt: z.string().nullable(), selfReportBy: z.string().nullable(),
    version: z.number().int(), canReport: z.boolean(),
  })),
  visits: z.array(z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), visitedOn: z.string(), note: z.string(), recordedBy: z.string() })),
  /** 参评情况 (staff only): how many voted, of which kind, and the representatives' codes issued and used */
  turnout: z.object({ ballots: z.number().int(), members: z.number().int(), representatives: z.number().int(), tokensIssued: z.number().int(), tokensUsed: z.number().int() }).nullable(),
  /** per department, ranked: staff from the vote's opening; departments and members once published; never a ballot */
  results: z.array(unitResultSchema).nullable(),
  /** 整改事项: all for staff, a department's own for it */
  rectifications: z.array(z.object({ unitId: z.string(), unitName: z.string(), seq: z.number().int(), text: z.string(), dueWorkingDays: z.number().int() })),
  /** the vote link on the meeting room's QR code (staff, while the vote is open) */
  voteLink: z.string().nullable(),
  /** the caller's own vote (members): may they vote now, and have they */
  myVote: z.object({ canVote: z.boolean(), voted: z.boolean(), castAt: z.string().nullable() }).nullable(),
  progress: stateViewSchema,
  history: z.array(z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })),
  actions: z.array(allowedActionSchema),
  abilities: z.object({
    edit: z.boolean().describe('可修改评议方案'), visit: z.boolean().describe('可记录走访'), tokens: z.boolean().describe('可生成代表测评码'),
    rectify: z.boolean().describe('可填写整改事项'), export: z.boolean().describe('可导出结果'),
  }),
});
export type AppraisalDetail = z.infer<typeof appraisalDetail>;

/** PUT /api/supervision/appraisals/:id/self-report: the department hands in (or replaces) its 自查报告. */
export const selfReportBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  text: z.string().trim().min(10).max(20000).describe('自查报告'),
});

/** POST /api/supervision/appraisals/:id/visits: 走访调研 to a department. */
export const visitBody = z.object({
  unitId: id('走访单位'),
  visitedOn: day('走访日期'),
  note: z.string().trim().min(2).max(5000).describe('走访情况'),
});

/** POST /api/supervision/appraisals/:id/tokens: one-time codes for invited representatives (shown once). */
export const tokensBody = z.object({
  count: z.number().int().min(1).max(300).describe('数量'),
  label: z.string().trim().min(1).max(40).optional().describe('代表类别'),
});
export const tokensResult = z.object({ codes: z.array(z.object({ label: z.string(), code: z.string(), url: z.string() })) });

const marks = z.array(z.object({
  unitId: id('被评议单位'),
  itemSeq: z.number().int().min(1).max(100).describe('测评项目'),
  choice: z.enum(choices).describe('测评意见'),
})).min(1).max(2000).describe('测评意见');
/** POST /api/supervision/appraisals/:id/ballots: a member votes, with the code of the meeting room's QR link. */
export const memberBallotBody = z.object({ code: z.string().min(1).max(100).describe('测评码'), marks });
/** POST /api/public/appraisals/:id/ballots: an invited representative votes with a one-time code (no account). */
export const tokenBallotBody = z.object({ token: z.string().min(1).max(100).describe('代表测评码'), marks });
export const ballotResult = z.object({ appraisalId: z.string(), title: z.string(), castAt: z.string() });

/** GET …/vote-form: what the phone's ballot shows. */
export const voteForm = z.object({
  appraisalId: z.string(),
  title: z.string(),
  plannedOn: z.string(),
  units: z.array(unitRef),
  items: z.array(z.object({ seq: z.number().int(), name: z.string(), weight: z.number().int() })),
  choices: z.array(z.object({ code: z.string(), label: z.string() })),
  open: z.boolean(),
  voted: z.boolean(),
  castAt: z.string().nullable(),
});
export const voteFormQuery = z.object({ code: z.string().max(100).optional().describe('测评码') });
export const tokenQuery = z.object({ token: z.string().min(1).max(100).describe('代表测评码') });

/** PUT /api/supervision/appraisals/:id/rectifications: the 整改事项 per department (after the results are published). */
export const rectificationsBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  items: z.array(z.object({
    unitId: id('整改单位'),
    text: z.string().trim().min(2).max(2000).describe('整改事项'),
    dueWorkingDays: z.number().int().min(1).max(250).describe('反馈期限（工作日）'),
  })).min(1).max(200).describe('整改事项'),
});

/** GET /api/supervision/appraisals/ballots: who voted (参评名单, staff), never how. */
export const ballotsQuery = pageQuery.extend({
  appraisalId: id('民主评议').optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export const ballotRow = z.object({ id: z.string(), appraisalId: z.string(), appraisalTitle: z.string(), voterKind: z.string(), voterKindLabel: z.string(), voterName: z.string(), castAt: z.string() });
export const ballotPage = pageOf(ballotRow);

/** GET /api/supervision/appraisals/departments: the departments appraised (one row per appraisal and department). */
export const departmentsQuery = pageQuery.extend({
  unitId: id('被评议单位').optional(),
  held: bool.optional().describe('已开展测评'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export const departmentRow = z.object({
  appraisalId: z.string(), appraisalTitle: z.string(), plannedOn: z.string(), state: z.string(), stateLabel: z.string(),
  unitId: z.string(), unitName: z.string(), score: z.number().nullable(), rank: z.number().int().nullable(),
});
export const departmentPage = pageOf(departmentRow);

/** GET /api/supervision/appraisals/options: states, scopes, departments and committees (forms and filters). */
const option = z.object({ code: z.string(), label: z.string() });
export const appraisalOptions = z.object({
  states: z.array(option), scopes: z.array(option), units: z.array(option), committees: z.array(option),
  defaultItems: z.array(z.object({ name: z.string(), weight: z.number().int() })),
  defaultChoiceScores: z.object({ satisfied: z.number(), basic: z.number(), dissatisfied: z.number() }),
});

/** GET /api/supervision/appraisals/stats: the figures of a year, and the average score of each department. */
export const statsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
});
