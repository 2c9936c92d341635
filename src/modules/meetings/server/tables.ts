/**
 * The module's tables as its own server code sees them (migrations 2600–2699). Ids and timestamps are text (UTC
 * instants), dates 'YYYY-MM-DD' China dates, integers numbers. Read through `meetingsDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 会议: one meeting (全体会议, 常委会议 or 主席会议) with its agenda. */
export interface MeetingsTable {
  id: string;
  tenant_id: string;
  /** 会议类别: plenary | standing | chairs */
  kind: string;
  title: string;
  place: string;
  /** notes for the participants (会议说明) */
  body: string;
  /** 议程: JSON array of { title, presenter } */
  agenda: string;
  /** the China date of the first session (the period figures count by) */
  held_on: string;
  /** the key of the QR sign-in links' signatures (never sent out) */
  signin_secret: string;
  owner_user_id: string;
  owner_name: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 会次: one half-day session of a meeting; sign-ins are per session. */
export interface MeetingSessionsTable {
  id: string;
  meeting_id: string;
  tenant_id: string;
  seq: number;
  label: string;
  starts_at: string;
  ends_at: string;
}

/** 参会人员: who is expected, their leave (请假) and, once the meeting is closed, their attendance (出勤). */
export interface MeetingParticipantsTable {
  id: string;
  meeting_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  /** kind: resolved from the meeting's kind; added: added one by one */
  source: string;
  leave_state: string | null;
  leave_reason: string | null;
  leave_decided_by: string | null;
  leave_decided_at: string | null;
  /** present | leave | absent, fixed when the meeting closes (null before) */
  attendance: string | null;
  /** copies of the meeting's for the member's attendance list (figures count by them without a join) */
  kind: string;
  held_on: string;
  closed: number;
  version: number;
  created_at: string;
}

/** 签到: one member present at one session, by QR on their phone or marked by staff. */
export interface MeetingSignInsTable {
  id: string;
  session_id: string;
  meeting_id: string;
  tenant_id: string;
  user_id: string;
  signed_in_at: string;
  signed_in_by: string;
  by_staff: number;
}

/** 大会发言: a written or oral speech submitted by a member, selected (采用) or not by the staff. */
export interface MeetingSpeechesTable {
  id: string;
  meeting_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  kind: string;
  title: string;
  body: string;
  state: string;
  held_on: string;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
}

export interface MeetingsTables {
  meetings: MeetingsTable;
  meeting_sessions: MeetingSessionsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_signins: MeetingSignInsTable;
  meeting_speeches: MeetingSpeechesTable;
}

export const meetingsDb = moduleDb<MeetingsTables>;
export type MeetingsDb = ModuleDb<MeetingsTables>;
export type MeetingRow = MeetingsTable;
export type SessionRow = MeetingSessionsTable;
export type ParticipantRow = MeetingParticipantsTable;
export type SpeechRow = MeetingSpeechesTable;
