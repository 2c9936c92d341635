/**
 * The 协商活动 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is derived from the lifecycle (`consultationTransitionBody`).
 */
import { z } from 'zod';
import { figure } from '../../kernel/universal/figures.ts';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { consultationForms } from './domain/consultation-forms.ts';
import { consultationStates, outcomeKinds } from './domain/consultation-lifecycle.ts';
import { attendanceStatuses, participantKinds, speechKinds } from './domain/consultation-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const id = (label: string) => z.string().min(1).max(40).describe(label);
const version = z.number().int().min(1).describe('版本号');

export const consultationStateSchema = z.enum(consultationStates);

const fields = {
  title: z.string().trim().min(2).max(200).describe('协商议题'),
  form: z.enum(consultationForms).describe('协商形式'),
  topic: z.string().trim().min(1).max(5000).describe('议题背景'),
  leadCommitteeId: id('牵头专委会'),
  partnerUnitIds: z.array(id('协办部门')).max(30).describe('协办部门'),
  plannedOn: day('会议日期'),
  plannedTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 HH:MM 格式的时间').nullable().describe('会议时间'),
  place: z.string().trim().max(200).nullable().describe('会议地点'),
  planItemId: id('年度协商计划项').nullable(),
};

/** POST /api/consultations */
export const consultationCreateBody = z.object({
  ...fields,
  partnerUnitIds: fields.partnerUnitIds.default([]),
  plannedTime: fields.plannedTime.optional(),
  place: fields.place.optional(),
  planItemId: fields.planItemId.optional(),
});
export type ConsultationCreateBody = z.infer<typeof consultationCreateBody>;

/** PATCH /api/consultations/:id: the organisers edit the meeting (and its minutes) under its version. */
export const consultationEditBody = z.object({
  version,
  title: fields.title.optional(),
  form: fields.form.optional(),
  topic: fields.topic.optional(),
  partnerUnitIds: fields.partnerUnitIds.optional(),
  plannedOn: fields.plannedOn.optional(),
  plannedTime: fields.plannedTime.optional(),
  place: fields.place.optional(),
  planItemId: fields.planItemId.optional(),
  minutes: z.string().trim().max(20000).nullable().optional().describe('会议纪要'),
});
export type ConsultationEditBody = z.infer<typeof consultationEditBody>;

