/**
 * The 公益 tables (migrations 2800–2899). Amounts are whole 元 in bigint columns; dates 'YYYY-MM-DD' text.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 公益活动 (金秋助学 …) */
export interface CharityDrivesTable {
  id: string; tenant_id: string; name: string; starts_on: string; ends_on: string; target_yuan: number | null; intro: string;
  version: number; created_at: string; updated_at: string;
}
/** 捐赠: by a member (donor_user_id) or a unit (donor_name only) */
export interface CharityDonationsTable {
  id: string; tenant_id: string; drive_id: string; donor_kind: string; donor_user_id: string | null; donor_name: string;
  amount_yuan: number; donated_on: string; note: string | null; recorded_by: string; created_at: string;
}
/** 受助学生 (个人信息: name and school for the office only) */
export interface CharityBeneficiariesTable {
  id: string; tenant_id: string; drive_id: string; student_name: string; school: string; grade: string; amount_yuan: number; given_on: string;
  version: number; created_at: string; updated_at: string;
}
export interface CharityTables {
  charity_drives: CharityDrivesTable;
  charity_donations: CharityDonationsTable;
  charity_beneficiaries: CharityBeneficiariesTable;
}
export const charityDb = moduleDb<CharityTables>;
export type CharityDb = ModuleDb<CharityTables>;
export type DriveRow = CharityDrivesTable;
