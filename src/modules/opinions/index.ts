/** What other modules may use from 社情民意: which reports a person may see, with their current state (for search). */
export { visibleReportFacts, REPORT_SOURCE, type ReportSearchFacts } from './server/search-index.ts';
/** 履职档案: a member's 社情民意 points of a year (submitted, accepted, adopted, instructed and their rank), for the duty record. */
export { memberPointsOf } from './server/ranking.ts';
