/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const inspectionsPermissions = {
  create: 'inspections.create',
  handle: 'inspections.handle',
  readAll: 'inspections.read_all',
} as const;
