/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const surveysPermissions = {
  /** 新建、编辑、发布、截止和归档问卷，查看结果 */
  create: 'surveys.create',
  /** 查看本级全部问卷与结果 */
  readAll: 'surveys.read_all',
} as const;
