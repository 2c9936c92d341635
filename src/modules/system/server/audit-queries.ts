/** 审计日志查询: the audit log read by the 审计管理员, filtered and paged, and the chain verification. */
import type { Page } from '../../../kernel/universal/pagination.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { queryAuditLog, verifyAuditChain, type VerifyResult } from '../../../kernel/server/audit.ts';
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
  const { rows, total } = await queryAuditLog(db, {
    page: f.page, pageSize: f.pageSize, action: f.action, actorId: f.actorId, entityType: f.entityType, entityId: f.entityId,
    atFrom: f.from ? chinaDayStartUtc(f.from) : undefined, atBefore: f.to ? chinaDayStartUtc(addDays(f.to, 1)) : undefined, tenantIds: f.tenantIds,
  });
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq), at: r.at, tenantId: r.tenant_id ?? null, actorId: r.actor_id, actorName: r.actor_name, action: r.action,
      entityType: r.entity_type ?? null, entityId: r.entity_id ?? null, data: parseData(r.data), ip: r.ip ?? null, hash: r.hash,
      actions: [],
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function verifyAudit(db: SystemDb): Promise<VerifyResult> {
  return verifyAuditChain(db);
}
