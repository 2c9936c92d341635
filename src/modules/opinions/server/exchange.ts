/**
 * Exchange between two deployments (e.g. a county's and the city's, or the city's and the province's): an export file
 * carries reports up and the events recorded on their copies back down; importing it creates the linked copies in the
 * importer's queue, or records the events on the originating reports. Importing the same file twice adds nothing.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { requirePermission } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError, invalid } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { ExchangeFile } from '../contract.ts';
import { canSendUp } from '../domain/opinion-policy.ts';
import { receiveReport, recordEvent, tellSubmitter } from './report-commands.ts';
import { findReport, parentCppcc, tenantInfo, type ReportRow } from './report-repository.ts';
import { readOpinionSettings } from './settings.ts';
import { publishReportText } from './search-index.ts';
import { lineageTenants, opinionEvents, publishListChange } from './list-events.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { opinionDb } from './tables.ts';
import { currentWorkYear } from '../../organizations/index.ts';

export async function exportExchange(ctx: ModuleContext, actor: Actor, req: { reportIds: string[]; eventsForTenantId?: string }): Promise<ExchangeFile> {
  requirePermission(actor, 'opinion.edit', '导出报送文件');
  const here = await tenantInfo(ctx.db, actor.tenantId);
  const parent = await parentCppcc(ctx.db, actor.tenantId);
  const now = clock.iso();
  const reports: ExchangeFile['reports'] = [];
  const marked: ReportRow[] = [];
  for (const id of [...new Set(req.reportIds)]) {
    const r = await findReport(ctx.db, id);
    if (!r || r.tenant_id !== actor.tenantId) throw invalid('reportIds', '「报送的信息」', `${id} 不存在`);
    if (!r.sent_up_at && !canSendUp(r, actor)) throw invalid('reportIds', '「报送的信息」', `「${r.title}」录用后才能报送`);
    if (!r.sent_up_at) marked.push(r);
    reports.push({ id: r.id, title: r.title, body: r.body, urgent: Number(r.urgent) === 1, submitterUserId: r.submitter_user_id, submitterName: r.submitter_name, submittedAt: r.submitted_at });
  }
  const events: ExchangeFile['events'] = [];
  if (req.eventsForTenantId) {
    const rows = await opinionDb(ctx.db).selectFrom('opinion_events').innerJoin('opinion_reports', 'opinion_reports.id', 'opinion_events.report_id')
      .select(['opinion_events.id', 'opinion_events.kind', 'opinion_events.level', 'opinion_events.adoption_type', 'opinion_events.leader_level', 'opinion_events.text',
        'opinion_events.department', 'opinion_events.at', 'opinion_events.tenant_name', 'opinion_reports.source_report_id'])
      .where('opinion_events.tenant_id', '=', actor.tenantId).where('opinion_reports.source_tenant_id', '=', req.eventsForTenantId)
      .where('opinion_events.external_id', 'is', null).orderBy('opinion_events.at').execute();
    for (const e of rows as any[]) {
      events.push({ id: e.id, reportId: e.source_report_id, kind: e.kind, level: e.level, adoptionType: e.adoption_type ?? null, leaderLevel: e.leader_level ?? null, text: e.text ?? null, department: e.department ?? null, at: e.at, tenantName: e.tenant_name });
    }
  }
  await ctx.uow.run(async (w) => {
    const trx = opinionDb(w.trx);
    for (const r of marked) {
      // guarded by the version read for the file: an edit made meanwhile is not overwritten, the export is refused
      const res = await trx.updateTable('opinion_reports').set({ sent_up_at: now, sent_up_to: parent?.name ?? '上级政协', version: Number(r.version) + 1, updated_at: now })
        .where('id', '=', r.id).where('version', '=', Number(r.version)).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT', `「${r.title}」在生成报送文件时被他人修改，请重新导出`);
      // one audit record and one list event for the whole file (below and after commit)
      await w.record({ tenantId: r.tenant_id, entityType: 'opinion', entityId: r.id, to: r.state, action: 'send_up', actor, note: `以报送文件报送${parent?.name ?? '上级政协'}`, audit: false, event: false });
    }
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'opinion.export', entityType: 'opinion', entityId: null, data: { reports: reports.length, events: events.length } });
  });
  if (marked.length) await publishListChange(ctx, { type: opinionEvents.exported, tenantIds: [actor.tenantId], actorId: actor.userId, payload: { reports: marked.length } });
  return { format: 'zhengxie.opinions.v1', from: { tenantId: actor.tenantId, code: here?.code ?? null, name: here?.name ?? '' }, exportedAt: now, reports, events };
}

export async function importExchange(ctx: ModuleContext, actor: Actor, file: ExchangeFile): Promise<{ reports: number; events: number; skipped: number }> {
  requirePermission(actor, 'opinion.edit', '导入报送文件');
  if (file.from.tenantId === actor.tenantId) throw invalid('from', '「来源政协」', '不能是本级');
  const now = clock.iso();
  const { year } = await currentWorkYear(ctx.settings, actor.tenantId);
  let reports = 0, events = 0, skipped = 0;
  const settings = await readOpinionSettings(ctx, actor.tenantId);
  const told: ReportRow[] = [];
  const received: ReportRow[] = [];
  await ctx.uow.run(async (w) => {
    const trx = opinionDb(w.trx);
    for (const x of file.reports) {
      const dup = await trx.selectFrom('opinion_reports').select('id').where('tenant_id', '=', actor.tenantId).where('source_report_id', '=', x.id).executeTakeFirst();
      if (dup) { skipped++; continue; }
      const id = newId();
      const copy = {
        id, tenant_id: actor.tenantId, year, title: x.title, body: x.body, submitted_title: x.title, submitted_body: x.body,
        urgent: x.urgent ? 1 : 0, topic: null, submitter_user_id: x.submitterUserId, submitter_name: x.submitterName, submitter_org_id: null,
        source_report_id: x.id, source_tenant_id: file.from.tenantId, source_tenant_name: file.from.name, root_report_id: id, up_copy_id: null,
        sent_up_at: null, sent_up_to: null, issue_id: null, issue_number: null, return_reason: null, returned_at: null, accepted_at: null, verified_at: null,
        revision_count: 1, state: 'submitted', version: 1, created_at: now, updated_at: now, submitted_at: now,
      } as ReportRow;
      await trx.insertInto('opinion_reports').values(copy).execute();
      await trx.insertInto('opinion_revisions').values({ id: newId(), report_id: id, tenant_id: actor.tenantId, seq: 1, title: x.title, body: x.body, editor_id: actor.userId, editor_name: actor.displayName, note: `${file.from.name}报送`, at: now }).execute();
      await receiveReport(w, copy, { action: 'received', actor, note: `${file.from.name}报送（导入）` });
      received.push(copy);
      reports++;
    }
    for (const e of file.events) {
      const r = await findReport(trx, e.reportId);
      const dup = await trx.selectFrom('opinion_events').select('id').where('tenant_id', '=', actor.tenantId).where('external_id', '=', e.id).executeTakeFirst();
      if (!r || r.tenant_id !== actor.tenantId || !r.sent_up_at || dup) { skipped++; continue; }
      await recordEvent(ctx, actor, r, {
        kind: e.kind, level: e.level, adoptionType: e.adoptionType ?? undefined, leaderLevel: e.leaderLevel ?? undefined,
        text: e.text ?? undefined, department: e.department ?? undefined, at: e.at,
      }, { externalId: e.id, tenantName: e.tenantName, trx, settings });
      if (!told.some((x) => x.id === r.id)) told.push(r);
      events++;
    }
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'opinion.import', entityType: 'opinion', entityId: null, data: { from: file.from.name, reports, events, skipped } });
  });
  if (reports || events) {
    // the copies land in this CPPCC's queue; feedback shows on every CPPCC's copy of the lineage
    const tenantIds = [actor.tenantId, ...await lineageTenants(ctx.db, told.map((r) => r.root_report_id))];
    await publishListChange(ctx, { type: opinionEvents.imported, tenantIds, actorId: actor.userId, payload: { reports, events } });
  }
  for (const r of received) await publishReportText(ctx, r);
  for (const r of told) await tellSubmitter(ctx, r, '信息有新的反馈', `您报送的「${r.title}」在${file.from.name}有新的采用、批示或反馈。`);
  return { reports, events, skipped };
}
