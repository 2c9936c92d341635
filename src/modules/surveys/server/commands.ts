/**
 * Commands on 网络征集. Staff's writes (create, edit a draft, publish, close, archive) run in one unit of work
 * (`ctx.uow.run`): the row, its history, the audit record and the events commit together or not at all, guarded by the
 * version the client read (a stale one is a 409 VERSION_CONFLICT). Answers (答卷) are the public's: one row each,
 * written straight to the module's own table, the database's unique index deciding the one-answer rule.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { SurveysCreateBody, SurveysEditBody } from '../contract.ts';
import { checkForm, validateAnswers, type Question } from '../domain/survey-form.ts';
import { isCollecting, surveysLifecycle, surveysPermissions } from '../domain/surveys-lifecycle.ts';
import { canSeeItem, mayAnswer } from '../domain/surveys-policy.ts';
import { audienceIdsOf, findItem, questionsOf } from './repository.ts';
import { sms } from './sms.ts';
import { surveysDb, type SurveysItemRow } from './tables.ts';

/** The entity's Chinese name, for messages such as 「网络征集不存在或无权查看」 and 「网络征集已被他人修改」. */
export const ITEM_LABEL = '网络征集';

/** How the workflow runner handles a survey: its table, its name, who may see it, and what 发布 writes besides the state. */
export function itemSpec(): WorkflowSpec<SurveysItemRow & { [k: string]: unknown }> {
  return {
    workflow: surveysLifecycle as WorkflowSpec<any>['workflow'],
    table: 'surveys_items',
    entityLabel: ITEM_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeItem(r, actor),
    async apply({ transition }) {
      if (transition.name === 'publish') return { published_at: clock.iso() };
      return {};
    },
  };
}

function formProblem(questions: readonly Question[] | undefined) {
  if (!questions) return;
  const p = checkForm(questions);
  if (p) throw invalid(p.field, '「题目」', p.message);
}
function checkDates(opensOn: string | null | undefined, closesOn: string | null | undefined) {
  if (opensOn && closesOn && closesOn < opensOn) throw invalid('closesOn', '「截止日期」', '不能早于开始日期');
}

/** 新建网络征集: a draft owned by the actor, with a share link of its own. Returns its id. */
export async function createItem(ctx: ModuleContext, actor: Actor, body: SurveysCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, surveysPermissions.create, `新建${ITEM_LABEL}`);
  formProblem(body.questions);
  checkDates(body.opensOn, body.closesOn);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(itemSpec(), {
      id, tenant_id: actor.tenantId, title: body.title, body: body.body, owner_user_id: actor.userId, owner_name: actor.displayName,
      due_date: null, return_reason: null, result: null,
      questions: JSON.stringify(body.questions), audience: body.audience, audience_user_ids: JSON.stringify(body.audienceUserIds), allow_anonymous: body.allowAnonymous ? 1 : 0,
      opens_on: body.opensOn ?? null, closes_on: body.closesOn ?? null, share_token: randomBytes(12).toString('base64url'), share_secret: randomBytes(24).toString('base64url'), published_at: null,
    }, actor, ip);
  });
  return id;
}

/** Fire a lifecycle action (发布, 截止, 归档): the runner checks state, role, permission, guard, input and version. */
export async function fireItem(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    await w.fire(itemSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
}

/** Staff may edit a survey only while it is a draft (a published form stays as the public answered it). */
export const canEditItem = (r: SurveysItemRow, actor: Actor) =>
  r.tenant_id === actor.tenantId && r.state === 'draft' && (!actor.permissions || actor.permissions.has('*') || actor.permissions.has(surveysPermissions.create));

/** 修改草稿: a write outside the lifecycle, guarded by the version (`bumpVersion`) and audited in the same transaction. */
export async function editItem(ctx: ModuleContext, actor: Actor, id: string, body: SurveysEditBody, ip?: string): Promise<void> {
  const r = await findItem(ctx.db, id);
  if (!r || !canSeeItem(r, actor)) throw notFound(ITEM_LABEL);
  if (r.state !== 'draft') throw new AppError('CONFLICT', `${ITEM_LABEL}已发布，不能再修改（只有草稿可以修改）`);
  if (!canEditItem(r, actor)) throw new AppError('FORBIDDEN', `无权修改${ITEM_LABEL}`);
  formProblem(body.questions);
  checkDates(body.opensOn === undefined ? r.opens_on : body.opensOn, body.closesOn === undefined ? r.closes_on : body.closesOn);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.body !== undefined) set.body = body.body;
  if (body.audience !== undefined) set.audience = body.audience;
  if (body.audienceUserIds !== undefined) set.audience_user_ids = JSON.stringify(body.audienceUserIds);
  if (body.allowAnonymous !== undefined) set.allow_anonymous = body.allowAnonymous ? 1 : 0;
  if (body.opensOn !== undefined) set.opens_on = body.opensOn;
  if (body.closesOn !== undefined) set.closes_on = body.closesOn;
  if (body.questions !== undefined) set.questions = JSON.stringify(body.questions);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('surveys_items', id, body.version, { ...set, updated_at: w.now }, ITEM_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'survey.edit', entityType: 'survey', entityId: id, data: { fields: Object.keys(set) }, ip });
  });
}

