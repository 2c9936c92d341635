/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const charityPermissions = {
  create: 'charity.create',
  handle: 'charity.handle',
  readAll: 'charity.read_all',
} as const;
