/** Routes of the 提案 documents: the compilation (提案汇编) and the proposal form (提案表) as data and as Word. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can, type Actor } from '../../../kernel/server/actor.ts';
import { AppError, forbidden, notFound } from '../../../kernel/universal/errors.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { idParams, proposalTypeLabels, type ProposalType } from '../contract.ts';
import { compilationGroupingLabels, compilationQuery, proposalForm } from '../contract.ts';
import { canReadProposals, canSeeProposal } from '../domain/proposal-policy.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import { sessionLabelFor, stampSubmission } from '../domain/proposal-session.ts';
import { buildCompilationDocx, type CompilationProposal } from './compilation.ts';
import { findOrg } from './directory.ts';
import { buildProposalFormDocx, loadProposalForm } from './proposal-form.ts';
import { findProposal, listAllProposals, loadFacts, type ProposalRow } from './proposal-repository.ts';
import { readProposalSettings } from './settings.ts';
import { proposalDb } from './tables.ts';

const tags = ['proposals'];
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => `attachment; filename="export.docx"; filename*=UTF-8''${encodeURIComponent(name)}`;
/** the most proposals one compilation holds (a large city files ~500 a year) */
export const COMPILATION_MAX = 3000;

export function proposalDocRoutes(app: App, ctx: ModuleContext) {
  const reader = (req: Parameters<typeof actorOf>[0]): Actor => {
    const actor = actorOf(req);
    if (!canReadProposals(actor)) throw forbidden('查看提案');
    return actor;
  };
  const visibleRow = async (actor: Actor, id: string) => {
    const row = await findProposal(ctx.db, id);
    const facts = row ? await loadFacts(ctx.db, id) : null;
    if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
    return row;
  };

  app.get('/api/proposals/compilation.docx', {
    schema: {
      tags, summary: '导出提案汇编（Word，含封面和目录；与列表相同的筛选条件，只收录已立案的提案，按主办单位、提案类型或选题领域分类，类内按编号排序）',
      querystring: compilationQuery, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors },
    },
  }, async (req, reply) => {
    const actor = reader(req);
    if (!can(actor, 'proposal.read_all')) throw forbidden('导出提案汇编');
    const { groupBy, ...q } = req.query;
    if (q.state) {
      const bad = q.state.split(',').find((s) => !proposalLifecycle.states[s]);
      if (bad) throw new AppError('VALIDATION_FAILED', `「状态」没有「${bad}」这个值`, { field: 'state' });
    }
    const s = await readProposalSettings(ctx, actor.tenantId);
    const year = q.year ?? stampSubmission(chinaToday(), s.sessionCalendar).year;
    // a compilation holds filed (numbered) proposals only
    const picked = await listAllProposals(ctx.db, ctx.dialect, actor, { ...q, stage: q.stage === 'replied' ? 'replied' : 'filed' }, COMPILATION_MAX + 1);
    if (picked.length > COMPILATION_MAX) {
      throw new AppError('BAD_REQUEST', `一次最多汇编 ${COMPILATION_MAX} 件提案，请按年度或其他条件缩小范围`, { field: 'year' });
    }
    const proposals = await compilationData(ctx, picked.map((r) => r.id), groupBy, s.replyClasses);
    const tenant = await findOrg(ctx.db, actor.tenantId);
    const sessionLabel = q.year ? sessionLabelFor(q.year, s.sessionCalendar) : picked[0]?.session_label ?? sessionLabelFor(year, s.sessionCalendar);
    const orgName = tenant?.name ?? '';
    const buf = await buildCompilationDocx({
      organisationName: orgName, year, sessionLabel, title: `${orgName}${sessionLabel}提案汇编`, groupingLabel: compilationGroupingLabels[groupBy],
      compiledBy: `${orgName}提案委员会`, date: chinaToday(), proposals,
    });
    return reply.header('content-type', docxType).header('content-disposition', attachment(`提案汇编-${q.year ?? year}.docx`)).send(buf);
  });

  app.get('/api/proposals/:id/form', {
    schema: { tags, summary: '提案表（按纸质提案表的栏目：案由、提案人、界别、联系方式、附议人、正文、办理单位、答复类别）', params: idParams, response: { 200: proposalForm, ...errors } },
  }, async (req) => {
    const actor = reader(req);
    const row = await visibleRow(actor, req.params.id);
    const s = await readProposalSettings(ctx, row.tenant_id);
    return loadProposalForm(ctx.db, row, actor, s.replyClasses);
  });

  app.get('/api/proposals/:id/form.docx', {
    schema: { tags, summary: '提案表（Word）', params: idParams, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const row = await visibleRow(actor, req.params.id);
    const s = await readProposalSettings(ctx, row.tenant_id);
    const buf = await buildProposalFormDocx(await loadProposalForm(ctx.db, row, actor, s.replyClasses));
    return reply.header('content-type', docxType).header('content-disposition', attachment(`提案表-${row.number ?? row.id}.docx`)).send(buf);
  });
}

/** The full rows of the picked proposals with their co-signers and units, as the compilation's plain input. */
async function compilationData(ctx: ModuleContext, ids: string[], groupBy: 'unit' | 'type' | 'area', replyClasses: Array<{ code: string; label: string }>): Promise<CompilationProposal[]> {
  const out: CompilationProposal[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [rows, cos, units] = await Promise.all([
      proposalDb(ctx.db).selectFrom('proposals').selectAll().where('id', 'in', chunk).execute() as Promise<ProposalRow[]>,
      proposalDb(ctx.db).selectFrom('proposal_cosigners').select(['proposal_id', 'name', 'kind', 'confirmed_at']).where('proposal_id', 'in', chunk).orderBy('name').execute(),
      proposalDb(ctx.db).selectFrom('proposal_units').select(['proposal_id', 'unit_name', 'role']).where('proposal_id', 'in', chunk).orderBy('created_at').execute(),
    ]);
    const topicIds = [...new Set(rows.map((r) => r.topic_id).filter((x): x is string => !!x))];
    const areas = new Map<string, string>();
    if (groupBy === 'area' && topicIds.length) {
      for (const t of await proposalDb(ctx.db).selectFrom('proposal_topics').select(['id', 'area']).where('id', 'in', topicIds).execute() as Array<{ id: string; area: string }>) areas.set(t.id, t.area);
    }
    for (const r of rows) {
      const released = !!r.replied_at;
      const typeLabel = proposalTypeLabels[r.type as ProposalType] ?? r.type;
      out.push({
        number: r.number ?? null, title: r.title, proposerName: r.proposer_name,
        cosignerNames: cos.filter((c: any) => c.proposal_id === r.id && c.kind !== 'merged' && c.confirmed_at).map((c: any) => c.name as string),
        typeLabel, background: r.background, analysis: r.analysis, suggestions: r.suggestions, leadUnitName: r.lead_unit_name ?? null,
        coUnitNames: units.filter((u: any) => u.proposal_id === r.id && u.role !== 'lead').map((u: any) => u.unit_name as string),
        replyClassLabel: released && r.released_class ? (replyClasses.find((c) => c.code === r.released_class)?.label ?? r.released_class) : null,
        replyText: released ? r.released_text ?? null : null,
        group: groupBy === 'unit' ? r.lead_unit_name ?? '尚未交办' : groupBy === 'type' ? typeLabel : (r.topic_id && areas.get(r.topic_id)) || '其他',
      });
    }
  }
  return out;
}
