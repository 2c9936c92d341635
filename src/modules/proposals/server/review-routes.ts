/** Routes of 审查会议 batch decisions, duplicate groups in the review queue, and 优秀提案评选 rounds (under /api/proposals). */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can } from '../../../kernel/server/actor.ts';
import { forbidden } from '../../../kernel/universal/errors.ts';
import { findDuplicateGroups } from '../../text/index.ts';
import { canReadProposals } from '../domain/proposal-policy.ts';
import {
  batchBody, batchResponse, duplicateGroupsResponse, excellentCandidates, excellentCandidatesQuery, excellentNominateBody, excellentRound,
  excellentRoundCreate, excellentRoundList, excellentRoundParams, excellentRoundTransition,
} from '../domain/review-contract.ts';
import { fireBatch } from './commands/batch-transitions.ts';
import { createRound, fireRound, listRounds, nominate, nominationCandidates, roundDetail } from './commands/excellent-rounds.ts';
import { proposalDb } from './tables.ts';

const tags = ['proposals'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

function reader(req: Parameters<typeof actorOf>[0]) {
  const actor = actorOf(req);
  if (!canReadProposals(actor)) throw forbidden('查看提案');
  return actor;
}

export function reviewRoutes(app: App, ctx: ModuleContext) {
  app.post('/api/proposals/batch-transitions', {
    schema: {
      tags, summary: '审查会议批量处理：对多件待审查提案一次作出立案、不予立案（可提出转办）、退回修改、并案决定',
      description: '每件提案各自在独立事务中执行，与单件操作相同的规则和版本检查；某件失败（如版本过期 409）不影响其他各件，results 逐件给出结果。会议日期和说明记入每件提案的办理过程。',
      body: batchBody, response: { 200: batchResponse, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    const results = await fireBatch(ctx, actor, req.body, req.ip);
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  });

  app.get('/api/proposals/review-queue/duplicate-groups', {
    schema: { tags, summary: '审查队列中的疑似重复与同一事项提案分组（相似度、共同地点、问题与诉求），供并案', response: { 200: duplicateGroupsResponse, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    if (!can(actor, 'proposal.review')) throw forbidden('查看审查队列');
    const rows = await proposalDb(ctx.db).selectFrom('proposals').select(['id', 'title', 'proposer_name', 'submitted_at', 'version'])
      .where('tenant_id', '=', actor.tenantId).where('state', '=', 'submitted').orderBy('submitted_at').orderBy('id').limit(2000).execute();
    const byId = new Map(rows.map((r: any) => [r.id as string, r]));
    const { groups, threshold } = await findDuplicateGroups(ctx, actor.tenantId, 'proposal', [...byId.keys()]);
    return {
      threshold, compared: rows.length, canMerge: can(actor, 'proposal.review'),
      groups: groups.map((g) => {
        const best = new Map<string, number>();
        for (const p of g.pairs) for (const id of [p.a, p.b]) best.set(id, Math.max(best.get(id) ?? 0, p.score));
        const members = g.refIds.map((id) => byId.get(id)!).filter(Boolean)
          .sort((a: any, b: any) => String(a.submitted_at ?? '').localeCompare(String(b.submitted_at ?? '')) || a.id.localeCompare(b.id))
          .map((r: any) => ({ id: r.id, title: r.title, proposerName: r.proposer_name, submittedAt: r.submitted_at ?? null, version: Number(r.version), score: best.get(r.id) ?? 0 }));
        return { members, kind: g.kind, pairs: g.pairs, sharedKeywords: g.sharedKeywords, reason: g.reason, suggestedTargetId: members[0].id };
      }).filter((g) => g.members.length > 1),
    };
  });

  app.get('/api/proposals/excellent/rounds', {
    schema: { tags, summary: '优秀提案评选轮次（每年一次：征集提名、主席会议审定、通报）', response: { 200: excellentRoundList, ...errors } },
  }, async (req) => listRounds(ctx, reader(req)));
  app.post('/api/proposals/excellent/rounds', {
    schema: { tags, summary: '发起年度优秀提案评选（提案委）', body: excellentRoundCreate, response: { 201: excellentRound, ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const id = await createRound(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await roundDetail(ctx, actor, id));
  });
  app.get('/api/proposals/excellent/rounds/:roundId', {
    schema: { tags, summary: '优秀提案评选详情：提名名单、审定结果和可执行的操作', params: excellentRoundParams, response: { 200: excellentRound, ...errors } },
  }, async (req) => roundDetail(ctx, reader(req), req.params.roundId));
  app.get('/api/proposals/excellent/rounds/:roundId/candidates', {
    schema: { tags, summary: '可提名的提案（本年度已答复；承办单位为本单位办理的，专委会为本委提出的）', params: excellentRoundParams, querystring: excellentCandidatesQuery, response: { 200: excellentCandidates, ...errors } },
  }, async (req) => nominationCandidates(ctx, reader(req), req.params.roundId, req.query.q));
  app.post('/api/proposals/excellent/rounds/:roundId/nominations', {
    schema: { tags, summary: '提名优秀提案（提案委提名，承办单位或专委会推荐，须写推荐理由）', params: excellentRoundParams, body: excellentNominateBody, response: { 201: excellentRound, ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    await nominate(ctx, actor, req.params.roundId, req.body, req.ip);
    return reply.status(201).send(await roundDetail(ctx, actor, req.params.roundId));
  });
  app.post('/api/proposals/excellent/rounds/:roundId/transitions', {
    schema: {
      tags, summary: '优秀提案评选操作：提交主席会议审定、主席会议审定（逐件通过或不通过）、通报',
      description: '版本号过期返回 409 VERSION_CONFLICT。审定须对每件提名作出决定；通报后审定通过的提案显示为该年度优秀提案。',
      params: excellentRoundParams, body: excellentRoundTransition, response: { 200: excellentRound, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    await fireRound(ctx, actor, req.params.roundId, req.body, req.ip);
    return roundDetail(ctx, actor, req.params.roundId);
  });
}
