/**
 * HTTP routes under /api/surveys (staff) and /api/public/surveys (the answering page, without signing in). Each route
 * is thin: validate (the contract's zod schemas; a bad field is a 400 naming it in Chinese) → authorize (permission and
 * policy; a survey the actor may not see is a 404) → command → present. Every route declares tags, a Chinese summary
 * and its schemas, so it appears in /api/docs.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import { getOrg } from '../../organizations/index.ts';
import {
  answerParams, answersListQuery, answersPage, anonymousTokenResult, idParams, publicAnswerBody, publicAnswerResult, publicSurvey, shareParams, smsBody, smsResult,
  surveyResults, surveysCreateBody, surveysDetail, surveysEditBody, surveysListQuery, surveysOptions, surveysPage, themesPage, themesQuery, toOpinionBody,
} from '../contract.ts';
import { isCollecting, surveysLifecycle, surveysTransitionBody } from '../domain/surveys-lifecycle.ts';
import { audienceLabels, audiences, canSeeItem, canUseSurveys, type Audience } from '../domain/surveys-policy.ts';
import { questionName } from '../domain/survey-form.ts';
import { createItem, editItem, fireItem, hasAnswered, issueAnonymousToken, ITEM_LABEL, sendPhoneCode, SMS_CODE_SECONDS, submitAnswer } from './commands.ts';
import { toDetail, toListItems } from './presenter.ts';
import { findByToken, findItem, listAnswers, listItems, questionsOf } from './repository.ts';
import { respondentKindLabels, resultsDocument, resultsOf, resultsWorkbook, themeRowsOf } from './results.ts';
import { surveysDb } from './tables.ts';

const tags = ['surveys'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Rate limits against abuse, per client address: answers, text-message codes and anonymous tokens. */
export const surveyRateLimits = { answersPerMinute: 60, codesPerMinute: 5, tokensPerMinute: 20 };

/** The signed-in actor, if they may use the staff pages at all (administrators may not: 三员分立). */
function user(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canUseSurveys(actor)) throw forbidden(`使用${ITEM_LABEL}`);
  return actor;
}

