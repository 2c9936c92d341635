/**
 * The module's tables as its own server code sees them (migrations 1400–1499). Column types follow the migrations on
 * both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, integers numbers. Read the database through
 * `platformsDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 协商平台 (有事来商量议事平台): one per village (村/社区) or town (乡镇/街道), registered by its county CPPCC. */
export interface PlatformsRegistryTable {
  id: string;
  /** the county CPPCC (a tenant) the platform belongs to; the city sees every county's */
  tenant_id: string;
  /** 乡镇/街道 */
  town: string;
  /** 村/社区; empty for a platform of the town itself */
  village: string;
  /** 平台名称 */
  name: string;
  /** 召集人: a member (user id) or a named local person (name only) */
  convener_user_id: string | null;
  convener_name: string;
  convener_phone: string | null;
  /** attached members (联系委员), user ids separated by commas */
  member_user_ids: string;
  /** 设立日期 */
  established_on: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 议题清单: a topic brought to the platform (raised by a resident, a village committee, a member). */
export interface PlatformsTopicsTable {
  id: string;
  tenant_id: string;
  platform_id: string;
  title: string;
  /** 提出人 (a person or body, as written) */
  raised_by: string;
  raised_on: string;
  /** 'open' 待协商, 'consulted' 已协商, 'dropped' 不予协商 */
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 协商活动: one consultation held by a platform. */
export interface PlatformsActivitiesTable {
  id: string;
  tenant_id: string;
  platform_id: string;
  /** the topic of the topic list it took up, if any */
  topic_id: string | null;
  topic: string;
  held_on: string;
  /** 参加委员人数 and 参加群众人数 */
  members_count: number;
  residents_count: number;
  /** 参加人员 (names as written) */
  participants: string;
  /** 协商纪要 */
  minutes: string;
  recorded_by: string;
  recorded_by_name: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 成果清单: a result of a consultation, handed to the responsible body and tracked to 已落实 and evaluated. */
export interface PlatformsResultsTable {
  id: string;
  tenant_id: string;
  platform_id: string;
  activity_id: string;
  /** the platform's convener at hand-over: the work item (待落实, 待评价) is theirs */
  convener_user_id: string | null;
  content: string;
  /** 责任单位 (a village committee, a town office, a county bureau: as written) */
  responsible_body: string;
  /** 交办日期 and 落实期限 */
  handed_on: string;
  due_date: string;
  state: string;
  /** 落实情况 (反馈) and the day it was implemented */
  feedback: string | null;
  implemented_on: string | null;
  /** 群众评价: satisfied 满意, basically 基本满意, unsatisfied 不满意 */
  evaluation: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 乡镇工作人员: the town a platform staff account is limited to (no row: the whole county). */
export interface PlatformsStaffTownsTable {
  user_id: string;
  tenant_id: string;
  town: string;
  updated_at: string;
}

export interface PlatformsTables {
  platforms_staff_towns: PlatformsStaffTownsTable;
  platforms_registry: PlatformsRegistryTable;
  platforms_topics: PlatformsTopicsTable;
  platforms_activities: PlatformsActivitiesTable;
  platforms_results: PlatformsResultsTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `platformsDb(ctx.db)`. */
export const platformsDb = moduleDb<PlatformsTables>;
export type PlatformsDb = ModuleDb<PlatformsTables>;
export type PlatformRow = PlatformsRegistryTable;
export type TopicRow = PlatformsTopicsTable;
export type ActivityRow = PlatformsActivitiesTable;
export type ResultRow = PlatformsResultsTable;
