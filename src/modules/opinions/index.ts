/** What other modules may use from 社情民意 (the reports' search policy is registered by the module itself). */
/** 履职档案: a member's 社情民意 points of a year (submitted, accepted, adopted, instructed and their rank), for the duty record. */
export { memberPointsOf } from './server/ranking.ts';
/** 履职档案: one member's 社情民意 of a year (reports with what each earned), their figures over the years, and every member's figures of a year. */
export { memberReportsOf, memberReportTrend, memberReportYears, memberReportCounts, type MemberReport, type MemberReportFigures } from './server/member-record.ts';
