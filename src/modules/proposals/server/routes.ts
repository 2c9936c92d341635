/** HTTP routes of the 提案 module under /api/proposals: validate → authorize → command → present. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { AppError, forbidden, notFound, inInputField } from '../../../kernel/universal/errors.ts';
import {
  handlingModeLabels, handlingModes, idParams, proposalCategories, proposalCategoryLabels, proposalCreateBody, proposalDetail,
  proposalListQuery, proposalOptions, proposalPage, proposalTypeLabels, proposalTypes, proposalUpdateBody,
  satisfactionLabels, satisfactionValues, mutualScoreBody,
} from '../contract.ts';
import { submitMutualScore } from './commands/mutual-score.ts';
import { recordConsultation } from './commands/record-consultation.ts';
import { boardQuery, consultationBody, excellentBody, keyDecideBody, keyNominateBody, proposalBoard, supervisionNoteBody } from '../contract.ts';
import { addSupervisionNote, decideKey, markExcellent, nominateKey } from './commands/key-proposals.ts';
import { deadlinesBoard } from './deadlines-board.ts';
import { proposalListWorkbook, replyLetterDocx, replyLetterFor, type LetterReply } from './exports.ts';
import { findOrg, findPeople, tenantUsersHoldingRoles } from './directory.ts';
import { listAllProposals } from './proposal-repository.ts';
import { assignmentParams, cosignBody } from '../contract.ts';
import { assignmentTransitionBody } from '../domain/assignment-workflow.ts';
import { findAssignment, fireAssignment, splitReplyForLetter } from './assignments.ts';
import { proposalLifecycle, transitionBody } from '../domain/proposal-lifecycle.ts';
import { canReadProposals, canSeeProposal } from '../domain/proposal-policy.ts';
import { sessionLabelFor, stampSubmission } from '../domain/proposal-session.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { confirmCosign, declineCosign } from './commands/confirm-cosign.ts';
import { createProposal } from './commands/create-proposal.ts';
import { fireTransition } from './commands/fire-transition.ts';
import { updateDraft } from './commands/update-draft.ts';
import { currentReplyReleased, seesReplyDraft, toDetail, toListItem } from './proposal-presenter.ts';
import { findProposal, listProposals, loadFacts, type ProposalRow } from './proposal-repository.ts';
import { ReadCache } from '../../../kernel/server/read-cache.ts';
import { sendSerialised, serialiseWith, type JsonBytes } from '../../../kernel/server/http/serialised-json.ts';
import { proposalStatsRoutes } from './stats-routes.ts';
import { readProposalSettings } from './settings.ts';
import { reviewRoutes } from './review-routes.ts';
import { proposalDocRoutes } from './doc-routes.ts';
import { topicRoutes } from './topics.ts';
import { publicProposalRoutes } from './public-routes.ts';

const tags = ['proposals'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

function reader(req: Parameters<typeof actorOf>[0]): Actor {
  const actor = actorOf(req);
  if (!canReadProposals(actor)) throw forbidden('查看提案');
  return actor;
}

export function proposalRoutes(app: App, ctx: ModuleContext) {
  async function detailOf(id: string, actor: Actor) {
    const row = await findProposal(ctx.db, id);
    const facts = row ? await loadFacts(ctx.db, id) : null;
    if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
    const s = await readProposalSettings(ctx, row.tenant_id);
    return toDetail(ctx.db, row, actor, facts, s.deadlines, s.notFiledReasons, { followUpClasses: s.followUpClasses, replySignOff: s.replySignOff });
  }

  // totals of the lists everyone of a tenant shares (the office's queues, public replies), dropped by any proposal event
  const listCounts = new ReadCache<number>({ ttlMs: 30_000, maxEntries: 5_000 });
  // pages of the list as their JSON bytes, per reader and query, dropped with the counts by any proposal event
  const listPages = new ReadCache<JsonBytes>({ ttlMs: 15_000, maxEntries: 20_000 });
  ctx.events.onBroadcast('*', (e) => {
    if (e.entityType === 'proposal' || e.type.startsWith('proposal.')) { listCounts.invalidate(e.tenantId); listPages.invalidate(e.tenantId); }
  });

  app.get('/api/proposals', {
    schema: { tags, summary: '提案列表（按年度、状态、类型、类别、关键词、承办单位、重点等筛选，分页）', querystring: proposalListQuery, response: { 200: proposalPage, ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const q = req.query;
    if (q.state) {
      const bad = q.state.split(',').find((s) => !proposalLifecycle.states[s]);
      if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    }
    // what one sees depends on who one is (person, organisation, roles, whether one reads all) and on the query
    const key = `${actor.userId}|${actor.orgId}|${actor.roles.join(',')}|${can(actor, 'proposal.read_all')}|${JSON.stringify(q)}`;
    const body = await listPages.get(actor.tenantId, key, async () => {
      const { rows, total } = await listProposals(ctx.db, ctx.dialect, actor, q, listCounts);
      return serialiseWith(proposalPage, { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize });
    });
    return sendSerialised(reply, body);
  });

  proposalStatsRoutes(app, ctx);

  // 审查会议 batch decisions, duplicate groups in the review queue, 优秀提案评选
  reviewRoutes(app, ctx);
  app.get('/api/proposals/board', {
    schema: { tags, summary: '督办看板：各承办单位超期和临期（N 个工作日内到期）的提案办理事项', querystring: boardQuery, response: { 200: proposalBoard, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    if (!can(actor, 'proposal.read_all')) throw forbidden('查看督办看板');
    return deadlinesBoard(ctx, actor.tenantId, req.query.withinDays);
  });
  const attachment = (name: string) => `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(name)}`;
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  /** 答复函 of one unit's reply (主办 or 分办) to a proposal, with the tenant's name and reply classes */
  async function letterOf(row: ProposalRow, r: LetterReply): Promise<Buffer> {
    const s = await readProposalSettings(ctx, row.tenant_id);
    const tenant = await findOrg(ctx.db, row.tenant_id);
    return replyLetterDocx(replyLetterFor(row, r, { tenantName: tenant?.name ?? '', replyClasses: s.replyClasses }));
  }
  app.get('/api/proposals/export.xlsx', {
    schema: {
      tags, summary: '导出提案列表（Excel，与列表相同的筛选条件，不分页，最多 20000 条）', querystring: proposalListQuery,
      produces: [xlsx], response: { 200: z.any().describe('Excel 文件'), ...errors },
    },
  }, async (req, reply) => {
    const actor = reader(req);
    const q = req.query;
    if (q.state) {
      const bad = q.state.split(',').find((x) => !proposalLifecycle.states[x]);
      if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    }
    const s = await readProposalSettings(ctx, actor.tenantId);
    const rows = await listAllProposals(ctx.db, ctx.dialect, actor, q, 20_000);
    const buf = await proposalListWorkbook(rows.map(toListItem), {
      types: proposalTypeLabels, categories: proposalCategoryLabels, modes: handlingModeLabels, satisfaction: satisfactionLabels, replyClasses: s.replyClasses,
    }, `提案列表（${q.year ? `${q.year}年度，` : ''}共 ${rows.length} 件，导出于 ${chinaToday()}）`);
    return reply.header('content-type', xlsx).header('content-disposition', attachment(`提案列表-${chinaToday()}.xlsx`)).send(buf);
  });
  app.get('/api/proposals/:id/reply-letter.docx', {
    schema: {
      tags, summary: '答复函（Word，公文格式：发文机关标志、文号、标题、正文仿宋三号、落款）', params: idParams,
      produces: [docx], response: { 200: z.any().describe('Word 文件'), ...errors },
    },
  }, async (req, reply) => {
    const actor = reader(req);
    const row = await findProposal(ctx.db, req.params.id);
    const facts = row ? await loadFacts(ctx.db, req.params.id) : null;
    if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
    // the office and the lead unit have the current reply from the draft; everyone else the released reply (decision 0021)
    const draft = seesReplyDraft(row, actor);
    const text = draft ? row.reply_text : row.released_text;
    if (!text) throw new AppError('INVALID_TRANSITION', '这件提案还没有答复');
    const current = draft || currentReplyReleased(row);
    const buf = await letterOf(row, {
      unitName: row.lead_unit_name ?? '承办单位', replyClass: draft ? row.reply_class : row.released_class, replyText: text,
      signerName: current ? row.signer_name ?? null : null, sentAt: (current ? row.reply_sent_at : null) ?? row.replied_at ?? row.updated_at,
    });
    return reply.header('content-type', docx).header('content-disposition', attachment(`答复函-${row.number ?? row.id}.docx`)).send(buf);
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

  topicRoutes(app, ctx);
  proposalDocRoutes(app, ctx);
  publicProposalRoutes(app, ctx);
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
    schema: { tags, summary: '联名委员确认联名（可带版本号，并发修改返回 409）', params: idParams, body: cosignBody, response: { 200: proposalDetail, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    await confirmCosign(ctx, actor, req.params.id, req.ip, req.body?.version);
    return detailOf(req.params.id, actor);
  });

  app.post('/api/proposals/:id/cosign/decline', {
    schema: {
      tags, summary: '联名委员谢绝联名：本人从待确认的联名委员中移除（提案人可另行邀请）',
      description: '谢绝后本人不再是该提案的联名委员，通常也就不能再查看该暂存提案。', params: idParams, response: { 200: z.object({ ok: z.literal(true) }), ...errors },
    },
  }, async (req) => {
    await declineCosign(ctx, reader(req), req.params.id, req.ip);
    return { ok: true as const };
  });

  app.post('/api/proposals/:id/mutual-scores', {
    schema: {
      tags, summary: '双向评议：提案人评办理质量、主办单位评提案质量（0–100 分，背靠背，双方都提交后互相可见）',
      params: idParams, body: mutualScoreBody, response: { 200: proposalDetail, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    await submitMutualScore(ctx, actor, req.params.id, req.body, req.ip);
    return detailOf(req.params.id, actor);
  });
  app.get('/api/proposals/key-leaders', {
    schema: { tags, summary: '可领衔督办的本级政协领导（决定重点提案时选择）', response: { 200: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string() })) }), ...errors } },
  }, async (req) => {
    const actor = reader(req);
    if (!can(actor, 'proposal.key_decide')) throw forbidden('决定重点提案');
    const ids = await tenantUsersHoldingRoles(ctx.db, actor.tenantId, ['leader']);
    const people = await findPeople(ctx.db, ids);
    return { items: ids.map((u) => ({ userId: u, name: people.get(u)?.name ?? u })).sort((a, b) => a.name.localeCompare(b.name, 'zh')) };
  });
  const keyRoutes: Array<[string, string, z.ZodType, (actor: Actor, id: string, body: any, ip: string) => Promise<void>]> = [
    ['/api/proposals/:id/key/nominate', '提名重点提案候选（提案委）', keyNominateBody, (a, id, b, ip) => nominateKey(ctx, a, id, b, ip)],
    ['/api/proposals/:id/key/decide', '决定重点提案（主席会议）：列为重点并确定领衔督办领导和督办方案，或不列入', keyDecideBody, (a, id, b, ip) => decideKey(ctx, a, id, b, ip)],
    ['/api/proposals/:id/supervision-notes', '记录重点提案督办情况（办理进展、督办会、视察调研）', supervisionNoteBody, (a, id, b, ip) => addSupervisionNote(ctx, a, id, b, ip)],
    ['/api/proposals/:id/excellent', '评选优秀提案（或取消）', excellentBody, (a, id, b, ip) => markExcellent(ctx, a, id, b, ip)],
  ];
  for (const [url, summary, body, run] of keyRoutes) {
    app.post(url, { schema: { tags, summary, params: idParams, body, response: { 200: proposalDetail, ...errors } } }, async (req) => {
      const actor = reader(req);
      await run(actor, req.params.id, req.body, req.ip);
      return detailOf(req.params.id, actor);
    });
  }
  app.post('/api/proposals/:id/consultations', {
    schema: {
      tags, summary: '记录面商（沟通方式：面谈、座谈会、电话、邮件、书信、其它；日期、参加人员、情况）',
      params: idParams, body: consultationBody, response: { 201: proposalDetail, ...errors },
    },
  }, async (req, reply) => {
    const actor = reader(req);
    await recordConsultation(ctx, actor, req.params.id, req.body, req.ip);
    return reply.status(201).send(await detailOf(req.params.id, actor));
  });
  app.post('/api/proposals/:id/assignments/:assignmentId/transitions', {
    schema: {
      tags, summary: '分办、会办单位办理（分办签收、分办答复、签发、提交会办意见）',
      description: '可执行的操作见提案详情 assignments[].actions。分办单位各自签收、办理、答复；会办单位向主办单位提交会办意见，只有主办单位答复提案人。'
        + '需经单位领导签发时（设置 proposals.replySignOff，默认开启）：分办单位经办人 reply 后进入待签发，该单位领导 sign_off（签发）或 return_draft（退回修改，需 reason）；'
        + '领导自拟答复用 reply_sign（答复并签发）。签发人与签发时间见 assignments[].signerName、signedOffAt。',
      params: assignmentParams, body: assignmentTransitionBody, response: { 200: proposalDetail, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    await inInputField(() => fireAssignment(ctx, { proposalId: req.params.id, assignmentId: req.params.assignmentId, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });
  app.get('/api/proposals/:id/assignments/:assignmentId/reply-letter.docx', {
    schema: {
      tags, summary: '分办单位答复函（Word，公文格式：以该分办单位名义、其答复内容和答复类别、签发人、报出日期）', params: assignmentParams,
      description: '本单位和提案委（可查看全部提案）在答复起草后即可下载；其他能看到该提案的人（提案人、联名委员、公开提案的公众）'
        + '在该单位答复已报出且提案答复已发布后才能下载，否则返回 409 INVALID_TRANSITION「这个单位还没有答复」。'
        + '会办单位没有自己的答复（会办意见交主办单位），返回 409 CONFLICT；承办任务不属于该提案返回 404。',
      produces: [docx], response: { 200: z.any().describe('Word 文件'), ...errors },
    },
  }, async (req, reply) => {
    const actor = reader(req);
    const { proposal, part } = await splitReplyForLetter(ctx.db, req.params.id, req.params.assignmentId, actor);
    const buf = await letterOf(proposal, {
      unitName: part.unit_name, replyClass: part.reply_class, replyText: part.reply_text,
      signerName: part.signer_name ?? null, sentAt: part.reply_sent_at ?? part.done_at ?? part.updated_at,
    });
    return reply.header('content-type', docx)
      .header('content-disposition', attachment(`答复函-${proposal.number ?? proposal.id}-${part.unit_name}.docx`)).send(buf);
  });
  app.get('/api/proposals/assignments/:assignmentId', {
    schema: {
      tags, summary: '承办任务所属的提案（待办链接用）', params: assignmentParams.pick({ assignmentId: true }),
      response: { 200: z.object({ proposalId: z.string() }), ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    const a = await findAssignment(ctx.db, req.params.assignmentId);
    if (!a) throw notFound('承办任务');
    await detailOf(a.proposal_id, actor);
    return { proposalId: a.proposal_id };
  });
  app.post('/api/proposals/:id/transitions', {
    schema: {
      tags, summary: '执行办理操作（提交、退回、立案、不予立案、并案、交办、签收、申请调整、答复、签发、审核、评价等）',
      description: '请求体按 action 区分，每个操作只接受它自己的 input 字段（必填项缺失返回 400 VALIDATION_FAILED 并指明字段）；可执行的操作及其表单字段见提案详情的 actions。版本号过期返回 409 VERSION_CONFLICT；当前状态不允许返回 409 INVALID_TRANSITION。'
        + '需经单位领导签发时（设置 proposals.replySignOff，默认开启）：经办人 reply 后进入待签发，本单位领导 sign_off（签发）或 return_draft（退回修改，需 reason）；'
        + '领导自拟答复用 reply_sign（答复并签发）。签发人与签发时间见详情 signerName、signedAt。',
      params: idParams, body: transitionBody, response: { 200: proposalDetail, ...errors },
    },
  }, async (req) => {
    const actor = reader(req);
    await inInputField(() => fireTransition(ctx, { id: req.params.id, action: req.body.action, version: req.body.version, input: req.body.input, actor, ip: req.ip }));
    return detailOf(req.params.id, actor);
  });
}
