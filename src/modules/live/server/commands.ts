/**
 * Commands of 网络议政. Session changes run on the unit of work with the lifecycle (history, audit, events commit
 * together); every change the room sees is also one numbered stream event (`appendEvent`) in the same transaction.
 * Votes are the exception by design: an idempotent upsert per (statement, participant), not audited one by one; the
 * tallies and groups reach the room with the next regrouping (debounced, off the request path).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { findPeople } from '../../identity/index.ts';
import { listUnits, orgNames } from '../../organizations/index.ts';
import type { FollowupBody, FollowupResult, ProposalDraftBody, ProposalDraftResult, SessionCreateBody, SessionEditBody } from '../contract.ts';
import { recommendationsRequestedEvent, type RecommendationsRequestedPayload } from '../../recommendations/index.ts';
import { liveLifecycle, livePermissions } from '../domain/live-lifecycle.ts';
import { canSeeSession, needsModeration, participantRoleLabels, pseudonymOf, roleInSession, sensitiveHits, voteValue, type ParticipantRole, type VoteChoice } from '../domain/live-rules.ts';
import { accessOf, countsOf, findSession, jsonIds, sha256 } from './repository.ts';
import { toContribution } from './presenter.ts';
import { readSensitiveWords } from './settings.ts';
import { publishContributionText } from './search-index.ts';
import { appendEvent } from './stream.ts';
import { liveDb, type LiveContributionRow, type LiveParticipantRow, type LiveSessionRow } from './tables.ts';

export const SESSION_LABEL = '网络议政';

/** Who acts in a room: a signed-in person with their role, or a public participant (网友) by their token. */
export interface Who {
  kind: 'user' | 'public';
  role: ParticipantRole;
  name: string;
  participant: LiveParticipantRow | null;
  actor?: Actor;
}

export function sessionSpec(): WorkflowSpec<LiveSessionRow & { [k: string]: unknown }> {
  return {
    workflow: liveLifecycle as WorkflowSpec<any>['workflow'],
    table: 'live_sessions',
    entityLabel: SESSION_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => canSeeSession(accessOf(r), actor),
  };
}

function checkTimes(opensAt: string, closesAt: string) {
  if (Date.parse(closesAt) <= Date.parse(opensAt)) throw new AppError('VALIDATION_FAILED', '「结束时间」应晚于开始时间', { field: 'closesAt' });
}

/** Units and users named must be of the actor's CPPCC (a unit id of another CPPCC is a 400 naming the field). */
async function checkUnits(ctx: ModuleContext, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return;
  const ok = new Set((await listUnits(ctx.db, tenantId)).map((u) => u.id));
  const bad = ids.find((id) => !ok.has(id));
  if (bad) throw new AppError('VALIDATION_FAILED', `「应邀部门」中的“${bad}”不是本级的承办单位`, { field: 'responderUnitIds' });
}
async function checkUsers(ctx: ModuleContext, tenantId: string, ids: readonly string[], field: string, label: string) {
  if (!ids.length) return;
  const people = await findPeople(ctx.db, ids);
  const ok = new Set([...people.values()].filter((p) => p.tenantId === tenantId).map((p) => p.id));
  const bad = ids.find((id) => !ok.has(id));
  if (bad) throw new AppError('VALIDATION_FAILED', `「${label}」中的“${bad}”不是本级的用户`, { field });
}

/** 新建议政会 (筹备中): the creator hosts it unless others are named. Returns its id. */
export async function createSession(ctx: ModuleContext, actor: Actor, body: SessionCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, livePermissions.host, `新建${SESSION_LABEL}`);
  checkTimes(body.opensAt, body.closesAt);
  const hosts = [...new Set([actor.userId, ...(body.hostUserIds ?? [])])];
  await checkUsers(ctx, actor.tenantId, hosts, 'hostUserIds', '主持人');
  await checkUsers(ctx, actor.tenantId, body.expertUserIds, 'expertUserIds', '特邀专家');
  await checkUnits(ctx, actor.tenantId, body.responderUnitIds);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.create(sessionSpec(), {
      id, tenant_id: actor.tenantId, title: body.title, topic: body.topic,
      opens_at: new Date(body.opensAt).toISOString(), closes_at: new Date(body.closesAt).toISOString(),
      host_user_ids: JSON.stringify(hosts), responder_unit_ids: JSON.stringify([...new Set(body.responderUnitIds)]), expert_user_ids: JSON.stringify([...new Set(body.expertUserIds)]),
      public_access: body.publicAccess, public_key: randomBytes(18).toString('base64url'), moderate_public: body.moderatePublic ? 1 : 0,
      consultation_id: body.consultationId ?? null, event_seq: 0, created_by: actor.userId, created_by_name: actor.displayName,
    }, actor, ip);
    if (body.consultationId) {
      // the consultation meeting this session serves learns of it by the event (the modules share no tables)
      await w.emit({ type: 'live.session_linked', tenantId: actor.tenantId, entityType: 'live_session', entityId: id, payload: { sessionId: id, consultationId: body.consultationId, title: body.title } });
    }
  });
  return id;
}

