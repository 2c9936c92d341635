/**
 * HTTP routes under /api/live. Signed-in people use their session; public participants (网友) carry the token they
 * received on joining in the `x-live-token` header (the stream, which EventSource opens without headers, takes it as
 * `?token=`). Who someone is in a room (主持人, 委员, 部门, 专家, 网友) comes from the server, never from the request body.
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import { attachmentFile, attachmentsOf, contentDisposition } from '../../attachments/index.ts';
import { listUnits } from '../../organizations/index.ts';
import {
  codeRequestBody, contributionBody, followupBody, followupResult, type MaterialItem, materialsBody, contributionItem, idParams, itemParams, joinBody, joinResult, keyParams, liveOptions, moderateBody, opinionGroupsView,
  proposalDraftBody, proposalDraftResult, publicSessionView, turnoutList, turnoutQuery, roomView, routeBody, sessionCreateBody, sessionDetail, sessionEditBody, sessionListQuery, sessionPage, statementBody, voteBody,
  type OpinionGroupsView, type StatementItem,
} from '../contract.ts';
import { liveLifecycle, liveStateLabel, liveTransitionBody, type LiveState } from '../domain/live-lifecycle.ts';
import { canUseLive, participantRoleLabels, voteChoices, type PublicAccess } from '../domain/live-rules.ts';
import {
  addMaterials, canEditSession, castVote, createSession, editSession, fireSession, followUp, joinPublic, logSms, moderate, postContribution, postStatement, proposalDraft, publicIn,
  requestCode, routeQuestion, SESSION_LABEL, userIn, type Who,
} from './commands.ts';
import { Regrouper, storedGroups } from './groups.ts';
import { toContribution, toDetail, toListItem } from './presenter.ts';
import { buildReportDocx } from './report-docx.ts';
import { countsOf, findSession, findSessionByKey, listSessions } from './repository.ts';
import { LiveStreams } from './stream.ts';
import { liveDb, type LiveSessionRow } from './tables.ts';
import { recordArrival, turnoutOf, turnoutPeople } from './turnout.ts';

const tags = ['live'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TOKEN_HEADER = 'x-live-token';

function user(req: FastifyRequest): Actor {
  const actor = actorOf(req);
  if (!canUseLive(actor)) throw forbidden(`使用${SESSION_LABEL}`);
  return actor;
}

/** The per-app services of the room: this instance's streams and the regrouping scheduler. */
export interface LiveRuntime { streams: LiveStreams; regrouper: Regrouper }
const runtimes = new WeakMap<ModuleContext, LiveRuntime>();
export const liveRuntime = (ctx: ModuleContext) => runtimes.get(ctx);

