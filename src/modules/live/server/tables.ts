/**
 * The module's tables as its own server code sees them (migrations 1900–1999). Read the database through
 * `liveDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 议政会 (a session of 网络议政) */
export interface LiveSessionsTable {
  id: string;
  tenant_id: string;
  title: string;
  /** 议题背景 (materials are attachments of the session) */
  topic: string;
  /** 开始、结束时间 (ISO UTC) */
  opens_at: string;
  closes_at: string;
  /** JSON arrays: 主持人 (user ids), 应邀部门 (unit org ids), 特邀专家 (user ids) */
  host_user_ids: string;
  responder_unit_ids: string;
  expert_user_ids: string;
  /** none | link | phone */
  public_access: string;
  /** the random key of the public link */
  public_key: string;
  /** 1: public contributions wait for a host (先审后发) */
  moderate_public: number;
  /** 协商活动 the session belongs to, if any (by id; the consultations module is not read) */
  consultation_id: string | null;
  /** the last stream event's number */
  event_seq: number;
  created_by: string;
  created_by_name: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LiveParticipantsTable {
  id: string;
  session_id: string;
  user_id: string | null;
  org_id: string | null;
  role: string;
  display_name: string;
  /** sha-256 of a public participant's token */
  token_hash: string | null;
  phone_hash: string | null;
  created_at: string;
}

export interface LivePhoneCodesTable {
  id: string;
  session_id: string;
  phone_hash: string;
  code_hash: string;
  expires_at: string;
  attempts: number;
  created_at: string;
}

export interface LiveContributionsTable {
  id: string;
  session_id: string;
  tenant_id: string;
  participant_id: string;
  role: string;
  author_name: string;
  kind: string;
  body: string;
  status: string;
  /** JSON array of the sensitive words found, if any */
  flagged_words: string | null;
  reject_reason: string | null;
  /** an answer's question */
  reply_to: string | null;
  /** a question routed to a department (转交部门) */
  routed_unit_id: string | null;
  routed_unit_name: string | null;
  answered_at: string | null;
  /** 会后转办: 'recommendation' (委员建议, tracked) or 'opinion' (社情民意 draft), when and by whom (migration 1901) */
  followup_kind: string | null;
  followup_at: string | null;
  followup_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LiveStatementsTable {
  id: string;
  session_id: string;
  participant_id: string;
  author_name: string;
  role: string;
  body: string;
  status: string;
  created_at: string;
}

export interface LiveVotesTable {
  statement_id: string;
  participant_id: string;
  session_id: string;
  value: number;
  at: string;
}

export interface LiveEventsTable {
  session_id: string;
  seq: number;
  kind: string;
  hosts_only: number;
  data: string;
  at: string;
}

export interface LiveGroupsTable {
  session_id: string;
  data: string;
  computed_at: string;
}

/** 到场: an invited person who came into the open room (migration 1902) */
export interface LiveAttendanceTable {
  session_id: string;
  user_id: string;
  role: string;
  first_at: string;
}

export interface LiveTables {
  live_sessions: LiveSessionsTable;
  live_participants: LiveParticipantsTable;
  live_phone_codes: LivePhoneCodesTable;
  live_contributions: LiveContributionsTable;
  live_statements: LiveStatementsTable;
  live_votes: LiveVotesTable;
  live_events: LiveEventsTable;
  live_groups: LiveGroupsTable;
  live_attendance: LiveAttendanceTable;
}

export const liveDb = moduleDb<LiveTables>;
export type LiveDb = ModuleDb<LiveTables>;
export type LiveSessionRow = LiveSessionsTable;
export type LiveContributionRow = LiveContributionsTable;
export type LiveParticipantRow = LiveParticipantsTable;
