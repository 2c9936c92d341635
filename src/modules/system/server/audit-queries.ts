/** 审计日志查询: the audit log read by the 审计管理员, filtered and paged, and the chain verification. */
import type { Page } from '../../../kernel/universal/pagination.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { verifyAuditChain, type VerifyResult } from '../../../kernel/server/audit.ts';
import { chinaDayStartUtc } from '../domain/dates.ts';
import type { AuditRowView } from '../contract.ts';
import type { SystemDb } from './tables.ts';

export interface AuditFilter {
  page: number;
  pageSize: number;
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** China-time calendar days, inclusive */
  from?: string;
  to?: string;
  /** tenants whose rows the reader may see; rows without a tenant (system-wide events) are always included */
  tenantIds?: string[];
}

function parseData(data: unknown): unknown {
  if (data === null || data === undefined) return null;
  try { return JSON.parse(String(data)); } catch { return String(data); }
}

export async function listAudit(db: SystemDb, f: AuditFilter): Promise<Page<AuditRowView>> {
  let q = db.selectFrom('audit_log');
  if (f.action) {
    // 'proposal' matches 'proposal.file' and every other proposal action; a full name matches itself
    const a = f.action;
    q = q.where((eb) => eb.or([eb('action', '=', a), eb('action', 'like', `${a.replace(/[%_\\]/g, '')}.%`)]));
  }
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', chinaDayStartUtc(f.from));
  if (f.to) q = q.where('at', '<', chinaDayStartUtc(addDays(f.to, 1)));
  if (f.tenantIds) {
    const ids = f.tenantIds;
    q = q.where((eb) => eb.or([eb('tenant_id', 'is', null), ...(ids.length ? [eb('tenant_id', 'in', ids)] : [])]));
  }
  const totalRow = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq), at: r.at, tenantId: r.tenant_id ?? null, actorId: r.actor_id, actorName: r.actor_name, action: r.action,
      entityType: r.entity_type ?? null, entityId: r.entity_id ?? null, data: parseData(r.data), ip: r.ip ?? null, hash: r.hash,
      actions: [],
    })),
    total: Number(totalRow?.n ?? 0),
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function verifyAudit(db: SystemDb): Promise<VerifyResult> {
  return verifyAuditChain(db);
}
