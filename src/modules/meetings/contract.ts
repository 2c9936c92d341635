/**
 * The 会议 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese `.describe()`
 * label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { attendanceCodes, meetingKinds, speechKinds, speechStates } from './domain/meeting-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
/** A China local time 'YYYY-MM-DDTHH:mm' (or a full ISO instant). */
const instant = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '应为 YYYY-MM-DDTHH:mm 格式的时间').describe(label);
const id = (label: string) => z.string().min(1).max(40).describe(label);

export const sessionInput = z.object({
  label: z.string().trim().min(1).max(100).describe('会次名称'),
  startsAt: instant('开始时间'),
  endsAt: instant('结束时间'),
});
export const agendaItem = z.object({
  title: z.string().trim().min(1).max(300).describe('议程'),
  presenter: z.string().trim().max(100).optional().describe('汇报人'),
});

/** POST /api/meetings */
export const meetingCreateBody = z.object({
  kind: z.enum(meetingKinds).describe('会议类别'),
  title: z.string().trim().min(2).max(200).describe('会议名称'),
  place: z.string().trim().min(1).max(200).describe('会议地点'),
  body: z.string().trim().max(5000).default('').describe('会议说明'),
  agenda: z.array(agendaItem).max(50).default([]).describe('议程'),
  sessions: z.array(sessionInput).min(1, '至少要有一个会次').max(12).describe('会次'),
});
export type MeetingCreateBody = z.infer<typeof meetingCreateBody>;

