/**
 * The 履职活动 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it.
 */
import { z } from 'zod';
import { figure } from '../../kernel/universal/figures.ts';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { activitiesStates } from './domain/activities-lifecycle.ts';
import { activityKinds, serviceKinds } from './domain/activity-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
/** A China-time date and time as the forms send it: 'YYYY-MM-DDTHH:mm'. */
const chinaDateTime = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, '应为 YYYY-MM-DD HH:mm 格式的时间').describe(label);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const id = (label: string) => z.string().min(1).max(40).describe(label);

export const activityKindSchema = z.enum(activityKinds);
export const serviceKindSchema = z.enum(serviceKinds);

/** POST /api/activities: staff create any kind; a convener creates 委员之家活动 of their home. */
export const activityCreateBody = z.object({
  kind: activityKindSchema.describe('活动类型'),
  serviceKind: serviceKindSchema.optional().describe('服务类别'),
  title: z.string().trim().min(2).max(200).describe('活动名称'),
  body: z.string().trim().min(1).max(5000).describe('活动内容'),
  homeId: id('委员之家').optional(),
  county: z.string().trim().min(1).max(50).optional().describe('县区'),
  place: z.string().trim().min(1).max(200).optional().describe('活动地点'),
  lat: z.number().min(-90).max(90).optional().describe('纬度'),
  lng: z.number().min(-180).max(180).optional().describe('经度'),
  radiusM: z.number().int().min(50).max(10_000).optional().describe('签到范围（米）'),
  startsAt: chinaDateTime('开始时间'),
  endsAt: chinaDateTime('结束时间'),
  capacity: z.number().int().min(1).max(100_000).optional().describe('名额'),
  /** publish at once (报名中) instead of keeping it 筹备中 */
  publish: z.boolean().optional().describe('立即发布报名'),
});
export type ActivityCreateBody = z.infer<typeof activityCreateBody>;

/** GET /api/activities: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const activityListQuery = pageQuery.extend({
  kind: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为活动类型代码，多个用逗号分隔').max(100).optional().describe('活动类型'),
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  homeId: id('委员之家').optional(),
  county: z.string().trim().max(50).optional().describe('县区'),
  /** the actor's own: activities they signed up for, signed in to or organise */
  mine: bool.optional().describe('只看我的'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const idParams = z.object({ id: id('活动编号') });

export const activityListItem = z.object({
  id: z.string(),
  kind: activityKindSchema,
  kindLabel: z.string(),
  serviceKind: z.string().nullable(),
  serviceKindLabel: z.string().nullable(),
  title: z.string(),
  homeId: z.string().nullable(),
  homeName: z.string().nullable(),
  county: z.string().nullable(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  heldOn: z.string(),
  ownerName: z.string(),
  state: z.enum(activitiesStates),
  stateLabel: z.string(),
  stateTone: z.string(),
  signedUp: z.number().int(),
  signedIn: z.number().int(),
  peopleServed: z.number().int(),
  /** the caller's own sign-up and sign-in */
  me: z.object({ signedUp: z.boolean(), signedInAt: z.string().nullable() }),
  version: z.number().int(),
});
export type ActivityListItem = z.infer<typeof activityListItem>;
export const activityPage = pageOf(activityListItem);

export const participantItem = z.object({
  id: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  userId: z.string(),
  name: z.string(),
  kind: z.string(),
  heldOn: z.string(),
  signedUpAt: z.string().nullable(),
  signedInAt: z.string().nullable(),
  /** who signed the member in when it was not the member (工作人员代签) */
  signedInByName: z.string().nullable(),
  distanceM: z.number().nullable(),
});
export const participantPage = pageOf(participantItem);

export const serviceItem = z.object({
  id: z.string(),
  activityId: z.string().nullable(),
  needId: z.string().nullable(),
  userId: z.string(),
  name: z.string(),
  serviceKind: z.string(),
  serviceKindLabel: z.string(),
  content: z.string(),
  peopleServed: z.number().int(),
  onDate: z.string(),
  county: z.string().nullable(),
  state: z.enum(['ongoing', 'done']),
  stateLabel: z.string(),
  version: z.number().int(),
  canComplete: z.boolean(),
});
export type ServiceItem = z.infer<typeof serviceItem>;
export const servicePage = pageOf(serviceItem);

export const activityDetail = activityListItem.extend({
  body: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radiusM: z.number().int(),
  capacity: z.number().int().nullable(),
  outcome: z.string().nullable(),
  progress: stateViewSchema,
  history: z.array(z.object({ id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })),
  actions: z.array(allowedActionSchema),
  /** the organisers see every participant; a member sees nobody else */
  participants: z.array(participantItem),
  services: z.array(serviceItem),
  canManage: z.boolean(),
  /** may edit the details and add walk-ins (现场补录): the organisers and the 委员之家's convener, until archived */
  canEdit: z.boolean().optional(),
  canSignUp: z.boolean(),
  /** the sign-in window, as instants */
  signInOpensAt: z.string(),
});
export type ActivityDetail = z.infer<typeof activityDetail>;

/** POST /api/activities/:id/signin: the QR link's token and the phone's position. */
export const signInBody = z.object({
  token: z.string().min(1).max(200).describe('签到码'),
  lat: z.number().min(-90).max(90).optional().describe('纬度'),
  lng: z.number().min(-180).max(180).optional().describe('经度'),
  /** present only to be refused when it is someone else: a member signs in for themselves */
  userId: id('委员').optional(),
});
export const staffSignInBody = z.object({ userId: id('委员') });
export const signInResult = z.object({ activityId: z.string(), title: z.string(), name: z.string(), signedInAt: z.string(), distanceM: z.number().nullable() });
export const signInCode = z.object({ token: z.string(), url: z.string(), opensAt: z.string(), closesAt: z.string() });

export const participationQuery = pageQuery.extend({
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  userId: id('委员').optional(),
  kind: z.string().regex(/^[a-z_]+$/).max(20).optional().describe('活动类型'),
  homeId: id('委员之家').optional(),
  county: z.string().trim().max(50).optional().describe('县区'),
});
export type ParticipationQuery = z.infer<typeof participationQuery>;

export const memberTakingPart = z.object({ userId: z.string(), name: z.string(), participations: z.number().int() });
export const memberTakingPartPage = pageOf(memberTakingPart);

export const serviceQuery = pageQuery.extend({
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  userId: id('委员').optional(),
  activityId: id('活动').optional(),
  state: z.enum(['ongoing', 'done']).optional().describe('服务状态'),
  county: z.string().trim().max(50).optional().describe('县区'),
  homeId: id('委员之家').optional(),
  mine: bool.optional().describe('只看我的'),
});
export type ServiceQuery = z.infer<typeof serviceQuery>;

/** POST /api/activities/services: a member records a service (of an activity, or a need matched to them). */
export const serviceCreateBody = z.object({
  activityId: id('活动').optional(),
  needId: id('需求').optional(),
  serviceKind: serviceKindSchema.describe('服务类别'),
  content: z.string().trim().min(2).max(2000).describe('服务内容'),
  peopleServed: z.number().int().min(0).max(100_000).describe('服务群众人次'),
  onDate: day('服务日期'),
  /** recorded as done at once (已完成), else 服务中 */
  done: z.boolean().optional().describe('已完成'),
});
export type ServiceCreateBody = z.infer<typeof serviceCreateBody>;
export const serviceCompleteBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  peopleServed: z.number().int().min(0).max(100_000).optional().describe('服务群众人次'),
});

