/**
 * 选题研判 (topic planning): editors publish topic suggestions with a collection period; submitters answer them with
 * reports that cite the topic; each topic shows how many answers it drew and how far they went (accepted, adopted,
 * instructed); editors edit or close a topic (version → 409). Routes under /api/opinions/topics.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can, requirePermission } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { ilike } from '../../../kernel/server/db/dialect.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden, invalid, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import {
  idParams, topicCreateBody, topicDetail, topicListQuery, topicPage, topicPatchBody, topicStatusLabels,
  type TopicCreateBody, type TopicDetail, type TopicItem, type TopicPatchBody, type TopicStatus,
} from '../contract.ts';
import { canUseOpinions } from '../domain/opinion-policy.ts';
import { toListItem } from './presenter.ts';
import type { ReportRow } from './report-repository.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { opinionDb, type OpinionDb } from './tables.ts';

export interface TopicRow {
  id: string; tenant_id: string; title: string; description: string; period_from: string; period_to: string; status: string;
  created_by: string; created_by_name: string; closed_at: string | null; version: number; created_at: string; updated_at: string;
}
type Counts = TopicItem['counts'];
const noCounts = (): Counts => ({ answers: 0, accepted: 0, adopted: 0, instructed: 0 });

export async function findTopic(db: OpinionDb, id: string): Promise<TopicRow | undefined> {
  return (await db.selectFrom('opinion_topics').selectAll().where('id', '=', id).executeTakeFirst()) as TopicRow | undefined;
}

/** A topic may be answered while it is open and today falls in its period. */
export function isAnswerable(t: Pick<TopicRow, 'status' | 'period_from' | 'period_to'>, today: string): boolean {
  return t.status === 'open' && t.period_from <= today && today <= t.period_to;
}

/** The topic a new report cites: it must be this CPPCC's and open for answers; returns its title for the report. */
export async function answerableTopic(db: OpinionDb, actor: Actor, topicId: string): Promise<string> {
  requirePermission(actor, 'opinion.submit', '报送社情民意信息');
  const t = await findTopic(db, topicId);
  if (!t || t.tenant_id !== actor.tenantId) throw invalid('topicId', '「所答选题」', '不存在');
  if (!isAnswerable(t, chinaToday())) throw invalid('topicId', '「所答选题」', t.status === 'closed' ? '已结束征集' : `不在征集期内（${t.period_from} 至 ${t.period_to}）`);
  return t.title;
}

/** Answers per topic and how far they went: reports of the topic's CPPCC citing it, accepted, with an adoption or an instruction anywhere up the levels. */
export async function topicCounts(db: OpinionDb, tenantId: string, ids: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>(ids.map((id) => [id, noCounts()]));
  if (ids.length === 0) return out;
  const hasEvent = (eb: any, kind: string) => eb('opinion_reports.root_report_id', 'in', eb.selectFrom('opinion_events').select('opinion_events.root_report_id').where('opinion_events.kind', '=', kind));
  const when = (eb: any, cond: any) => eb.fn.sum(eb.case().when(cond).then(1).else(0).end());
  const rows = await db.selectFrom('opinion_reports')
    .select((eb) => [
      'opinion_reports.topic_id as topic_id', eb.fn.countAll().as('answers'),
      when(eb, eb('opinion_reports.accepted_at', 'is not', null)).as('accepted'),
      when(eb, hasEvent(eb, 'adoption')).as('adopted'), when(eb, hasEvent(eb, 'instruction')).as('instructed'),
    ])
    .where('opinion_reports.tenant_id', '=', tenantId).where('opinion_reports.topic_id', 'in', ids)
    .groupBy('opinion_reports.topic_id').execute();
  for (const r of rows as any[]) out.set(r.topic_id, { answers: Number(r.answers), accepted: Number(r.accepted ?? 0), adopted: Number(r.adopted ?? 0), instructed: Number(r.instructed ?? 0) });
  return out;
}

export function presentTopic(t: TopicRow, counts: Counts, actor: Actor, today = chinaToday()): TopicItem {
  const mine = t.tenant_id === actor.tenantId;
  return {
    id: t.id, title: t.title, description: t.description, periodFrom: t.period_from, periodTo: t.period_to,
    status: t.status as TopicStatus, statusLabel: topicStatusLabels[t.status as TopicStatus] ?? t.status, createdByName: t.created_by_name,
    createdAt: t.created_at, closedAt: t.closed_at ?? null, version: Number(t.version), counts,
    canEdit: mine && can(actor, 'opinion.edit'), canAnswer: mine && can(actor, 'opinion.submit') && isAnswerable(t, today),
  };
}

function checkPeriod(from: string, to: string) {
  if (Number.isNaN(Date.parse(from))) throw invalid('periodFrom', '「征集开始日期」', '不是有效日期');
  if (Number.isNaN(Date.parse(to))) throw invalid('periodTo', '「征集截止日期」', '不是有效日期');
  if (from > to) throw invalid('periodTo', '「征集截止日期」', `不能早于开始日期 ${from}`);
}

export async function createTopic(ctx: ModuleContext, actor: Actor, body: TopicCreateBody, ip?: string): Promise<string> {
  if (!can(actor, 'opinion.edit')) throw forbidden('发布选题');
  checkPeriod(body.periodFrom, body.periodTo);
  const now = clock.iso();
  const id = newId();
  await opinionDb(ctx.db).transaction().execute(async (trx) => {
    await trx.insertInto('opinion_topics').values({
      id, tenant_id: actor.tenantId, title: body.title, description: body.description, period_from: body.periodFrom, period_to: body.periodTo,
      status: 'open', created_by: actor.userId, created_by_name: actor.displayName, closed_at: null, version: 1, created_at: now, updated_at: now,
    }).execute();
    await appendAudit(trx, ctx.dialect, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'opinion_topic.create', entityType: 'opinion_topic', entityId: id, data: { title: body.title }, ip });
  });
  return id;
}