/** 修改议政会设置: a host, before the session has closed, under the version. */
export async function editSession(ctx: ModuleContext, actor: Actor, id: string, body: SessionEditBody, ip?: string): Promise<void> {
  const r = await findSession(ctx.db, id);
  if (!r || !canSeeSession(accessOf(r), actor)) throw notFound(SESSION_LABEL);
  if (!canEditSession(r, actor)) throw new AppError('FORBIDDEN', `只有主持人可以在议政结束前修改${SESSION_LABEL}`);
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.topic !== undefined) set.topic = body.topic;
  if (body.opensAt !== undefined) set.opens_at = new Date(body.opensAt).toISOString();
  if (body.closesAt !== undefined) set.closes_at = new Date(body.closesAt).toISOString();
  checkTimes(String(set.opens_at ?? r.opens_at), String(set.closes_at ?? r.closes_at));
  if (body.responderUnitIds !== undefined) { await checkUnits(ctx, r.tenant_id, body.responderUnitIds); set.responder_unit_ids = JSON.stringify([...new Set(body.responderUnitIds)]); }
  if (body.publicAccess !== undefined) set.public_access = body.publicAccess;
  if (body.moderatePublic !== undefined) set.moderate_public = body.moderatePublic ? 1 : 0;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('live_sessions', id, body.version, { ...set, updated_at: w.now }, SESSION_LABEL);
    await w.audit({ tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'live_session.edit', entityType: 'live_session', entityId: id, data: { fields: Object.keys(set) }, ip });
    await appendEvent(w, r, 'session', { changed: Object.keys(set) });
  });
}

export const canEditSession = (r: LiveSessionRow, actor: Actor) =>
  r.tenant_id === actor.tenantId && jsonIds(r.host_user_ids).includes(actor.userId) && (r.state === 'preparing' || r.state === 'open');

