/**
 * The audit log: append-only and hash-chained. Each row's hash covers its content and the previous row's hash,
 * so altering or deleting any row breaks the chain at that point; `verifyAuditChain` finds the first broken link.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { lockAuditChain, type DialectName } from './db/dialect.ts';
import { clock } from '../universal/clock.ts';

export interface AuditEntry {
  tenantId: string | null;
  actorId: string;
  actorName: string;
  action: string; // e.g. 'proposal.file', 'user.login.failed'
  entityType?: string | null;
  entityId?: string | null;
  data?: Record<string, unknown> | null;
  ip?: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  tenant_id: string | null;
  actor_id: string;
  actor_name: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  data: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

export function hashRow(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([r.seq, r.at, r.tenant_id, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.data, r.ip, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append one entry inside the caller's transaction, so the record and its audit commit together. */
export async function appendAudit(trx: Transaction<any> | Kysely<any>, dialect: DialectName, e: AuditEntry): Promise<AuditRow> {
  if ('isTransaction' in trx && trx.isTransaction) await lockAuditChain(trx as Transaction<any>, dialect);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last ? Number(last.seq) : 0) + 1,
    at: clock.iso(),
    tenant_id: e.tenantId,
    actor_id: e.actorId,
    actor_name: e.actorName,
    action: e.action,
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    data: e.data ? JSON.stringify(e.data) : null,
    ip: e.ip ?? null,
    prev_hash: last ? String(last.hash) : GENESIS,
  };
  const full: AuditRow = { ...row, hash: hashRow(row) };
  await trx.insertInto('audit_log').values(full).execute();
  return full;
}

/** Append outside a business transaction (logins, failures): opens its own transaction. */
export async function recordAudit(db: Kysely<any>, dialect: DialectName, e: AuditEntry): Promise<AuditRow> {
  return db.transaction().execute((trx) => appendAudit(trx, dialect, e));
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/** Walk the chain in order; report the first row whose sequence, link or hash does not hold. */
export async function verifyAuditChain(db: Kysely<any>, batch = 5000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prev = GENESIS;
  let count = 0;
  for (;;) {
    const rows = (await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute()) as AuditRow[];
    if (rows.length === 0) break;
    for (const raw of rows) {
      const r = { ...raw, seq: Number(raw.seq) };
      if (r.seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（下一条是第 ${r.seq} 条）` };
      if (r.prev_hash !== prev) return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录与前一条的链接不符` };
      const { hash, ...rest } = r;
      if (hashRow(rest) !== hash) return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录的内容被改动` };
      prev = hash;
      expectedSeq++;
      count++;
    }
  }
  return { ok: true, count };
}