/** GET /api/consultations: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const consultationListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  /** held: the meeting has been held; sent: the outcome has been sent on */
  stage: z.enum(['held', 'sent']).optional().describe('进度'),
  form: z.enum(consultationForms).optional().describe('协商形式'),
  committeeId: id('牵头专委会').optional(),
  planItemId: id('年度协商计划项').optional(),
  late: z.enum(['notice', 'materials', 'any']).optional().describe('逾期'),
  mine: bool.optional().describe('我参加的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuery>;

export const idParams = z.object({ id: id('协商活动编号') });
export const participantParams = z.object({ id: id('协商活动编号'), participantId: id('参会人员编号') });

export const consultationListItem = z.object({
  id: z.string(),
  title: z.string(),
  form: z.string(),
  formLabel: z.string(),
  leadCommitteeId: z.string(),
  leadCommitteeName: z.string(),
  plannedOn: z.string(),
  plannedTime: z.string().nullable(),
  place: z.string().nullable(),
  noticeDue: z.string(),
  materialsDue: z.string(),
  outcomeDue: z.string().nullable(),
  noticeLate: z.boolean(),
  materialsLate: z.boolean(),
  state: consultationStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  planItemId: z.string().nullable(),
  version: z.number().int(),
});
export type ConsultationListItem = z.infer<typeof consultationListItem>;
export const consultationPage = pageOf(consultationListItem);

export const participantSchema = z.object({
  id: z.string(),
  kind: z.enum(participantKinds),
  kindLabel: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  orgName: z.string().nullable(),
  status: z.enum(attendanceStatuses),
  statusLabel: z.string(),
  leaveReason: z.string().nullable(),
  signedInAt: z.string().nullable(),
  /** signed in by staff rather than by the member's own phone */
  signedInByStaff: z.boolean(),
  speechKind: z.enum(speechKinds).nullable(),
  speechOrder: z.number().int().nullable(),
  speechText: z.string().nullable(),
  speechAt: z.string().nullable(),
  version: z.number().int(),
});
export type Participant = z.infer<typeof participantSchema>;

export const recommendationSchema = z.object({
  text: z.string().trim().min(2).max(2000).describe('建议内容'),
  unitIds: z.array(id('责任单位')).min(1, '至少选择一个责任单位').max(10).describe('责任单位'),
  dueWorkingDays: z.number().int().min(1).max(250).describe('办理时限（工作日）'),
});

const linked = z.object({ id: z.string(), title: z.string(), link: z.string().nullable() });

export const consultationDetail = consultationListItem.extend({
  topic: z.string(),
  partnerUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  ownerName: z.string(),
  noticeSentOn: z.string().nullable(),
  materialsSentOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  sentOn: z.string().nullable(),
  minutes: z.string().nullable(),
  outcomeKind: z.enum(outcomeKinds).nullable(),
  outcomeKindLabel: z.string().nullable(),
  outcomeText: z.string().nullable(),
  returnReason: z.string().nullable(),
  recommendations: z.array(recommendationSchema.extend({ seq: z.number().int(), unitNames: z.array(z.string()) })),
  instructions: z.array(z.object({ id: z.string(), by: z.string(), text: z.string(), onDate: z.string() })),
  proposals: z.array(linked),
  reports: z.array(linked),
  /** counts for the header: invited members, confirmed, on leave, signed in, speeches */
  counts: z.object({ members: z.number(), confirmed: z.number(), leave: z.number(), signedIn: z.number(), speeches: z.number() }),
  /** the participants: every one for the organisers and the staff who read all; a member's own row otherwise */
  participants: z.array(participantSchema),
  /** the caller's own invitation, when they are invited */
  me: participantSchema.nullable(),
  progress: stateViewSchema,
  history: z.array(z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })),
  actions: z.array(allowedActionSchema),
  /** what the caller may do besides the lifecycle's actions */
  can: z.object({
    /** sees every participant, the deadlines and the counts (the organisers and the staff who read all) */
    seeAll: z.boolean(),
    edit: z.boolean(), invite: z.boolean(), arrange: z.boolean(), signInOthers: z.boolean(), showSignInCode: z.boolean(), editOutcome: z.boolean(),
    instruct: z.boolean(), link: z.boolean(), answer: z.boolean(), speak: z.boolean(), signIn: z.boolean(),
  }),
});
export type ConsultationDetail = z.infer<typeof consultationDetail>;

/** POST /api/consultations/:id/participants: invite members (by committee, by sector or hand-picked) and others. */
export const inviteBody = z.object({
  version,
  userIds: z.array(id('委员')).max(1000).default([]).describe('委员'),
  committeeId: id('按专委会').optional(),
  sectorId: id('按界别').optional(),
  others: z.array(z.object({
    kind: z.enum(['department', 'expert', 'public']).describe('类别'),
    name: z.string().trim().min(1).max(100).describe('姓名'),
    orgId: id('所在部门').optional(),
  })).max(200).default([]).describe('其他参会人员'),
});
export type InviteBody = z.infer<typeof inviteBody>;

/** DELETE /api/consultations/:id/participants/:participantId?version= */
export const versionQuery = z.object({ version: z.coerce.number().int().min(1).describe('版本号') });

/** POST /api/consultations/:id/answer: the invited member confirms or asks for leave. */
export const answerBody = z.object({
  answer: z.enum(['confirm', 'leave']).describe('答复'),
  reason: z.string().trim().min(1).max(500).optional().describe('请假事由'),
});

/** POST /api/consultations/:id/participants/:participantId/leave: the organisers approve or refuse a leave request. */
export const leaveDecisionBody = z.object({ version: z.number().int().min(1).describe('版本号'), approve: z.boolean().describe('是否准假') });

