/**
 * Commands on 社情民意 reports: submit (一事一报), edit with a kept revision, lifecycle actions (录用/留存/退回/核稿…),
 * sending up to the CPPCC above as a linked copy, and recording adoptions, instructions, forwarding and feedback.
 * Each is one transaction with history and audit; the submitter is told of each step.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can, requirePermission } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import { AppError, forbidden, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { linkAttachments } from '../../attachments/index.ts';
import { eventKindLabels, levelLabels, type EventBody, type Level, type ReportCreateBody, type ReportEditBody } from '../contract.ts';
import { issueDrivenActions, reportActionPermission, reportLifecycle } from '../domain/opinion-lifecycle.ts';
import { canEditReport, canRecordEvent, canSeeReport, canSendUp } from '../domain/opinion-policy.ts';
import { levelOfOrg, pointsFor } from '../domain/scoring.ts';
import { findReport, hostedHere, parentCppcc, tenantInfo, type ReportRow } from './report-repository.ts';
import { readOpinionSettings, type OpinionSettings } from './settings.ts';
import { publishReportText } from './search-index.ts';
import { lineageTenants, opinionEvents, publishListChange } from './list-events.ts';
import { marksOfEvent } from '../domain/lineage-levels.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { opinionDb, type OpinionDb } from './tables.ts';
import { currentWorkYear } from '../../organizations/index.ts';

export const reportSpec = (apply?: WorkflowSpec<ReportRow>['apply']): WorkflowSpec<ReportRow> => ({
  workflow: reportLifecycle as any,
  table: 'opinion_reports',
  entityLabel: '社情民意信息',
  titleOf: (r) => (r.urgent ? `【急】${r.title}` : r.title),
  canSee: (r, a) => canSeeReport(r, a),
  apply,
});

/**
 * A report written outside a transition arrives in the editors' queue (a copy received from below, a report made from
 * a proposal): the work item its state calls for by the lifecycle's rule (the urgent 急报 deadline included), then its
 * history entry with the `opinion.transitioned` event that tells the editors; the audit record is the command's own
 * unless `audit` is given.
 */
export async function receiveReport(w: Work, r: ReportRow, step: { action: string; actor: Actor; note: string; audit?: { action: string; data?: Record<string, unknown> } }) {
  await w.openStateTask(reportSpec(), r);
  await w.record({
    tenantId: r.tenant_id, entityType: 'opinion', entityId: r.id, from: null, to: r.state, action: step.action, actor: step.actor, note: step.note,
    audit: step.audit ?? false,
    event: { title: reportSpec().titleOf(r), version: Number(r.version), audience: { orgIds: [r.tenant_id], roles: ['info_editor'] } },
  });
}

/** Tell the originating report's submitter (wherever the event happened). */
export async function tellSubmitter(ctx: ModuleContext, r: ReportRow, title: string, body: string) {
  const root = r.root_report_id === r.id ? r : await findReport(ctx.db, r.root_report_id);
  if (!root) return;
  await ctx.notifier.notify({ tenantId: root.tenant_id, userIds: [root.submitter_user_id], kind: 'opinion', title, body, link: `/opinions/${root.id}` });
}

