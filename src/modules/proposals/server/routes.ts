/** HTTP routes of the 提案 module under /api/proposals: validate → authorize → command → present. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { AppError, forbidden, notFound } from '../../../kernel/universal/errors.ts';
import {
  handlingModeLabels, handlingModes, idParams, proposalCategories, proposalCategoryLabels, proposalCreateBody, proposalDetail,
  proposalListQuery, proposalOptions, proposalPage, proposalStats, proposalTypeLabels, proposalTypes, proposalUpdateBody,
  satisfactionLabels, satisfactionValues, statsQuery, transitionBody,
} from '../contract.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import { canReadProposals, canSeeProposal } from '../domain/proposal-policy.ts';
import { sessionLabelFor, stampSubmission } from '../domain/proposal-session.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { confirmCosign } from './commands/confirm-cosign.ts';
import { createProposal } from './commands/create-proposal.ts';
import { fireTransition } from './commands/fire-transition.ts';
import { updateDraft } from './commands/update-draft.ts';
import { toDetail, toListItem } from './proposal-presenter.ts';
import { findProposal, listProposals, loadFacts } from './proposal-repository.ts';
import { ReadCache } from '../../../kernel/server/read-cache.ts';
import { proposalStatsOf } from './proposal-stats.ts';
import { readProposalSettings } from './settings.ts';
import { registerAttachmentPolicy } from '../../attachments/index.ts';

const tags = ['proposals'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

function reader(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canReadProposals(actor)) throw forbidden('查看提案');
  return actor;
}

export function proposalRoutes(app: App, ctx: ModuleContext) {
  // a proposal's attachments are visible to whoever may see the proposal
  registerAttachmentPolicy(ctx, 'proposal', async (actor, _type, id) => {
    const row = await findProposal(ctx.db, id);
    return !!row && canSeeProposal(row, actor, await loadFacts(ctx.db, id));
  });

  async function detailOf(id: string, actor: Actor) {
    const row = await findProposal(ctx.db, id);
    const facts = row ? await loadFacts(ctx.db, id) : null;
    if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
    const s = await readProposalSettings(ctx, row.tenant_id);
    return toDetail(ctx.db, row, actor, facts, s.deadlines, s.notFiledReasons);
  }

  // totals of the lists everyone of a tenant shares (the office's queues, public replies), dropped by any proposal event
  const listCounts = new ReadCache<number>({ ttlMs: 30_000, maxEntries: 5_000 });
  ctx.events.onBroadcast('*', (e) => { if (e.entityType === 'proposal' || e.type.startsWith('proposal.')) listCounts.invalidate(e.tenantId); });

  app.get('/api/proposals', {
    schema: { tags, summary: '提案列表（按年度、状态、类型、类别、关键词、承办单位、重点等筛选，分页）', querystring: proposalListQuery, response: { 200: proposalPage, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    const q = req.query;
    if (q.state) {
      const bad = q.state.split(',').find((s) => !proposalLifecycle.states[s]);
      if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    }
    const { rows, total } = await listProposals(ctx.db, ctx.dialect, actor, q, listCounts);
    return { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize };
  });

  app.get('/api/proposals/stats', {
    schema: { tags, summary: '提案统计（收到、立案、不予立案、并案、撤回、重点，按类别、类型、状态、答复类别、满意度）', querystring: statsQuery, response: { 200: proposalStats, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    if (!can(actor, 'proposal.read_all')) throw forbidden('查看提案统计');
    const s = await readProposalSettings(ctx, actor.tenantId);
    return proposalStatsOf(ctx.db, actor.tenantId, req.query.year, s.replyClasses);
  });

  app.get('/api/proposals/options', {
    schema: { tags, summary: '提案表单选项（状态、类型、办理方式、答复类别、不予立案理由、本届会议）', response: { 200: proposalOptions, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    const s = await readProposalSettings(ctx, actor.tenantId);
    const cur = stampSubmission(chinaToday(), s.sessionCalendar);
    return {
      states: Object.entries(proposalLifecycle.states).map(([code, d]) => ({ code, label: d.label })),
      types: proposalTypes.map((code) => ({ code, label: proposalTypeLabels[code] })),
      categories: proposalCategories.map((code) => ({ code, label: proposalCategoryLabels[code] })),
      handlingModes: handlingModes.map((code) => ({ code, label: handlingModeLabels[code] })),
      satisfaction: satisfactionValues.map((code) => ({ code, label: satisfactionLabels[code] })),
      replyClasses: s.replyClasses,
      notFiledReasons: s.notFiledReasons,
      currentSession: { year: cur.year, label: sessionLabelFor(cur.year, s.sessionCalendar) },
    };
  });

  app.get('/api/proposals/:id', {
    schema: { tags, summary: '提案详情（含办理过程、联名委员、承办单位和可执行的操作）', params: idParams, response: { 200: proposalDetail, ...errors } },
  }, async (req) => detailOf(req.params.id, reader(req)));

  app.post('/api/proposals', {
    schema: { tags, summary: '新建提案（暂存）', body: proposalCreateBody, response: { 201: proposalDetail, ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const id = await createProposal(ctx, actor, req.body, req.ip);
    return reply.status(201).send(await detailOf(id, actor));
  });

  app.patch('/api/proposals/:id', {
    schema: { tags, summary: '修改暂存或退回的提案（带版本号，并发修改返回 409）', params: idParams, body: proposalUpdateBody, response: { 200: proposalDetail, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    await updateDraft(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/proposals/:id/cosign', {
    schema: { tags, summary: '联名委员确认联名', params: idParams, response: { 200: proposalDetail, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    await confirmCosign(ctx, actor, req.params.id, req.ip);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/proposals/:id/transitions', {
    schema: {
      tags, summary: '执行办理操作（提交、退回、立案、不予立案、并案、交办、签收、申请调整、答复、审核、评价等）',
      description: '可执行的操作及其必填项见提案详情的 actions。版本号过期返回 409 VERSION_CONFLICT；当前状态不允许返回 409 INVALID_TRANSITION。',
      params: idParams, body: transitionBody, response: { 200: proposalDetail, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    await fireTransition(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip });
    return detailOf(req.params.id, actor);
  });
}