export const needItem = z.object({
  id: z.string(), title: z.string(), detail: z.string(), source: z.string(), county: z.string().nullable(), skills: z.string().nullable(),
  serviceKind: z.string(), serviceKindLabel: z.string(), state: z.enum(['open', 'matched', 'done']), stateLabel: z.string(),
  matchedUserId: z.string().nullable(), matchedName: z.string().nullable(), serviceId: z.string().nullable(), version: z.number().int(), createdAt: z.string(),
});
export const needPage = pageOf(needItem);
export const needQuery = pageQuery.extend({
  state: z.enum(['open', 'matched', 'done']).optional().describe('需求状态'),
  mine: bool.optional().describe('只看匹配给我的'),
});
export const needCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('需求名称'),
  detail: z.string().trim().min(1).max(2000).describe('需求内容'),
  source: z.string().trim().min(2).max(100).describe('提出单位'),
  county: z.string().trim().min(1).max(50).optional().describe('县区'),
  skills: z.string().trim().max(200).optional().describe('所需特长'),
  serviceKind: serviceKindSchema.describe('服务类别'),
});
export const needMatchBody = z.object({ version: z.number().int().min(1).describe('版本号'), userId: id('委员') });
export const suggestion = z.object({ userId: z.string(), name: z.string(), skills: z.string().nullable(), county: z.string().nullable(), score: z.number(), matched: z.array(z.string()) });
export const skillsBody = z.object({ skills: z.string().trim().min(1).max(200).describe('服务特长'), county: z.string().trim().min(1).max(50).optional().describe('县区') });

