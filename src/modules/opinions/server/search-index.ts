/**
 * 社情民意 in the cross-module search (全文检索): the text of a report goes to the text module after every commit that
 * creates or edits it (`text.index`), and the search asks here which found reports a person may see, by the same rule
 * as the lists (`reportFilter`): an informant only their own, editors and leaders their CPPCC's, nobody another CPPCC's.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { TextIndexManyPayload, TextIndexPayload } from '../../text/index.ts';
import { reportLifecycle } from '../domain/opinion-lifecycle.ts';
import { reportFilter } from './report-repository.ts';
import type { OpinionDb } from './tables.ts';

/** The name reports carry in the search index (来源模块). */
export const REPORT_SOURCE = 'report';

/** A report's current state (状态) as the search facets show it. */
export interface ReportSearchFacts { state: string; stateLabel: string }

/** Of these reports, the ones the actor may see (the lists' rule), each with its current state. */
export async function visibleReportFacts(db: OpinionDb, dialect: DialectName, actor: Actor, ids: readonly string[]): Promise<Map<string, ReportSearchFacts>> {
  const out = new Map<string, ReportSearchFacts>();
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await db.selectFrom('opinion_reports').select(['opinion_reports.id', 'opinion_reports.state'])
      .where('opinion_reports.id', 'in', ids.slice(at, at + 500)).where(reportFilter(dialect, actor, {})).execute();
    for (const r of rows as Array<{ id: string; state: string }>) out.set(r.id, { state: r.state, stateLabel: reportLifecycle.states[r.state]?.label ?? r.state });
  }
  return out;
}

/** The `text.index` payload of a report: its current title and text; a copy received from below has no owner here. */
export function reportTextPayload(r: { id: string; title: string; body: string; state: string; submitter_user_id: string; source_report_id: string | null; submitted_at: string }): TextIndexPayload {
  return {
    source: REPORT_SOURCE, refId: r.id, title: r.title, body: r.body, createdAt: r.submitted_at, state: r.state,
    ownerUserId: r.source_report_id ? null : r.submitter_user_id,
  };
}

/** After commit: (re)index a report's text so that it is searchable at once. */
export async function publishReportText(ctx: ModuleContext, r: Parameters<typeof reportTextPayload>[0] & { tenant_id: string }): Promise<void> {
  await ctx.events.publish({
    type: 'text.index', tenantId: r.tenant_id, entityType: 'opinion', entityId: r.id,
    payload: reportTextPayload(r) as unknown as Record<string, unknown>,
  });
}

/** Many reports at once (demo data): one batch per CPPCC. */
export async function publishReportTexts(ctx: ModuleContext, reports: ReadonlyArray<Parameters<typeof publishReportText>[1]>): Promise<void> {
  const byTenant = new Map<string, TextIndexPayload[]>();
  for (const r of reports) {
    const list = byTenant.get(r.tenant_id);
    if (list) list.push(reportTextPayload(r)); else byTenant.set(r.tenant_id, [reportTextPayload(r)]);
  }
  for (const [tenantId, items] of byTenant) {
    const payload: TextIndexManyPayload = { items };
    await ctx.events.publish({ type: 'text.index.many', tenantId, entityType: 'opinion', payload: payload as unknown as Record<string, unknown> });
  }
}
