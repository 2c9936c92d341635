/**
 * The module's tables as its own server code sees them (migrations 1500–1599). Column types follow the migrations on
 * both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, integers numbers. Read the database through
 * `recommendationsDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 建议落实: one responsible department's part of one recommendation (建议), tracked to done. */
export interface RecommendationsTable {
  id: string;
  /** the CPPCC the record belongs to; every query filters by it */
  tenant_id: string;
  /** 来源 (source): its type (协商成果, 调研报告, 视察报告, 民主评议, 重点提案, 有事来商量, 文件), module, id, title and page */
  source_type: string;
  source_module: string;
  source_id: string;
  source_title: string;
  source_link: string | null;
  /** the recommendation's key within its source (its number); (source_type, source_id, item_key, unit_id) is unique */
  item_key: string;
  /** 建议内容 */
  text: string;
  /** 责任单位: the handling unit that owes this part, and its name as it was then */
  unit_id: string;
  unit_name: string;
  /** 批示 (the leader's instruction backing it): who, what, when; null without one */
  instruction_by: string | null;
  instruction_text: string | null;
  instruction_at: string | null;
  /** 来源经办人: who sent it on (or entered it) */
  requested_by: string;
  requested_by_name: string;
  /** 反馈期限: a working-day deadline, moved by a granted extension or a 落实中 assessment */
  due_date: string | null;
  /** the department's latest reply (落实情况) and when it was first and last sent */
  feedback: string | null;
  first_reply_at: string | null;
  replied_at: string | null;
  /** the office's latest assessment note, 未落实原因, 退回理由 */
  assessment: string | null;
  not_done_reason: string | null;
  return_reason: string | null;
  /** 延期申请: null, 'requested', 'granted' or 'refused'; the reason, the date asked for and the office's answer */
  ext_state: string | null;
  ext_reason: string | null;
  ext_due_date: string | null;
  ext_answer: string | null;
  /** when it was assessed 已落实 or 未落实 */
  closed_at: string | null;
  state: string;
  /** optimistic version: every write sets version + 1 where version = the version the client read (else 409) */
  version: number;
  created_at: string;
  updated_at: string;
}

/** 批示: a leader's instruction received after the recommendations were sent, on one of them or on the whole source. */
export interface RecommendationInstructionsTable {
  id: string;
  tenant_id: string;
  source_type: string;
  source_id: string;
  /** the recommendation's key in its source; null: the whole report or document */
  item_key: string | null;
  /** 批示领导, 批示内容, 批示日期 */
  by_name: string;
  text: string;
  on_date: string;
  /** 批示件: an attachment of the recommendation it was recorded on */
  document_id: string | null;
  /** the source module's event it came with (recorded once per event); null when entered here */
  event_id: string | null;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

export interface RecommendationsTables {
  recommendations: RecommendationsTable;
  recommendation_instructions: RecommendationInstructionsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `recommendationsDb(ctx.db)`. */
export const recommendationsDb = moduleDb<RecommendationsTables>;
export type RecommendationsDb = ModuleDb<RecommendationsTables>;
export type RecommendationRow = RecommendationsTable;
export type InstructionRow = RecommendationInstructionsTable;
