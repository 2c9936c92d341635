/**
 * The module's tables (migrations 2900–2999). Rules are versioned by year: a year's rules are its rows in
 * `scores_rule_sets`, the highest version the one in force; an edit adds the next version (never overwrites one), so
 * a year's scores always say under which version they were computed. `scores_results` is the computed year (a
 * snapshot for the rankings), replaced as a whole by each recomputation.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 积分规则 (one version of a year's rules) */
export interface ScoresRuleSetsTable {
  id: string;
  tenant_id: string;
  /** 工作年度 */
  year: number;
  /** 1, 2, …: the version of the year's rules; also the optimistic version an edit is checked against */
  version: number;
  /** the preset it was copied from (e.g. 「济南」), or null */
  source: string | null;
  /** the RuleSet as JSON (base, maxTotal, items, bands, minimum) */
  rules: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

/** 年度积分 (one member's computed score of a year) */
export interface ScoresResultsTable {
  tenant_id: string;
  year: number;
  user_id: string;
  name: string;
  sector_id: string | null;
  total: number;
  grade: string;
  /** the rule version it was computed under */
  rule_version: number;
  /** the counts by figure key and points by item, as JSON */
  detail: string;
  computed_at: string;
}

/** 积分预警 sent: one row per member, year and period (quarter), so a warning is given once per period */
export interface ScoresWarningsTable {
  tenant_id: string;
  year: number;
  period: number;
  user_id: string;
  total: number;
  threshold: number;
  sent_at: string;
}

export interface ScoresTables {
  scores_rule_sets: ScoresRuleSetsTable;
  scores_results: ScoresResultsTable;
  scores_warnings: ScoresWarningsTable;
}

export const scoresDb = moduleDb<ScoresTables>;
export type ScoresDb = ModuleDb<ScoresTables>;