export function surveysRoutes(app: App, ctx: ModuleContext) {
  const visible = async (id: string, actor: Actor) => {
    const r = await findItem(ctx.db, id);
    if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
    return r;
  };
  const detailOf = async (id: string, actor: Actor) => toDetail(ctx.db, await visible(id, actor), actor);
  const committeeName = async (tenantId: string) => (await getOrg(ctx.db, tenantId))?.name ?? '';

  app.get('/api/surveys', {
    schema: { tags, summary: `${ITEM_LABEL}列表（本级全部；按状态、关键词、发布日期筛选，分页）`, querystring: surveysListQuery, response: { 200: surveysPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const bad = q.state?.split(',').find((s) => !surveysLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const { rows, total } = await listItems(ctx.db, actor, q);
    return { items: await toListItems(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/surveys/options', {
    schema: { tags, summary: `${ITEM_LABEL}的状态和征集对象及名称（筛选和表单用）`, response: { 200: surveysOptions, ...errors } },
  }, async (req) => {
    user(req);
    return {
      states: Object.entries(surveysLifecycle.states).map(([code, s]) => ({ code, label: s.label })),
      audiences: audiences.map((code) => ({ code, label: audienceLabels[code] })),
    };
  });

  app.get('/api/surveys/answers', {
    schema: { tags, summary: '答卷列表（本级全部问卷或一份问卷；可只看社会公众的答卷；按提交日期筛选，分页）', querystring: answersListQuery, response: { 200: answersPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    if (q.survey) await visible(q.survey, actor);
    const { rows, total } = await listAnswers(ctx.db, actor.tenantId, q);
    return {
      items: rows.map((r) => {
        let text = '';
        try { text = Object.values(JSON.parse(r.answers) as Record<string, unknown>).filter((v): v is string => typeof v === 'string').join(' / '); } catch { /* unreadable answers show no text */ }
        return { id: r.id, surveyId: r.survey_id, surveyTitle: r.survey_title, respondentKind: r.respondent_kind, respondentKindLabel: respondentKindLabels[r.respondent_kind] ?? r.respondent_kind, createdAt: r.created_at, text: text.slice(0, 300) };
      }),
      total, page: q.page, pageSize: q.pageSize,
    };
  });

  app.get('/api/surveys/themes', {
    schema: { tags, summary: '意见主题列表（发布于所选期间的问卷中填空题答案聚成的主题及关键词）', querystring: themesQuery, response: { 200: themesPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const surveys = q.survey
      ? [await visible(q.survey, actor)]
      : (await listItems(ctx.db, actor, { page: 1, pageSize: 200, from: q.from, to: q.to, state: 'published,closed,archived' })).rows;
    const all = await themeRowsOf(ctx.db, surveys);
    return { items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/surveys', {
    schema: { tags, summary: `新建${ITEM_LABEL}（草稿：题目、征集对象、征集时间）`, body: surveysCreateBody, response: { 201: surveysDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createItem(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.get('/api/surveys/:id', {
    schema: { tags, summary: `${ITEM_LABEL}详情（题目、分享链接、过程、可执行的操作）`, params: idParams, response: { 200: surveysDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, user(req)));

  app.patch('/api/surveys/:id', {
    schema: { tags, summary: `修改${ITEM_LABEL}（仅草稿；带版本号，并发修改返回 409）`, params: idParams, body: surveysEditBody, response: { 200: surveysDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editItem(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/surveys/:id/transitions', {
    schema: {
      tags, summary: `${ITEM_LABEL}操作（发布、截止、归档）`,
      description: '可执行的操作见详情的 actions。版本号过期返回 409 VERSION_CONFLICT。', params: idParams, body: surveysTransitionBody, response: { 200: surveysDetail, ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireItem(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });

  app.get('/api/surveys/:id/results', {
    schema: { tags, summary: '征集结果（每题各选项的人数、评分、填空题的意见主题及关键词）', params: idParams, response: { 200: surveyResults, ...errors } },
  }, async (req) => (await resultsOf(ctx.db, await visible(req.params.id, user(req)))).results);

  app.get('/api/surveys/:id/results.xlsx', {
    schema: { tags, summary: '征集结果 Excel（汇总和答卷明细）', params: idParams, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const s = await visible(req.params.id, user(req));
    const { results, rows } = await resultsOf(ctx.db, s);
    const buf = await resultsWorkbook(s, results, rows);
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('survey.xlsx', `${s.title}-征集结果.xlsx`)).send(buf);
  });

  app.get('/api/surveys/:id/report.docx', {
    schema: { tags, summary: '征集情况报告（Word）', params: idParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const s = await visible(req.params.id, user(req));
    const { results } = await resultsOf(ctx.db, s);
    const buf = await resultsDocument(s, results, await committeeName(s.tenant_id));
    return reply.header('content-type', docxType).header('content-disposition', attachment('survey-report.docx', `${s.title}-征集情况报告.docx`)).send(buf);
  });

  app.post('/api/surveys/:id/answers/:answerId/opinion', {
    schema: {
      tags, summary: '由填空题答案起草社情民意信息（返回草稿的标题和正文，在社情民意的报送页面修改后报送）', params: answerParams, body: toOpinionBody,
      response: { 200: z.object({ title: z.string(), body: z.string(), link: z.string() }), ...errors },
    },
  }, async (req) => {
    const actor = user(req);
    const s = await visible(req.params.id, actor);
    const a = await surveysDb(ctx.db).selectFrom('survey_answers').selectAll().where('id', '=', req.params.answerId).where('survey_id', '=', s.id).executeTakeFirst();
    if (!a) throw notFound('答卷');
    const questions = questionsOf(s);
    const q = questions.find((x) => x.id === req.body.question && x.kind === 'text');
    if (!q) throw new AppError('VALIDATION_FAILED', `「题目编号」应为一道填空题`, { field: 'question' });
    const text = (JSON.parse(a.answers) as Record<string, unknown>)[q.id];
    if (typeof text !== 'string' || !text.trim()) throw new AppError('VALIDATION_FAILED', `这份答卷没有填写${questionName(questions, q.id)}`, { field: 'question' });
    const body = `${text.trim()}\n\n（来源：网络征集「${s.title}」${questionName(questions, q.id)}，答卷提交于 ${a.created_at.slice(0, 10)}。）`;
    await ctx.uow.run(async (w) => {
      await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'survey.answer_to_opinion', entityType: 'survey', entityId: s.id, data: { answerId: a.id, question: q.id }, ip: req.ip });
    });
    return { title: req.body.title, body, link: `/opinions/new?${new URLSearchParams({ title: req.body.title, body })}` };
  });

  // ---- the public answering page ----

  const byToken = async (token: string) => {
    const s = await findByToken(ctx.db, token);
    // a draft is nobody's business yet: it is not found, as an unknown link
    if (!s || s.state === 'draft') throw notFound('问卷');
    return s;
  };
  const publicTags = ['public'];
  // the answering route reads the survey of a link at most every two seconds: at thousands of answers a minute that
  // halves the database round trips; a survey closed by staff stops taking answers within those two seconds
  const recent = new Map<string, { at: number; row: Awaited<ReturnType<typeof byToken>> }>();
  const byTokenForAnswers = async (token: string) => {
    const now = clock.nowMs();
    const hit = recent.get(token);
    if (hit && now - hit.at < 2000 && now >= hit.at) return hit.row;
    const row = await byToken(token);
    if (recent.size > 1000) recent.clear();
    recent.set(token, { at: now, row });
    return row;
  };

  app.get('/api/public/surveys/:token', {
    schema: { tags: publicTags, summary: '问卷（无需登录；扫码或链接打开）：题目、显示逻辑、是否正在征集', security: [], params: shareParams, response: { 200: publicSurvey, ...errors } },
  }, async (req) => {
    const s = await byToken(req.params.token);
    const today = clock.today();
    const collecting = isCollecting(s, today);
    const notice = collecting ? null : s.state === 'published' && s.opens_on && today < s.opens_on ? `本问卷 ${s.opens_on} 开始填写` : '本问卷已截止，感谢关注';
    return {
      title: s.title, body: s.body, committeeName: await committeeName(s.tenant_id), questions: questionsOf(s),
      audience: s.audience as Audience, audienceLabel: audienceLabels[s.audience as Audience] ?? s.audience, allowAnonymous: Number(s.allow_anonymous) === 1,
      opensOn: s.opens_on, closesOn: s.closes_on, collecting, notice,
      signedInAs: req.actor?.displayName ?? null, answered: await hasAnswered(ctx, s, req.actor),
    };
  });

  app.post('/api/public/surveys/:token/sms', {
    config: { rateLimit: { max: surveyRateLimits.codesPerMinute, timeWindow: '1 minute' } },
    schema: { tags: publicTags, summary: '获取短信验证码（社会公众填写问卷前验证手机号码；同一号码一分钟一次）', security: [], params: shareParams, body: smsBody, response: { 200: smsResult, ...errors } },
  }, async (req) => {
    const s = await byToken(req.params.token);
    await sendPhoneCode(ctx, s, req.body.phone);
    return { sent: true, expiresInSeconds: SMS_CODE_SECONDS };
  });

  app.post('/api/public/surveys/:token/anonymous-token', {
    config: { rateLimit: { max: surveyRateLimits.tokensPerMinute, timeWindow: '1 minute' } },
    schema: { tags: publicTags, summary: '领取匿名凭证（问卷允许匿名填写时；每个凭证只能提交一次）', security: [], params: shareParams, response: { 200: anonymousTokenResult, ...errors } },
  }, async (req) => ({ token: issueAnonymousToken(await byToken(req.params.token)) }));

  app.post('/api/public/surveys/:token/answers', {
    config: { rateLimit: { max: surveyRateLimits.answersPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: publicTags, summary: '提交答卷（登录账号，或验证手机号码，或匿名凭证；每人一份，重复提交返回 409；必答题和显示逻辑在服务端校验）', security: [],
      params: shareParams, body: publicAnswerBody, response: { 201: publicAnswerResult, ...errors },
    },
  }, async (req, reply) => {
    const s = await byTokenForAnswers(req.params.token);
    const done = await submitAnswer(ctx, s, { ...req.body, actor: req.actor });
    return reply.status(201).send(done);
  });
}