/** PATCH /api/meetings/:id: under the version read (a stale one is a 409). */
export const meetingEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: z.string().trim().min(2).max(200).optional().describe('会议名称'),
  place: z.string().trim().min(1).max(200).optional().describe('会议地点'),
  body: z.string().trim().max(5000).optional().describe('会议说明'),
  agenda: z.array(agendaItem).max(50).optional().describe('议程'),
  attachmentIds: z.array(id('附件')).max(30).optional().describe('会议材料'),
});
export type MeetingEditBody = z.infer<typeof meetingEditBody>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const meetingListQuery = pageQuery.extend({
  kind: z.enum(meetingKinds).optional().describe('会议类别'),
  state: z.enum(['preparing', 'noticed', 'closed']).optional().describe('状态'),
  mine: bool.optional().describe('只看我参加的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

/** GET /api/meetings/attendance: participants of closed meetings (the duty record's lists). */
export const attendanceQuery = pageQuery.extend({
  userId: id('委员').optional(),
  meetingId: id('会议').optional(),
  attendance: z.enum(attendanceCodes).optional().describe('出勤'),
  kind: z.enum(meetingKinds).optional().describe('会议类别'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type AttendanceQuery = z.infer<typeof attendanceQuery>;

export const speechListQuery = pageQuery.extend({
  userId: id('委员').optional(),
  meetingId: id('会议').optional(),
  state: z.enum(speechStates).optional().describe('状态'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type SpeechListQuery = z.infer<typeof speechListQuery>;

export const idParams = z.object({ id: id('会议编号') });
export const sessionParams = z.object({ id: id('会议编号'), sessionId: id('会次编号') });
export const participantParams = z.object({ id: id('会议编号'), participantId: id('参会人员编号') });
export const speechParams = z.object({ id: id('会议编号'), speechId: id('发言编号') });

export const addParticipantsBody = z.object({ version: z.number().int().min(1).describe('版本号'), userIds: z.array(id('人员')).min(1, '至少选择一人').max(500).describe('人员') });
export const leaveRequestBody = z.object({ reason: z.string().trim().min(2).max(500).describe('请假事由') });
export const leaveDecisionBody = z.object({ version: z.number().int().min(1).describe('版本号'), approve: z.boolean().describe('是否准假') });
export const signInBody = z.object({ token: z.string().min(1).max(200).describe('签到码'), userId: id('委员').optional() });
export const signInForBody = z.object({ userId: id('委员') });
export const speechBody = z.object({
  kind: z.enum(speechKinds).describe('发言形式'),
  title: z.string().trim().min(2).max(200).describe('发言题目'),
  body: z.string().trim().min(10).max(20000).describe('发言内容'),
});
export const speechDecisionBody = z.object({ version: z.number().int().min(1).describe('版本号'), select: z.boolean().describe('是否采用') });

export const meetingListItem = z.object({
  id: z.string(),
  kind: z.enum(meetingKinds),
  kindLabel: z.string(),
  title: z.string(),
  place: z.string(),
  heldOn: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  stateTone: z.string(),
  sessions: z.number().int(),
  participants: z.number().int(),
  version: z.number().int(),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;
export const meetingPage = pageOf(meetingListItem);

export const sessionView = z.object({
  id: z.string(), seq: z.number().int(), label: z.string(), startsAt: z.string(), endsAt: z.string(),
  signedIn: z.number().int(),
  /** the caller's own sign-in to this session, when they signed in */
  mySignedInAt: z.string().nullable(),
});
export const participantView = z.object({
  id: z.string(), userId: z.string(), name: z.string(), source: z.string(),
  leaveState: z.string().nullable(), leaveLabel: z.string().nullable(), leaveReason: z.string().nullable(),
  /** the session ids signed in to, with how */
  signIns: z.array(z.object({ sessionId: z.string(), at: z.string(), byStaff: z.boolean() })),
  /** 出勤: fixed when closed, else as it stands now */
  attendance: z.enum(attendanceCodes),
  attendanceLabel: z.string(),
  version: z.number().int(),
});
export type ParticipantView = z.infer<typeof participantView>;
export const speechView = z.object({
  id: z.string(), meetingId: z.string(), meetingTitle: z.string().optional(), userId: z.string(), name: z.string(), kind: z.string(), kindLabel: z.string(),
  title: z.string(), body: z.string(), state: z.string(), stateLabel: z.string(), heldOn: z.string(), version: z.number().int(), createdAt: z.string(),
});
export type SpeechView = z.infer<typeof speechView>;

export const meetingDetail = meetingListItem.extend({
  body: z.string(),
  agenda: z.array(z.object({ title: z.string(), presenter: z.string().optional() })),
  ownerName: z.string(),
  progress: stateViewSchema,
  sessionList: z.array(sessionView),
  /** everyone, for the staff; only the caller's own row for a participant */
  participantList: z.array(participantView),
  /** 出勤汇总 */
  summary: z.object({ expected: z.number().int(), present: z.number().int(), leave: z.number().int(), absent: z.number().int(), rate: z.number().nullable() }),
  speeches: z.array(speechView),
  /** the caller as a participant */
  me: participantView.nullable(),
  presentShare: z.number(),
  actions: z.array(allowedActionSchema),
  can: z.object({ manage: z.boolean(), edit: z.boolean(), requestLeave: z.boolean(), speak: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const attendanceRow = z.object({
  id: z.string(), meetingId: z.string(), meetingTitle: z.string(), kind: z.string(), kindLabel: z.string(), heldOn: z.string(),
  userId: z.string(), name: z.string(), attendance: z.string(), attendanceLabel: z.string(), leaveReason: z.string().nullable(),
});
export const attendancePage = pageOf(attendanceRow);
export const speechPage = pageOf(speechView);

export const signInCode = z.object({ token: z.string(), url: z.string(), sessionId: z.string(), label: z.string(), opensAt: z.string(), closesAt: z.string() });
export const signInResult = z.object({ meetingId: z.string(), title: z.string(), session: z.string(), name: z.string(), signedInAt: z.string() });

export const meetingOptions = z.object({
  kinds: z.array(z.object({ code: z.string(), label: z.string() })),
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  /** people who may be added (members and leaders of the CPPCC), for the staff */
  people: z.array(z.object({ userId: z.string(), name: z.string() })),
});