export const homeItem = z.object({
  id: z.string(), name: z.string(), county: z.string(), town: z.string().nullable(), place: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable(),
  convenerUserId: z.string().nullable(), convenerName: z.string().nullable(), members: z.number().int(), activities: z.number().int(),
});
export const homeCreateBody = z.object({
  name: z.string().trim().min(2).max(100).describe('名称'),
  county: z.string().trim().min(1).max(50).describe('县区'),
  town: z.string().trim().max(50).optional().describe('乡镇（街道）'),
  place: z.string().trim().max(200).optional().describe('地址'),
  lat: z.number().min(-90).max(90).optional().describe('纬度'),
  lng: z.number().min(-180).max(180).optional().describe('经度'),
  convenerUserId: id('召集人').optional(),
  memberIds: z.array(id('成员')).max(500).default([]).describe('成员'),
});
export const homesQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度') });

export const activityOptions = z.object({
  kinds: z.array(z.object({ code: z.string(), label: z.string() })),
  serviceKinds: z.array(z.object({ code: z.string(), label: z.string() })),
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  counties: z.array(z.string()),
  /** the 委员之家 the caller may create activities for (all for staff; their own for a convener) */
  homes: z.array(z.object({ id: z.string(), name: z.string(), county: z.string() })),
  canCreate: z.boolean(),
  canManage: z.boolean(),
});

/** GET /api/activities/stats: a 工作年度 (or a period of days), with the figures by county and 委员之家. */
export const statsQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
const sliceFigures = z.object({ key: z.string(), label: z.string(), county: z.string().optional(), figures: z.array(figure) });
export const statsResponse = z.object({ from: z.string(), to: z.string(), homes: z.number().int(), totals: z.array(figure), byCounty: z.array(sliceFigures), byHome: z.array(sliceFigures) });

/**
 * PUT /api/activities/:id: the organisers (staff, its creator, its 委员之家's convener) correct an activity's details
 * with the version they read (stale → 409); only the fields sent change. A changed time or place is told to everyone
 * who signed up or signed in.
 */
export const activityEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  kind: activityKindSchema.optional().describe('活动类型'),
  serviceKind: serviceKindSchema.nullable().optional().describe('服务类别'),
  title: z.string().trim().min(2).max(200).optional().describe('活动名称'),
  body: z.string().trim().min(1).max(5000).optional().describe('活动内容'),
  county: z.string().trim().min(1).max(50).nullable().optional().describe('县区'),
  place: z.string().trim().min(1).max(200).nullable().optional().describe('活动地点'),
  lat: z.number().min(-90).max(90).nullable().optional().describe('纬度'),
  lng: z.number().min(-180).max(180).nullable().optional().describe('经度'),
  radiusM: z.number().int().min(50).max(10_000).optional().describe('签到范围（米）'),
  startsAt: chinaDateTime('开始时间').optional(),
  endsAt: chinaDateTime('结束时间').optional(),
  capacity: z.number().int().min(1).max(100_000).nullable().optional().describe('名额'),
  outcome: z.string().trim().min(1).max(5000).nullable().optional().describe('活动成效'),
});
export type ActivityEditBody = z.infer<typeof activityEditBody>;

/** PUT /api/activities/homes/:id: staff (or the home's convener, all but the convener) edit a 委员之家. */
export const homeEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  name: z.string().trim().min(2).max(100).optional().describe('名称'),
  county: z.string().trim().min(1).max(50).optional().describe('县区'),
  town: z.string().trim().max(50).nullable().optional().describe('乡镇（街道）'),
  place: z.string().trim().max(200).nullable().optional().describe('地址'),
  lat: z.number().min(-90).max(90).nullable().optional().describe('纬度'),
  lng: z.number().min(-180).max(180).nullable().optional().describe('经度'),
  convenerUserId: id('召集人').nullable().optional(),
  memberIds: z.array(id('成员')).max(500).optional().describe('成员'),
});
export type HomeEditBody = z.infer<typeof homeEditBody>;
export const homeDetail = homeItem.extend({
  version: z.number().int(),
  memberList: z.array(z.object({ userId: z.string(), name: z.string() })),
  canEdit: z.boolean(),
  /** may change the convener (staff only) */
  canChangeConvener: z.boolean(),
});
export type HomeDetail = z.infer<typeof homeDetail>;

/** 现场补录: members who came without signing up, added by the organisers (each recorded once as a participation). */
export const walkInBody = z.object({ userIds: z.array(id('委员')).min(1).max(200).describe('委员') });
export const walkInResult = z.object({
  added: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** already signed in: left as they were (a participation counts once) */
  already: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export const walkInCandidatesQuery = z.object({
  q: z.string().trim().max(50).optional().describe('姓名'),
  sectorId: id('界别').optional(),
  committeeId: id('专门委员会').optional(),
});
export const walkInCandidates = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), sectorName: z.string().nullable(), signedIn: z.boolean() })),
  total: z.number().int(),
  sectors: z.array(z.object({ id: z.string(), name: z.string() })),
  committees: z.array(z.object({ id: z.string(), name: z.string() })),
});

