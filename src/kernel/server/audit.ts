/**
 * The audit log: append-only and hash-chained. Each row's hash covers its content and the previous row's hash,
 * so altering or deleting any row breaks the chain at that point; `verifyAuditChain` finds the first broken link.
 *
 * Anchored (decision 0031): each row also carries an HMAC of its hash under a key kept outside the database (derived
 * from SECRET_KEY), so whoever can write the database cannot rewrite the chain and recompute the later hashes; and the
 * head of the chain (sequence, hash, HMAC) is written periodically to the server log and to a file outside the
 * database (`audit-anchors.log`), so cutting off the newest rows is seen too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { lockAuditChain, type DialectName } from './db/dialect.ts';
import { affected, insertRow, runPrepared } from './db/prepared.ts';
import { currentSecretKeys } from './secrets.ts';
import { clock } from '../universal/clock.ts';
import type { AuditLogTable } from './db/tables.ts';

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

/** A row of the audit log (`mac`: HMAC-SHA256 of `hash` under the audit key; null on rows written before anchoring). */
export type AuditRow = Omit<AuditLogTable, 'mac'> & { mac?: string | null };

export const GENESIS = '0'.repeat(64);

export function hashRow(r: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([r.seq, r.at, r.tenant_id, r.actor_id, r.actor_name, r.action, r.entity_type, r.entity_id, r.data, r.ip, r.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Per database (its Kysely adapter): the head of the chain as this process last wrote or read it. Only a guess: the
 * next append inserts its row only if the head is still that row (`insertAfter`), and reads the head when it is not
 * (another instance wrote, or the transaction that wrote it rolled back). When it holds, an append under the chain's
 * lock is one statement instead of two, and the lock is held one round trip less.
 */
const lastHeads = new WeakMap<object, { seq: number; hash: string }>();
/** Transactions that hold the chain's lock already (PostgreSQL: transaction-scoped, so it is taken once). */
const chainLocked = new WeakSet<object>();

const headKey = (db: Transaction<any> | Kysely<any>) => db.getExecutor().adapter as object;

/** Note that `trx` took the chain's lock in a statement of its own making (the runner's transition statement). */
export function chainLockTaken(trx: Transaction<any>): void {
  chainLocked.add(trx);
}

/** Take the chain's lock for the rest of the transaction, unless it holds it already. */
async function lockChain(trx: Transaction<any> | Kysely<any>, dialect: DialectName): Promise<void> {
  if (!('isTransaction' in trx && trx.isTransaction) || chainLocked.has(trx)) return;
  await lockAuditChain(trx as Transaction<any>, dialect);
  chainLocked.add(trx);
}

/** The chain's head, read under its lock: the newest row's sequence and hash. */
async function headOf(trx: Transaction<any> | Kysely<any>, dialect: DialectName): Promise<{ seq: number; hash: string } | undefined> {
  await lockChain(trx, dialect);
  return (await runPrepared<{ seq: number; hash: string }>(trx, 'audit:head', [1], (d, p) =>
    d.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(p[0] as number))).rows[0];
}

/**
 * Insert `row` only if the chain's head is still `after` (that row exists and none follows it); false when it is not.
 * Under the chain's lock the statement sees every committed row, so the check is exact.
 */
async function insertAfter(trx: Transaction<any> | Kysely<any>, after: { seq: number; hash: string }, row: AuditRow): Promise<boolean> {
  const r = row as unknown as Record<string, unknown>;
  const cols = Object.keys(r).filter((k) => r[k] !== undefined);
  const n = cols.length;
  const res = await runPrepared(trx, `audit:insert-after:${cols.join(',')}`, [...cols.map((k) => r[k]), after.seq, after.hash, after.seq], (d, p) => ({
    compile: () => sql`insert into audit_log (${sql.join(cols.map((c) => sql.ref(c)))}) select ${sql.join(p.slice(0, n))}
      where exists (select 1 from audit_log where seq = ${p[n]} and hash = ${p[n + 1]}) and not exists (select 1 from audit_log where seq > ${p[n + 2]})`.compile(d),
  }));
  return affected(res) === 1;
}

/** The row that follows `last` in the chain for an entry: its sequence, link, hash and HMAC. */
function chainRow(last: { seq: number; hash: string } | undefined, e: AuditEntry, key: Buffer | undefined): AuditRow {
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
  const hash = hashRow(row);
  return key ? { ...row, hash, mac: rowMac(key, hash) } : { ...row, hash };
}

/** Append one entry inside the caller's transaction, so the record and its audit commit together. */
export async function appendAudit(trx: Transaction<any> | Kysely<any>, dialect: DialectName, e: AuditEntry): Promise<AuditRow> {
  const key = currentSecretKeys()?.auditKey;
  const heads = headKey(trx);
  await lockChain(trx, dialect);
  const guess = lastHeads.get(heads);
  if (guess) {
    const row = chainRow(guess, e, key);
    if (await insertAfter(trx, guess, row)) {
      lastHeads.set(heads, { seq: row.seq, hash: row.hash });
      return row;
    }
  }
  const full = chainRow(await headOf(trx, dialect), e, key);
  await insertRow(trx, 'audit_log', full as unknown as Record<string, unknown>);
  lastHeads.set(heads, { seq: full.seq, hash: full.hash });
  return full;
}

/**
 * Append several entries, in order, inside the caller's transaction: the chain's lock taken and its head read once,
 * each row linked to the one before it exactly as `appendAudit` would one by one, the rows written in few statements
 * (a batch of sign-ins; decision 0054).
 */
export async function appendAudits(trx: Transaction<any> | Kysely<any>, dialect: DialectName, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
  if (!entries.length) return [];
  const key = currentSecretKeys()?.auditKey;
  let last = await headOf(trx, dialect);
  const rows = entries.map((e) => (last = chainRow(last, e, key)));
  // a few hundred parameters per statement, within both databases' limits
  for (let i = 0; i < rows.length; i += 50) await trx.insertInto('audit_log').values(rows.slice(i, i + 50) as unknown as Record<string, unknown>[]).execute();
  const head = rows[rows.length - 1];
  lastHeads.set(headKey(trx), { seq: head.seq, hash: head.hash });
  return rows;
}

/** The HMAC of a row: over its hash, which covers its content and, through the previous hash, every row before it. */
export function rowMac(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(`zx-audit-row:${hash}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Append outside a business transaction (logins, failures): opens its own transaction. */
export async function recordAudit(db: Kysely<any>, dialect: DialectName, e: AuditEntry): Promise<AuditRow> {
  return db.transaction().execute((trx) => appendAudit(trx, dialect, e));
}

// ——— anchors ———

/** A checkpoint of the chain's head, kept outside the database. */
export interface AuditAnchor {
  at: string;
  seq: number;
  hash: string;
  /** HMAC of the other three under the audit key */
  mac: string;
}

export function anchorMac(key: Buffer, a: Pick<AuditAnchor, 'at' | 'seq' | 'hash'>): string {
  return createHmac('sha256', key).update(`zx-audit-anchor:${a.seq}:${a.hash}:${a.at}`).digest('hex');
}

/** The newest row's sequence and hash, or null for an empty log. */
export async function auditHead(db: Kysely<any>): Promise<{ seq: number; hash: string } | null> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: String(last.hash) } : null;
}

/**
 * Write an anchor of the chain's head: one JSON line appended to `file` (created with mode 0600) and returned for the
 * server log. Null when the log is empty or no key is loaded (an anchor nobody can authenticate proves nothing).
 */
export async function writeAuditAnchor(db: Kysely<any>, file: string, key: Buffer | null = currentSecretKeys()?.auditKey ?? null): Promise<AuditAnchor | null> {
  if (!key) return null;
  const head = await auditHead(db);
  if (!head) return null;
  const at = clock.iso();
  const anchor: AuditAnchor = { at, seq: head.seq, hash: head.hash, mac: anchorMac(key, { at, ...head }) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, JSON.stringify(anchor) + '\n', { mode: 0o600 });
  return anchor;
}

/** The anchors in `file` (none when it does not exist); lines that are not anchors are reported, not skipped silently. */
export function readAuditAnchors(file: string): { anchors: AuditAnchor[]; badLines: number[] } {
  if (!fs.existsSync(file)) return { anchors: [], badLines: [] };
  const anchors: AuditAnchor[] = [];
  const badLines: number[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const a = JSON.parse(line);
      if (typeof a.at === 'string' && Number.isInteger(a.seq) && typeof a.hash === 'string' && typeof a.mac === 'string') anchors.push(a);
      else badLines.push(i + 1);
    } catch {
      badLines.push(i + 1);
    }
  });
  return { anchors, badLines };
}

/**
 * Anchor the chain now, every `everyMs`, and when stopped; each anchor goes to `log` and to `file`. An anchor is
 * written only when the head moved since the last one this process wrote.
 */
export function startAuditAnchoring(opts: { db: Kysely<any>; file: string; everyMs: number; log: (message: string) => void; onError?: (err: unknown) => void }): { stop(): Promise<void> } {
  let lastSeq = -1;
  let running: Promise<void> = Promise.resolve();
  const anchorNow = () => {
    running = running.then(async () => {
      const head = await auditHead(opts.db);
      if (!head || head.seq === lastSeq) return;
      const a = await writeAuditAnchor(opts.db, opts.file);
      if (!a) return;
      lastSeq = a.seq;
      opts.log(`审计锚点：seq=${a.seq} hash=${a.hash} hmac=${a.mac}（${a.at}，已写入 ${opts.file}）`);
    }).catch((err) => opts.onError?.(err));
    return running;
  };
  void anchorNow();
  const timer = opts.everyMs > 0 ? setInterval(() => void anchorNow(), opts.everyMs) : undefined;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await anchorNow();
    },
  };
}

// ——— verification ———

export type VerifyResult =
  | { ok: true; count: number; unsigned?: number; anchors?: number }
  | { ok: false; count: number; brokenAt: number; reason: string };

export interface VerifyOptions {
  batch?: number;
  /** the audit key; default the process's (see secrets.ts); null checks no HMAC */
  key?: Buffer | null;
  /** anchors to hold the chain against (see readAuditAnchors) */
  anchors?: readonly AuditAnchor[];
}

/**
 * Walk the chain in order; report the first row whose sequence, link, hash or HMAC does not hold, a row that does not
 * match an anchor, and a chain that ends before its newest anchor (cut off). Rows without an HMAC are accepted only
 * before the first row that has one (they were written before the log was anchored; `unsigned` counts them).
 */
export async function verifyAuditChain(db: Kysely<any>, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batch = opts.batch ?? 5000;
  const key = opts.key !== undefined ? opts.key : currentSecretKeys()?.auditKey ?? null;
  const anchors = opts.anchors ?? [];
  const anchorsAt = new Map<number, AuditAnchor[]>();
  for (const a of anchors) {
    if (key && !sameHex(anchorMac(key, a), a.mac)) {
      return { ok: false, count: 0, brokenAt: a.seq, reason: `锚点文件中 ${a.at} 的锚点（第 ${a.seq} 条）签名不符：锚点被伪造，或密钥与写入时不同` };
    }
    anchorsAt.set(a.seq, [...(anchorsAt.get(a.seq) ?? []), a]);
  }
  let expectedSeq = 1;
  let prev = GENESIS;
  let count = 0;
  let unsigned = 0;
  let signedSeen = false;
  for (;;) {
    const rows = (await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute()) as AuditRow[];
    if (rows.length === 0) break;
    for (const raw of rows) {
      const r = { ...raw, seq: Number(raw.seq) };
      if (r.seq !== expectedSeq) return { ok: false, count, brokenAt: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（下一条是第 ${r.seq} 条）` };
      if (r.prev_hash !== prev) return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录与前一条的链接不符` };
      const { hash, ...rest } = r;
      if (hashRow(rest) !== hash) return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录的内容被改动` };
      if (key) {
        if (r.mac) {
          if (!sameHex(rowMac(key, hash), r.mac)) {
            return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录的 HMAC 不符：此条及其后的记录被重写过（或所用密钥与写入时不同）` };
          }
          signedSeen = true;
        } else if (signedSeen) {
          return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录缺少 HMAC：此条及其后的记录被重写过` };
        } else unsigned++;
      }
      for (const a of anchorsAt.get(r.seq) ?? []) {
        if (a.hash !== hash) return { ok: false, count, brokenAt: r.seq, reason: `第 ${r.seq} 条记录与 ${a.at} 记下的锚点不符：审计日志被改写` };
      }
      prev = hash;
      expectedSeq++;
      count++;
    }
  }
  const newest = anchors.reduce<AuditAnchor | null>((m, a) => (!m || a.seq > m.seq ? a : m), null);
  if (newest && newest.seq > count) {
    return { ok: false, count, brokenAt: count + 1, reason: `审计日志被截断：${newest.at} 的锚点记到第 ${newest.seq} 条，现在只到第 ${count} 条` };
  }
  const result: VerifyResult = { ok: true, count };
  if (unsigned) result.unsigned = unsigned;
  if (opts.anchors) result.anchors = anchors.length;
  return result;
}

