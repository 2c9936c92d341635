/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const livePermissions = {
  create: 'live.create',
  handle: 'live.handle',
  readAll: 'live.read_all',
} as const;
