/**
 * The events that tell every instance that what the 社情民意 lists show has changed. Every write of a report, an
 * adoption or instruction (采用 / 批示), an issue (期), a send-up (向上报送) or an exchange file (报送文件) publishes one
 * after its commit, for each CPPCC whose lists it touches; the list pages kept as bytes (routes.ts) are dropped by them.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { OpinionDb } from './tables.ts';

/** Event types of the module, besides the lifecycle's `opinion.transitioned` and `opinion_issue.transitioned`. */
export const opinionEvents = {
  /** 编辑: a report's title or text changed */
  edited: 'opinion.edited',
  /** 向上报送: a report was marked sent (its copy, when the CPPCC above works here, arrives with `opinion.transitioned`) */
  sentUp: 'opinion.sent_up',
  /** 采用 / 批示 / 转送 / 反馈 recorded on a report; published for every CPPCC holding a report of the lineage */
  eventRecorded: 'opinion.event_recorded',
  /** 编期: reports compiled into an issue */
  compiled: 'opinion.compiled',
  /** 导出报送文件: reports marked sent by the file */
  exported: 'opinion.exported',
  /** 导入报送文件: copies received and feedback recorded */
  imported: 'opinion.imported',
} as const;

/** Whether an event may change what a 社情民意 list shows: any event of the module's reports and issues, by its type. */
export function changesOpinionLists(e: Pick<DomainEvent, 'type'>): boolean {
  return e.type.startsWith('opinion.') || e.type.startsWith('opinion_issue.');
}

/** The CPPCCs holding a report of these lineages (the original and its copies up the levels). */
export async function lineageTenants(db: OpinionDb, rootIds: readonly string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  const rows = await db.selectFrom('opinion_reports').select('tenant_id').distinct().where('root_report_id', 'in', [...new Set(rootIds)]).execute();
  return rows.map((r) => String(r.tenant_id));
}

/** After commit: one event per CPPCC whose lists the write touched. */
export async function publishListChange(ctx: Pick<ModuleContext, 'events'>, e: {
  type: string; tenantIds: readonly string[]; entityType?: string; entityId?: string; actorId?: string; payload?: Record<string, unknown>;
}): Promise<void> {
  for (const tenantId of new Set(e.tenantIds)) {
    await ctx.events.publish({ type: e.type, tenantId, entityType: e.entityType ?? 'opinion', entityId: e.entityId, actorId: e.actorId, payload: e.payload ?? {} });
  }
}
