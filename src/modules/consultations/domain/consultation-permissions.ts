/** Permission codes. The manifest declares them with their Chinese names and default roles. */
export const consultationPermissions = {
  /** 组织协商活动: schedule, invite, send notice and materials, sign in, record, draft the outcome (专委会 and 办公室) */
  manage: 'consultations.manage',
  /** 签发协商成果 (秘书长, 政协领导) */
  signOff: 'consultations.sign_off',
  /** 查看本级全部协商活动与统计 */
  readAll: 'consultations.read_all',
  /** 参加协商活动: answer the invitation, hand in a written speech, sign in (委员) */
  attend: 'consultations.attend',
} as const;
