/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const activitiesPermissions = {
  create: 'activities.create',
  handle: 'activities.handle',
  readAll: 'activities.read_all',
} as const;
