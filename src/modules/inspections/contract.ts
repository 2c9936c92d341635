/**
 * The 调研视察 API's shapes (zod), shared by the server's routes and the web pages (all under
 * /api/supervision/inspections). Every field has a Chinese `.describe()` label: a bad request is a 400 whose message
 * names the field by it, and OpenAPI shows it. The transition body is derived from the lifecycle.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { inspectionKinds, inspectionStates } from './domain/inspection-lifecycle.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const id = (label: string) => z.string().min(1).max(40).describe(label);

export const API = '/api/supervision/inspections';
export const inspectionStateSchema = z.enum(inspectionStates);
export const inspectionKindSchema = z.enum(inspectionKinds).describe('类型');

const stop = z.object({
  onDate: day('考察日期'),
  place: z.string().trim().min(1).max(100).describe('考察地点'),
  purpose: z.string().trim().max(500).optional().describe('考察内容'),
});

/** POST /api/supervision/inspections: a trip proposed for the year's plan (计划). */
export const inspectionCreateBody = z.object({
  kind: inspectionKindSchema,
  title: z.string().trim().min(2).max(200).describe('题目'),
  topic: z.string().trim().min(1).max(5000).describe('调研视察内容'),
  proposer: z.string().trim().min(1).max(100).describe('提出单位'),
  leadCommitteeId: id('牵头专委会'),
  plannedFrom: day('开始日期'),
  plannedTo: day('结束日期'),
  places: z.array(z.string().trim().min(1).max(100).describe('考察地点')).min(1).max(30).describe('考察地点'),
  participantIds: z.array(z.string().min(1).max(40)).max(300).default([]).describe('参加委员'),
  stops: z.array(stop).max(60).default([]).describe('行程'),
});
export type InspectionCreateBody = z.infer<typeof inspectionCreateBody>;

/** PATCH /api/supervision/inspections/:id: the organisers change the plan before the trip ends, under the version. */
export const inspectionEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('题目'),
  topic: z.string().trim().min(1).max(5000).optional().describe('调研视察内容'),
  proposer: z.string().trim().min(1).max(100).optional().describe('提出单位'),
  plannedFrom: day('开始日期').optional(),
  plannedTo: day('结束日期').optional(),
  places: z.array(z.string().trim().min(1).max(100)).min(1).max(30).optional().describe('考察地点'),
});
export type InspectionEditBody = z.infer<typeof inspectionEditBody>;

/** GET /api/supervision/inspections: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const inspectionListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  kind: inspectionKindSchema.optional(),
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  /** held = the trip has taken place; sent = its report has been sent */
  stage: z.enum(['held', 'sent']).optional().describe('阶段'),
  committeeId: z.string().max(40).optional().describe('牵头专委会'),
  mine: bool.optional().describe('我参加的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

/** GET …/plan.docx: the year's plan as a Word document. */
export const planDocxQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).describe('年度') });

export const idParams = z.object({ id: id('调研视察编号') });

export const inspectionListItem = z.object({
  id: z.string(),
  year: z.number().int(),
  kind: inspectionKindSchema,
  kindLabel: z.string(),
  title: z.string(),
  proposer: z.string(),
  leadCommitteeId: z.string(),
  leadCommitteeName: z.string(),
  places: z.array(z.string()),
  plannedFrom: z.string(),
  plannedTo: z.string(),
  approvedMeeting: z.string().nullable(),
  approvedOn: z.string().nullable(),
  state: inspectionStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  reportDue: z.string().nullable(),
  reportLate: z.boolean(),
  participantCount: z.number().int(),
  problemCount: z.number().int(),
  recommendationCount: z.number().int(),
  sentOn: z.string().nullable(),
  version: z.number().int(),
});
export type InspectionListItem = z.infer<typeof inspectionListItem>;
export const inspectionPage = pageOf(inspectionListItem);

export const findingSchema = z.object({ seq: z.number().int(), text: z.string(), unitIds: z.array(z.string()), unitNames: z.array(z.string()), dueWorkingDays: z.number().int().nullable() });
export const participantSchema = z.object({ id: z.string(), userId: z.string(), name: z.string(), signedInAt: z.string().nullable(), byStaff: z.boolean(), version: z.number().int() });
export const stopSchema = z.object({ id: z.string(), seq: z.number().int(), onDate: z.string(), place: z.string(), purpose: z.string().nullable(), visitedAt: z.string().nullable() });
export const noteSchema = z.object({
  id: z.string(), kind: z.enum(['note', 'document']), kindLabel: z.string(), stopId: z.string().nullable(), place: z.string().nullable(), text: z.string(),
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), mime: z.string() })), authorName: z.string(), createdAt: z.string(),
});
export const instructionSchema = z.object({
  id: z.string(), inspectionId: z.string(), inspectionTitle: z.string(), by: z.string(), text: z.string(), onDate: z.string(),
  /** the report's recommendations it concerns, by number; empty: the whole report */
  recommendationNos: z.array(z.number().int()).optional(),
  /** 批示件: the instruction's document (an attachment), with its file name */
  document: z.object({ id: z.string(), filename: z.string() }).nullable().optional(),
});

/** What the caller may do beside the lifecycle's actions (the web's buttons read these). */
export const inspectionAbilities = z.object({
  organise: z.boolean().describe('可组织'),
  editPlan: z.boolean().describe('可修改计划'),
  editReport: z.boolean().describe('可起草报告'),
  collect: z.boolean().describe('可添加现场记录'),
  signIn: z.boolean().describe('可签到'),
  instruct: z.boolean().describe('可记录批示'),
});

