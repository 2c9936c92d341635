/**
 * The module's tables as its own server code sees them (migrations 1300–1349 for the consultation meetings). Column
 * types follow the migrations on both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, lists of ids
 * JSON text, integers numbers. Read the database through `consultationsDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 协商活动: one consultation held as a meeting of some form on a topic. */
export interface ConsultationsTable {
  id: string;
  tenant_id: string;
  title: string;
  /** 协商形式 (domain/consultation-forms.ts) */
  form: string;
  /** 协商议题与背景 */
  topic: string;
  /** 牵头专委会 (an organisation of kind committee) */
  lead_committee_id: string;
  /** 协办部门 (handling units), JSON array of organisation ids */
  partner_unit_ids: string;
  /** 计划会议日期 (China date) and time 'HH:MM', place */
  planned_on: string;
  planned_time: string | null;
  place: string | null;
  /** the 年度协商计划 item it carries out (no foreign key) */
  plan_item_id: string | null;
  /** 通知期限 / 材料期限 / 成果期限: working-day deadlines (the kernel moves them when a year's holidays change) */
  notice_due: string;
  materials_due: string;
  outcome_due: string | null;
  notice_sent_on: string | null;
  materials_sent_on: string | null;
  held_on: string | null;
  sent_on: string | null;
  minutes: string | null;
  /** 成果形式 and text */
  outcome_kind: string | null;
  outcome_text: string | null;
  recommendation_count: number;
  return_reason: string | null;
  /** 关联提案 / 社情民意: JSON arrays of ids */
  proposal_ids: string;
  report_ids: string;
  /** the secret the sign-in links of this meeting are signed with (never sent out) */
  signin_secret: string;
  owner_user_id: string;
  owner_name: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 参会人员: a member, a department head, an expert or an invited member of the public. */
export interface ConsultationParticipantsTable {
  id: string;
  consultation_id: string;
  tenant_id: string;
  /** member | department | expert | public */
  kind: string;
  /** the member's user id (members only; unique per consultation) */
  user_id: string | null;
  name: string;
  /** the department (handling unit) of a department head */
  org_id: string | null;
  /** 参会状态: invited | confirmed | leave_requested | leave_approved */
  status: string;
  leave_reason: string | null;
  signed_in_at: string | null;
  /** who signed them in: the member (by the link) or a staff member's user id */
  signed_in_by: string | null;
  /** 发言: oral | written; order of speeches, text */
  speech_kind: string | null;
  speech_order: number | null;
  speech_text: string | null;
  speech_at: string | null;
  version: number;
  created_at: string;
}

/** 建议: one recommendation of the outcome, sent to the tracker on 报送. */
export interface ConsultationRecommendationsTable {
  id: string;
  consultation_id: string;
  seq: number;
  text: string;
  /** responsible units, JSON array of organisation ids */
  unit_ids: string;
  due_working_days: number;
}

/** 批示: a leader's instruction on the outcome. */
export interface ConsultationInstructionsTable {
  id: string;
  consultation_id: string;
  by_name: string;
  text: string;
  on_date: string;
  recorded_by: string;
  created_at: string;
}

/** 关联: a proposal (entity_type 'proposal') or 社情民意 report ('opinion') the meeting yielded, in the order entered. */
export interface ConsultationLinksTable {
  consultation_id: string;
  entity_type: string;
  entity_id: string;
  seq: number;
}

export interface ConsultationsTables {
  consultations: ConsultationsTable;
  consultation_participants: ConsultationParticipantsTable;
  consultation_recommendations: ConsultationRecommendationsTable;
  consultation_instructions: ConsultationInstructionsTable;
  consultation_links: ConsultationLinksTable;
}

export const consultationsDb = moduleDb<ConsultationsTables>;
export type ConsultationsDb = ModuleDb<ConsultationsTables>;
export type ConsultationRow = ConsultationsTable;
export type ParticipantRow = ConsultationParticipantsTable;
