/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const meetingsPermissions = {
  create: 'meetings.create',
  handle: 'meetings.handle',
  readAll: 'meetings.read_all',
} as const;
