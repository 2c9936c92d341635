/**
 * Documents of the 社情民意 module: an issue (期) as a Word document in official form, and the year-end ranking (年度通报)
 * as JSON, Word and Excel. An issue's document is for editors and leaders, and for the users of the organisations it was
 * distributed to; the ranking is for editors and leaders.
 */
import { z } from 'zod';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { forbidden, notFound } from '../../../kernel/universal/errors.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { getOrg, membersAmong, orgNames } from '../../organizations/index.ts';
import { idParams, opinionRanking, rankingQuery } from '../contract.ts';
import { canUseOpinions } from '../domain/opinion-policy.ts';
import { unitKinds } from '../domain/ranking.ts';
import { buildIssueDocx, type IssueDocxInput } from './issue-docx.ts';
import { rankingDocx, rankingOf, rankingWorkbook } from './ranking.ts';
import { findIssue, piecesOf } from './report-repository.ts';
import { readOpinionSettings, type Recipient } from './settings.ts';
import { firstHistoryStep } from '../../../kernel/server/work-items.ts';
import type { OpinionDb } from './tables.ts';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const chinaDay = (iso: string) => chinaToday(new Date(iso));

/** Whether the actor may have the issue's document: editors and leaders of its CPPCC, or a recipient once distributed. */
export async function mayHaveIssue(db: OpinionDb, actor: Actor, issue: Record<string, any>, recipients: Recipient[]): Promise<boolean> {
  if (issue.tenant_id !== actor.tenantId) return false;
  if (can(actor, 'opinion.edit') || can(actor, 'opinion.sign') || can(actor, 'opinion.read_all')) return true;
  if (issue.state !== 'distributed') return false;
  const chosen: string[] = issue.recipients ? JSON.parse(issue.recipients) : [];
  const org = await getOrg(db, actor.orgId);
  return chosen.some((code) => {
    const r = recipients.find((x) => x.code === code);
    return !!r && (!!r.orgIds?.includes(actor.orgId) || (!!org && !!r.orgKinds?.includes(org.kind)));
  });
}

/** The plain data of an issue's Word document. */
export async function issueDocxInputOf(db: OpinionDb, issue: Record<string, any>, recipients: Recipient[]): Promise<IssueDocxInput> {
  const [tenant, pieces, created] = await Promise.all([
    getOrg(db, issue.tenant_id),
    piecesOf(db, issue.id),
    firstHistoryStep(db, 'opinion_issue', issue.id, 'create'),
  ]);
  // 编发单位: the office that compiled it (研究中心), under the CPPCC's name
  const office = created?.actor_org_id && created.actor_org_id !== issue.tenant_id ? await getOrg(db, String(created.actor_org_id)) : undefined;
  const tenantName = tenant?.name ?? '';
  const editorUnit = office?.kind === 'office' ? `${tenantName}${office.name}` : tenantName;
  const sourceIds = pieces.flatMap((p: any) => p.sources.map((s: any) => s.report_id as string));
  const reports = sourceIds.length
    ? await db.selectFrom('opinion_reports').select(['id', 'submitter_user_id', 'submitter_org_id', 'source_report_id', 'source_tenant_name']).where('id', 'in', sourceIds).execute()
    : [];
  const byId = new Map((reports as any[]).map((r) => [r.id as string, r]));
  const submitterIds = [...new Set((reports as any[]).map((r) => r.submitter_user_id as string))];
  const [orgs, members] = await Promise.all([
    orgNames(db, [...new Set((reports as any[]).map((r) => r.submitter_org_id).filter((x): x is string => !!x && x !== issue.tenant_id))]),
    membersAmong(db, issue.tenant_id, submitterIds),
  ]);
  const chosen: string[] = issue.recipients ? JSON.parse(issue.recipients) : recipients.map((r) => r.code);
  const line = (k: 'report' | 'send' | 'issue') => chosen.map((c) => recipients.find((r) => r.code === c) ?? { code: c, label: c } as Recipient)
    .filter((r) => (r.line ?? 'send') === k).map((r) => r.label);
  return {
    title: issue.title || '社情民意', year: Number(issue.year), number: issue.number, editorUnit,
    date: chinaDay(issue.signed_at ?? issue.created_at), signedBy: issue.signed_by ?? null,
    pieces: pieces.map((p: any) => ({
      seq: Number(p.seq), kind: p.kind, title: p.title, body: p.body,
      sources: p.sources.map((s: any) => {
        const r = byId.get(s.report_id);
        const org = r?.submitter_org_id ? orgs.get(r.submitter_org_id) : undefined;
        const unitName = r?.source_report_id ? (r.source_tenant_name ?? null) : org && unitKinds.has(org.kind) ? org.name : null;
        return { submitterName: s.submitter_name, unitName, member: members.has(s.submitter_user_id) };
      }),
    })),
    distribution: { report: line('report'), send: line('send'), issue: line('issue') },
  };
}

