/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const wenshiPermissions = {
  create: 'wenshi.create',
  handle: 'wenshi.handle',
  readAll: 'wenshi.read_all',
} as const;
