/** Tables of the 社情民意 module (migrations 1100–1140), as the module's own server code sees them. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';
import type { Generated } from 'kysely';

/** 社情民意信息 */
export interface OpinionReportsTable {
  id: string;
  tenant_id: string;
  year: number;
  title: string;
  body: string;
  /** 原稿 */
  submitted_title: string;
  submitted_body: string;
  urgent: Generated<number>;
  topic: string | null;
  submitter_user_id: string;
  submitter_name: string;
  submitter_org_id: string | null;
  /** lineage: a copy sent up points at the report it came from; root is the originating report */
  source_report_id: string | null;
  source_tenant_id: string | null;
  source_tenant_name: string | null;
  root_report_id: string;
  up_copy_id: string | null;
  sent_up_at: string | null;
  sent_up_to: string | null;
  issue_id: string | null;
  issue_number: string | null;
  return_reason: string | null;
  returned_at: string | null;
  accepted_at: string | null;
  verified_at: string | null;
  revision_count: Generated<number>;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  submitted_at: string;
  // 1110: the topic answered
  topic_id: string | null;
  // 1130: 提案转社情民意 and the co-submitters credited (JSON)
  source_proposal_id: string | null;
  source_proposal_number: string | null;
  co_submitters: string | null;
  // 1140: 采用层级 / 批示层级 of the lineage, a bit per level
  adoption_levels: Generated<number>;
  instruction_levels: Generated<number>;
}

/** 修改记录 */
export interface OpinionRevisionsTable {
  id: string;
  report_id: string;
  tenant_id: string;
  seq: number;
  title: string;
  body: string;
  editor_id: string;
  editor_name: string;
  note: string | null;
  at: string;
}

/** 期 */
export interface OpinionIssuesTable {
  id: string;
  tenant_id: string;
  year: number;
  number_seq: number;
  number: string;
  title: string;
  piece_count: number;
  recipients: string | null;
  signed_by: string | null;
  signed_at: string | null;
  distributed_at: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 篇目: 单篇 or 综合 */
export interface OpinionPiecesTable {
  id: string;
  issue_id: string;
  tenant_id: string;
  seq: number;
  kind: string;
  title: string;
  body: string;
}

export interface OpinionPieceSourcesTable {
  piece_id: string;
  report_id: string;
  tenant_id: string;
  issue_id: string;
}

/** 采用、批示、转送、反馈 */
export interface OpinionEventsTable {
  id: string;
  tenant_id: string;
  tenant_name: string;
  report_id: string;
  root_report_id: string;
  submitter_user_id: string;
  submitter_name: string;
  kind: string;
  level: string;
  adoption_type: string | null;
  leader_level: string | null;
  text: string | null;
  department: string | null;
  points: Generated<number>;
  recorded_by: string;
  external_id: string | null;
  at: string;
}

/** 选题 */
export interface OpinionTopicsTable {
  id: string;
  tenant_id: string;
  title: string;
  description: string;
  /** 征集期 YYYY-MM-DD, both inclusive */
  period_from: string;
  period_to: string;
  status: string;
  created_by: string;
  created_by_name: string;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OpinionTables {
  opinion_reports: OpinionReportsTable;
  opinion_revisions: OpinionRevisionsTable;
  opinion_issues: OpinionIssuesTable;
  opinion_pieces: OpinionPiecesTable;
  opinion_piece_sources: OpinionPieceSourcesTable;
  opinion_events: OpinionEventsTable;
  opinion_topics: OpinionTopicsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `opinionDb(ctx.db)`. */
export const opinionDb = moduleDb<OpinionTables>;
export type OpinionDb = ModuleDb<OpinionTables>;
