/**
 * The kinds of record the 社情民意 module owns, as its manifest declares them: a report (信息, entity type 'opinion',
 * indexed for the search as source 'report'), an issue of the journal (期刊) and a topic (选题). The search finds a
 * report for whoever may see it in the lists; its attachments are read by whoever may see the report.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeReport } from '../domain/opinion-policy.ts';
import { findReport } from './report-repository.ts';
import { opinionDb } from './tables.ts';
import { REPORT_SOURCE, visibleReportFacts } from './search-index.ts';

const enc = encodeURIComponent;

/** the titles of these rows of one of the module's tables */
const titlesOf = (table: 'opinion_reports' | 'opinion_issues' | 'opinion_topics'): NonNullable<EntityDecl['titles']> => async (ctx, ids) => {
  const db = opinionDb(ctx.db);
  const rows = table === 'opinion_reports' ? await db.selectFrom('opinion_reports').select(['id', 'title']).where('id', 'in', ids).execute()
    : table === 'opinion_issues' ? await db.selectFrom('opinion_issues').select(['id', 'title']).where('id', 'in', ids).execute()
      : await db.selectFrom('opinion_topics').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
};

export const opinionEntities: EntityDecl[] = [
  {
    type: 'opinion', label: '社情民意信息', labelEn: 'Public opinion report', link: (id) => `/opinions/${enc(id)}`, titles: titlesOf('opinion_reports'),
    visibleIds: (ctx, actor, ids) => visibleReportFacts(ctx.db, ctx.dialect, actor, ids),
    searchSources: [REPORT_SOURCE],
    async attachments(ctx, actor, id) {
      const r = await findReport(ctx.db, id);
      return !!r && canSeeReport(r, actor);
    },
  },
  { type: 'opinion_issue', label: '社情民意期刊', labelEn: 'Opinion journal issue', link: (id) => `/opinions/issues/${enc(id)}`, titles: titlesOf('opinion_issues') },
  { type: 'opinion_topic', label: '社情民意选题', labelEn: 'Opinion topic', link: (id) => `/opinions/topics/${enc(id)}`, titles: titlesOf('opinion_topics') },
];
