/**
 * 选题参考目录 (topic guide): the proposal office publishes suggested topics per year, edits or withdraws them; every
 * signed-in user of the tenant reads them, and a proposal may cite one (proposals.topic_id).
 */
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import {
  topicCreateBody, topicItem, topicList, topicListQuery, topicParams, topicStatusLabels, topicUpdateBody,
  type TopicCreateBody, type TopicItem, type TopicStatus, type TopicUpdateBody,
} from '../contract.ts';
import { canReadProposals } from '../domain/proposal-policy.ts';
import { stampSubmission } from '../domain/proposal-session.ts';
import { findOrg } from './directory.ts';
import { readProposalSettings } from './settings.ts';
import { z } from 'zod';
import type { ProposalDb } from './tables.ts';

/** The permission to publish, edit and withdraw topics (提案委). */
export const TOPIC_MANAGE = 'proposal.topic_manage';

type Db = ProposalDb;

interface TopicRow {
  id: string; tenant_id: string; year: number; title: string; description: string; area: string; suggested_units: string;
  status: string; sort: number; created_by: string; version: number; created_at: string; updated_at: string;
}

function parseUnits(s: string): Array<{ id: string; name: string }> {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x) => x && typeof x.id === 'string' && typeof x.name === 'string') : [];
  } catch { return []; }
}

function present(r: TopicRow, proposalCount: number): TopicItem {
  const status = r.status as TopicStatus;
  return {
    id: r.id, year: Number(r.year), title: r.title, description: r.description, area: r.area, suggestedUnits: parseUnits(r.suggested_units),
    status, statusLabel: topicStatusLabels[status] ?? r.status, sort: Number(r.sort), proposalCount,
    version: Number(r.version), createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/**
 * How many of the tenant's received proposals (submitted at least once, 收到) cite each topic: a draft, or one withdrawn
 * before it was submitted, does not count. The same rule as the list the count opens (`topicId` with `stage=received`).
 */
async function countsOf(db: Db, tenantId: string, topicIds: string[]): Promise<Map<string, number>> {
  if (!topicIds.length) return new Map();
  const rows = await db.selectFrom('proposals').select(['topic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId).where('topic_id', 'in', topicIds).where('submitted_at', 'is not', null).groupBy('topic_id').execute();
  return new Map(rows.map((r: any) => [r.topic_id as string, Number(r.n)]));
}

export async function listTopics(db: Db, tenantId: string, year: number, includeWithdrawn: boolean): Promise<TopicItem[]> {
  let q = db.selectFrom('proposal_topics').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year);
  if (!includeWithdrawn) q = q.where('status', '=', 'published');
  const rows = (await q.orderBy('sort').orderBy('created_at').orderBy('id').execute()) as TopicRow[];
  const counts = await countsOf(db, tenantId, rows.map((r) => r.id));
  return rows.map((r) => present(r, counts.get(r.id) ?? 0));
}

async function findTopic(db: Db, id: string): Promise<TopicRow | undefined> {
  return (await db.selectFrom('proposal_topics').selectAll().where('id', '=', id).executeTakeFirst()) as TopicRow | undefined;
}

/**
 * The topic a proposal may cite: a published topic of the actor's tenant (or the one it already cites).
 * Returns null to clear; throws a 400 naming 「参考选题」 otherwise.
 */
export async function resolveTopicRef(db: Db, actor: Actor, topicId: string | null | undefined, currentId?: string | null): Promise<{ id: string; title: string } | null> {
  if (!topicId) return null;
  const t = await findTopic(db, topicId);
  if (!t || t.tenant_id !== actor.tenantId) throw invalid('topicId', '「参考选题」', '不存在');
  if (t.status !== 'published' && t.id !== currentId) throw invalid('topicId', '「参考选题」', '已撤回，请另选');
  return { id: t.id, title: t.title };
}

async function resolveUnits(db: Db, actor: Actor, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  const out: Array<{ id: string; name: string }> = [];
  for (const id of [...new Set(ids)]) {
    const o = await findOrg(db, id);
    if (!o || o.kind !== 'gov_unit' || o.tenantId !== actor.tenantId) throw invalid('suggestedUnitIds', '「建议承办单位」', `中的「${id}」不是本级的承办单位`);
    out.push({ id: o.id, name: o.name });
  }
  return out;
}

export async function createTopic(ctx: ModuleContext, actor: Actor, body: TopicCreateBody, ip?: string): Promise<string> {
  if (!can(actor, TOPIC_MANAGE)) throw forbidden('发布选题参考目录');
  const units = await resolveUnits(ctx.db, actor, body.suggestedUnitIds);
  const id = newId();
  // one unit of work: the topic, its audit record and the event
  await ctx.uow.run(async (w) => {
    const trx = w.trx;
    let sort = body.sort;
    if (sort === undefined) {
      const m = await trx.selectFrom('proposal_topics').select((eb) => eb.fn.max('sort').as('m')).where('tenant_id', '=', actor.tenantId).where('year', '=', body.year).executeTakeFirst();
      sort = Number(m?.m ?? 0) + 10;
    }
    await trx.insertInto('proposal_topics').values({
      id, tenant_id: actor.tenantId, year: body.year, title: body.title, description: body.description, area: body.area,
      suggested_units: JSON.stringify(units), status: 'published', sort, created_by: actor.userId, version: 1, created_at: w.now, updated_at: w.now,
    }).execute();
    await w.audit({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.topic.create',
      entityType: 'proposal_topic', entityId: id, data: { year: body.year, title: body.title }, ip,
    });
    await w.emit({ type: 'proposal.topic.create', tenantId: actor.tenantId, entityType: 'proposal_topic', entityId: id, actorId: actor.userId, payload: { year: body.year, version: 1 } });
  });
  return id;
}

export async function updateTopic(ctx: ModuleContext, actor: Actor, id: string, body: TopicUpdateBody, ip?: string): Promise<void> {
  if (!can(actor, TOPIC_MANAGE)) throw forbidden('修改选题参考目录');
  const row = await findTopic(ctx.db, id);
  if (!row || row.tenant_id !== actor.tenantId) throw notFound('选题');
  const set: Record<string, unknown> = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.description !== undefined) set.description = body.description;
  if (body.area !== undefined) set.area = body.area;
  if (body.sort !== undefined) set.sort = body.sort;
  if (body.status !== undefined) set.status = body.status;
  if (body.suggestedUnitIds !== undefined) set.suggested_units = JSON.stringify(await resolveUnits(ctx.db, actor, body.suggestedUnitIds));
  const fields = Object.keys(set);
  const version = body.version + 1;
  const action = body.status === 'withdrawn' && row.status !== 'withdrawn' ? 'proposal.topic.withdraw' : 'proposal.topic.update';
  // one unit of work: the topic under its version (a stale one is a 409), the proposals citing it, the audit record, the event
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('proposal_topics', id, body.version, { ...set, updated_at: w.now }, '选题');
    // the proposals citing it show the title as it now reads
    if (body.title !== undefined && body.title !== row.title) {
      await w.trx.updateTable('proposals').set({ topic_title: body.title }).where('topic_id', '=', id).where('tenant_id', '=', row.tenant_id).execute();
    }
    await w.audit({
      tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action,
      entityType: 'proposal_topic', entityId: id, data: { fields, version }, ip,
    });
    await w.emit({ type: action, tenantId: row.tenant_id, entityType: 'proposal_topic', entityId: id, actorId: actor.userId, payload: { fields, version } });
  });
}

