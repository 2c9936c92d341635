/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const documentsPermissions = {
  create: 'documents.create',
  handle: 'documents.handle',
  readAll: 'documents.read_all',
} as const;