// ---- answering (the public page) ----

/** A phone number keyed with the survey's secret: the one-answer rule sees it, the database never holds the number. */
const phoneKey = (s: SurveysItemRow, phone: string) => createHmac('sha256', s.share_secret).update(`phone:${phone}`).digest('base64url').slice(0, 32);
const codeHash = (s: SurveysItemRow, phone: string, code: string) => createHash('sha256').update(`${s.share_secret}:${phone}:${code}`).digest('base64url');

/** How long a text-message code is good for, and how soon the same phone may ask again. */
export const SMS_CODE_SECONDS = 600;
export const SMS_RESEND_SECONDS = 60;
const SMS_MAX_ATTEMPTS = 5;

function notTakingAnswers(s: SurveysItemRow): AppError | null {
  const today = clock.today();
  if (isCollecting(s, today)) return null;
  if (s.state === 'published' && s.opens_on && today < s.opens_on) return new AppError('CONFLICT', `本问卷 ${s.opens_on} 开始填写`);
  return new AppError('CONFLICT', '本问卷已截止，感谢关注');
}

/** 获取验证码: a six-digit code for this phone and survey, sent through the SMS adapter; at most once a minute per phone. */
export async function sendPhoneCode(ctx: ModuleContext, s: SurveysItemRow, phone: string): Promise<void> {
  const closed = notTakingAnswers(s);
  if (closed) throw closed;
  if (s.audience !== 'public') throw new AppError('FORBIDDEN', '本问卷不向社会公众开放，请登录后填写');
  const id = `${s.id}:${phoneKey(s, phone)}`;
  const db = surveysDb(ctx.db);
  const prev = await db.selectFrom('survey_phone_codes').select(['sent_at']).where('id', '=', id).executeTakeFirst();
  const now = clock.nowMs();
  if (prev && now - Date.parse(prev.sent_at) < SMS_RESEND_SECONDS * 1000) throw new AppError('RATE_LIMITED', '验证码已发送，请一分钟后再试', { field: 'phone' });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = { code_hash: codeHash(s, phone, code), sent_at: new Date(now).toISOString(), expires_at: new Date(now + SMS_CODE_SECONDS * 1000).toISOString(), attempts: 0 };
  if (prev) await db.updateTable('survey_phone_codes').set(row).where('id', '=', id).execute();
  else await db.insertInto('survey_phone_codes').values({ id, survey_id: s.id, ...row }).execute();
  await sms.send(ctx, phone, `【智慧政协】您参与「${s.title}」的验证码是 ${code}，${SMS_CODE_SECONDS / 60} 分钟内有效。`, code);
}

/** Checks a phone's code; a wrong code counts against the code, and five wrong ones void it. */
async function checkPhoneCode(ctx: ModuleContext, s: SurveysItemRow, phone: string, code: string): Promise<void> {
  const db = surveysDb(ctx.db);
  const id = `${s.id}:${phoneKey(s, phone)}`;
  const row = await db.selectFrom('survey_phone_codes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < clock.nowMs() || Number(row.attempts) >= SMS_MAX_ATTEMPTS) throw invalid('code', '「验证码」', '已失效，请重新获取');
  const a = Buffer.from(row.code_hash), b = Buffer.from(codeHash(s, phone, code));
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    await db.updateTable('survey_phone_codes').set({ attempts: Number(row.attempts) + 1 }).where('id', '=', id).execute();
    throw invalid('code', '「验证码」', '不正确');
  }
}

