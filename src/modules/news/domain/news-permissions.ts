/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const newsPermissions = {
  /** 撰写新闻（起草、提交审核）、登记媒体报道 */
  write: 'news.write',
  /** 审核发布新闻（不能审核自己写的）、撤回 */
  review: 'news.review',
  /** 起草和发送通知公告、查看阅读回执、催阅 */
  notices: 'news.notices',
  /** 接收通知公告（我的通知） */
  receive: 'news.receive',
  /** 查看本级全部新闻、媒体报道与统计 */
  readAll: 'news.read_all',
} as const;
