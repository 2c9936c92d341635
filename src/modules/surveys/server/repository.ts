/**
 * Reading 网络征集 (Kysely, both databases). Lists filter by the actor's CPPCC; staff who run or read surveys see all of
 * its surveys (`canSeeItem` says the same for one record).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { AnswersListQuery, SurveysListQuery } from '../contract.ts';
import type { Question } from '../domain/survey-form.ts';
import { surveysDb, type SurveyAnswerRow, type SurveysItemRow } from './tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';

export async function findItem(db: AnyModuleDb, id: string): Promise<SurveysItemRow | undefined> {
  return surveysDb(db).selectFrom('surveys_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByToken(db: AnyModuleDb, token: string): Promise<SurveysItemRow | undefined> {
  return surveysDb(db).selectFrom('surveys_items').selectAll().where('share_token', '=', token).executeTakeFirst();
}

export const questionsOf = (r: Pick<SurveysItemRow, 'questions'>): Question[] => {
  try { return JSON.parse(r.questions || '[]') as Question[]; } catch { return []; }
};
export const audienceIdsOf = (r: Pick<SurveysItemRow, 'audience_user_ids'>): string[] => {
  try { return JSON.parse(r.audience_user_ids || '[]') as string[]; } catch { return []; }
};

/** A China date's first instant as stored UTC text (timestamps are UTC; a China day starts 8 hours earlier). */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** One page of the CPPCC's surveys that match the query, newest first, with the total for 共 N 条. */
export async function listItems(db: AnyModuleDb, actor: Actor, q: SurveysListQuery): Promise<{ rows: SurveysItemRow[]; total: number }> {
  const tdb = surveysDb(db);
  let base = tdb.selectFrom('surveys_items').where('tenant_id', '=', actor.tenantId);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  // a period of China dates on the publication (问卷 held in the period); drafts were never held
  if (q.from) base = base.where('published_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('published_at', '<', chinaDayStart(nextDay(q.to)));
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** How many answers each survey has. */
export async function answerCounts(db: AnyModuleDb, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await surveysDb(db).selectFrom('survey_answers').select((eb) => ['survey_id', eb.fn.countAll<number>().as('n')]).where('survey_id', 'in', ids).groupBy('survey_id').execute();
  return new Map(rows.map((r) => [r.survey_id, Number(r.n)]));
}

/** One page of the CPPCC's answers (all, or those of one survey; public: not from an account), newest first. */
export async function listAnswers(db: AnyModuleDb, tenantId: string, q: AnswersListQuery): Promise<{ rows: Array<SurveyAnswerRow & { survey_title: string }>; total: number }> {
  let base = surveysDb(db).selectFrom('survey_answers as a').innerJoin('surveys_items as s', 's.id', 'a.survey_id').where('a.tenant_id', '=', tenantId);
  if (q.survey) base = base.where('a.survey_id', '=', q.survey);
  if (q.kind === 'public') base = base.where('a.respondent_kind', '<>', 'account');
  if (q.from) base = base.where('a.created_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('a.created_at', '<', chinaDayStart(nextDay(q.to)));
  const [rows, total] = await Promise.all([
    base.selectAll('a').select('s.title as survey_title').orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every answer to a survey, oldest first (results, exports). */
export async function allAnswers(db: AnyModuleDb, surveyId: string): Promise<SurveyAnswerRow[]> {
  return surveysDb(db).selectFrom('survey_answers').selectAll().where('survey_id', '=', surveyId).orderBy('created_at').orderBy('id').execute();
}

/** The survey's history as the workflow runner wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'survey', id);
}
