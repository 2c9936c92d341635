/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const studiosPermissions = {
  create: 'studios.create',
  handle: 'studios.handle',
  readAll: 'studios.read_all',
} as const;
