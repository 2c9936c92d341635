/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const portalPermissions = {
  create: 'portal.create',
  handle: 'portal.handle',
  readAll: 'portal.read_all',
} as const;