/** 开始 / 结束 / 归档. The room hears of it; closing tells the consultation meeting the session belongs to. */
export async function fireSession(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<void> {
  await ctx.uow.run(async (w) => {
    const res = await w.fire(sessionSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
    const r = res.record as unknown as LiveSessionRow;
    await appendEvent(w, r, 'state', { state: r.state });
    if (r.state === 'closed' && r.consultation_id) {
      await w.emit({ type: 'live.session_closed', tenantId: r.tenant_id, entityType: 'live_session', entityId: r.id, payload: { sessionId: r.id, consultationId: r.consultation_id, title: r.title } });
    }
  });
}

/** Who is this signed-in person in the session (404 when they may not see it). */
export async function userIn(ctx: ModuleContext, s: LiveSessionRow, actor: Actor): Promise<Who> {
  const access = accessOf(s);
  const role = roleInSession(access, actor);
  if (!role) {
    if (canSeeSession(access, actor)) return { kind: 'user', role: 'member', name: actor.displayName, participant: null, actor };
    throw notFound(SESSION_LABEL);
  }
  const participant = await liveDb(ctx.db).selectFrom('live_participants').selectAll().where('session_id', '=', s.id).where('user_id', '=', actor.userId).executeTakeFirst() ?? null;
  let name = actor.displayName;
  if (role === 'department') name = `${(await orgNames(ctx.db, [actor.orgId])).get(actor.orgId)?.name ?? ''}·${actor.displayName}`;
  return { kind: 'user', role, name, participant, actor };
}

/** A public participant by their token (404 for a token that is not this session's). */
export async function publicIn(ctx: ModuleContext, s: LiveSessionRow, token: string): Promise<Who> {
  if (s.public_access === 'none') throw notFound(SESSION_LABEL);
  const p = await liveDb(ctx.db).selectFrom('live_participants').selectAll().where('token_hash', '=', sha256(token)).where('session_id', '=', s.id).executeTakeFirst();
  if (!p) throw new AppError('UNAUTHENTICATED', '参与凭证无效，请重新从链接进入');
  return { kind: 'public', role: 'public', name: p.display_name, participant: p };
}

/** The participant row of a signed-in person, made on their first contribution or vote. */
async function ensureParticipant(ctx: ModuleContext, s: LiveSessionRow, who: Who): Promise<LiveParticipantRow> {
  if (who.participant) return who.participant;
  if (!who.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  const ldb = liveDb(ctx.db);
  await ldb.insertInto('live_participants').values({
    id: newId(), session_id: s.id, user_id: who.actor.userId, org_id: who.actor.orgId, role: who.role, display_name: who.name,
    token_hash: null, phone_hash: null, created_at: clock.iso(),
  }).onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing()).execute();
  const p = await ldb.selectFrom('live_participants').selectAll().where('session_id', '=', s.id).where('user_id', '=', who.actor.userId).executeTakeFirstOrThrow();
  who.participant = p;
  return p;
}

function requireOpen(s: LiveSessionRow) {
  if (s.state !== 'open') throw new AppError('CONFLICT', s.state === 'preparing' ? '议政尚未开始' : '议政已结束');
}

/** 发言 / 提问 / 答复. Public ones wait for a host when the session moderates; one with a sensitive word always waits. */
export async function postContribution(ctx: ModuleContext, s: LiveSessionRow, who: Who, body: { kind: 'comment' | 'question' | 'answer'; body: string; replyTo?: string }): Promise<LiveContributionRow> {
  requireOpen(s);
  if (who.role === 'host' && body.kind === 'question') throw new AppError('VALIDATION_FAILED', '主持人不提问，可将他人的问题转交部门', { field: 'kind' });
  let question: LiveContributionRow | undefined;
  if (body.kind === 'answer') {
    if (who.role !== 'department') throw new AppError('FORBIDDEN', '只有应邀部门可以答复问题');
    if (!body.replyTo) throw new AppError('VALIDATION_FAILED', '「所答问题」不能为空', { field: 'replyTo' });
    question = await liveDb(ctx.db).selectFrom('live_contributions').selectAll().where('id', '=', body.replyTo).where('session_id', '=', s.id).executeTakeFirst();
    if (!question || question.kind !== 'question' || question.status !== 'published') throw new AppError('VALIDATION_FAILED', '「所答问题」不存在', { field: 'replyTo' });
    if (question.routed_unit_id !== who.actor?.orgId) throw new AppError('FORBIDDEN', '该问题未转交本部门');
  } else if (body.replyTo) {
    throw new AppError('VALIDATION_FAILED', '只有答复可以指明「所答问题」', { field: 'replyTo' });
  }
  const words = await readSensitiveWords(ctx, s.tenant_id);
  const hits = sensitiveHits(body.body, words);
  const held = needsModeration(who.role, Number(s.moderate_public) === 1, hits.length > 0);
  const p = await ensureParticipant(ctx, s, who);
  const row: LiveContributionRow = {
    id: newId(), session_id: s.id, tenant_id: s.tenant_id, participant_id: p.id, role: who.role, author_name: p.display_name, kind: body.kind,
    body: body.body, status: held ? 'pending' : 'published', flagged_words: hits.length ? JSON.stringify(hits) : null, reject_reason: null,
    reply_to: body.replyTo ?? null, routed_unit_id: null, routed_unit_name: null, answered_at: null, followup_kind: null, followup_at: null, followup_by: null, version: 1, created_at: '', updated_at: '',
  };
  await ctx.uow.run(async (w) => {
    row.created_at = row.updated_at = w.now;
    await w.trx.insertInto('live_contributions').values(row).execute();
    if (question) {
      await w.trx.updateTable('live_contributions').set({ answered_at: w.now, updated_at: w.now, version: question.version + 1 }).where('id', '=', question.id).execute();
      question.answered_at = w.now; question.version += 1;
    }
    if (held) await appendEvent(w, s, 'pending', toContribution(row, null), true);
    else {
      await appendEvent(w, s, 'contribution', toContribution(row, null));
      if (question) await appendEvent(w, s, 'question', toContribution(question, null));
    }
  });
  if (!held) await publishContributionText(ctx, s.tenant_id, { ...row, sessionTitle: s.title });
  return row;
}

async function contributionOf(ctx: ModuleContext, s: LiveSessionRow, itemId: string): Promise<LiveContributionRow> {
  const c = await liveDb(ctx.db).selectFrom('live_contributions').selectAll().where('id', '=', itemId).where('session_id', '=', s.id).executeTakeFirst();
  if (!c) throw notFound('发言');
  return c;
}

function requireHost(who: Who): Actor {
  if (who.role !== 'host' || !who.actor) throw new AppError('FORBIDDEN', '只有本场议政的主持人可以执行此操作');
  return who.actor;
}

/** 审核: a host approves a held contribution (it joins the stream) or rejects it with a reason. */
export async function moderate(ctx: ModuleContext, s: LiveSessionRow, who: Who, itemId: string, body: { version: number; decision: 'approve' | 'reject'; reason?: string }, ip?: string): Promise<LiveContributionRow> {
  const actor = requireHost(who);
  const c = await contributionOf(ctx, s, itemId);
  if (c.status !== 'pending') throw new AppError('CONFLICT', '该发言已审核');
  if (body.decision === 'reject' && !body.reason) throw new AppError('VALIDATION_FAILED', '「不通过理由」不能为空', { field: 'reason' });
  await ctx.uow.run(async (w) => {
    const status = body.decision === 'approve' ? 'published' : 'rejected';
    await w.bumpVersion('live_contributions', c.id, body.version, { status, reject_reason: body.decision === 'reject' ? body.reason! : null, updated_at: w.now }, '发言');
    Object.assign(c, { status, reject_reason: body.decision === 'reject' ? body.reason! : null, version: body.version + 1, updated_at: w.now });
    await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: `live_contribution.${body.decision}`, entityType: 'live_session', entityId: s.id, data: { contributionId: c.id, reason: body.reason ?? null }, ip });
    await appendEvent(w, s, 'moderated', { id: c.id, status }, true);
    if (status === 'published') await appendEvent(w, s, 'contribution', toContribution(c, null));
  });
  if (body.decision === 'approve') await publishContributionText(ctx, s.tenant_id, { ...c, sessionTitle: s.title });
  return c;
}

