/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const portalPermissions = {
  /** 门户设置: the portal's title, contact, sections shown and their order */
  manage: 'portal.manage',
} as const;
