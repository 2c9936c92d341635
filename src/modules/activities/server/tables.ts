/**
 * The module's tables as its own server code sees them (migrations 2100–2199). Ids and timestamps are text (UTC ISO),
 * dates 'YYYY-MM-DD' China dates, coordinates double precision. Read through `activitiesDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 委员之家: a members' home in a county or town, with its convener (召集人) and members. */
export interface ActivityHomesTable {
  id: string;
  tenant_id: string;
  name: string;
  /** 县区 and 乡镇/街道 */
  county: string;
  town: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  convener_user_id: string | null;
  convener_name: string | null;
  version: number;
  created_at: string;
}

export interface ActivityHomeMembersTable {
  home_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
}

/** 履职活动 */
export interface ActivitiesTable {
  id: string;
  tenant_id: string;
  /** activity-rules.ts: study, lecture, home, service, reading */
  kind: string;
  /** 服务类别 of a 服务为民 activity */
  service_kind: string | null;
  title: string;
  body: string;
  home_id: string | null;
  /** the county (县区) the activity counts for: its 委员之家's, or as given */
  county: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  /** sign-in radius in metres around (lat, lng) */
  radius_m: number;
  starts_at: string;
  ends_at: string;
  /** the China date of starts_at: the period filters and figures count on it */
  held_on: string;
  capacity: number | null;
  outcome: string | null;
  /** the key of the QR sign-in link's signature */
  signin_secret: string;
  owner_user_id: string;
  owner_name: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 参加活动: a member's sign-up and sign-in (a participation, 参加人次, is a sign-in). */
export interface ActivityParticipantsTable {
  id: string;
  activity_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  /** copies of the activity's, so a member's record and the figures read one table */
  kind: string;
  held_on: string;
  home_id: string | null;
  county: string | null;
  signed_up_at: string | null;
  signed_in_at: string | null;
  signed_in_by: string | null;
  signed_in_by_name: string | null;
  /** metres from the place when the phone sent its position */
  distance_m: number | null;
  version: number;
}

/** 需求清单: a need from a community or unit, matched to a member (suggested, then confirmed), served, done. */
export interface ActivityNeedsTable {
  id: string;
  tenant_id: string;
  title: string;
  detail: string;
  /** 提出单位 (社区、村、学校、单位) */
  source: string;
  county: string | null;
  /** the skills the need asks for, separated by 、 or commas */
  skills: string | null;
  service_kind: string;
  /** open (待匹配) → matched (已匹配) → done (已完成) */
  state: string;
  matched_user_id: string | null;
  matched_name: string | null;
  service_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 服务记录 (a good deed, 办好事): what a member did for whom, with people served, to completion. */
export interface ActivityServicesTable {
  id: string;
  tenant_id: string;
  activity_id: string | null;
  need_id: string | null;
  user_id: string;
  name: string;
  service_kind: string;
  content: string;
  people_served: number;
  on_date: string;
  county: string | null;
  home_id: string | null;
  /** ongoing (服务中) → done (已完成) */
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A member's 服务特长 (skills and county) for matching needs. */
export interface ActivityMemberSkillsTable {
  user_id: string;
  tenant_id: string;
  name: string;
  skills: string;
  county: string | null;
  updated_at: string;
}

/** 读书群 (书香政协): a reading group with its 领读人 (leader), members, books and notes. */
export interface ActivityReadingGroupsTable {
  id: string;
  tenant_id: string;
  name: string;
  intro: string;
  leader_user_id: string | null;
  leader_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ActivityReadingMembersTable {
  group_id: string;
  tenant_id: string;
  user_id: string;
  name: string;
  joined_at: string;
}
/** 书目 with its 阅读计划: a book the group reads from one China date to another. */
export interface ActivityReadingBooksTable {
  id: string;
  group_id: string;
  tenant_id: string;
  title: string;
  author: string | null;
  plan: string | null;
  starts_on: string;
  ends_on: string;
  created_at: string;
}
/** 读书打卡: a member's check-in with their note (读书心得), one per member, group and China day. */
export interface ActivityReadingNotesTable {
  id: string;
  tenant_id: string;
  group_id: string;
  book_id: string | null;
  /** a copy of the book's title, so the lists read one table */
  book_title: string | null;
  user_id: string;
  name: string;
  content: string;
  on_date: string;
  created_at: string;
}
/** 交流讨论: a reply to a note. */
export interface ActivityReadingRepliesTable {
  id: string;
  tenant_id: string;
  note_id: string;
  user_id: string;
  name: string;
  content: string;
  created_at: string;
}

export interface ActivitiesTables {
  activity_reading_groups: ActivityReadingGroupsTable;
  activity_reading_members: ActivityReadingMembersTable;
  activity_reading_books: ActivityReadingBooksTable;
  activity_reading_notes: ActivityReadingNotesTable;
  activity_reading_replies: ActivityReadingRepliesTable;
  activity_homes: ActivityHomesTable;
  activity_home_members: ActivityHomeMembersTable;
  activities: ActivitiesTable;
  activity_participants: ActivityParticipantsTable;
  activity_needs: ActivityNeedsTable;
  activity_services: ActivityServicesTable;
  activity_member_skills: ActivityMemberSkillsTable;
}

export const activitiesDb = moduleDb<ActivitiesTables>;
export type ActivitiesDb = ModuleDb<ActivitiesTables>;
export type ActivityRow = ActivitiesTable;
export type HomeRow = ActivityHomesTable;
export type ParticipantRow = ActivityParticipantsTable;
export type NeedRow = ActivityNeedsTable;
export type ServiceRow = ActivityServicesTable;
export type ReadingGroupRow = ActivityReadingGroupsTable;
export type ReadingNoteRow = ActivityReadingNotesTable;