/** 转交部门: a host routes a published question to one of the session's departments. */
export async function routeQuestion(ctx: ModuleContext, s: LiveSessionRow, who: Who, itemId: string, body: { version: number; unitId: string }, ip?: string): Promise<LiveContributionRow> {
  const actor = requireHost(who);
  const c = await contributionOf(ctx, s, itemId);
  if (c.kind !== 'question' || c.status !== 'published') throw new AppError('CONFLICT', '只有已发布的提问可以转交部门');
  if (c.answered_at) throw new AppError('CONFLICT', '该问题已答复');
  if (!jsonIds(s.responder_unit_ids).includes(body.unitId)) throw new AppError('VALIDATION_FAILED', '「答复部门」应为本场应邀的部门', { field: 'unitId' });
  const unitName = (await orgNames(ctx.db, [body.unitId])).get(body.unitId)?.name ?? body.unitId;
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('live_contributions', c.id, body.version, { routed_unit_id: body.unitId, routed_unit_name: unitName, updated_at: w.now }, '提问');
    Object.assign(c, { routed_unit_id: body.unitId, routed_unit_name: unitName, version: body.version + 1 });
    await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'live_question.route', entityType: 'live_session', entityId: s.id, data: { contributionId: c.id, unitId: body.unitId }, ip });
    await appendEvent(w, s, 'question', toContribution(c, null));
    // the department's responders hear of it in their worklist push
    await w.emit({ type: 'live.question_routed', tenantId: s.tenant_id, entityType: 'live_session', entityId: s.id, audience: { orgIds: [body.unitId] }, payload: { sessionId: s.id, contributionId: c.id, title: s.title } });
  });
  return c;
}

