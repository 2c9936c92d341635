/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const logisticsPermissions = {
  create: 'logistics.create',
  handle: 'logistics.handle',
  readAll: 'logistics.read_all',
} as const;
