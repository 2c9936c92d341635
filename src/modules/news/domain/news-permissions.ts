/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const newsPermissions = {
  create: 'news.create',
  handle: 'news.handle',
  readAll: 'news.read_all',
} as const;