/** 提出观点: a short statement everyone votes on. One with a sensitive word is refused. */
export async function postStatement(ctx: ModuleContext, s: LiveSessionRow, who: Who, text: string): Promise<string> {
  requireOpen(s);
  const hits = sensitiveHits(text, await readSensitiveWords(ctx, s.tenant_id));
  if (hits.length) throw new AppError('VALIDATION_FAILED', '「观点」含有不宜发布的词语，请修改后再提交', { field: 'body' });
  const p = await ensureParticipant(ctx, s, who);
  const id = newId();
  await ctx.uow.run(async (w) => {
    await w.trx.insertInto('live_statements').values({ id, session_id: s.id, participant_id: p.id, author_name: p.display_name, role: who.role, body: text, status: 'published', created_at: w.now }).execute();
    await appendEvent(w, s, 'statement', { id, body: text, authorName: p.display_name, role: who.role, agree: 0, disagree: 0, pass: 0, myVote: null, createdAt: w.now });
  });
  return id;
}

/**
 * 表态: one vote per (statement, participant); a second vote (another tab, a retried request) replaces the first,
 * so it is counted once. Returns the statement's counts.
 */
export async function castVote(ctx: ModuleContext, s: LiveSessionRow, who: Who, statementId: string, choice: VoteChoice, statementChecked = false): Promise<void> {
  requireOpen(s);
  if (!statementChecked) {
    const st = await liveDb(ctx.db).selectFrom('live_statements').select(['id', 'status']).where('id', '=', statementId).where('session_id', '=', s.id).executeTakeFirst();
    if (!st || st.status !== 'published') throw new AppError('VALIDATION_FAILED', '「观点」不存在', { field: 'statementId' });
  }
  const p = await ensureParticipant(ctx, s, who);
  const value = voteValue[choice];
  await liveDb(ctx.db).insertInto('live_votes').values({ statement_id: statementId, participant_id: p.id, session_id: s.id, value, at: clock.iso() })
    .onConflict((oc) => oc.columns(['statement_id', 'participant_id']).doUpdateSet({ value, at: clock.iso() })).execute();
}

/** SMS adapter: how a verification code reaches a phone. */
export interface SmsSender { send(phone: string, text: string): Promise<void> }
/** The demo's and the tests' adapter: the code goes to the server log (a provider's adapter is configured in production). */
export const logSms = (ctx: ModuleContext): SmsSender => ({ async send(phone, text) { ctx.log.info(`[短信] ${phone}: ${text}`); } });

export const CODE_TTL_MS = 5 * 60_000;
const CODES_PER_HOUR = 5;

/** 获取验证码: a six-digit code for the phone, valid five minutes; at most five an hour per phone and session. */
export async function requestCode(ctx: ModuleContext, s: LiveSessionRow, phone: string, sms: SmsSender): Promise<void> {
  if (s.public_access !== 'phone') throw new AppError('CONFLICT', '本场议政无需手机验证');
  if (s.state === 'closed' || s.state === 'archived') throw new AppError('CONFLICT', '议政已结束');
  const ldb = liveDb(ctx.db);
  const phoneHash = sha256(`${s.id}:${phone}`);
  const recent = await ldb.selectFrom('live_phone_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', s.id)
    .where('phone_hash', '=', phoneHash).where('created_at', '>', new Date(clock.nowMs() - 3600_000).toISOString()).executeTakeFirstOrThrow();
  if (Number(recent.n) >= CODES_PER_HOUR) throw new AppError('RATE_LIMITED', '验证码请求过于频繁，请稍后再试');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ldb.insertInto('live_phone_codes').values({ id: newId(), session_id: s.id, phone_hash: phoneHash, code_hash: sha256(`${phoneHash}:${code}`), expires_at: new Date(clock.nowMs() + CODE_TTL_MS).toISOString(), attempts: 0, created_at: clock.iso() }).execute();
  await sms.send(phone, `【智慧政协】您参与网络议政“${s.title}”的验证码为 ${code}，5 分钟内有效。`);
}

/**
 * 网友进入: by the link (a new pseudonymous participant), or with a verified phone (the same phone is the same
 * participant again, so one person keeps one vote). Returns the participant's token (sent back as x-live-token).
 */