const tags = ['proposals'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function topicRoutes(app: App, ctx: ModuleContext) {
  const reader = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!canReadProposals(actor)) throw forbidden('查看选题参考目录');
    return actor;
  };
  const currentYear = async (tenantId: string) => stampSubmission(chinaToday(), (await readProposalSettings(ctx, tenantId)).sessionCalendar).year;
  const one = async (actor: Actor, id: string) => {
    const row = await findTopic(ctx.db, id);
    if (!row || row.tenant_id !== actor.tenantId) throw notFound('选题');
    const counts = await countsOf(ctx.db, row.tenant_id, [id]);
    return present(row, counts.get(id) ?? 0);
  };

  app.get('/api/proposals/topics', {
    schema: {
      tags, summary: '选题参考目录（某年度提案委发布的参考选题，含引用该选题的提案数）', querystring: topicListQuery,
      response: { 200: topicList, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    const year = req.query.year ?? await currentYear(actor.tenantId);
    const canEdit = can(actor, TOPIC_MANAGE);
    if (req.query.includeWithdrawn && !canEdit) throw forbidden('查看已撤回的选题');
    return { year, items: await listTopics(ctx.db, actor.tenantId, year, !!req.query.includeWithdrawn), canEdit };
  });

  app.post('/api/proposals/topics', {
    schema: { tags, summary: '发布参考选题（提案委）', body: topicCreateBody, response: { 201: topicItem, ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const id = await createTopic(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await one(actor, id));
  });

  app.patch('/api/proposals/topics/:id', {
    schema: {
      tags, summary: '修改或撤回参考选题（提案委；带版本号，并发修改返回 409）', params: topicParams, body: topicUpdateBody,
      response: { 200: topicItem, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    if (!Object.keys(req.body).some((k) => k !== 'version')) throw new AppError('VALIDATION_FAILED', '没有要修改的内容', { field: 'version' });
    await updateTopic(ctx, actor, req.params.id, req.body, req.ip);
    return one(actor, req.params.id);
  });
}
