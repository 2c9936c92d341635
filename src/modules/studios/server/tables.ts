/**
 * The module's tables as its own server code sees them (migrations 2700–2799). Ids and timestamps are text, dates
 * 'YYYY-MM-DD' text, amounts whole 元 in bigint columns (numbers on both databases). Read them through `studiosDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 委员工作室 */
export interface StudiosTable {
  id: string; tenant_id: string; name: string;
  /** 类别: legal, finance, university, devzone, chamber, other */
  kind: string;
  intro: string;
  /** 召集人 */
  convener_user_id: string | null; convener_name: string | null;
  version: number; created_at: string; updated_at: string;
}
/** 工作室成员 (委员) */
export interface StudioMembersTable { studio_id: string; tenant_id: string; user_id: string; name: string; joined_at: string }
/** 工作室活动 */
export interface StudioActivitiesTable {
  id: string; tenant_id: string; studio_id: string; held_on: string; title: string; place: string | null;
  others: string | null; people_served: number; summary: string | null;
  recorded_by: string; recorded_by_name: string; created_at: string;
}
/** the members who took part in an activity (a member's 工作室活动 count) */
export interface StudioActivityMembersTable { activity_id: string; tenant_id: string; user_id: string; name: string; held_on: string }
/** 调解案件; `parties` is JSON text: [{ role, name, phone?, address? }] */
export interface StudioCasesTable {
  id: string; tenant_id: string; studio_id: string; matter: string; received_on: string; closed_on: string | null;
  outcome: string | null; agreement: string | null; parties: string;
  recorded_by: string; version: number; created_at: string; updated_at: string;
}
/** 承办委员 of a case */
export interface StudioCaseHandlersTable { case_id: string; tenant_id: string; user_id: string; name: string; received_on: string }
/** 企业融资需求 */
export interface StudioNeedsTable {
  id: string; tenant_id: string; studio_id: string; enterprise: string; amount_yuan: number; purpose: string; recorded_on: string;
  state: string; version: number; created_at: string; updated_at: string;
}
/** 银行金融产品 */
export interface StudioOffersTable { id: string; tenant_id: string; studio_id: string; bank: string; product: string; amount_yuan: number; recorded_on: string; created_at: string }
/** 放贷 (a need matched with an offer, or a loan recorded as granted) */
export interface StudioLoansTable {
  id: string; tenant_id: string; studio_id: string; need_id: string | null; offer_id: string | null; enterprise: string; bank: string;
  amount_yuan: number; granted_on: string; recorded_by: string; recorded_by_name: string; created_at: string;
}
/** 引进项目 */
export interface StudioProjectsTable {
  id: string; tenant_id: string; studio_id: string; name: string; investor: string; amount_yuan: number;
  /** talks 洽谈, signed 签约, landed 落地 */
  status: string; introduced_on: string; version: number; created_at: string; updated_at: string;
}

export interface StudiosTables {
  studios: StudiosTable;
  studio_members: StudioMembersTable;
  studio_activities: StudioActivitiesTable;
  studio_activity_members: StudioActivityMembersTable;
  studio_cases: StudioCasesTable;
  studio_case_handlers: StudioCaseHandlersTable;
  studio_needs: StudioNeedsTable;
  studio_offers: StudioOffersTable;
  studio_loans: StudioLoansTable;
  studio_projects: StudioProjectsTable;
}

export const studiosDb = moduleDb<StudiosTables>;
export type StudiosDb = ModuleDb<StudiosTables>;
export type StudioRow = StudiosTable;
export type CaseRow = StudioCasesTable;
