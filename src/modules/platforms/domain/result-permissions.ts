/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const platformsPermissions = {
  /** 查看本级及下级的协商平台、活动、成果和统计 */
  read: 'platforms.read',
  /** 登记、修改、导入协商平台，记录任一平台的活动和成果 */
  manage: 'platforms.manage',
  /** 召集人：记录本人召集的平台的议题、活动和成果 */
  convene: 'platforms.convene',
} as const;
