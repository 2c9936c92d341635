/**
 * The module's tables as its own server code sees them (migrations 1800–1899). Column types follow the migrations on
 * both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, integers numbers. Read the database through
 * `appraisalsDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 民主评议: one appraisal of one or more government departments. */
export interface AppraisalsTable {
  id: string;
  tenant_id: string;
  title: string;
  /** 评议范围: 'department_work' (部门工作), 'proposal_handling' (提案办理), 'single_task' (单项工作) */
  scope: string;
  /** what is appraised, in words (the single task, the year's work, …) */
  scope_note: string | null;
  /** 牵头专委会 (optional): the committee that leads the appraisal, and its name as it was */
  lead_committee_id: string | null;
  lead_committee_name: string | null;
  /** 评议会议日期: the day of the vote on the spot; the figures count appraisals by it */
  planned_on: string;
  place: string | null;
  /** 自查报告截止日期, set when the self-check starts */
  self_report_due: string | null;
  /** what each choice is worth (满意 / 基本满意 / 不满意) */
  score_satisfied: number;
  score_basic: number;
  score_dissatisfied: number;
  /** signs the vote link on the QR code (members must be in the room); never leaves the server */
  vote_secret: string;
  published_on: string | null;
  rectification_sent_on: string | null;
  summary: string | null;
  owner_user_id: string;
  owner_name: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 被评议单位: a department appraised, with its self-report (自查报告). */
export interface AppraisalUnitsTable {
  id: string;
  appraisal_id: string;
  tenant_id: string;
  unit_id: string;
  unit_name: string;
  seq: number;
  self_report: string | null;
  self_report_at: string | null;
  self_report_by: string | null;
  version: number;
}

/** 测评项目 with its weight (权重). */
export interface AppraisalItemsTable { id: string; appraisal_id: string; seq: number; name: string; weight: number }

/** 评议组: the members who form the appraisal group (组长 / 成员). */
export interface AppraisalGroupTable { id: string; appraisal_id: string; user_id: string; name: string; duty: string }

/** 走访调研: an inspection visit to a department during the appraisal. */
export interface AppraisalVisitsTable { id: string; appraisal_id: string; unit_id: string; visited_on: string; note: string; recorded_by: string; created_at: string }

/** 代表测评码: a one-time code for an invited representative without an account (only its hash is kept). */
export interface AppraisalTokensTable { id: string; appraisal_id: string; code_hash: string; label: string; used_at: string | null; created_at: string }

/**
 * 测评票 (who has voted): one row per voter and appraisal, unique on (appraisal_id, voter_key) so a second vote is
 * refused by the database itself. It holds no choice: the marks are written apart, without a link to the voter.
 */
export interface AppraisalBallotsTable {
  id: string;
  appraisal_id: string;
  tenant_id: string;
  /** 'u:<userId>' for a member, 't:<tokenId>' for a representative's code */
  voter_key: string;
  /** 'member' | 'representative' */
  voter_kind: string;
  voter_name: string;
  cast_at: string;
}

/** 测评意见: one choice for one department on one item; no voter, no time, a random id (anonymous even to staff). */
export interface AppraisalMarksTable { id: string; appraisal_id: string; unit_id: string; item_seq: number; choice: string }

/** 整改事项: what a department must rectify; sent to the recommendation tracker as its recommendations. */
export interface AppraisalRectificationsTable { id: string; appraisal_id: string; unit_id: string; seq: number; text: string; due_working_days: number }

export interface AppraisalsTables {
  appraisals: AppraisalsTable;
  appraisal_units: AppraisalUnitsTable;
  appraisal_items: AppraisalItemsTable;
  appraisal_group: AppraisalGroupTable;
  appraisal_visits: AppraisalVisitsTable;
  appraisal_tokens: AppraisalTokensTable;
  appraisal_ballots: AppraisalBallotsTable;
  appraisal_marks: AppraisalMarksTable;
  appraisal_rectifications: AppraisalRectificationsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `appraisalsDb(ctx.db)`. */
export const appraisalsDb = moduleDb<AppraisalsTables>;
export type AppraisalsDb = ModuleDb<AppraisalsTables>;
export type AppraisalRow = AppraisalsTable;
export type AppraisalUnitRow = AppraisalUnitsTable;
