/**
 * The 网络议政 API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it.
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { liveStates } from './domain/live-lifecycle.ts';
import { contributionKinds, contributionStatuses, followupKinds, participantRoles, publicAccessModes, voteChoices } from './domain/live-rules.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);
const instant = (label: string) => z.string().datetime({ offset: true, message: '应为带时区的日期时间（ISO 8601）' }).describe(label);
const id = (label: string) => z.string().min(1).max(40).describe(label);
const version = z.number().int().min(1).describe('版本号');

export const liveStateSchema = z.enum(liveStates);

/** POST /api/live/sessions */
export const sessionCreateBody = z.object({
  title: z.string().trim().min(2).max(200).describe('议政主题'),
  topic: z.string().trim().min(1).max(10000).describe('议题背景'),
  opensAt: instant('开始时间'),
  closesAt: instant('结束时间'),
  hostUserIds: z.array(id('主持人')).max(20).optional().describe('主持人'),
  responderUnitIds: z.array(id('应邀部门')).max(50).default([]).describe('应邀部门'),
  expertUserIds: z.array(id('特邀专家')).max(50).default([]).describe('特邀专家'),
  publicAccess: z.enum(publicAccessModes).default('link').describe('公众参与方式'),
  moderatePublic: z.boolean().default(true).describe('网友发言先审后发'),
  consultationId: id('协商活动').nullable().optional(),
});
export type SessionCreateBody = z.infer<typeof sessionCreateBody>;

/** PATCH /api/live/sessions/:id: hosts change the settings under the version. */
export const sessionEditBody = z.object({
  version,
  title: sessionCreateBody.shape.title.optional(),
  topic: sessionCreateBody.shape.topic.optional(),
  opensAt: instant('开始时间').optional(),
  closesAt: instant('结束时间').optional(),
  responderUnitIds: z.array(id('应邀部门')).max(50).optional().describe('应邀部门'),
  publicAccess: z.enum(publicAccessModes).optional().describe('公众参与方式'),
  moderatePublic: z.boolean().optional().describe('网友发言先审后发'),
});
export type SessionEditBody = z.infer<typeof sessionEditBody>;

export const sessionListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  /** the sessions a consultation meeting hosts (网络议政 of a 协商活动) */
  consultationId: id('协商活动').optional(),
});
export type SessionListQuery = z.infer<typeof sessionListQuery>;

export const idParams = z.object({ id: id('议政会编号') });
export const itemParams = z.object({ id: id('议政会编号'), itemId: id('条目编号') });
export const keyParams = z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '链接无效').describe('公开链接') });

export const sessionListItem = z.object({
  id: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  state: liveStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  publicAccess: z.enum(publicAccessModes),
  createdByName: z.string(),
  version: z.number().int(),
});
export type SessionListItem = z.infer<typeof sessionListItem>;
export const sessionPage = pageOf(sessionListItem);

const named = z.object({ id: z.string(), name: z.string() });
export const sessionDetail = sessionListItem.extend({
  topic: z.string(),
  hosts: z.array(named),
  responderUnits: z.array(named),
  experts: z.array(named),
  moderatePublic: z.boolean(),
  consultationId: z.string().nullable(),
  /** the public link's key, for hosts (others get null) */
  publicKey: z.string().nullable(),
  progress: stateViewSchema,
  actions: z.array(allowedActionSchema),
  /** may the caller change the settings (a host, before the session closes) */
  canEdit: z.boolean(),
  counts: z.object({ participants: z.number().int(), contributions: z.number().int(), statements: z.number().int(), votes: z.number().int(), questionsAnswered: z.number().int(), questionsOpen: z.number().int() }),
});
export type SessionDetail = z.infer<typeof sessionDetail>;