/** PUT /api/consultations/:id/speech: the member's written speech (书面发言). */
export const speechBody = z.object({ text: z.string().trim().min(10, '至少 10 个字').max(20000).describe('书面发言') });

/** PUT /api/consultations/:id/speeches: the organisers set the order of speeches (口头 / 书面) with their texts. */
export const speechesBody = z.object({
  version,
  speeches: z.array(z.object({
    participantId: id('参会人员'),
    kind: z.enum(speechKinds).describe('发言方式'),
    text: z.string().trim().max(20000).nullable().optional().describe('发言内容'),
  })).max(200).describe('发言顺序'),
});

/** POST /api/consultations/:id/signin: the member signs in with the meeting's link. */
export const signInBody = z.object({
  token: z.string().min(10).max(200).describe('签到码'),
  /** whose sign-in: always the caller; another person's id is refused (403) */
  userId: id('签到委员').optional(),
});
export const signInResult = z.object({ consultationId: z.string(), title: z.string(), name: z.string(), signedInAt: z.string() });
export const signInCode = z.object({ url: z.string(), token: z.string(), validOn: z.string() });

/** PUT /api/consultations/:id/outcome: the outcome's text and its recommendations, while it is drafted. */
export const outcomeBody = z.object({
  version,
  outcomeKind: z.enum(outcomeKinds).optional().describe('成果形式'),
  outcomeText: z.string().trim().min(10, '至少 10 个字').max(50000).describe('成果正文'),
  recommendations: z.array(recommendationSchema).max(50).describe('建议'),
});

/** POST /api/consultations/:id/instructions: a leader's instruction (批示) on the sent outcome. */
export const instructionBody = z.object({
  version,
  by: z.string().trim().min(1).max(100).describe('批示领导'),
  text: z.string().trim().min(1).max(5000).describe('批示内容'),
  onDate: day('批示日期'),
});

/** PUT /api/consultations/:id/links: the proposals and 社情民意 reports the consultation yielded. */
export const linksBody = z.object({
  version,
  proposalIds: z.array(id('提案')).max(50).describe('关联提案'),
  reportIds: z.array(id('社情民意信息')).max(50).describe('关联社情民意'),
});

/** GET /api/consultations/links: the consultations that link one proposal or 社情民意 report (关联协商). */
export const linkedQuery = z.object({
  entityType: z.enum(['proposal', 'opinion']).describe('关联记录类型（proposal 提案，opinion 社情民意信息）'),
  id: id('关联记录编号'),
});
export const linkedResponse = z.object({ items: z.array(consultationListItem) });
export type LinkedConsultations = z.infer<typeof linkedResponse>;

/** GET /api/consultations/participations: invited members' rows behind the participation figures. */
export const participationListQuery = pageQuery.extend({
  userId: id('委员').optional(),
  figure: z.enum(['invited', 'attended', 'speeches']).optional().describe('统计口径'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type ParticipationListQuery = z.infer<typeof participationListQuery>;
export const participationPage = pageOf(z.object({
  id: z.string(), consultationId: z.string(), userId: z.string().nullable(), name: z.string(), status: z.string(), statusLabel: z.string(),
  signedInAt: z.string().nullable(), speechKind: z.string().nullable(), title: z.string(), form: z.string(), formLabel: z.string(), plannedOn: z.string(), state: z.string(),
}));

/** GET /api/consultations/stats: the year's figures, by form and by committee, each with its list. */
export const statsQuery = z.object({ from: day('开始日期'), to: day('结束日期') });
export const statsResponse = z.object({ from: z.string(), to: z.string(), totals: z.array(figure), byForm: z.array(figure), byCommittee: z.array(figure) });

/** GET /api/consultations/options: what the forms offer: states, forms, committees, units, outcome kinds. */
export const consultationOptions = z.object({
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  forms: z.array(z.object({ code: z.string(), label: z.string() })),
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  sectors: z.array(z.object({ id: z.string(), name: z.string() })),
  outcomeKinds: z.array(z.object({ code: z.string(), label: z.string() })),
});