/** A filter of the audit log for the 审计管理员's page (instants are stored ISO text). */
export interface AuditQuery {
  page: number;
  pageSize: number;
  /** 'proposal' matches 'proposal.file' and every other proposal action; a full name matches itself */
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  /** rows at or after this instant */
  atFrom?: string;
  /** rows before this instant */
  atBefore?: string;
  /** tenants whose rows the reader may see; rows without a tenant (system-wide events) are always included */
  tenantIds?: string[];
  /** only rows of these actions (e.g. a test's check of what was recorded) */
  actions?: string[];
}

/** One page of the audit log, newest first, with the number of matching rows. */
export async function queryAuditLog(db: Kysely<any>, f: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  let q = db.selectFrom('audit_log');
  if (f.action) {
    const a = f.action;
    q = q.where((eb) => eb.or([eb('action', '=', a), eb('action', 'like', `${a.replace(/[%_\\]/g, '')}.%`)]));
  }
  if (f.actions) q = q.where('action', 'in', f.actions.length ? f.actions : ['']);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.atFrom) q = q.where('at', '>=', f.atFrom);
  if (f.atBefore) q = q.where('at', '<', f.atBefore);
  if (f.tenantIds) {
    const ids = f.tenantIds;
    q = q.where((eb) => eb.or([eb('tenant_id', 'is', null), ...(ids.length ? [eb('tenant_id', 'in', ids)] : [])]));
  }
  const totalRow = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await q.selectAll().orderBy('seq', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows: rows as AuditRow[], total: Number(totalRow?.n ?? 0) };
}