export function documentRoutes(app: App, ctx: ModuleContext) {
  const tags = ['opinions'];
  const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
  const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
  const reader = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!canUseOpinions(actor) || !can(actor, 'opinion.read_all')) throw forbidden('查看社情民意年度通报');
    return actor;
  };

  app.get('/api/opinions/issues/:id/issue.docx', {
    schema: {
      tags, summary: '期刊 Word 版（《政协社情民意》红头、第X期、编发单位与日期，各篇标题、正文与报送人，报/送/发，页码；仿宋正文、小标宋标题）',
      description: '编辑、领导可下载；期刊分发后，分发对象单位的用户也可下载。', params: idParams,
      produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const issue = await findIssue(ctx.db, req.params.id);
    const s = issue ? await readOpinionSettings(ctx, issue.tenant_id) : undefined;
    if (!issue || !s || !(await mayHaveIssue(ctx.db, actor, issue, s.recipients))) throw notFound('社情民意期刊');
    const buf = await buildIssueDocx(await issueDocxInputOf(ctx.db, issue, s.recipients));
    return reply.header('content-type', docxType).header('content-disposition', attachment('issue.docx', `社情民意${issue.year}年${issue.number}.docx`)).send(buf);
  });

  app.get('/api/opinions/ranking', {
    schema: {
      tags, summary: '社情民意年度通报：报送人（委员、特邀信息员）、报送单位（党派、团体、专委会、承办单位、县区政协）和专门委员会按积分排名，及报送、录用、采用、批示数',
      querystring: rankingQuery, response: { 200: opinionRanking, ...errors },
    },
  }, async (req) => rankingOf(ctx.db, reader(req).tenantId, req.query.year));

  app.get('/api/opinions/ranking.docx', {
    schema: { tags, summary: '年度通报 Word 版（关于YYYY年度社情民意信息工作情况的通报：全年情况和前N名表格）', querystring: rankingQuery, produces: [docxType], response: { 200: z.any().describe('Word 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const r = await rankingOf(ctx.db, actor.tenantId, req.query.year);
    const buf = await rankingDocx(r, { top: req.query.top, issuer: r.tenantName ? `${r.tenantName}办公室` : '办公室' });
    return reply.header('content-type', docxType).header('content-disposition', attachment('ranking.docx', `${r.year}年度社情民意信息工作情况通报.docx`)).send(buf);
  });

  app.get('/api/opinions/ranking.xlsx', {
    schema: { tags, summary: '年度通报 Excel 版（概况、报送人、报送单位、专门委员会各一张表）', querystring: rankingQuery, produces: [xlsxType], response: { 200: z.any().describe('Excel 文件'), ...errors } },
  }, async (req, reply) => {
    const actor = reader(req);
    const r = await rankingOf(ctx.db, actor.tenantId, req.query.year);
    return reply.header('content-type', xlsxType).header('content-disposition', attachment('ranking.xlsx', `${r.year}年度社情民意积分排名.xlsx`)).send(await rankingWorkbook(r));
  });
}
