/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const scoresPermissions = {
  create: 'scores.create',
  handle: 'scores.handle',
  readAll: 'scores.read_all',
} as const;
