/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const recommendationsPermissions = {
  /** 录入建议 by hand (from a report or document) */
  create: 'recommendations.create',
  /** 反馈 and 延期申请: the responsible department */
  reply: 'recommendations.reply',
  /** 评估 (落实中 / 已落实 / 未落实 / 退回) and deciding extensions: the office */
  assess: 'recommendations.assess',
  /** every recommendation of the CPPCC, the board and the figures: the office and the leaders */
  readAll: 'recommendations.read_all',
  /** 记录批示: a leader's instruction received after the recommendation was sent (the office or the leader) */
  instruct: 'recommendations.instruct',
} as const;