/** 匿名凭证: a signed random nonce, for public surveys that allow anonymous answers; one answer per token. */
export function issueAnonymousToken(s: SurveysItemRow): string {
  if (s.audience !== 'public' || Number(s.allow_anonymous) !== 1) throw new AppError('FORBIDDEN', '本问卷不允许匿名填写');
  const closed = notTakingAnswers(s);
  if (closed) throw closed;
  const nonce = randomBytes(12).toString('base64url');
  return `${nonce}.${createHmac('sha256', s.share_secret).update(`anon:${nonce}`).digest('base64url').slice(0, 22)}`;
}
function anonymousNonce(s: SurveysItemRow, token: string): string {
  const [nonce, sig] = token.split('.');
  const want = nonce ? createHmac('sha256', s.share_secret).update(`anon:${nonce}`).digest('base64url').slice(0, 22) : '';
  if (!nonce || !sig || sig.length !== want.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(want))) throw invalid('anonymousToken', '「匿名凭证」', '无效，请刷新页面后重新填写');
  return nonce;
}

export interface AnswerRequest {
  answers: Record<string, unknown>;
  phone?: string;
  code?: string;
  anonymousToken?: string;
  /** the signed-in visitor, if any */
  actor?: Actor;
}

/**
 * 提交答卷: who answers (an account; or, for the public, a verified phone or an anonymous token), whether they may,
 * whether the survey takes answers today, the answers against the form and its logic (a 400 naming the question), and
 * the one-answer rule (a second answer by the same person is a 409). Returns the answer's id and time.
 */
export async function submitAnswer(ctx: ModuleContext, s: SurveysItemRow, req: AnswerRequest): Promise<{ id: string; at: string }> {
  const closed = notTakingAnswers(s);
  if (closed) throw closed;
  const refused = mayAnswer({ tenant_id: s.tenant_id, audience: s.audience, audience_user_ids: audienceIdsOf(s) }, req.actor ?? {});
  if (refused) throw new AppError(req.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED', refused);
  const checked = validateAnswers(questionsOf(s), req.answers);
  if ('problem' in checked) throw new AppError('VALIDATION_FAILED', checked.problem.message, { field: checked.problem.field });
  let key: string, kind: 'account' | 'phone' | 'anonymous';
  if (req.actor) {
    key = `u:${req.actor.userId}`; kind = 'account';
  } else if (req.phone) {
    if (!req.code) throw invalid('code', '「验证码」', '请填写短信验证码');
    await checkPhoneCode(ctx, s, req.phone, req.code);
    key = `p:${phoneKey(s, req.phone)}`; kind = 'phone';
  } else if (req.anonymousToken) {
    if (Number(s.allow_anonymous) !== 1) throw new AppError('FORBIDDEN', '本问卷不允许匿名填写，请验证手机号码');
    key = `a:${anonymousNonce(s, req.anonymousToken)}`; kind = 'anonymous';
  } else {
    throw invalid('phone', '「手机号码」', '请填写手机号码并获取验证码');
  }
  const id = newId();
  const at = clock.iso();
  try {
    await surveysDb(ctx.db).insertInto('survey_answers').values({
      id, survey_id: s.id, tenant_id: s.tenant_id, respondent_key: key, respondent_kind: kind, user_id: req.actor?.userId ?? null, answers: JSON.stringify(checked.ok), created_at: at,
    }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', '您已填写过本问卷，每人只能填写一次');
    throw err;
  }
  // a used code cannot answer again (the unique index would refuse anyway); the phone may ask for a new one later
  if (kind === 'phone') await surveysDb(ctx.db).deleteFrom('survey_phone_codes').where('id', '=', `${s.id}:${phoneKey(s, req.phone!)}`).execute();
  return { id, at };
}

/** Has this signed-in person answered the survey already? */
export async function hasAnswered(ctx: ModuleContext, s: SurveysItemRow, actor: Actor | undefined): Promise<boolean> {
  if (!actor) return false;
  const row = await surveysDb(ctx.db).selectFrom('survey_answers').select('id').where('survey_id', '=', s.id).where('respondent_key', '=', `u:${actor.userId}`).executeTakeFirst();
  return !!row;
}
