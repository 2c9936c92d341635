/**
 * The module's tables as its own server code sees them (migrations 3000–3099). Ids and timestamps are text,
 * integers numbers, flags 0/1. Read the database through `wenshiDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 文史资料: a submitted historical material with its metadata, its current (edited) text and its place in an issue */
export interface WenshiMaterialsTable {
  id: string;
  tenant_id: string;
  /** current title and text (the latest editor's revision, or the original) */
  title: string;
  body: string;
  /** 原稿: as submitted, never changed */
  original_title: string;
  original_body: string;
  /** 'member' (signed in) or 'public' (社会公众, from the public page) */
  source: string;
  /** the member who submitted (null for the public) */
  owner_user_id: string | null;
  contributor_name: string;
  /** 联系方式: shown to 文史委 staff only */
  contributor_contact: string | null;
  /** 时期、地点、人物、主题 */
  period: string | null;
  place: string | null;
  people: string | null;
  topic: string | null;
  decline_reason: string | null;
  /** 入辑: the issue, its section (栏目) and the position in its contents */
  issue_id: string | null;
  section: string | null;
  seq: number | null;
  /** 1 once its issue is published: the archive (资料库) shows it to everyone who uses the module */
  published: number;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 修改记录: each editor's revision of a material, kept */
export interface WenshiRevisionsTable {
  id: string;
  material_id: string;
  no: number;
  title: string;
  body: string;
  editor_id: string;
  editor_name: string;
  note: string | null;
  created_at: string;
}

/** 《长治文史》 issues (第N辑) */
export interface WenshiIssuesTable {
  id: string;
  tenant_id: string;
  number: number;
  year: number;
  title: string;
  editor: string;
  published: number;
  published_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WenshiTables {
  wenshi_materials: WenshiMaterialsTable;
  wenshi_revisions: WenshiRevisionsTable;
  wenshi_issues: WenshiIssuesTable;
}

export const wenshiDb = moduleDb<WenshiTables>;
export type WenshiDb = ModuleDb<WenshiTables>;
export type WenshiMaterialRow = WenshiMaterialsTable;
export type WenshiIssueRow = WenshiIssuesTable;
