/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const scoresPermissions = {
  /** 我的积分: a member reads their own score */
  readOwn: 'scores.read_own',
  /** 积分排名: every member's score of the CPPCC, the grade distribution, the export */
  readAll: 'scores.read_all',
  /** 积分规则: edit a year's rules, recompute */
  manage: 'scores.manage',
} as const;
