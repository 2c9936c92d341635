/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const wenshiPermissions = {
  /** 投稿: a signed-in person submits a historical material */
  create: 'wenshi.create',
  /** 审核、编辑、编辑辑刊: the 文史委 staff's work */
  handle: 'wenshi.handle',
  /** read every material of the CPPCC and the figures */
  readAll: 'wenshi.read_all',
} as const;
