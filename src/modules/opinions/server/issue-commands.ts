/**
 * Issues (期): compile a numbered issue 第X期 of single (单篇) and composite (综合) pieces from verified reports, keeping
 * every source report and submitter credited; send it for sign-off (签发) and distribute it to the configured recipients.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { can, requirePermission } from '../../../kernel/server/actor.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { EventBody, IssueCreateBody } from '../contract.ts';
import { formatIssueNumber, issueActionPermission, issueLifecycle, type IssueRecord } from '../domain/opinion-lifecycle.ts';
import { recordEvent, reportSpec, tellSubmitter } from './report-commands.ts';
import { findIssue, findReport, nextIssueSeq, piecesOf, type ReportRow } from './report-repository.ts';
import { readOpinionSettings } from './settings.ts';
import { opinionEvents, publishListChange } from './list-events.ts';
import { opinionDb } from './tables.ts';

const issueSpec = (apply?: WorkflowSpec<any>['apply']): WorkflowSpec<any> => ({
  workflow: issueLifecycle as any,
  table: 'opinion_issues',
  entityLabel: '社情民意期刊',
  titleOf: (r: IssueRecord) => `《社情民意》${r.number}`,
  canSee: (r: IssueRecord, a: Actor) => r.tenant_id === a.tenantId && (can(a, 'opinion.read_all') || can(a, 'opinion.edit')),
  apply,
});

export async function compileIssue(ctx: ModuleContext, actor: Actor, body: IssueCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, 'opinion.edit', '编辑期刊');
  const all = body.pieces.flatMap((p) => p.reportIds);
  if (new Set(all).size !== all.length) throw invalid('pieces', '「篇目」', '同一条信息只能编入一个篇目');
  const year = Number(ctx.calendar.today().slice(0, 4));
  const id = newId();
  try {
    // one unit of work: the issue with its history, work item, audit record and event, and every source report
    // compiled into it by its own transition (version-checked, with its history, work item and event)
    await ctx.uow.run(async (w) => {
      const trx = opinionDb(w.trx);
      const reports = new Map<string, ReportRow>();
      for (const rid of all) {
        const r = await findReport(trx, rid);
        if (!r || r.tenant_id !== actor.tenantId) throw invalid('pieces', '「来源信息」', `${rid} 不存在`);
        if (r.state !== 'verified') throw invalid('pieces', '「来源信息」', `「${r.title}」尚未核稿或已编入期刊`);
        reports.set(rid, r);
      }
      const seq = await nextIssueSeq(trx, actor.tenantId, year);
      const number = formatIssueNumber(seq);
      await w.create(issueSpec(), {
        id, tenant_id: actor.tenantId, year, number_seq: seq, number, title: body.title ?? '社情民意', piece_count: body.pieces.length,
        recipients: null, signed_by: null, signed_at: null, distributed_at: null,
      }, actor, ip);
      const compileInto = reportSpec(async () => ({ issue_id: id, issue_number: number }));
      for (const [i, p] of body.pieces.entries()) {
        if (p.kind === 'single' && p.reportIds.length !== 1) throw invalid(`pieces.${i}.reportIds`, '「单篇」', '只能有一条来源信息');
        if (p.kind === 'composite' && p.reportIds.length < 2) throw invalid(`pieces.${i}.reportIds`, '「综合」', '至少需要两条来源信息');
        const src = p.reportIds.map((x) => reports.get(x)!);
        const pieceId = newId();
        const title = p.title ?? (p.kind === 'single' ? src[0].title : `${src[0].title}等${src.length}条信息综合`);
        const text = p.body ?? src.map((s) => s.body).join('\n\n');
        await trx.insertInto('opinion_pieces').values({ id: pieceId, issue_id: id, tenant_id: actor.tenantId, seq: i + 1, kind: p.kind, title, body: text }).execute();
        await trx.insertInto('opinion_piece_sources').values(src.map((s) => ({ piece_id: pieceId, report_id: s.id, tenant_id: actor.tenantId, issue_id: id }))).execute();
        for (const s of src) {
          await w.fire(compileInto, { id: s.id, action: 'compile', expectedVersion: Number(s.version), actor, note: `编入${number}`, ip });
        }
      }
      await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'opinion_issue.compile', entityType: 'opinion_issue', entityId: id, data: { number, pieces: body.pieces.length, reports: all.length }, ip });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '期号已被同时占用，请重试');
    throw e;
  }
  await publishListChange(ctx, { type: opinionEvents.compiled, tenantIds: [actor.tenantId], entityType: 'opinion_issue', entityId: id, actorId: actor.userId, payload: { reports: all.length } });
  return id;
}

export async function fireIssue(ctx: ModuleContext, req: { id: string; action: string; version: number; input: { reason?: string; recipients?: string[] }; actor: Actor; ip?: string }) {
  const issue = await findIssue(ctx.db, req.id);
  if (!issue || issue.tenant_id !== req.actor.tenantId) throw notFound('社情民意期刊');
  const perm = issueActionPermission[req.action];
  if (perm && !can(req.actor, perm)) throw forbidden(`「${issueLifecycle.transitions.find((t) => t.name === req.action)?.label ?? req.action}」`);
  const settings = await readOpinionSettings(ctx, issue.tenant_id);
  let recipients: string[] = [];
  if (req.action === 'distribute') {
    recipients = req.input.recipients?.length ? req.input.recipients : settings.recipients.map((r) => r.code);
    const bad = recipients.find((c) => !settings.recipients.some((r) => r.code === c));
    if (bad) throw invalid('recipients', '「分发对象」', `没有「${bad}」`);
  }
  const reportsToTell: ReportRow[] = [];
  // the distribution fires each compiled report's own 刊发报送 in the issue's unit of work
  let current: Work | undefined;
  const spec = issueSpec(async ({ trx, transition, record, actor, now }) => {
    if (transition.name === 'sign') return { signed_by: actor.displayName, signed_at: now };
    if (transition.name !== 'distribute') return {};
    const rows = (await opinionDb(trx).selectFrom('opinion_reports').selectAll().where('issue_id', '=', record.id).where('state', '=', 'compiled').execute()) as ReportRow[];
    for (const r of rows) {
      await current!.fire(reportSpec(), { id: r.id, action: 'report', expectedVersion: Number(r.version), actor, note: `${record.number}分发`, ip: req.ip });
      reportsToTell.push(r);
    }
    return { recipients: JSON.stringify(recipients), distributed_at: now };
  });
  const res = await ctx.uow.run((w) => { current = w; return w.fire(spec, { id: req.id, action: req.action, expectedVersion: req.version, input: req.input as Record<string, unknown>, actor: req.actor, ip: req.ip }); });
  const names = recipients.map((c) => settings.recipients.find((r) => r.code === c)?.label ?? c).join('、');
  for (const r of reportsToTell) await tellSubmitter(ctx, r, '信息已刊发报送', `您报送的「${r.title}」已编入《社情民意》${issue.number}，报送${names}。`);
  return res.record;
}

/** An adoption or instruction of a piece: recorded on every source report, so each submitter is credited. */
export async function recordPieceEvent(ctx: ModuleContext, actor: Actor, issueId: string, pieceId: string, body: EventBody, ip?: string): Promise<number> {
  const issue = await findIssue(ctx.db, issueId);
  if (!issue || issue.tenant_id !== actor.tenantId) throw notFound('社情民意期刊');
  const piece = (await piecesOf(ctx.db, issueId)).find((p: any) => p.id === pieceId);
  if (!piece) throw notFound('篇目');
  const input = { ...body, adoptionType: body.kind === 'adoption' ? (body.adoptionType ?? piece.kind) : body.adoptionType };
  for (const s of piece.sources) {
    const r = await findReport(ctx.db, s.report_id);
    if (r) await recordEvent(ctx, actor, r, input, { ip });
  }
  return piece.sources.length;
}