export async function updateTopic(ctx: ModuleContext, actor: Actor, id: string, body: TopicPatchBody, ip?: string): Promise<void> {
  const t = await findTopic(ctx.db, id);
  if (!t || t.tenant_id !== actor.tenantId) throw notFound('选题');
  if (!can(actor, 'opinion.edit')) throw forbidden('修改或结束选题');
  const next = {
    title: body.title ?? t.title, description: body.description ?? t.description,
    period_from: body.periodFrom ?? t.period_from, period_to: body.periodTo ?? t.period_to, status: body.status ?? t.status,
  };
  checkPeriod(next.period_from, next.period_to);
  const now = clock.iso();
  const closedAt = next.status === 'closed' ? (t.status === 'closed' ? t.closed_at : now) : null;
  await opinionDb(ctx.db).transaction().execute(async (trx) => {
    const res = await trx.updateTable('opinion_topics').set({ ...next, closed_at: closedAt, version: Number(t.version) + 1, updated_at: now })
      .where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict('选题');
    const action = next.status !== t.status ? (next.status === 'closed' ? 'opinion_topic.close' : 'opinion_topic.reopen') : 'opinion_topic.edit';
    await appendAudit(trx, ctx.dialect, { tenantId: t.tenant_id, actorId: actor.userId, actorName: actor.displayName, action, entityType: 'opinion_topic', entityId: id, data: { version: Number(t.version) + 1 }, ip });
  });
}

async function topicDetailOf(ctx: ModuleContext, actor: Actor, id: string): Promise<TopicDetail> {
  const t = await findTopic(ctx.db, id);
  if (!t || t.tenant_id !== actor.tenantId) throw notFound('选题');
  const counts = (await topicCounts(ctx.db, t.tenant_id, [t.id])).get(t.id) ?? noCounts();
  // editors and leaders see every answer; a submitter sees their own
  const where = (eb: any) => {
    const and = [eb('tenant_id', '=', t.tenant_id), eb('topic_id', '=', t.id)];
    if (!can(actor, 'opinion.read_all')) and.push(eb('submitter_user_id', '=', actor.userId), eb('source_report_id', 'is', null));
    return eb.and(and);
  };
  const [rows, total] = await Promise.all([
    opinionDb(ctx.db).selectFrom('opinion_reports').selectAll().where(where).orderBy('submitted_at', 'desc').orderBy('id').limit(200).execute(),
    opinionDb(ctx.db).selectFrom('opinion_reports').select((eb) => eb.fn.countAll().as('n')).where(where).executeTakeFirst(),
  ]);
  return { ...presentTopic(t, counts, actor), reports: (rows as ReportRow[]).map((r) => toListItem(r)), reportsTotal: Number((total as any)?.n ?? 0) };
}

export function topicRoutes(app: App, ctx: ModuleContext) {
  const tags = ['opinions'];
  const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
  const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
  const user = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!canUseOpinions(actor)) throw forbidden('使用社情民意信息');
    return actor;
  };

  app.get('/api/opinions/topics', {
    schema: { tags, summary: '选题研判：选题列表（征集中/已结束，每个选题的应征信息数、录用、采用与批示数）', querystring: topicListQuery, response: { 200: topicPage, ...errors } },
  }, async (req) => {
    const actor = user(req);
    const q = req.query;
    const where = (eb: any) => {
      const and = [eb('tenant_id', '=', actor.tenantId)];
      if (q.status) and.push(eb('status', '=', q.status));
      if (q.q) and.push(eb('title', ilike(ctx.dialect), `%${q.q.replace(/[%_\\]/g, '')}%`));
      return eb.and(and);
    };
    const [rows, total] = await Promise.all([
      opinionDb(ctx.db).selectFrom('opinion_topics').selectAll().where(where).orderBy('status', 'desc').orderBy('period_from', 'desc').orderBy('id')
        .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
      opinionDb(ctx.db).selectFrom('opinion_topics').select((eb) => eb.fn.countAll().as('n')).where(where).executeTakeFirst(),
    ]);
    const counts = await topicCounts(ctx.db, actor.tenantId, rows.map((r: any) => r.id));
    const today = chinaToday();
    return { items: (rows as TopicRow[]).map((t) => presentTopic(t, counts.get(t.id) ?? noCounts(), actor, today)), total: Number((total as any)?.n ?? 0), page: q.page, pageSize: q.pageSize };
  });

  app.post('/api/opinions/topics', {
    schema: { tags, summary: '发布选题（标题、说明、征集期），委员和信息员可报送信息应征', body: topicCreateBody, response: { 201: topicDetail, ...errors } },
  }, async (req, reply) => {
    const actor = user(req);
    const id = await createTopic(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await topicDetailOf(ctx, actor, id));
  });

  app.get('/api/opinions/topics/:id', {
    schema: { tags, summary: '选题详情及应征信息（编辑和领导看全部，报送人看自己的）与计数', params: idParams, response: { 200: topicDetail, ...errors } },
  }, async (req) => topicDetailOf(ctx, user(req), req.params.id));

  app.patch('/api/opinions/topics/:id', {
    schema: { tags, summary: '修改或结束选题（带版本号，并发修改返回 409）', params: idParams, body: topicPatchBody, response: { 200: topicDetail, ...errors } },
  }, async (req) => {
    const actor = user(req);
    await updateTopic(ctx, actor, req.params.id, req.body, req.ip);
    return topicDetailOf(ctx, actor, req.params.id);
  });
}
