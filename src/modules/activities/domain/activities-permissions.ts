/** Permission codes of 履职活动: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const activitiesPermissions = {
  /** 组织活动: staff create any activity, keep the 委员之家 registry and the needs list, sign members in at the door */
  manage: 'activities.manage',
  /** 参加活动: members sign up, sign in, record their service; a 委员之家's convener also creates its activities */
  takePart: 'activities.take_part',
  /** read every activity, participation and service record of the CPPCC, and the figures */
  readAll: 'activities.read_all',
} as const;
