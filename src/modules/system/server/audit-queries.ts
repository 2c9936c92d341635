/** 审计日志查询: the audit log read by the 审计管理员, filtered and paged, and the chain verification. */
import type { Page } from '../../../kernel/universal/pagination.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { queryAuditLog, verifyAuditChain, type VerifyResult } from '../../../kernel/server/audit.ts';
import { chinaDayStartUtc } from '../domain/dates.ts';
import type { AuditRowView } from '../contract.ts';
import type { Contributions } from '../../../kernel/server/contributions-catalogue.ts';
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

/**
 * One page of the log, each record named as people know it: the entity's Chinese name, the record's title (from the
 * declaring module's `titles`) and its page; the id stays in `entityId`.
 */
export async function listAudit(db: SystemDb, f: AuditFilter, contributions?: Pick<Contributions, 'entities' | 'titles' | 'link'>): Promise<Page<AuditRowView>> {
  const { rows, total } = await queryAuditLog(db, {
    page: f.page, pageSize: f.pageSize, action: f.action, actorId: f.actorId, entityType: f.entityType, entityId: f.entityId,
    atFrom: f.from ? chinaDayStartUtc(f.from) : undefined, atBefore: f.to ? chinaDayStartUtc(addDays(f.to, 1)) : undefined, tenantIds: f.tenantIds,
  });
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.entity_type || !r.entity_id || !contributions?.entities.has(r.entity_type)) continue;
    let ids = idsByType.get(r.entity_type);
    if (!ids) idsByType.set(r.entity_type, ids = new Set());
    ids.add(r.entity_id);
  }
  const titles = new Map<string, ReadonlyMap<string, string>>();
  const links = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    titles.set(type, await contributions!.titles(type, [...ids]));
    for (const id of ids) {
      const link = await contributions!.link(type, id).catch(() => null);
      if (link) links.set(`${type}\u0000${id}`, link);
    }
  }
  return {
    items: rows.map((r) => {
      const type = r.entity_type ?? null;
      const id = r.entity_id ?? null;
      const entity = type ? contributions?.entities.get(type) : undefined;
      return {
        seq: Number(r.seq), at: r.at, tenantId: r.tenant_id ?? null, actorId: r.actor_id, actorName: r.actor_name, action: r.action,
        entityType: type, entityId: id, entityLabel: entity?.label ?? null,
        entityTitle: type && id ? titles.get(type)?.get(id) ?? null : null,
        entityLink: type && id ? links.get(`${type}\u0000${id}`) ?? null : null,
        data: parseData(r.data), ip: r.ip ?? null, hash: r.hash,
        actions: [],
      };
    }),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function verifyAudit(db: SystemDb): Promise<VerifyResult> {
  return verifyAuditChain(db);
}
