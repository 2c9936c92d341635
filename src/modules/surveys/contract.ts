/**
 * The 网络征集 (问卷) API's shapes (zod), shared by the server's routes and the web pages. Every field has a Chinese
 * `.describe()` label: a bad request is a 400 whose message names the field by it, and OpenAPI shows it. The
 * transition body is derived from the lifecycle (`surveysTransitionBody`).
 */
import { z } from 'zod';
import { pageOf, pageQuery } from '../../kernel/universal/pagination.ts';
import { allowedActionSchema, stateViewSchema } from '../../kernel/universal/workflow.ts';
import { questionsSchema, showIfSchema, questionKinds } from './domain/survey-form.ts';
import { surveysStates } from './domain/surveys-lifecycle.ts';
import { audiences } from './domain/surveys-policy.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期').describe(label);

export const surveysStateSchema = z.enum(surveysStates);

const formFields = {
  title: z.string().trim().min(2).max(200).describe('标题'),
  body: z.string().trim().max(5000).describe('说明'),
  audience: z.enum(audiences).describe('征集对象'),
  audienceUserIds: z.array(z.string().min(1).max(40)).max(5000).describe('指定人员'),
  allowAnonymous: z.boolean().describe('允许匿名填写'),
  opensOn: day('开始日期').nullable(),
  closesOn: day('截止日期').nullable(),
  questions: questionsSchema,
};

/** POST /api/surveys */
export const surveysCreateBody = z.object({
  ...formFields,
  body: formFields.body.default(''),
  audience: formFields.audience.default('public'),
  audienceUserIds: formFields.audienceUserIds.default([]),
  allowAnonymous: formFields.allowAnonymous.default(false),
  opensOn: formFields.opensOn.optional(),
  closesOn: formFields.closesOn.optional(),
  questions: formFields.questions.default([]),
});
export type SurveysCreateBody = z.infer<typeof surveysCreateBody>;

/** PATCH /api/surveys/:id: staff edit a draft, under its version. */
export const surveysEditBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  title: formFields.title.optional(),
  body: formFields.body.optional(),
  audience: formFields.audience.optional(),
  audienceUserIds: formFields.audienceUserIds.optional(),
  allowAnonymous: formFields.allowAnonymous.optional(),
  opensOn: formFields.opensOn.optional(),
  closesOn: formFields.closesOn.optional(),
  questions: formFields.questions.optional(),
});
export type SurveysEditBody = z.infer<typeof surveysEditBody>;