export const contributionItem = z.object({
  id: z.string(),
  kind: z.enum(contributionKinds),
  role: z.enum(participantRoles),
  roleLabel: z.string(),
  authorName: z.string(),
  /** plain text: the web shows it as text, never as HTML */
  body: z.string(),
  status: z.enum(contributionStatuses),
  rejectReason: z.string().nullable(),
  flaggedWords: z.array(z.string()),
  replyTo: z.string().nullable(),
  routedUnitId: z.string().nullable(),
  routedUnitName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** 会后转办: sent on after the session as a 委员建议 (tracked) or a 社情民意 draft, once */
  followup: z.object({ kind: z.enum(followupKinds), label: z.string(), at: z.string() }).nullable(),
  mine: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ContributionItem = z.infer<typeof contributionItem>;

export const statementItem = z.object({
  id: z.string(),
  body: z.string(),
  authorName: z.string(),
  role: z.enum(participantRoles),
  agree: z.number().int(),
  disagree: z.number().int(),
  pass: z.number().int(),
  /** the caller's vote, if any */
  myVote: z.enum(voteChoices).nullable(),
  createdAt: z.string(),
});
export type StatementItem = z.infer<typeof statementItem>;

export const opinionGroupsView = z.object({
  groups: z.array(z.object({
    label: z.string().describe('组名（关键词）'),
    keywords: z.array(z.string()),
    size: z.number().int(),
    centre: z.tuple([z.number(), z.number()]),
    statements: z.array(z.object({ statementId: z.string(), body: z.string(), direction: z.enum(['agree', 'disagree']), rate: z.number(), othersRate: z.number() })),
  })),
  consensus: z.array(z.object({ statementId: z.string(), body: z.string(), minAgree: z.number() })),
  /** the group of the caller, if grouped */
  myGroup: z.number().int().nullable(),
  participants: z.number().int(),
  votes: z.number().int(),
  computedAt: z.string().nullable(),
});
export type OpinionGroupsView = z.infer<typeof opinionGroupsView>;

export const meView = z.object({ participantId: z.string().nullable(), role: z.enum(participantRoles), roleLabel: z.string(), name: z.string() });

/** 背景材料: a file of the session and where the caller downloads it */
export const materialItem = z.object({ id: z.string(), filename: z.string(), size: z.number().int(), mime: z.string(), url: z.string() });
export type MaterialItem = z.infer<typeof materialItem>;

/** GET /api/live/sessions/:id/room: everything the room page shows, and the stream position it is current to. */
export const roomView = z.object({
  session: sessionDetail,
  me: meView,
  contributions: z.array(contributionItem),
  /** held public contributions, for hosts only (others get an empty list) */
  queue: z.array(contributionItem),
  statements: z.array(statementItem),
  groups: opinionGroupsView,
  /** 背景材料 (attachments of the session): signed-in participants download them as attachments, the public by the link */
  materials: z.array(materialItem),
  /** the stream's last event number: open the stream with it as Last-Event-ID */
  lastSeq: z.number().int(),
  /** 到场, for hosts (others get null): how many were invited and how many of them have come into the open room */
  turnout: z.object({ invited: z.number().int(), joined: z.number().int() }).nullable(),
});
export type RoomView = z.infer<typeof roomView>;

export const contributionBody = z.object({
  kind: z.enum(['comment', 'question', 'answer']).default('comment').describe('类型'),
  body: z.string().trim().min(1).max(2000).describe('内容'),
  replyTo: id('所答问题').optional(),
});
export const moderateBody = z.object({
  version,
  decision: z.enum(['approve', 'reject']).describe('审核结果'),
  reason: z.string().trim().min(1).max(500).optional().describe('不通过理由'),
});
export const routeBody = z.object({ version, unitId: id('答复部门') });
export const materialsBody = z.object({ attachmentIds: z.array(id('附件')).min(1).max(20).describe('背景材料') });
export const statementBody = z.object({ body: z.string().trim().min(4).max(280).describe('观点') });
export const voteBody = z.object({ statementId: id('观点'), choice: z.enum(voteChoices).describe('表态') });

export const publicSessionView = z.object({
  sessionId: z.string(),
  title: z.string(),
  topic: z.string(),
  state: liveStateSchema,
  stateLabel: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  publicAccess: z.enum(publicAccessModes),
  /** 背景材料, downloadable by the public while the session is open to the public */
  materials: z.array(materialItem),
});
export const codeRequestBody = z.object({ phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '应为 11 位手机号码').describe('手机号码') });
export const joinBody = z.object({
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, '应为 11 位手机号码').optional().describe('手机号码'),
  code: z.string().trim().regex(/^\d{6}$/, '应为 6 位数字').optional().describe('验证码'),
});
export const joinResult = z.object({ token: z.string(), sessionId: z.string(), participantId: z.string(), name: z.string() });

export const unansweredItem = contributionItem;
export const liveOptions = z.object({
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  units: z.array(named),
});

/**
 * POST /api/live/sessions/:id/followups (会后转办): after the session, hosts send chosen unanswered questions or
 * contributions on, in one step, as 委员建议 for the tracker (建议落实; one per contribution, to the department the
 * question was routed to or the one named) or as one 社情民意 draft (opened on the 社情民意 submission page).
 */
export const followupBody = z.object({
  target: z.enum(followupKinds).describe('转为'),
  contributionIds: z.array(id('发言')).min(1).max(100).describe('所选发言'),
  /** 责任单位 for those not routed to a department during the session */
  unitId: id('责任单位').optional(),
  dueInWorkingDays: z.number().int().min(1).max(250).default(20).describe('反馈期限（工作日）'),
  title: z.string().trim().min(4).max(200).optional().describe('信息标题'),
});
export type FollowupBody = z.infer<typeof followupBody>;
export const followupResult = z.object({
  target: z.enum(followupKinds),
  /** the contributions sent on by this request */
  sent: z.array(z.string()),
  /** a 社情民意 draft: its title and text, and the submission page prefilled with them */
  draft: z.object({ title: z.string(), body: z.string(), link: z.string() }).nullable(),
  /** where the recommendations are followed (the tracker's list of this session's) */
  link: z.string(),
});
export type FollowupResult = z.infer<typeof followupResult>;

/**
 * POST /api/live/sessions/:id/proposal-draft (答复转提案): a member starts a proposal from answered questions of the
 * session (each with the department's answer), or, with none chosen, from the session's summary (topic, the questions
 * answered, the statements every group agreed with). Nothing is written: the proposal form opens prefilled
 * (`/proposals/new?title=&background=`) and the member edits and saves it in their own name.
 */
export const proposalDraftBody = z.object({
  contributionIds: z.array(id('所选提问')).max(20).default([]).describe('所选提问'),
  title: z.string().trim().min(4).max(200).optional().describe('提案标题'),
});
export type ProposalDraftBody = z.infer<typeof proposalDraftBody>;
export const proposalDraftResult = z.object({ title: z.string(), background: z.string(), link: z.string() });
export type ProposalDraftResult = z.infer<typeof proposalDraftResult>;

/** GET /api/live/sessions/:id/turnout (hosts): the invited, and when each came in; `joined=true` lists those who came. */
export const turnoutQuery = z.object({ joined: z.enum(['true', 'false']).optional().describe('仅已进入') });
export const turnoutList = z.object({
  invited: z.number().int(),
  joined: z.number().int(),
  items: z.array(z.object({ userId: z.string(), name: z.string(), joinedAt: z.string().nullable() })),
});
export type TurnoutList = z.infer<typeof turnoutList>;