export async function createReport(ctx: ModuleContext, actor: Actor, body: ReportCreateBody, ip?: string): Promise<string> {
  requirePermission(actor, 'opinion.submit', '报送社情民意信息');
  const now = clock.iso();
  const id = newId();
  // stamped with the 工作年度 of the day it is submitted, as a proposal of that day is (decision 0041)
  const { year } = await currentWorkYear(ctx.settings, actor.tenantId);
  const row = {
    id, tenant_id: actor.tenantId, year, title: body.title, body: body.body,
    submitted_title: body.title, submitted_body: body.body, urgent: body.urgent ? 1 : 0, topic: body.topic ?? null, topic_id: body.topicId ?? null,
    submitter_user_id: actor.userId, submitter_name: actor.displayName, submitter_org_id: actor.orgId,
    source_report_id: null, source_tenant_id: null, source_tenant_name: null, root_report_id: id, up_copy_id: null, sent_up_at: null, sent_up_to: null,
    issue_id: null, issue_number: null, return_reason: null, returned_at: null, accepted_at: null, verified_at: null, revision_count: 1,
    state: 'submitted', version: 1, created_at: now, updated_at: now, submitted_at: now,
  } as ReportRow;
  // one unit of work: the report with its history, work item (due in one working day for a 急报), audit record and event
  await ctx.uow.run(async (w) => {
    const { state: _s, version: _v, created_at: _c, updated_at: _u, ...values } = row;
    await w.create(reportSpec(), values, actor, ip);
    await opinionDb(w.trx).insertInto('opinion_revisions').values({ id: newId(), report_id: id, tenant_id: row.tenant_id, seq: 1, title: row.title, body: row.body, editor_id: actor.userId, editor_name: actor.displayName, note: '原稿', at: now }).execute();
    await linkAttachments(w.trx, { ids: body.attachmentIds, entityType: 'opinion', entityId: id, actor });
  });
  await publishReportText(ctx, row);
  return id;
}

/** 编辑: a new revision of the title and text; the previous ones stay. */
export async function editReport(ctx: ModuleContext, actor: Actor, id: string, body: ReportEditBody, ip?: string): Promise<void> {
  const r = await findReport(ctx.db, id);
  if (!r || !canSeeReport(r, actor)) throw notFound('社情民意信息');
  if (!canEditReport(r, actor)) throw forbidden('修改这条信息');
  if (body.title === undefined && body.body === undefined) throw invalid('body', '「正文」', '没有修改内容');
  const now = clock.iso();
  // one unit of work: the new revision under the version read, its history entry, audit record and `opinion.edited` event
  await ctx.uow.run(async (w) => {
    const seq = Number(r.revision_count) + 1;
    const next = { title: body.title ?? r.title, body: body.body ?? r.body };
    await w.bumpVersion('opinion_reports', id, body.version, { ...next, revision_count: seq, updated_at: now }, '社情民意信息');
    await opinionDb(w.trx).insertInto('opinion_revisions').values({ id: newId(), report_id: id, tenant_id: r.tenant_id, seq, ...next, editor_id: actor.userId, editor_name: actor.displayName, note: body.note ?? null, at: now }).execute();
    await w.record({
      tenantId: r.tenant_id, entityType: 'opinion', entityId: id, to: r.state, action: 'edit', actor, note: body.note ?? null, ip,
      audit: { action: 'opinion.edit', data: { revision: seq } },
      event: { type: opinionEvents.edited, payload: { version: body.version + 1 } },
    });
  });
  await publishReportText(ctx, { ...r, title: body.title ?? r.title, body: body.body ?? r.body });
}

const tellOn: Record<string, (r: ReportRow, reason?: string) => [string, string]> = {
  accept: (r) => ['信息已录用', `您报送的「${r.title}」已被录用。`],
  retain: (r) => ['信息已留存', `您报送的「${r.title}」已留存备用，感谢您的反映。`],
  return: (r, reason) => ['信息被退回', `您报送的「${r.title}」被退回：${reason ?? ''}`],
  verify: (r) => ['信息已核稿', `您报送的「${r.title}」已完成核稿，等待编入期刊。`],
};

