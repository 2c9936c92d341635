/**
 * The module's tables as its own server code sees them (migrations 1600–1699). Read the database through
 * `reviewDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 工作回眸: one annual review document per CPPCC (tenant) and 工作年度. */
export interface ReviewDocumentsTable {
  id: string;
  /** the CPPCC whose year it reviews; every query filters by it */
  tenant_id: string;
  /** 工作年度 */
  year: number;
  title: string;
  /** the wording of each section with its placeholders, JSON `{ [sectionCode]: string }`; never a figure's value */
  wording: string;
  /** the latest 退回理由 */
  return_reason: string | null;
  /** who last edited the wording, and their name as it was then */
  editor_user_id: string;
  editor_name: string;
  state: string;
  /** optimistic version: every write sets version + 1 where version = the version the client read (else 409) */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ReviewTables {
  review_documents: ReviewDocumentsTable;
}

export const reviewDb = moduleDb<ReviewTables>;
export type ReviewDb = ModuleDb<ReviewTables>;
export type ReviewDocumentRow = ReviewDocumentsTable;
