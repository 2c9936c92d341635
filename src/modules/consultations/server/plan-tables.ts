/**
 * Tables of 协商选题 and 年度协商计划 (migrations 1350–1399), as this module's server code sees them. Dates are
 * 'YYYY-MM-DD' text, timestamps ISO text, lists JSON text, booleans 0/1, on both databases.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 协商选题: a topic proposed for a year's consultations */
export interface ConsultationTopicsTable {
  id: string;
  tenant_id: string;
  year: number;
  title: string;
  /** 选题理由 */
  reason: string;
  /** 建议协商形式 (consultation-forms.ts) */
  form: string;
  /** 提出单位: a committee, party, group or office of the tenant, and its name as it was then */
  proposer_org_id: string;
  proposer_org_name: string;
  /** who entered it, and the contact (联系人及电话) */
  proposer_user_id: string;
  proposer_name: string;
  contact: string;
  decline_reason: string | null;
  merged_into_id: string | null;
  /** the plan item it became (列入计划) */
  plan_item_id: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 年度协商计划: one per CPPCC and year */
export interface ConsultationPlansTable {
  id: string;
  tenant_id: string;
  year: number;
  title: string;
  /** 审定会议 and 审定日期, written by 审定通过 */
  approved_meeting: string | null;
  approved_on: string | null;
  return_reason: string | null;
  /** 重大协商议题 among the items when the plan went to the chair's meeting: such a plan goes on to the party committee */
  major_items: number;
  /** 党委审定: the party committee's meeting, date and document (文件/文号), recorded by the office */
  party_meeting: string | null;
  party_approved_on: string | null;
  party_document: string | null;
  created_by: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 计划项 */
export interface ConsultationPlanItemsTable {
  id: string;
  plan_id: string;
  tenant_id: string;
  year: number;
  topic_id: string | null;
  title: string;
  form: string;
  /** 牵头专委会 */
  lead_org_id: string;
  lead_org_name: string;
  /** 协同部门: handling units of the tenant (JSON arrays of ids and names) */
  partner_unit_ids: string;
  partner_unit_names: string;
  planned_month: number;
  notes: string | null;
  /** 1 for a 重大协商议题 (the plan then goes to the party committee after the chair's meeting) */
  major: number;
  /** 'planned' | 'cancelled' (取消 by a change after approval) */
  status: string;
  /** 1 when a change after approval added it */
  added_by_change: number;
  sort: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 计划调整: one change to an approved plan, with its reason */
export interface ConsultationPlanChangesTable {
  id: string;
  plan_id: string;
  tenant_id: string;
  item_id: string;
  item_title: string;
  kind: string;
  before_text: string;
  after_text: string;
  reason: string;
  actor_user_id: string;
  actor_name: string;
  at: string;
}

/** 关联: a proposal or 社情民意 report linked to a topic or a plan item, as its source (来源) or outcome (成果) */
export interface ConsultationTopicLinksTable {
  /** 'topic' | 'plan_item' */
  owner_type: string;
  owner_id: string;
  tenant_id: string;
  /** 'source' | 'outcome' */
  relation: string;
  /** 'proposal' | 'opinion' */
  entity_type: string;
  entity_id: string;
  seq: number;
}

export interface PlanTables {
  consultation_topics: ConsultationTopicsTable;
  consultation_plans: ConsultationPlansTable;
  consultation_plan_items: ConsultationPlanItemsTable;
  consultation_plan_changes: ConsultationPlanChangesTable;
  consultation_topic_links: ConsultationTopicLinksTable;
}

export const planDb = moduleDb<PlanTables>;
export type PlanDb = ModuleDb<PlanTables>;
export type TopicRow = ConsultationTopicsTable;
export type PlanRow = ConsultationPlansTable;
export type PlanItemRow = ConsultationPlanItemsTable;
export type PlanChangeRow = ConsultationPlanChangesTable;
export type TopicLinkRow = ConsultationTopicLinksTable;
