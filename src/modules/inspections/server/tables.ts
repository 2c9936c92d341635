/**
 * The module's tables as its own server code sees them (migrations 1700–1799). Column types follow the migrations on
 * both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, lists JSON text, integers numbers. Read the
 * database through `inspectionsDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 调研视察: one investigation (调研) or inspection (视察) trip of the year's plan. */
export interface InspectionsTable {
  id: string;
  /** the CPPCC the record belongs to; every query filters by it */
  tenant_id: string;
  /** the plan's year (年度计划) */
  year: number;
  /** investigation (调研) | inspection (视察) */
  kind: string;
  title: string;
  /** 调研视察内容：the subject and what to look at */
  topic: string;
  /** 提出单位/提出人: who proposed it for the plan (a committee, a party, the chair's meeting, a member) */
  proposer: string;
  /** 牵头专委会 */
  lead_committee_id: string;
  /** 考察地点: JSON array of place names */
  places: string;
  /** 计划日期 (China dates); a trip may last several days */
  planned_from: string;
  planned_to: string;
  /** 审定: the chair's meeting that approved it and the date */
  approved_meeting: string | null;
  approved_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  /** 报告期限: working days after the trip (the kernel moves it when a year's holidays change) */
  report_due: string | null;
  /** the current report (its versions are in inspection_report_versions): number of the current version, 0 = none */
  report_no: number;
  report_title: string | null;
  report_body: string | null;
  problem_count: number;
  recommendation_count: number;
  signed_on: string | null;
  sent_on: string | null;
  /** the latest 退回理由 or 取消理由 */
  return_reason: string | null;
  /** the secret the sign-in codes of this trip are signed with (never sent out) */
  signin_secret: string;
  owner_user_id: string;
  owner_name: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 参加人员: a member on the trip, with their sign-in. */
export interface InspectionParticipantsTable {
  id: string;
  inspection_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  signed_in_at: string | null;
  /** who signed them in: the member (by the code) or a staff member's user id */
  signed_in_by: string | null;
  version: number;
  created_at: string;
}

/** 行程: one stop of the itinerary (a place on a day), marked when visited. */
export interface InspectionStopsTable {
  id: string;
  inspection_id: string;
  seq: number;
  on_date: string;
  place: string;
  purpose: string | null;
  visited_at: string | null;
}

/** 现场记录: a note with photos taken on a phone during the trip, or a document received (收到的材料). */
export interface InspectionNotesTable {
  id: string;
  inspection_id: string;
  tenant_id: string;
  /** note (笔记/照片) | document (收到的材料) */
  kind: string;
  stop_id: string | null;
  text: string;
  /** JSON array of attachment ids (linked to the trip in the attachments module) */
  attachment_ids: string;
  author_user_id: string;
  author_name: string;
  created_at: string;
}

/** 报告修订: every saved version of the report, kept. */
export interface InspectionReportVersionsTable {
  id: string;
  inspection_id: string;
  no: number;
  title: string;
  body: string;
  /** JSON: [{ text }] */
  problems: string;
  /** JSON: [{ text, unitIds, dueWorkingDays }] */
  recommendations: string;
  note: string | null;
  author_user_id: string;
  author_name: string;
  created_at: string;
}

/** 问题与建议: the current report's structured items (problem | recommendation), replaced with each version. */
export interface InspectionFindingsTable {
  id: string;
  inspection_id: string;
  tenant_id: string;
  /** problem | recommendation */
  type: string;
  seq: number;
  text: string;
  /** recommendations: responsible units (JSON array of organisation ids) and the reply's working days */
  unit_ids: string;
  due_working_days: number | null;
}

/** 批示: a leader's instruction on the sent report. */
export interface InspectionInstructionsTable {
  id: string;
  inspection_id: string;
  tenant_id: string;
  by_name: string;
  text: string;
  on_date: string;
  recorded_by: string;
  created_at: string;
  /** JSON array of the report's recommendation numbers it concerns; null: the whole report */
  recommendation_nos: string | null;
  /** 批示件: an attachment of the instruction (entity 'inspection_instruction') */
  document_id: string | null;
}

export interface InspectionsTables {
  inspections: InspectionsTable;
  inspection_participants: InspectionParticipantsTable;
  inspection_stops: InspectionStopsTable;
  inspection_notes: InspectionNotesTable;
  inspection_report_versions: InspectionReportVersionsTable;
  inspection_findings: InspectionFindingsTable;
  inspection_instructions: InspectionInstructionsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `inspectionsDb(ctx.db)`. */
export const inspectionsDb = moduleDb<InspectionsTables>;
export type InspectionsDb = ModuleDb<InspectionsTables>;
export type InspectionRow = InspectionsTable;
export type ParticipantRow = InspectionParticipantsTable;
