/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const templatePermissions = {
  create: 'template.create',
  handle: 'template.handle',
  readAll: 'template.read_all',
} as const;
