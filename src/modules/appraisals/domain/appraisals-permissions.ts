/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const appraisalsPermissions = {
  create: 'appraisals.create',
  handle: 'appraisals.handle',
  readAll: 'appraisals.read_all',
} as const;