export async function joinPublic(ctx: ModuleContext, s: LiveSessionRow, body: { phone?: string; code?: string }): Promise<{ token: string; participant: LiveParticipantRow }> {
  if (s.public_access === 'none') throw notFound(SESSION_LABEL);
  if (s.state === 'archived') throw new AppError('CONFLICT', '议政已归档');
  const ldb = liveDb(ctx.db);
  let phoneHash: string | null = null;
  if (s.public_access === 'phone') {
    if (!body.phone) throw new AppError('VALIDATION_FAILED', '「手机号码」不能为空', { field: 'phone' });
    if (!body.code) throw new AppError('VALIDATION_FAILED', '「验证码」不能为空', { field: 'code' });
    phoneHash = sha256(`${s.id}:${body.phone}`);
    const c = await ldb.selectFrom('live_phone_codes').selectAll().where('session_id', '=', s.id).where('phone_hash', '=', phoneHash)
      .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (!c || Date.parse(c.expires_at) < clock.nowMs() || c.attempts >= 5) throw new AppError('VALIDATION_FAILED', '「验证码」已失效，请重新获取', { field: 'code' });
    if (c.code_hash !== sha256(`${phoneHash}:${body.code}`)) {
      await ldb.updateTable('live_phone_codes').set({ attempts: c.attempts + 1 }).where('id', '=', c.id).execute();
      throw new AppError('VALIDATION_FAILED', '「验证码」不正确', { field: 'code' });
    }
    await ldb.updateTable('live_phone_codes').set({ attempts: 99 }).where('id', '=', c.id).execute();
  }
  const token = randomBytes(24).toString('base64url');
  if (phoneHash) {
    const existing = await ldb.selectFrom('live_participants').selectAll().where('session_id', '=', s.id).where('phone_hash', '=', phoneHash).executeTakeFirst();
    if (existing) {
      await ldb.updateTable('live_participants').set({ token_hash: sha256(token) }).where('id', '=', existing.id).execute();
      return { token, participant: { ...existing, token_hash: sha256(token) } };
    }
  }
  const id = newId();
  const participant: LiveParticipantRow = { id, session_id: s.id, user_id: null, org_id: null, role: 'public', display_name: pseudonymOf(id), token_hash: sha256(token), phone_hash: phoneHash, created_at: clock.iso() };
  await ldb.insertInto('live_participants').values(participant).execute();
  return { token, participant };
}

/** 背景材料: a host links uploaded files (the attachments module) to the session; the room hears of it. */
export async function addMaterials(ctx: ModuleContext, s: LiveSessionRow, who: Who, attachmentIds: string[], ip?: string): Promise<void> {
  const actor = requireHost(who);
  await ctx.uow.run(async (w) => {
    await linkAttachments(w.trx, { ids: attachmentIds, entityType: 'live_session', entityId: s.id, actor, field: 'attachmentIds' });
    await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'live_session.materials', entityType: 'live_session', entityId: s.id, data: { attachmentIds }, ip });
    await appendEvent(w, s, 'session', { changed: ['materials'] });
  });
}

/**
 * 会后转办: after the session, a host sends chosen unanswered questions or contributions on in one step: as 委员建议
 * (one tracked recommendation each, through `recommendations.requested`, keyed by the contribution so a repeated
 * delivery adds nothing) to the department the question was routed to or the one named; or as one 社情民意 draft the
 * host opens on the 社情民意 submission page (its declared `?title=&body=` prefill). Each contribution is sent on once:
 * those already sent are left out, and a request that has nothing left is a 409.
 */
