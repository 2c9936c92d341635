/** Tables of the 提案 module (migrations 1000–1093), as the module's own server code sees them. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';
import type { Generated } from 'kysely';

/** 提案 */
export interface ProposalsTable {
  id: string;
  tenant_id: string;
  year: number;
  session_label: string;
  /** 提案编号 per tenant and year, assigned on filing (立案) */
  number_seq: number | null;
  number: string | null;
  title: string;
  background: Generated<string>;
  analysis: Generated<string>;
  suggestions: Generated<string>;
  type: string;
  category: string | null;
  proposer_user_id: string;
  /** names are snapshots taken when the record is written */
  proposer_name: string;
  proposer_org_id: string | null;
  sector_id: string | null;
  committee_id: string | null;
  cosigner_count: Generated<number>;
  cosigners_pending: Generated<number>;
  lead_unit_id: string | null;
  lead_unit_name: string | null;
  handling_mode: string | null;
  /** the unit's current reply (a draft until released) */
  reply_class: string | null;
  reply_text: string | null;
  satisfaction: string | null;
  not_filed_reason: string | null;
  extension_days: number | null;
  is_key: Generated<number>;
  is_excellent: Generated<number>;
  is_public: Generated<number>;
  merged_into_id: string | null;
  due_date: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  filed_at: string | null;
  replied_at: string | null;
  // 1010: 待评价人 (JSON array of user ids), 答复轮次, 领导关注
  evaluators_pending: string | null;
  reply_round: Generated<number>;
  leader_attention: Generated<number>;
  // 1020: 分办 units that have not yet replied
  units_pending: Generated<number>;
  // 1050: 重点提案, 督办方案, 优秀提案 reason, 跨年度跟踪
  key_status: string | null;
  key_plan: string | null;
  excellent_reason: string | null;
  follow_up_year: number | null;
  follow_up_count: Generated<number>;
  // 1070: the topic cited
  topic_id: string | null;
  topic_title: string | null;
  // 1080: 转办 and 优秀提案 year
  conversion_offer: string | null;
  conversion_status: string | null;
  converted_to: string | null;
  converted_at: string | null;
  converted_ref_id: string | null;
  excellent_year: number | null;
  // 1091: 签发 and 报出
  signer_id: string | null;
  signer_name: string | null;
  signed_at: string | null;
  reply_sent_at: string | null;
  // 1093: the reply the office released
  released_class: string | null;
  released_text: string | null;
}

/** 联名人 ('invited') and proposers of proposals merged in ('merged', 并案) */
export interface ProposalCosignersTable {
  proposal_id: string;
  user_id: string;
  tenant_id: string;
  name: string;
  kind: Generated<string>;
  confirmed_at: string | null;
}

/** 承办单位 of a proposal */
export interface ProposalUnitsTable {
  proposal_id: string;
  unit_id: string;
  tenant_id: string;
  unit_name: string;
  role: string;
  created_at: string;
}

/** 评价: one rating per proposer per reply round */
export interface ProposalEvaluationsTable {
  id: string;
  tenant_id: string;
  proposal_id: string;
  round: number;
  user_id: string;
  user_name: string;
  evaluator_kind: string;
  satisfaction: string;
  comment: string | null;
  created_at: string;
}

/** 双向评议 */
export interface ProposalMutualScoresTable {
  id: string;
  tenant_id: string;
  proposal_id: string;
  side: string;
  score: number;
  comment: string | null;
  scorer_user_id: string;
  scorer_name: string;
  scorer_org_id: string;
  created_at: string;
}

/** 承办任务: one per 分办 or 会办 unit */
export interface ProposalAssignmentsTable {
  id: string;
  tenant_id: string;
  proposal_id: string;
  unit_id: string;
  unit_name: string;
  role: string;
  title: string;
  reply_class: string | null;
  reply_text: string | null;
  opinion: string | null;
  due_date: string | null;
  /** 签收 */
  signed_at: string | null;
  done_at: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  // 1092: 签发 and 报出
  signer_id: string | null;
  signer_name: string | null;
  signed_off_at: string | null;
  reply_sent_at: string | null;
}

/** 面商记录 */
export interface ProposalConsultationsTable {
  id: string;
  tenant_id: string;
  proposal_id: string;
  unit_id: string;
  unit_name: string;
  method: string;
  date: string;
  people: string;
  notes: string;
  recorded_by_user_id: string;
  recorded_by_name: string;
  created_at: string;
}

/** 催办 / 超期提醒 claimed once across instances */
export interface ProposalRemindersTable {
  claim_key: string;
  tenant_id: string;
  task_id: string;
  kind: string;
  due_date: string;
  created_at: string;
}

/** 领衔督办 */
export interface ProposalKeyLeadersTable {
  proposal_id: string;
  user_id: string;
  tenant_id: string;
  name: string;
}

/** 督办记录 */
export interface ProposalSupervisionNotesTable {
  id: string;
  tenant_id: string;
  proposal_id: string;
  kind: string;
  date: string;
  content: string;
  author_user_id: string;
  author_name: string;
  created_at: string;
}

/** 选题参考目录 */
export interface ProposalTopicsTable {
  id: string;
  tenant_id: string;
  year: number;
  title: string;
  description: Generated<string>;
  area: string;
  /** JSON array of { id, name } */
  suggested_units: Generated<string>;
  status: string;
  sort: Generated<number>;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 优秀提案评选 round */
export interface ProposalExcellentRoundsTable {
  id: string;
  tenant_id: string;
  year: number;
  title: string;
  meeting_date: string | null;
  meeting_note: string | null;
  notice: string | null;
  published_at: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 优秀提案 提名 */
export interface ProposalExcellentNomineesTable {
  id: string;
  tenant_id: string;
  round_id: string;
  proposal_id: string;
  source: string;
  recommender_org_id: string | null;
  recommender_name: string;
  nominated_by: string;
  reason: string;
  status: string;
  decision_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProposalTables {
  proposals: ProposalsTable;
  proposal_cosigners: ProposalCosignersTable;
  proposal_units: ProposalUnitsTable;
  proposal_evaluations: ProposalEvaluationsTable;
  proposal_mutual_scores: ProposalMutualScoresTable;
  proposal_assignments: ProposalAssignmentsTable;
  proposal_consultations: ProposalConsultationsTable;
  proposal_reminders: ProposalRemindersTable;
  proposal_key_leaders: ProposalKeyLeadersTable;
  proposal_supervision_notes: ProposalSupervisionNotesTable;
  proposal_topics: ProposalTopicsTable;
  proposal_excellent_rounds: ProposalExcellentRoundsTable;
  proposal_excellent_nominees: ProposalExcellentNomineesTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `proposalDb(ctx.db)`. */
export const proposalDb = moduleDb<ProposalTables>;
export type ProposalDb = ModuleDb<ProposalTables>;
