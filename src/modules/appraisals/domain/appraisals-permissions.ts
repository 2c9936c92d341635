/** Permission codes of 民主评议: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const appraisalsPermissions = {
  /** 组织评议: set up an appraisal, run the vote, publish results, send rectification items (the office) */
  manage: 'appraisals.manage',
  /** 参加满意度测评: vote on the spot (委员) */
  vote: 'appraisals.vote',
  /** 被评议单位: upload the self-report (自查报告), see the unit's results and rectification (承办单位) */
  selfReport: 'appraisals.self_report',
  /** read every appraisal of the CPPCC with turnout, results and figures (the office, the leaders) */
  readAll: 'appraisals.read_all',
} as const;