export async function followUp(ctx: ModuleContext, s: LiveSessionRow, who: Who, body: FollowupBody, ip?: string): Promise<FollowupResult> {
  const actor = requireHost(who);
  if (s.state !== 'closed' && s.state !== 'archived') throw new AppError('CONFLICT', '议政结束后才能转办未答复的问题');
  const ids = [...new Set(body.contributionIds)];
  const rows = await liveDb(ctx.db).selectFrom('live_contributions').selectAll().where('session_id', '=', s.id).where('id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  const unknown = ids.find((x) => !rows.some((r) => r.id === x));
  if (unknown) throw new AppError('VALIDATION_FAILED', `「所选发言」中的“${unknown}”不是本场的发言`, { field: 'contributionIds' });
  const bad = rows.find((r) => r.status !== 'published' || r.kind === 'answer' || (r.kind === 'question' && r.answered_at));
  if (bad) throw new AppError('VALIDATION_FAILED', '「所选发言」只能是已发布的发言或未答复的提问', { field: 'contributionIds' });
  const todo = rows.filter((r) => !r.followup_kind);
  if (!todo.length) throw new AppError('CONFLICT', '所选发言均已转办，不再重复转办');

  let units = new Map<string, string>();
  if (body.target === 'recommendation') {
    units = new Map((await listUnits(ctx.db, s.tenant_id)).map((u) => [u.id, u.short_name ?? u.name]));
    if (body.unitId && !units.has(body.unitId)) throw new AppError('VALIDATION_FAILED', '「责任单位」应为本级的承办单位', { field: 'unitId' });
    const orphan = todo.find((r) => !r.routed_unit_id && !body.unitId);
    if (orphan) throw new AppError('VALIDATION_FAILED', '「责任单位」不能为空：所选发言中有未转交部门的，请指定责任单位', { field: 'unitId' });
  }
  const link = `/live/${encodeURIComponent(s.id)}`;
  const source = `网络议政「${s.title}」`;
  const line = (r: LiveContributionRow) => `${r.body}（${participantRoleLabels[r.role as ParticipantRole] ?? r.role}${r.author_name}${r.kind === 'question' ? '提问' : '发言'}，${r.created_at.slice(0, 10)}）`;
  let draft: FollowupResult['draft'] = null;
  if (body.target === 'opinion') {
    const title = body.title ?? `关于${s.title}中群众反映问题的建议`;
    const text = [
      `在${source}（${s.opens_at.slice(0, 10)}）中，参与者提出的以下问题和意见尚待回应，现予反映：`,
      ...todo.map((r, i) => `${i + 1}. ${line(r)}`),
      `（来源：${source}，${link}）`,
    ].join('\n');
    draft = { title: title.slice(0, 200), body: text, link: `/opinions/new?${new URLSearchParams({ title: title.slice(0, 200), body: text })}` };
  }
  await ctx.uow.run(async (w) => {
    // claim the contributions first: a concurrent request that got them is a 409, and nothing is sent twice
    const claimed = await liveDb(w.trx).updateTable('live_contributions').set({ followup_kind: body.target, followup_at: w.now, followup_by: actor.userId, updated_at: w.now, version: (eb) => eb('version', '+', 1) })
      .where('id', 'in', todo.map((r) => r.id)).where('followup_kind', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== todo.length) throw new AppError('CONFLICT', '所选发言刚被他人转办，请刷新后再试');
    if (body.target === 'recommendation') {
      const payload: RecommendationsRequestedPayload = {
        tenantId: s.tenant_id,
        source: { module: 'live', type: 'live', id: s.id, title: s.title, link },
        requestedBy: actor.userId,
        items: todo.map((r) => ({ key: r.id, text: `${line(r)}（来源：${source}）`, unitIds: [r.routed_unit_id ?? body.unitId!], dueInWorkingDays: body.dueInWorkingDays })),
      };
      await w.emit({ type: recommendationsRequestedEvent, tenantId: s.tenant_id, entityType: 'live_session', entityId: s.id, actorId: actor.userId, payload: payload as unknown as Record<string, unknown> });
    }
    await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: `live_session.followup_${body.target}`, entityType: 'live_session', entityId: s.id, data: { contributionIds: todo.map((r) => r.id), unitId: body.unitId ?? null }, ip });
    for (const r of todo) {
      Object.assign(r, { followup_kind: body.target, followup_at: w.now, followup_by: actor.userId, version: r.version + 1, updated_at: w.now });
      await appendEvent(w, s, r.kind === 'question' ? 'question' : 'contribution', toContribution(r, null));
    }
  });
  return { target: body.target, sent: todo.map((r) => r.id), draft, link: body.target === 'recommendation' ? `/recommendations?${new URLSearchParams({ sourceType: 'live', sourceId: s.id })}` : link };
}

/** The longest background a prefill link carries: the link must stay a valid address when the member reloads the form. */
export const PROPOSAL_PREFILL_MAX = 1500;
/** Who may write a proposal (the proposals module's permission; its form is where the draft opens). */
export const PROPOSAL_CREATE = 'proposal.create';

