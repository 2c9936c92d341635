/**
 * The module's tables as its own server code sees them (migrations 2300–2399). Read through `newsDb(ctx.db)`.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 新闻 */
export interface NewsItemsTable {
  id: string;
  tenant_id: string;
  /** 栏目 code (要闻动态 headlines, 委员风采 members, …) */
  column_code: string;
  title: string;
  /** 摘要, plain text (a line under the title); null: the first words of the body */
  summary: string | null;
  /** sanitised HTML (domain/news-html.ts): the only form ever stored */
  body: string;
  /** 发布渠道, comma-separated: 'website,wechat' */
  channels: string;
  /** the author (作者) and their name as it was then */
  owner_user_id: string;
  owner_name: string;
  /** who published it (审核人), never the author */
  reviewer_user_id: string | null;
  reviewer_name: string | null;
  return_reason: string | null;
  /** 发布日期 (China date) and instant, set on publication */
  published_on: string | null;
  published_at: string | null;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 媒体报道: a report on the CPPCC or its members in outside media. */
export interface NewsMediaTable {
  id: string;
  tenant_id: string;
  /** 媒体 */
  outlet: string;
  /** 报道日期 */
  report_date: string;
  title: string;
  /** http/https only */
  url: string;
  column_code: string;
  /** JSON arrays: the related members' user ids and names */
  member_ids: string;
  member_names: string;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 通知公告 */
export interface NewsNoticesTable {
  id: string;
  tenant_id: string;
  title: string;
  /** sanitised HTML */
  body: string;
  /** 通知对象 (domain/news-columns.ts noticeAudiences) and the group for 界别/专委会 */
  audience: string;
  audience_ref: string | null;
  /** e.g. 全体委员, 经济界委员 (as it was when sent) */
  audience_label: string;
  owner_user_id: string;
  owner_name: string;
  /** draft | sent | withdrawn */
  state: string;
  sent_on: string | null;
  sent_at: string | null;
  /** addressees when sent (= its receipts) */
  addressed: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** 阅读回执: one per addressee; read_at null = 未读. */
export interface NewsNoticeReceiptsTable {
  notice_id: string;
  user_id: string;
  tenant_id: string;
  user_name: string;
  read_at: string | null;
  reminded_at: string | null;
  reminders: number;
}

export interface NewsTables {
  news_items: NewsItemsTable;
  news_media: NewsMediaTable;
  news_notices: NewsNoticesTable;
  news_notice_receipts: NewsNoticeReceiptsTable;
}

export const newsDb = moduleDb<NewsTables>;
export type NewsDb = ModuleDb<NewsTables>;
export type NewsItemRow = NewsItemsTable;
export type NewsMediaRow = NewsMediaTable;
export type NewsNoticeRow = NewsNoticesTable;
