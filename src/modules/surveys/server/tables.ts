/**
 * The module's tables as its own server code sees them (migrations 2000–2099). Column types follow the migrations on
 * both databases: ids and timestamps are text, dates 'YYYY-MM-DD' text, JSON as text, integers numbers. Read the
 * database through `surveysDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 网络征集（问卷）: one survey with its form, audience and dates. */
export interface SurveysItemsTable {
  id: string;
  /** the CPPCC the survey belongs to; every query filters by it */
  tenant_id: string;
  title: string;
  /** 说明 (intro shown above the questions) */
  body: string;
  /** who created it, and their name as it was then */
  owner_user_id: string;
  owner_name: string;
  /** unused since 2001 (the template's deadline); kept so the first migration stays as shipped */
  due_date: string | null;
  return_reason: string | null;
  result: string | null;
  state: string;
  /** optimistic version: every write sets version + 1 where version = the version the client read (else 409) */
  version: number;
  created_at: string;
  updated_at: string;
  /** the form: Question[] as JSON (domain/survey-form.ts) */
  questions: string;
  /** 征集对象: public | members | list */
  audience: string;
  /** 指定人员: user ids as JSON, for audience 'list' */
  audience_user_ids: string;
  /** 允许匿名填写 (public surveys): 1 or 0 */
  allow_anonymous: number;
  /** 征集时间: China dates, inclusive */
  opens_on: string | null;
  closes_on: string | null;
  /** the share link's token (二维码/链接) and the secret that keys phone numbers and anonymous tokens */
  share_token: string;
  share_secret: string;
  published_at: string | null;
}

/** 答卷: one person's answers to one survey. */
export interface SurveyAnswersTable {
  id: string;
  survey_id: string;
  tenant_id: string;
  /** who answered, as the one-answer rule sees it: 'u:<user id>', 'p:<keyed phone hash>' or 'a:<token nonce>' */
  respondent_key: string;
  /** account | phone | anonymous */
  respondent_kind: string;
  user_id: string | null;
  /** Answers as JSON */
  answers: string;
  created_at: string;
}

/** 短信验证码: the code sent to a phone for one survey (hashed), until it expires or is used. */
export interface SurveyPhoneCodesTable {
  /** '<survey id>:<keyed phone hash>' */
  id: string;
  survey_id: string;
  code_hash: string;
  sent_at: string;
  expires_at: string;
  attempts: number;
}

export interface SurveysTables {
  surveys_items: SurveysItemsTable;
  survey_answers: SurveyAnswersTable;
  survey_phone_codes: SurveyPhoneCodesTable;
}

export const surveysDb = moduleDb<SurveysTables>;
export type SurveysDb = ModuleDb<SurveysTables>;
export type SurveysItemRow = SurveysItemsTable;
export type SurveyAnswerRow = SurveyAnswersTable;