export async function fireReport(ctx: ModuleContext, req: { id: string; action: string; version: number; input: { reason?: string }; actor: Actor; ip?: string }): Promise<ReportRow> {
  const row = await findReport(ctx.db, req.id);
  if (!row || !canSeeReport(row, req.actor)) throw notFound('社情民意信息');
  if (issueDrivenActions.has(req.action)) throw new AppError('INVALID_TRANSITION', '编入期刊和刊发由期刊操作完成');
  const perm = reportActionPermission[req.action];
  if (perm && !can(req.actor, perm)) throw forbidden(`「${reportLifecycle.transitions.find((t) => t.name === req.action)?.label ?? req.action}」`);
  const spec = reportSpec(async ({ transition, input, now }) => {
    switch (transition.name) {
      case 'accept': return { accepted_at: now };
      case 'return': return { return_reason: input.reason, returned_at: now };
      case 'resubmit': return { return_reason: null };
      case 'verify': return { verified_at: now };
      default: return {};
    }
  });
  const res = await ctx.workflows.fire(spec, { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  const tell = tellOn[req.action];
  if (tell) { const [t, b] = tell(res.record, req.input.reason); await tellSubmitter(ctx, res.record, t, b); }
  return res.record;
}

/**
 * 向上报送: a copy goes to the CPPCC above with its lineage. When that CPPCC works in this deployment the copy lands in
 * its editors' queue; otherwise the report is marked sent and travels in the exchange file.
 */
export async function sendUp(ctx: ModuleContext, actor: Actor, id: string, version: number, ip?: string): Promise<ReportRow> {
  const r = await findReport(ctx.db, id);
  if (!r || !canSeeReport(r, actor)) throw notFound('社情民意信息');
  if (!canSendUp(r, actor)) throw new AppError('INVALID_TRANSITION', r.sent_up_at ? '这条信息已向上级报送' : '录用后才能向上级报送');
  const parent = await parentCppcc(ctx.db, r.tenant_id);
  if (!parent) throw new AppError('BAD_REQUEST', '本级政协没有上级政协');
  const local = await hostedHere(ctx.db, parent.id);
  const here = await tenantInfo(ctx.db, r.tenant_id);
  const now = clock.iso();
  const copyId = local ? newId() : null;
  // the copy above is stamped with the upper CPPCC's 工作年度 of the day it arrives
  const upYear = local ? (await currentWorkYear(ctx.settings, parent.id)).year : 0;
  // one unit of work: the report marked sent under the version read, its history entry, audit record and event, and the
  // copy in the editors' queue above (its work item, urgent for a 急报, history and event)
  await ctx.uow.run(async (w) => {
    const trx = opinionDb(w.trx);
    await w.bumpVersion('opinion_reports', id, version, { sent_up_at: now, sent_up_to: parent.name, up_copy_id: copyId, updated_at: now }, '社情民意信息');
    await w.record({
      tenantId: r.tenant_id, entityType: 'opinion', entityId: id, to: r.state, action: 'send_up', actor, note: `报送${parent.name}`, ip,
      audit: { action: 'opinion.send_up', data: { to: parent.id, copyId } },
      event: { type: opinionEvents.sentUp, payload: { to: parent.id, copyId } },
    });
    if (copyId) {
      const copy = {
        ...r, id: copyId, tenant_id: parent.id, year: upYear, submitted_title: r.title, submitted_body: r.body,
        submitter_org_id: r.tenant_id, topic_id: null, source_report_id: r.id, source_tenant_id: r.tenant_id, source_tenant_name: here?.name ?? null,
        root_report_id: r.root_report_id, up_copy_id: null, sent_up_at: null, sent_up_to: null, issue_id: null, issue_number: null,
        return_reason: null, returned_at: null, accepted_at: null, verified_at: null, revision_count: 1,
        state: 'submitted', version: 1, created_at: now, updated_at: now, submitted_at: now,
      } as ReportRow;
      await trx.insertInto('opinion_reports').values(copy).execute();
      await trx.insertInto('opinion_revisions').values({ id: newId(), report_id: copyId, tenant_id: parent.id, seq: 1, title: copy.title, body: copy.body, editor_id: actor.userId, editor_name: actor.displayName, note: `${here?.name ?? ''}报送`, at: now }).execute();
      await receiveReport(w, copy, { action: 'received', actor, note: `${here?.name ?? ''}报送` });
    }
  });
  if (copyId) {
    await publishReportText(ctx, { ...r, id: copyId, tenant_id: parent.id, source_report_id: r.id, state: 'submitted', submitted_at: now });
  }
  await tellSubmitter(ctx, r, '信息已向上级报送', `您报送的「${r.title}」已报送${parent.name}。`);
  return (await findReport(ctx.db, id))!;
}

/**
 * 采用 / 批示 / 转送 / 反馈 recorded at this level, credited to the originating submitter with the points it earns. Inside
 * a caller's transaction (`opts.trx`) the caller publishes the list change after its commit.
 */
export async function recordEvent(ctx: ModuleContext, actor: Actor, r: ReportRow, body: EventBody, opts: { externalId?: string; tenantName?: string; trx?: OpinionDb; settings?: OpinionSettings; ip?: string } = {}): Promise<string> {
  if (!opts.externalId && !canRecordEvent(r, actor)) throw forbidden('登记这条信息的采用、批示与反馈');
  if (body.kind === 'adoption' && !body.adoptionType) throw invalid('adoptionType', '「采用方式」', '不能为空');
  if (body.kind === 'instruction' && !body.leaderLevel) throw invalid('leaderLevel', '「批示领导层级」', '不能为空');
  if (body.kind === 'instruction' && !body.text) throw invalid('text', '「批示内容」', '不能为空');
  if ((body.kind === 'forwarded' || body.kind === 'feedback') && !body.department) throw invalid('department', '「部门」', '不能为空');
  const here = await tenantInfo(opts.trx ?? ctx.db, r.tenant_id);
  const level: Level = body.level ?? levelOfOrg(here?.level);
  const root = r.root_report_id === r.id ? r : await findReport(opts.trx ?? ctx.db, r.root_report_id);
  // inside a caller's transaction the settings come with the call: on SQLite another connection would wait for it
  const settings = opts.settings ?? await readOpinionSettings(ctx, root?.tenant_id ?? r.tenant_id);
  const points = pointsFor(settings.points, { kind: body.kind, level, adoptionType: body.adoptionType ?? null, leaderLevel: body.leaderLevel ?? null });
  const id = newId();
  const now = clock.iso();
  const at = body.at && !Number.isNaN(Date.parse(body.at)) ? new Date(body.at).toISOString() : now;
  const write = async (trx: OpinionDb) => {
    await trx.insertInto('opinion_events').values({
      id, tenant_id: r.tenant_id, tenant_name: opts.tenantName ?? here?.name ?? '', report_id: r.id, root_report_id: r.root_report_id,
      submitter_user_id: root?.submitter_user_id ?? r.submitter_user_id, submitter_name: root?.submitter_name ?? r.submitter_name,
      kind: body.kind, level, adoption_type: body.kind === 'adoption' ? body.adoptionType : null, leader_level: body.kind === 'instruction' ? body.leaderLevel : null,
      text: body.text ?? null, department: body.department ?? null, points, recorded_by: actor.displayName, external_id: opts.externalId ?? null, at,
    }).execute();
    // 采用层级 / 批示层级 on every report of the lineage, in the same transaction as the event
    const marks = marksOfEvent({ kind: body.kind, level, leader_level: body.leaderLevel ?? null });
    if (marks.adoption || marks.instruction) {
      await trx.updateTable('opinion_reports').set({
        adoption_levels: sql`adoption_levels | ${sql.lit(marks.adoption)}`, instruction_levels: sql`instruction_levels | ${sql.lit(marks.instruction)}`,
      }).where('root_report_id', '=', r.root_report_id).execute();
    }
    await appendAudit(trx, ctx.dialect, { tenantId: r.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: `opinion.event.${body.kind}`, entityType: 'opinion', entityId: r.id, data: { eventId: id, level, points }, ip: opts.ip });
  };
  if (opts.trx) await write(opts.trx);
  else {
    await opinionDb(ctx.db).transaction().execute(write);
    // the lists of every CPPCC holding a report of the lineage show the event (采用 / 批示 filters)
    await publishListChange(ctx, { type: opinionEvents.eventRecorded, tenantIds: await lineageTenants(ctx.db, [r.root_report_id]), entityId: r.id, actorId: actor.userId, payload: { eventId: id, kind: body.kind, level } });
  }
  const what = body.kind === 'adoption' ? `${levelLabels[level]}${body.adoptionType === 'composite' ? '综合' : '单篇'}采用` : body.kind === 'instruction' ? `${levelLabels[body.leaderLevel!]}领导批示` : eventKindLabels[body.kind];
  if (!opts.trx) await tellSubmitter(ctx, r, `信息${what}`, `您报送的「${r.title}」：${what}${body.text ? `——${body.text}` : ''}${body.department ? `（${body.department}）` : ''}`);
  return id;
}