export const inspectionDetail = inspectionListItem.extend({
  topic: z.string(),
  ownerName: z.string(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  reportLabel: z.string(),
  report: z.object({
    no: z.number().int(), title: z.string(), body: z.string(),
    problems: z.array(findingSchema), recommendations: z.array(findingSchema),
  }).nullable(),
  participants: z.array(participantSchema),
  /** the caller's own participation (null when they are not on the list) */
  me: participantSchema.nullable(),
  stops: z.array(stopSchema),
  notes: z.array(noteSchema),
  instructions: z.array(instructionSchema),
  /** the recommendations sent to the tracker (建议落实) link there */
  trackerLink: z.string().nullable(),
  progress: stateViewSchema,
  history: z.array(z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })),
  actions: z.array(allowedActionSchema),
  abilities: inspectionAbilities,
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;

/** PUT …/:id/participants: the members on the trip (those dropped lose nothing they signed; they may not be signed in). */
export const participantsBody = z.object({ version: z.number().int().min(1).describe('版本号'), userIds: z.array(z.string().min(1).max(40)).max(300).describe('参加委员') });
/** PUT …/:id/itinerary: the stops, in order (a stop already visited keeps its mark when its place and day stay). */
export const itineraryBody = z.object({ version: z.number().int().min(1).describe('版本号'), stops: z.array(stop).max(60).describe('行程') });
/** POST …/:id/notes: a note with photos (taken on the phone) or a document received, uploaded first to /api/attachments. */
export const noteBody = z.object({
  kind: z.enum(['note', 'document']).default('note').describe('记录类型'),
  text: z.string().trim().min(1).max(5000).describe('笔记内容'),
  stopId: z.string().max(40).optional().describe('考察点'),
  attachmentIds: z.array(z.string().min(1).max(64)).max(20).default([]).describe('照片或附件'),
});
/** POST …/:id/signin: the member's QR code of the day. */
export const signInBody = z.object({ token: z.string().min(1).max(200).describe('签到码') });
const finding = z.object({ text: z.string().trim().min(2).max(2000).describe('内容') });
const recommendation = finding.extend({
  unitIds: z.array(z.string().min(1).max(40)).min(1).max(20).describe('责任单位'),
  dueWorkingDays: z.number().int().min(1).max(250).optional().describe('反馈期限（工作日）'),
});
/** PUT …/:id/report: a new version of the report (the earlier ones are kept). */
export const reportBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).describe('报告标题'),
  body: z.string().trim().min(1).max(50000).describe('报告正文'),
  problems: z.array(finding).max(100).describe('问题'),
  recommendations: z.array(recommendation).max(200).describe('建议'),
  note: z.string().trim().max(500).optional().describe('修订说明'),
});
export type ReportBody = z.infer<typeof reportBody>;
export const reportVersion = z.object({ no: z.number().int(), title: z.string(), body: z.string(), problems: z.array(z.object({ text: z.string() })), recommendations: z.array(z.object({ text: z.string(), unitIds: z.array(z.string()), dueWorkingDays: z.number().int().nullable().optional() })), note: z.string().nullable(), authorName: z.string(), createdAt: z.string() });
/** POST …/:id/instructions: a leader's instruction (批示) on the sent report. */
export const instructionBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  by: z.string().trim().min(1).max(100).describe('批示领导'),
  text: z.string().trim().min(1).max(2000).describe('批示内容'),
  onDate: day('批示日期'),
  /** the report's recommendations it concerns, by number; absent: the whole report (the tracker shows it on each) */
  recommendationNos: z.array(z.number().int().min(1).max(500)).max(200).optional().describe('针对的建议序号'),
  /** 批示件: uploaded to /api/attachments first, then named here; linked to the instruction in its transaction */
  documentId: z.string().min(1).max(40).optional().describe('批示件'),
});

/** GET …/participations: members' sign-ins on trips (a figure's list: 委员参加调研视察). */
export const participationsQuery = pageQuery.extend({ userId: z.string().max(40).optional().describe('委员'), from: day('开始日期').optional(), to: day('结束日期').optional() });
export const participationsPage = pageOf(z.object({ id: z.string(), inspectionId: z.string(), title: z.string(), kindLabel: z.string(), userId: z.string(), name: z.string(), plannedFrom: z.string(), signedInAt: z.string() }));
/** GET …/findings: the problems or recommendations of sent reports (figures 发现问题 / 提出建议). */
export const findingsQuery = pageQuery.extend({ type: z.enum(['problem', 'recommendation']).describe('类别'), kind: inspectionKindSchema.optional(), from: day('开始日期').optional(), to: day('结束日期').optional() });
export const findingsPage = pageOf(z.object({ id: z.string(), inspectionId: z.string(), title: z.string(), kindLabel: z.string(), seq: z.number().int(), text: z.string(), plannedFrom: z.string() }));
/** GET …/instructions: the leaders' instructions recorded in a period (figure 领导批示). */
export const instructionsQuery = pageQuery.extend({ from: day('开始日期').optional(), to: day('结束日期').optional() });
export const instructionsPage = pageOf(instructionSchema);

/** GET …/options: kinds, states, the CPPCC's committees, departments and members (filters and forms). */
const option = z.object({ code: z.string(), label: z.string() });
export const inspectionOptions = z.object({ year: z.number().int(), kinds: z.array(option), states: z.array(option), committees: z.array(option), units: z.array(option), members: z.array(option) });