/** GET /api/surveys: paging plus filters; a figure's list is this query with the figure's `list.query`. */
export const surveysListQuery = pageQuery.extend({
  state: z.string().regex(/^[a-z_]+(,[a-z_]+)*$/, '应为状态代码，多个用逗号分隔').max(200).optional().describe('状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  /** a period of China dates on the publication date (问卷 held in the period) */
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type SurveysListQuery = z.infer<typeof surveysListQuery>;

export const idParams = z.object({ id: z.string().min(1).max(40).describe('网络征集编号') });

export const surveysListItem = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  state: surveysStateSchema,
  stateLabel: z.string(),
  stateTone: z.string(),
  audience: z.enum(audiences),
  audienceLabel: z.string(),
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  /** taking answers today */
  collecting: z.boolean(),
  answerCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type SurveysListItem = z.infer<typeof surveysListItem>;
export const surveysPage = pageOf(surveysListItem);

export const surveysHistoryItem = z.object({
  id: z.string(), action: z.string(), actionLabel: z.string(), toStateLabel: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string(),
});

export const questionOut = z.object({
  id: z.string(), kind: z.enum(questionKinds), title: z.string(), required: z.boolean(),
  options: z.array(z.string()).optional(), max: z.number().int().optional(), showIf: showIfSchema.optional(),
});

export const surveysDetail = surveysListItem.extend({
  body: z.string(),
  questions: z.array(questionOut),
  audienceUserIds: z.array(z.string()),
  /** 指定人员 by name (audience 'list'), for the people picker */
  audiencePeople: z.array(z.object({ userId: z.string(), name: z.string() })),
  allowAnonymous: z.boolean(),
  /** the public link's path (/s/<token>), for the QR code */
  sharePath: z.string(),
  progress: stateViewSchema,
  history: z.array(surveysHistoryItem),
  actions: z.array(allowedActionSchema),
  canEdit: z.boolean(),
});
export type SurveysDetail = z.infer<typeof surveysDetail>;

export const surveysOptions = z.object({
  states: z.array(z.object({ code: z.string(), label: z.string() })),
  audiences: z.array(z.object({ code: z.string(), label: z.string() })),
});

/** One question's results; free-text questions carry their themes. */
export const questionResult = z.object({
  id: z.string(), kind: z.enum(questionKinds), title: z.string(), answered: z.number().int(),
  counts: z.array(z.object({ label: z.string(), count: z.number().int() })),
  average: z.number().nullable(),
  themes: z.array(z.object({ keywords: z.array(z.string()), count: z.number().int(), examples: z.array(z.object({ answerId: z.string(), text: z.string() })) })).optional(),
});
export const surveyResults = z.object({
  id: z.string(), title: z.string(), answers: z.number().int(), publicAnswers: z.number().int(),
  questions: z.array(questionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;

/** GET /api/surveys/answers: answers of the CPPCC's surveys (the figures' list). */
export const answersListQuery = pageQuery.extend({
  survey: z.string().max(40).optional().describe('网络征集编号'),
  kind: z.enum(['public']).optional().describe('答卷类型'),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
});
export type AnswersListQuery = z.infer<typeof answersListQuery>;
export const answerListItem = z.object({
  id: z.string(), surveyId: z.string(), surveyTitle: z.string(), respondentKind: z.string(), respondentKindLabel: z.string(), createdAt: z.string(),
  /** the free-text answers, joined, for reading in the list */
  text: z.string(),
});
export const answersPage = pageOf(answerListItem);

/** GET /api/surveys/themes: the themes of the free-text answers of surveys published in a period. */
export const themesQuery = pageQuery.extend({ from: day('开始日期').optional(), to: day('结束日期').optional(), survey: z.string().max(40).optional().describe('网络征集编号') });
export const themeItem = z.object({ id: z.string(), surveyId: z.string(), surveyTitle: z.string(), questionTitle: z.string(), keywords: z.array(z.string()), count: z.number().int() });
export const themesPage = pageOf(themeItem);

/** POST /api/surveys/:id/answers/:answerId/opinion: a free-text answer becomes a 社情民意 draft. */
export const toOpinionBody = z.object({
  question: z.string().min(1).max(20).describe('题目编号'),
  title: z.string().trim().min(2).max(200).describe('标题'),
});
export const answerParams = z.object({ id: z.string().min(1).max(40).describe('网络征集编号'), answerId: z.string().min(1).max(40).describe('答卷编号') });

// ---- the public answering page (/s/<token>), without signing in ----

export const shareParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '链接无效').describe('问卷链接') });
export const publicSurvey = z.object({
  title: z.string(), body: z.string(), committeeName: z.string(),
  questions: z.array(questionOut),
  audience: z.enum(audiences), audienceLabel: z.string(),
  allowAnonymous: z.boolean(),
  opensOn: z.string().nullable(), closesOn: z.string().nullable(),
  collecting: z.boolean(),
  /** why it is not taking answers now (未开始, 已截止), or null */
  notice: z.string().nullable(),
  /** the signed-in visitor's name, when someone is signed in */
  signedInAs: z.string().nullable(),
  /** the signed-in visitor has answered already */
  answered: z.boolean(),
});
export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '应为 11 位手机号码').describe('手机号码');
export const smsBody = z.object({ phone: phoneSchema });
export const smsResult = z.object({ sent: z.boolean(), expiresInSeconds: z.number().int() });
export const anonymousTokenResult = z.object({ token: z.string() });
export const publicAnswerBody = z.object({
  answers: z.record(z.string(), z.union([z.number(), z.array(z.number()), z.string().max(5000)])).describe('答案'),
  phone: phoneSchema.optional(),
  code: z.string().regex(/^\d{6}$/, '应为 6 位数字').optional().describe('验证码'),
  anonymousToken: z.string().max(200).optional().describe('匿名凭证'),
});
export const publicAnswerResult = z.object({ id: z.string(), at: z.string() });
