/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const surveysPermissions = {
  create: 'surveys.create',
  handle: 'surveys.handle',
  readAll: 'surveys.read_all',
} as const;
