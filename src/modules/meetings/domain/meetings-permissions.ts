/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const meetingsPermissions = {
  /** 组织会议: create, participants, notices, leave approval, staff sign-in, speech selection */
  manage: 'meetings.manage',
  /** 参加会议: leave requests, QR sign-in, speeches */
  attend: 'meetings.attend',
  /** 查看本级全部会议与出勤统计 */
  readAll: 'meetings.read_all',
} as const;
