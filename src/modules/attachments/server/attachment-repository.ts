/** Storing, linking and reading attachments. Content is kept once per SHA-256; each upload is its own record. */
import { createHash } from 'node:crypto';
import type { Actor } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { AttachmentItem } from '../contract.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { attachmentDb, type AttachmentDb, type AttachmentsTable } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

/** An attachment's record (its bytes are in attachment_blobs, by sha256). */
export type AttachmentRow = AttachmentsTable;

export function presentAttachment(r: AttachmentRow, withActions = true): AttachmentItem {
  return { id: r.id, filename: r.filename, mime: r.mime, size: Number(r.size), createdAt: r.created_at, ...(withActions ? { actions: ['download' as const] } : {}) };
}

/** Save an upload (already checked) in one transaction: the content if new, the record, the audit entry. */
export async function storeAttachment(db: AttachmentDb, dialect: DialectName, a: { actor: Actor; filename: string; mime: string; content: Buffer; ip?: string }): Promise<AttachmentRow> {
  const sha256 = createHash('sha256').update(a.content).digest('hex');
  const now = clock.iso();
  const row: AttachmentRow = {
    id: newId(), tenant_id: a.actor.tenantId, entity_type: null, entity_id: null, filename: a.filename, mime: a.mime,
    size: a.content.length, sha256, created_by: a.actor.userId, created_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('attachment_blobs').values({ sha256, content: a.content, size: a.content.length, created_at: now })
      .onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await trx.insertInto('attachments').values(row).execute();
    await appendAudit(trx, dialect, {
      tenantId: row.tenant_id, actorId: a.actor.userId, actorName: a.actor.displayName, action: 'attachment.upload',
      entityType: 'attachment', entityId: row.id, data: { filename: row.filename, mime: row.mime, size: row.size, sha256 }, ip: a.ip,
    });
  });
  return row;
}

/**
 * Attach the actor's own, not yet linked uploads to a record, inside the owning module's transaction.
 * Fails (nothing linked) when any id is unknown, someone else's, from another tenant or already linked elsewhere.
 */
export async function linkAttachments(anyTrx: AnyModuleDb, l: { ids: string[]; entityType: string; entityId: string; actor: Actor; field?: string }): Promise<void> {
  const trx = attachmentDb(anyTrx);
  const ids = [...new Set(l.ids)];
  if (!ids.length) return;
  const rows = await trx.selectFrom('attachments').select(['id', 'entity_type', 'entity_id'])
    .where('id', 'in', ids).where('created_by', '=', l.actor.userId).where('tenant_id', '=', l.actor.tenantId).execute();
  const ok = rows.filter((r) => r.entity_id === null || (r.entity_type === l.entityType && r.entity_id === l.entityId));
  if (ok.length !== ids.length) throw invalid(l.field ?? 'attachmentIds', '「附件」', '包含不存在、不属于您或已被使用的附件');
  await trx.updateTable('attachments').set({ entity_type: l.entityType, entity_id: l.entityId })
    .where('id', 'in', ids).where('entity_id', 'is', null).execute();
}

export async function findAttachment(db: AttachmentDb, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function attachmentsOf(anyDb: AnyModuleDb, entityType: string, entityId: string): Promise<AttachmentRow[]> {
  const db = attachmentDb(anyDb);
  return db.selectFrom('attachments').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .orderBy('created_at').orderBy('id').execute();
}

/** The attachments of several records of one entity type, in one query, by record id. */
export async function attachmentsOfMany(anyDb: AnyModuleDb, entityType: string, entityIds: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
  const out = new Map<string, AttachmentRow[]>();
  if (!entityIds.length) return out;
  const rows = await attachmentDb(anyDb).selectFrom('attachments').selectAll().where('entity_type', '=', entityType).where('entity_id', 'in', [...entityIds])
    .orderBy('created_at').orderBy('id').execute();
  for (const r of rows) out.set(r.entity_id!, [...(out.get(r.entity_id!) ?? []), r]);
  return out;
}

/** An attachment's record and content, for a module that serves its own records' files (a published news item's images). */
export async function attachmentFile(anyDb: AnyModuleDb, id: string): Promise<{ row: AttachmentRow; content: Buffer } | undefined> {
  const db = attachmentDb(anyDb);
  const row = await findAttachment(db, id);
  const content = row ? await readContent(db, row.sha256) : undefined;
  return row && content ? { row, content } : undefined;
}

export async function readContent(db: AttachmentDb, sha256: string): Promise<Buffer | undefined> {
  const r = await db.selectFrom('attachment_blobs').select('content').where('sha256', '=', sha256).executeTakeFirst();
  if (!r) return undefined;
  const c = r.content as Buffer | Uint8Array;
  return Buffer.isBuffer(c) ? c : Buffer.from(c);
}
