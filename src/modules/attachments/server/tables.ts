/** Tables of the 附件 module (migration 0350), as the module's own server code sees them. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** content, deduplicated by its SHA-256 (bytea on PostgreSQL, blob on SQLite) */
export interface AttachmentBlobsTable {
  sha256: string;
  content: Uint8Array;
  size: number;
  created_at: string;
}

export interface AttachmentsTable {
  id: string;
  tenant_id: string;
  entity_type: string | null;
  entity_id: string | null;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  created_by: string;
  created_at: string;
}

export interface AttachmentTables {
  attachment_blobs: AttachmentBlobsTable;
  attachments: AttachmentsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `attachmentDb(ctx.db)`. */
export const attachmentDb = moduleDb<AttachmentTables>;
export type AttachmentDb = ModuleDb<AttachmentTables>;