/* ------------------------------------------------------------------ 书香政协 (decision 0083)
 * Reading groups (读书群) with their members, book lists and reading plans (书目与阅读计划), members' check-ins with notes
 * (读书打卡·读书心得) and the replies that discuss them (交流讨论).
 */

export const readingGroupParams = z.object({ id: id('读书群编号') });
export const readingNoteParams = z.object({ id: id('读书心得编号') });

export const readingGroupCreateBody = z.object({
  name: z.string().trim().min(2).max(100).describe('读书群名称'),
  intro: z.string().trim().min(1).max(2000).describe('简介'),
  /** 领读人: a member of the CPPCC, who joins the group and keeps its book list */
  leaderUserId: id('领读人').optional(),
});
export const readingGroupEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  name: z.string().trim().min(2).max(100).optional().describe('读书群名称'),
  intro: z.string().trim().min(1).max(2000).optional().describe('简介'),
  leaderUserId: id('领读人').nullable().optional(),
});
export type ReadingGroupEditBody = z.infer<typeof readingGroupEditBody>;

export const readingBookBody = z.object({
  title: z.string().trim().min(1).max(200).describe('书名'),
  author: z.string().trim().max(100).optional().describe('作者'),
  plan: z.string().trim().max(2000).optional().describe('阅读计划'),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
});
export type ReadingBookBody = z.infer<typeof readingBookBody>;

export const readingNoteBody = z.object({
  groupId: id('读书群'),
  bookId: id('书目').optional(),
  content: z.string().trim().min(10).max(5000).describe('读书心得'),
  /** the day read; today when absent */
  onDate: day('打卡日期').optional(),
});
export type ReadingNoteBody = z.infer<typeof readingNoteBody>;
export const readingReplyBody = z.object({ content: z.string().trim().min(1).max(1000).describe('回复内容') });

/** GET /api/activities/reading/notes: a figure's list is this query with the figure's `list.query`. */
export const readingNoteQuery = pageQuery.extend({
  groupId: id('读书群').optional(),
  userId: id('委员').optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type ReadingNoteQuery = z.infer<typeof readingNoteQuery>;
/** GET /api/activities/reading/readers: members who posted notes (distinct), each with their count. */
export const readingReaderQuery = readingNoteQuery.omit({ userId: true });

export const readingGroupItem = z.object({
  id: z.string(),
  name: z.string(),
  intro: z.string(),
  leaderUserId: z.string().nullable(),
  leaderName: z.string().nullable(),
  members: z.number().int(),
  books: z.number().int(),
  notes: z.number().int(),
  /** the book read today (its plan's days include today), if any */
  currentBook: z.string().nullable(),
  joined: z.boolean(),
  version: z.number().int(),
});
export type ReadingGroupItem = z.infer<typeof readingGroupItem>;
export const readingGroupPage = pageOf(readingGroupItem);

export const readingBookItem = z.object({
  id: z.string(), title: z.string(), author: z.string().nullable(), plan: z.string().nullable(), startsOn: z.string(), endsOn: z.string(), notes: z.number().int(),
});
export const readingReplyItem = z.object({ id: z.string(), userId: z.string(), name: z.string(), content: z.string(), createdAt: z.string() });
export const readingNoteItem = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  bookId: z.string().nullable(),
  bookTitle: z.string().nullable(),
  userId: z.string(),
  name: z.string(),
  content: z.string(),
  onDate: z.string(),
  createdAt: z.string(),
  replies: z.array(readingReplyItem),
});
export type ReadingNoteItem = z.infer<typeof readingNoteItem>;
export const readingNotePage = pageOf(readingNoteItem);
export const readingReaderPage = pageOf(z.object({ userId: z.string(), name: z.string(), notes: z.number().int() }));

export const readingGroupDetail = readingGroupItem.extend({
  memberList: z.array(z.object({ userId: z.string(), name: z.string(), joinedAt: z.string() })),
  bookList: z.array(readingBookItem),
  /** the group's figures of the current 工作年度, each opening its rows */
  figures: z.array(figure),
  /** may edit the group and its book list: the office, or its 领读人 */
  canEdit: z.boolean(),
  /** may change the 领读人 (the office) */
  canChangeLeader: z.boolean(),
  canJoin: z.boolean(),
  /** may check in today: a member of the group who has not yet today */
  canCheckIn: z.boolean(),
  checkedInToday: z.boolean(),
});
export type ReadingGroupDetail = z.infer<typeof readingGroupDetail>;

export const readingStatsQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional().describe('年度') });
export const readingStats = z.object({
  from: z.string(), to: z.string(),
  totals: z.array(figure),
  byGroup: z.array(z.object({ key: z.string(), label: z.string(), figures: z.array(figure) })),
});
