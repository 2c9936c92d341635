/**
 * The module's tables as its own server code sees them (migrations 2200–2299). Ids and timestamps are text, dates
 * 'YYYY-MM-DD', integers numbers. Read the database through `documentsDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 公文 */
export interface DocumentsItemsTable {
  id: string;
  tenant_id: string;
  /** 文种: notice, request, report, letter, minutes */
  doc_type: string;
  title: string;
  body: string;
  /** 主送机关 */
  addressee: string;
  /** 字数 of title and body */
  chars: number;
  /** 拟稿人 and their organisation */
  owner_user_id: string;
  owner_name: string;
  owner_org_id: string;
  state: string;
  /** the sign-off chain (JSON of `Chain`), fixed when the draft is sent to 核稿 */
  chain: string;
  /** 退回 starts a new round of 会签 */
  round: number;
  return_reason: string | null;
  /** 文号: allocated at 签发, unique per CPPCC, type and year */
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  signer_name: string | null;
  signed_at: string | null;
  /** the number of the latest version (版本) */
  version_no: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 版本: the text as it was after every edit */
export interface DocumentsVersionsTable {
  id: string;
  document_id: string;
  no: number;
  title: string;
  body: string;
  author_name: string;
  at: string;
}

/** 意见: a comment at a step, or a step's decision (agree / return) */
export interface DocumentsCommentsTable {
  id: string;
  document_id: string;
  /** the state the document was in (the step) */
  step: string;
  round: number;
  /** 'agree', 'return' or null for a plain comment */
  decision: string | null;
  /** the countersign party (role) the decision answers for */
  party: string | null;
  user_id: string;
  user_name: string;
  text: string;
  at: string;
}

/** 分发 and 阅知回执 */
export interface DocumentsReceiptsTable {
  id: string;
  document_id: string;
  tenant_id: string;
  /** 'org' (a unit, a committee) or 'user' (a member) */
  recipient_kind: string;
  recipient_id: string;
  recipient_name: string;
  sent_at: string;
  read_at: string | null;
  read_by_name: string | null;
  reminded_at: string | null;
  reminders: number;
}

/** 检索二元组: a two-character piece of a document's 文号 and title */
export interface DocumentsTitleGramsTable {
  gram: string;
  document_id: string;
  /** the document's CPPCC and 年度 (archiveYear), so a piece's documents are read per CPPCC and year */
  tenant_id: string;
  year: number;
}

export interface DocumentsTables {
  documents_title_grams: DocumentsTitleGramsTable;
  documents_items: DocumentsItemsTable;
  documents_versions: DocumentsVersionsTable;
  documents_comments: DocumentsCommentsTable;
  documents_receipts: DocumentsReceiptsTable;
}

export const documentsDb = moduleDb<DocumentsTables>;
export type DocumentsDb = ModuleDb<DocumentsTables>;
export type DocumentsItemRow = DocumentsItemsTable;
