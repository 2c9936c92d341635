/**
 * Issues (期): compile a numbered issue 第X期 of single (单篇) and composite (综合) pieces from verified reports, keeping
 * every source report and submitter credited; send it for sign-off (签发) and distribute it to the configured recipients.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { can, requirePermission } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { EventBody, IssueCreateBody } from '../contract.ts';
import { formatIssueNumber, issueActionPermission, issueLifecycle, type IssueRecord } from '../domain/opinion-lifecycle.ts';
import { history, recordEvent, tellSubmitter } from './report-commands.ts';
import { findIssue, findReport, nextIssueSeq, piecesOf, type ReportRow } from './report-repository.ts';
import { readOpinionSettings } from './settings.ts';
import { opinionEvents, publishListChange } from './list-events.ts';
import { clock } from '../../../kernel/universal/clock.ts';

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
  const now = clock.iso();
  const year = Number(ctx.calendar.today().slice(0, 4));
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const reports = new Map<string, ReportRow>();
      for (const rid of all) {
        const r = await findReport(trx, rid);
        if (!r || r.tenant_id !== actor.tenantId) throw invalid('pieces', '「来源信息」', `${rid} 不存在`);
        if (r.state !== 'verified') throw invalid('pieces', '「来源信息」', `「${r.title}」尚未核稿或已编入期刊`);
        reports.set(rid, r);
      }
      const seq = await nextIssueSeq(trx, actor.tenantId, year);
      const number = formatIssueNumber(seq);
      await trx.insertInto('opinion_issues').values({
        id, tenant_id: actor.tenantId, year, number_seq: seq, number, title: body.title ?? '社情民意', piece_count: body.pieces.length,
        recipients: null, signed_by: null, signed_at: null, distributed_at: null, state: 'editing', version: 1, created_at: now, updated_at: now,
      }).execute();
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
          const res = await trx.updateTable('opinion_reports').set({ state: 'compiled', issue_id: id, issue_number: number, version: Number(s.version) + 1, updated_at: now })
            .where('id', '=', s.id).where('version', '=', s.version).executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT', `「${s.title}」已被他人修改，请刷新后重试`);
          await history(trx, s, 'verified', 'compiled', 'compile', actor, `编入${number}`, now);
          await trx.updateTable('tasks').set({ status: 'done', closed_at: now }).where('entity_type', '=', 'opinion').where('entity_id', '=', s.id).where('status', '=', 'open').execute();
        }
      }
      await trx.insertInto('workflow_history').values({
        id: newId(), tenant_id: actor.tenantId, entity_type: 'opinion_issue', entity_id: id, from_state: null, to_state: 'editing',
        action: 'create', actor_id: actor.userId, actor_name: actor.displayName, actor_org_id: actor.orgId, note: number, data: null, at: now,
      }).execute();
      const task = issueLifecycle.states.editing.task!;
      await trx.insertInto('tasks').values({
        id: newId(), tenant_id: actor.tenantId, entity_type: 'opinion_issue', entity_id: id, state: 'editing', title: `《社情民意》${number}`, label: task.label,
        assignee_user_id: null, assignee_org_id: actor.tenantId, assignee_role: task.role, due_date: ctx.calendar.addWorkingDays(ctx.calendar.today(), task.dueInWorkingDays ?? 2),
        status: 'open', created_at: now, closed_at: null,
      }).execute();
      await appendAudit(trx, ctx.dialect, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'opinion_issue.create', entityType: 'opinion_issue', entityId: id, data: { number, pieces: body.pieces.length, reports: all.length }, ip });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '期号已被同时占用，请重试');
    throw e;
  }
  // the sources' work items closed and the issue's opened outside the workflow runner: the worklists change too
  await ctx.events.publish({ type: 'tasks.changed', tenantId: actor.tenantId, entityType: 'opinion_issue', entityId: id, payload: {} });
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
  const spec = issueSpec(async ({ trx, transition, record, actor, now }) => {
    if (transition.name === 'sign') return { signed_by: actor.displayName, signed_at: now };
    if (transition.name !== 'distribute') return {};
    const rows = (await trx.selectFrom('opinion_reports').selectAll().where('issue_id', '=', record.id).where('state', '=', 'compiled').execute()) as ReportRow[];
    for (const r of rows) {
      await trx.updateTable('opinion_reports').set({ state: 'reported', version: Number(r.version) + 1, updated_at: now }).where('id', '=', r.id).execute();
      await history(trx, r, 'compiled', 'reported', 'report', actor, `${record.number}分发`, now);
      reportsToTell.push(r);
    }
    return { recipients: JSON.stringify(recipients), distributed_at: now };
  });
  const res = await ctx.workflows.fire(spec, { id: req.id, action: req.action, expectedVersion: req.version, input: req.input as Record<string, unknown>, actor: req.actor, ip: req.ip });
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