export function liveRoutes(app: App, ctx: ModuleContext) {
  const streams = new LiveStreams(ctx);
  const regrouper = new Regrouper(ctx);
  runtimes.set(ctx, { streams, regrouper });
  app.addHook('preClose', async () => { streams.closeAll(); await regrouper.close(); });
  const sms = logSms(ctx);

  // the vote path reads through short-lived caches (a vote is a single upsert then): the session for a second, a public
  // participant's token for half a minute, a session's published statements until one it does not know is voted on
  const sessionCache = new Map<string, { row: LiveSessionRow; until: number }>();
  const tokenCache = new Map<string, { who: Who; until: number }>();
  const statementCache = new Map<string, Set<string>>();
  async function cachedSession(id: string): Promise<LiveSessionRow> {
    const hit = sessionCache.get(id);
    if (hit && hit.until > performance.now()) return hit.row;
    const row = await sessionOr404(id);
    if (sessionCache.size > 1000) sessionCache.clear();
    sessionCache.set(id, { row, until: performance.now() + 1000 });
    return row;
  }
  async function cachedWho(req: FastifyRequest, s: LiveSessionRow): Promise<Who> {
    const t = req.headers[TOKEN_HEADER];
    if (typeof t !== 'string') return whoIn(req, s);
    const key = `${s.id}:${t}`;
    const hit = tokenCache.get(key);
    if (hit && hit.until > performance.now()) return hit.who;
    const who = await whoIn(req, s);
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(key, { who, until: performance.now() + 30_000 });
    return who;
  }
  async function knownStatement(sessionId: string, statementId: string): Promise<boolean> {
    let set = statementCache.get(sessionId);
    if (!set?.has(statementId)) {
      const rows = await liveDb(ctx.db).selectFrom('live_statements').select('id').where('session_id', '=', sessionId).where('status', '=', 'published').execute();
      set = new Set(rows.map((r) => r.id));
      if (statementCache.size > 1000) statementCache.clear();
      statementCache.set(sessionId, set);
    }
    return set.has(statementId);
  }

  async function sessionOr404(id: string): Promise<LiveSessionRow> {
    const s = await findSession(ctx.db, id);
    if (!s) throw notFound(SESSION_LABEL);
    return s;
  }
  /** The caller in the room: a public token if one is sent, else the signed-in person. */
  async function whoIn(req: FastifyRequest, s: LiveSessionRow, token?: string): Promise<Who> {
    const t = token ?? (typeof req.headers[TOKEN_HEADER] === 'string' ? req.headers[TOKEN_HEADER] as string : undefined);
    if (t) return publicIn(ctx, s, t);
    if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录，或从公开链接进入');
    return userIn(ctx, s, user(req));
  }
  async function detailOf(s: LiveSessionRow, actor: Actor | null) {
    return toDetail(ctx.db, s, actor, actor ? canEditSession(s, actor) : false);
  }
  async function statementsOf(s: LiveSessionRow, participantId: string | null): Promise<StatementItem[]> {
    const ldb = liveDb(ctx.db);
    const [rows, tallies, mine] = await Promise.all([
      ldb.selectFrom('live_statements').selectAll().where('session_id', '=', s.id).where('status', '=', 'published').orderBy('created_at').orderBy('id').execute(),
      ldb.selectFrom('live_votes').select(['statement_id', 'value', (eb) => eb.fn.countAll<number>().as('n')]).where('session_id', '=', s.id).groupBy(['statement_id', 'value']).execute(),
      participantId ? ldb.selectFrom('live_votes').select(['statement_id', 'value']).where('participant_id', '=', participantId).execute() : Promise.resolve([]),
    ]);
    const t = new Map<string, { agree: number; disagree: number; pass: number }>();
    for (const r of tallies) {
      const x = t.get(r.statement_id) ?? { agree: 0, disagree: 0, pass: 0 };
      const v = Number(r.value);
      if (v > 0) x.agree += Number(r.n); else if (v < 0) x.disagree += Number(r.n); else x.pass += Number(r.n);
      t.set(r.statement_id, x);
    }
    const my = new Map(mine.map((m) => [m.statement_id, Number(m.value)]));
    return rows.map((r) => {
      const v = my.get(r.id);
      return {
        id: r.id, body: r.body, authorName: r.author_name, role: r.role as StatementItem['role'], ...(t.get(r.id) ?? { agree: 0, disagree: 0, pass: 0 }),
        myVote: v === undefined ? null : v > 0 ? 'agree' : v < 0 ? 'disagree' : 'pass', createdAt: r.created_at,
      };
    });
  }
  async function groupsOf(s: LiveSessionRow, participantId: string | null): Promise<OpinionGroupsView> {
    const g = await storedGroups(ctx, s.id);
    if (!g) return { groups: [], consensus: [], myGroup: null, participants: 0, votes: 0, computedAt: null };
    return { ...g.view, myGroup: participantId && g.assignment[participantId] !== undefined ? g.assignment[participantId] : null };
  }
  async function materialsOf(s: LiveSessionRow, forPublic: boolean): Promise<MaterialItem[]> {
    if (forPublic && s.public_access === 'none') return [];
    return (await attachmentsOf(ctx.db, 'live_session', s.id)).map((a) => ({
      id: a.id, filename: a.filename, size: Number(a.size), mime: a.mime,
      url: forPublic ? `/api/live/public/${s.public_key}/materials/${a.id}` : `/api/attachments/${a.id}`,
    }));
  }
  async function contributionsOf(s: LiveSessionRow, who: Who, status: 'published' | 'pending') {
    const pid = who.participant?.id ?? null;
    let q = liveDb(ctx.db).selectFrom('live_contributions').selectAll().where('session_id', '=', s.id);
    // the stream: published ones, and one's own held or rejected ones (so an author sees theirs wait)
    q = status === 'published' ? q.where((eb) => eb.or([eb('status', '=', 'published'), ...(pid ? [eb('participant_id', '=', pid)] : [])])) : q.where('status', '=', 'pending');
    const rows = await q.orderBy('created_at').orderBy('id').limit(5000).execute();
    return rows.map((r) => toContribution(r, pid));
  }

  app.get('/api/live/sessions', {
    schema: { tags, summary: '网络议政列表（本级；按状态、关键词、开始日期筛选，分页；每场带参与人数、发言、提问答复、观点与表态数）', querystring: sessionListQuery, response: { 200: sessionPage.extend({ items: z.array(z.any()) }), ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const bad = q.state?.split(',').find((s) => !liveLifecycle.states[s]);
    if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    const { rows, total } = await listSessions(ctx.db, actor, q);
    const counts = await countsOf(ctx.db, rows.map((r) => r.id));
    return { items: rows.map((r) => toListItem(r, counts.get(r.id))), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/live/options', {
    schema: { tags, summary: '网络议政的状态及本级可邀请的部门（筛选和新建用）', response: { 200: liveOptions, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const units = await listUnits(ctx.db, actor.tenantId);
    return { states: Object.entries(liveLifecycle.states).map(([code, s]) => ({ code, label: s.label })), units: units.map((u) => ({ id: u.id, name: u.short_name ?? u.name })) };
  });

  app.post('/api/live/sessions', {
    schema: { tags, summary: '新建网络议政（筹备中；主题、背景、时间、主持人、应邀部门、公众参与方式）', body: sessionCreateBody, response: { 201: sessionDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createSession(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(await sessionOr404(id), actor));
  });

  app.get('/api/live/sessions/:id', {
    schema: { tags, summary: '网络议政详情', params: idParams, response: { 200: sessionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const s = await sessionOr404(req.params.id);
    await userIn(ctx, s, actor);
    return detailOf(s, actor);
  });

  app.patch('/api/live/sessions/:id', {
    schema: { tags, summary: '修改网络议政设置（主持人，结束前；带版本号）', params: idParams, body: sessionEditBody, response: { 200: sessionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await editSession(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(await sessionOr404(req.params.id), actor);
  });

  app.post('/api/live/sessions/:id/transitions', {
    schema: { tags, summary: '网络议政操作（开始、结束、归档）', params: idParams, body: liveTransitionBody, response: { 200: sessionDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await inInputField(() => fireSession(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(await sessionOr404(req.params.id), actor);
  });

  app.get('/api/live/sessions/:id/room', {
    schema: { tags, summary: '议政室：发言流、观点与表态、意见分组；主持人另有待审核发言（登录用户或携带 x-live-token 的网友）', params: idParams, response: { 200: roomView, ...errors } },
  }, async (req) => {
    let s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    // an invited person coming into the open room counts in the hosts' turnout (recorded once, pushed to the hosts)
    if (s.state === 'open' && who.kind === 'user' && who.role !== 'host' && await recordArrival(ctx, s, who)) s = await sessionOr404(s.id);
    const pid = who.participant?.id ?? null;
    const [session, contributions, queue, statements, groups, turnout] = await Promise.all([
      detailOf(s, who.actor ?? null), contributionsOf(s, who, 'published'), who.role === 'host' ? contributionsOf(s, who, 'pending') : Promise.resolve([]),
      statementsOf(s, pid), groupsOf(s, pid), who.role === 'host' ? turnoutOf(ctx, s) : Promise.resolve(null),
    ]);
    // the public downloads the materials by the session's link, signed-in participants as attachments of the session
    const materials = await materialsOf(s, who.kind === 'public');
    return {
      session, me: { participantId: pid, role: who.role, roleLabel: participantRoleLabels[who.role], name: who.name },
      contributions, queue, statements, groups, materials, lastSeq: Number(s.event_seq), turnout,
    };
  });

  app.get('/api/live/sessions/:id/stream', {
    schema: {
      tags, summary: '议政室实时推送（Server-Sent Events；断线重连时按 Last-Event-ID 补发错过的事件）', params: idParams,
      querystring: z.object({ token: z.string().max(100).optional().describe('网友参与凭证'), after: z.coerce.number().int().min(0).optional().describe('从此事件号之后') }),
      response: { 200: z.string().describe('text/event-stream 数据流'), ...errors },
    },
  }, async (req, reply) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s, req.query.token);
    const header = req.headers['last-event-id'];
    const after = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : req.query.after ?? -1;
    reply.hijack();
    if (!reply.raw.socket || reply.raw.socket.destroyed) return;
    await streams.open(s.id, reply.raw, { hosts: who.role === 'host', after });
  });

  app.post('/api/live/sessions/:id/contributions', {
    schema: { tags, summary: '发言、提问或答复（网友发言按设置先审后发；含敏感词的先审后发）', params: idParams, body: contributionBody, response: { 201: contributionItem, ...errors } },
  }, async (req, reply) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    const row = await postContribution(ctx, s, who, req.body);
    return reply.status(201).send(toContribution(row, row.participant_id));
  });

  app.post('/api/live/sessions/:id/contributions/:itemId/moderation', {
    schema: { tags, summary: '审核网友发言（主持人：通过或不通过并说明理由）', params: itemParams, body: moderateBody, response: { 200: contributionItem, ...errors } },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    return toContribution(await moderate(ctx, s, who, req.params.itemId, req.body, req.ip), null);
  });

  app.post('/api/live/sessions/:id/contributions/:itemId/route', {
    schema: { tags, summary: '将提问转交应邀部门答复（主持人）', params: itemParams, body: routeBody, response: { 200: contributionItem, ...errors } },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    return toContribution(await routeQuestion(ctx, s, who, req.params.itemId, req.body, req.ip), null);
  });

  app.post('/api/live/sessions/:id/materials', {
    schema: { tags, summary: '添加背景材料（主持人；先经附件接口上传，再关联到本场议政）', params: idParams, body: materialsBody, response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    await addMaterials(ctx, s, who, req.body.attachmentIds, req.ip);
    return reply.status(204).send(null);
  });

  app.post('/api/live/sessions/:id/statements', {
    schema: { tags, summary: '提出观点（供全体表态）', params: idParams, body: statementBody, response: { 201: z.object({ id: z.string() }), ...errors } },
  }, async (req, reply) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    return reply.status(201).send({ id: await postStatement(ctx, s, who, req.body.body) });
  });

  app.post('/api/live/sessions/:id/votes', {
    schema: { tags, summary: '对观点表态（赞同、反对、跳过；同一人对同一观点只计一次，重复提交以最后一次为准）', params: idParams, body: voteBody, response: { 200: z.object({ statementId: z.string(), choice: z.enum(voteChoices) }), ...errors } },
  }, async (req) => {
    const s = await cachedSession(req.params.id);
    const who = await cachedWho(req, s);
    if (!(await knownStatement(s.id, req.body.statementId))) throw new AppError('VALIDATION_FAILED', '「观点」不存在', { field: 'statementId' });
    await castVote(ctx, s, who, req.body.statementId, req.body.choice, true);
    regrouper.schedule(s.id);
    return { statementId: req.body.statementId, choice: req.body.choice };
  });

  app.get('/api/live/sessions/:id/groups', {
    schema: { tags, summary: '意见分组（主成分分析与聚类）、各组观点与跨组共识', params: idParams, response: { 200: opinionGroupsView, ...errors } },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    return groupsOf(s, who.participant?.id ?? null);
  });

  app.get('/api/live/sessions/:id/unanswered', {
    schema: { tags, summary: '未答复的提问（会后可转为委员建议或社情民意信息）', params: idParams, response: { 200: z.object({ items: z.array(contributionItem), total: z.number().int() }), ...errors } },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    if (who.kind === 'public') throw forbidden('查看未答复问题清单');
    const rows = await liveDb(ctx.db).selectFrom('live_contributions').selectAll().where('session_id', '=', s.id).where('kind', '=', 'question')
      .where('status', '=', 'published').where('answered_at', 'is', null).orderBy('created_at').execute();
    return { items: rows.map((r) => toContribution(r, null)), total: rows.length };
  });

  app.post('/api/live/sessions/:id/followups', {
    schema: {
      tags, summary: '会后转办（主持人）：所选未答复的提问或发言一次转为委员建议（交建议落实跟踪）或起草一条社情民意信息；同一发言只转办一次',
      params: idParams, body: followupBody, response: { 200: followupResult, ...errors },
    },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    return followUp(ctx, s, who, req.body, req.ip);
  });

  app.get('/api/live/sessions/:id/turnout', {
    schema: { tags, summary: '到场情况（主持人）：应邀人数、已进入人数及名单（joined=true 仅列已进入的）', params: idParams, querystring: turnoutQuery, response: { 200: turnoutList, ...errors } },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    if (who.role !== 'host') throw forbidden('查看到场情况');
    const people = await turnoutPeople(ctx, s);
    const joined = people.filter((p) => p.joinedAt);
    return { invited: people.length, joined: joined.length, items: req.query.joined === 'true' ? joined : req.query.joined === 'false' ? people.filter((p) => !p.joinedAt) : people };
  });

  app.post('/api/live/sessions/:id/proposal-draft', {
    schema: {
      tags, summary: '答复转提案（委员）：以所选已答复的提问及部门答复，或不选时以本场议政概况，起草提案的背景情况，打开预填的撰写提案页',
      params: idParams, body: proposalDraftBody, response: { 200: proposalDraftResult, ...errors },
    },
  }, async (req) => {
    const s = await sessionOr404(req.params.id);
    const who = await whoIn(req, s);
    const groups = await groupsOf(s, null);
    return proposalDraft(ctx, s, who, req.body, groups.consensus.map((c) => c.body), req.ip);
  });

  app.get('/api/live/sessions/:id/report.docx', {
    schema: { tags, summary: '网络议政情况报告初稿（Word）：参与、答复、表态结果、意见分组与共识', params: idParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const s = await sessionOr404(req.params.id);
    const who = await userIn(ctx, s, actor);
    const [detail, contributions, statements, groups] = await Promise.all([detailOf(s, actor), contributionsOf(s, { ...who, participant: null }, 'published'), statementsOf(s, null), groupsOf(s, null)]);
    const buf = await buildReportDocx(detail, contributions.filter((c) => c.status === 'published'), statements, groups);
    return reply.header('content-type', docxType).header('content-disposition', `attachment; filename="live-report.docx"; filename*=UTF-8''${encodeURIComponent(`${s.title}情况报告.docx`)}`).send(buf);
  });

  // the public's way in: the link's key, a verification code by text message when the host asks for one, a token
  app.get('/api/live/public/:key', {
    schema: { tags, summary: '公开链接：议政主题与参与方式（无需登录）', params: keyParams, response: { 200: publicSessionView, ...errors } },
  }, async (req) => {
    const s = await findSessionByKey(ctx.db, req.params.key);
    if (!s || s.public_access === 'none') throw notFound(SESSION_LABEL);
    return {
      sessionId: s.id, title: s.title, topic: s.topic, state: s.state as LiveState, stateLabel: liveStateLabel(s.state), opensAt: s.opens_at, closesAt: s.closes_at,
      publicAccess: s.public_access as PublicAccess, materials: await materialsOf(s, true),
    };
  });

  app.get('/api/live/public/:key/materials/:fileId', {
    schema: {
      tags, security: [], summary: '下载背景材料（无需登录；仅限向公众开放的议政，凭公开链接）',
      params: keyParams.extend({ fileId: z.string().min(1).max(40).describe('材料编号') }), produces: ['application/octet-stream'],
      response: { 200: z.any().describe('文件内容'), ...errors },
    },
  }, async (req, reply) => {
    const s = await findSessionByKey(ctx.db, req.params.key);
    if (!s || s.public_access === 'none') throw notFound('背景材料');
    const file = await attachmentFile(ctx.db, req.params.fileId);
    if (!file || file.row.entity_type !== 'live_session' || file.row.entity_id !== s.id) throw notFound('背景材料');
    return reply.header('content-type', file.row.mime).header('content-length', String(file.content.length))
      .header('content-disposition', contentDisposition(file.row.filename)).header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store').header('content-security-policy', "default-src 'none'; sandbox").send(file.content);
  });

  app.post('/api/live/public/:key/code', {
    schema: { tags, summary: '获取手机验证码（无需登录；每号每小时至多 5 次）', params: keyParams, body: codeRequestBody, response: { 202: z.object({ sent: z.boolean() }), ...errors } },
  }, async (req, reply) => {
    const s = await findSessionByKey(ctx.db, req.params.key);
    if (!s || s.public_access === 'none') throw notFound(SESSION_LABEL);
    await requestCode(ctx, s, req.body.phone, sms);
    return reply.status(202).send({ sent: true });
  });

  app.post('/api/live/public/:key/join', {
    schema: { tags, summary: '网友进入议政室（凭链接，或手机号与验证码），返回参与凭证', params: keyParams, body: joinBody, response: { 200: joinResult, ...errors } },
  }, async (req) => {
    const s = await findSessionByKey(ctx.db, req.params.key);
    if (!s) throw notFound(SESSION_LABEL);
    const { token, participant } = await joinPublic(ctx, s, req.body);
    return { token, sessionId: s.id, participantId: participant.id, name: participant.display_name };
  });
}