/**
 * 答复转提案: a member starts a proposal from the session. With questions chosen, the background quotes each answered
 * question with the department's answer; with none, it summarises the session (topic, participation, the questions
 * answered, the statements every opinion group agreed with). Nothing is written but the audit line: the proposal form
 * opens prefilled by its `?title=&background=` and the member edits and saves it as their own draft.
 */
export async function proposalDraft(ctx: ModuleContext, s: LiveSessionRow, who: Who, body: ProposalDraftBody, consensus: string[], ip?: string): Promise<ProposalDraftResult> {
  if (who.kind !== 'user' || !who.actor) throw new AppError('FORBIDDEN', '网友不能据此撰写提案');
  const actor = requirePermission(who.actor, PROPOSAL_CREATE, '撰写提案');
  const ldb = liveDb(ctx.db);
  const ids = [...new Set(body.contributionIds)];
  const date = s.opens_at.slice(0, 10);
  const source = `网络议政「${s.title}」`;
  const link = `/live/${encodeURIComponent(s.id)}`;
  const questions = await ldb.selectFrom('live_contributions').selectAll().where('session_id', '=', s.id).where('kind', '=', 'question').where('status', '=', 'published')
    .where('answered_at', 'is not', null).$if(ids.length > 0, (q) => q.where('id', 'in', ids)).orderBy('created_at').orderBy('id').execute();
  if (ids.length) {
    const bad = ids.find((x) => !questions.some((q) => q.id === x));
    if (bad) throw new AppError('VALIDATION_FAILED', `「所选提问」中的“${bad}”不是本场已答复的提问`, { field: 'contributionIds' });
  }
  const answers = questions.length
    ? await ldb.selectFrom('live_contributions').selectAll().where('session_id', '=', s.id).where('kind', '=', 'answer').where('status', '=', 'published')
      .where('reply_to', 'in', questions.map((q) => q.id)).orderBy('created_at').orderBy('id').execute()
    : [];
  const pair = (q: LiveContributionRow) => {
    const a = answers.filter((x) => x.reply_to === q.id);
    const by = `${participantRoleLabels[q.role as ParticipantRole] ?? q.role}${q.author_name}`;
    return [`${by}提问：${q.body}`, ...a.map((x) => `${q.routed_unit_name ?? x.author_name}答复：${x.body}`)].join('\n');
  };
  const lines: string[] = [];
  if (ids.length) {
    lines.push(`${date}，本会举行${source}。会上，参与者就以下问题提问，有关部门当场作了答复：`);
    questions.forEach((q, i) => lines.push(`${i + 1}. ${pair(q)}`));
  } else {
    const counts = (await countsOf(ctx.db, [s.id])).get(s.id)!;
    lines.push(`${date}，本会举行${source}，议题：${s.topic.length > 300 ? `${s.topic.slice(0, 300)}……` : s.topic}`);
    lines.push(`共有 ${counts.participants} 人参与，发言 ${counts.contributions} 条，有关部门答复提问 ${counts.questionsAnswered} 个，${counts.statements} 条观点获得 ${counts.votes} 次表态。`);
    if (questions.length) {
      lines.push('部门答复的主要问题：');
      questions.forEach((q, i) => lines.push(`${i + 1}. ${pair(q)}`));
    }
    if (consensus.length) {
      lines.push('各方普遍赞同的观点：');
      consensus.forEach((c, i) => lines.push(`${i + 1}. ${c}`));
    }
  }
  const tail = `（来源：${source}，${link}）`;
  // keep whole lines while they fit; what does not fit is left in the room, and the text says so
  const kept: string[] = [];
  let used = tail.length;
  for (const l of lines) {
    if (used + l.length + 1 > PROPOSAL_PREFILL_MAX) { kept.push('……（其余内容见议政室）'); break; }
    kept.push(l);
    used += l.length + 1;
  }
  if (!kept.length) kept.push(lines[0].slice(0, PROPOSAL_PREFILL_MAX - tail.length - 2));
  const background = [...kept, tail].join('\n');
  const title = (body.title ?? `关于${s.title}的提案`).slice(0, 200);
  await ctx.uow.run(async (w) => {
    await w.audit({ tenantId: s.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'live_session.proposal_draft', entityType: 'live_session', entityId: s.id, data: { contributionIds: ids }, ip });
  });
  return { title, background, link: `/proposals/new?${new URLSearchParams({ title, background })}` };
}
