/** Permission codes of 调研视察: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const inspectionPermissions = {
  /** 组织调研视察: plan, run, draft the report, send it (the lead committee's staff and the office) */
  manage: 'inspections.manage',
  /** 审定年度计划: record the chair's meeting approval (the office) */
  approve: 'inspections.approve',
  /** 签发调研视察报告 (the leaders, the secretary-general among them) */
  signOff: 'inspections.sign_off',
  /** 查看本级全部调研视察与统计 */
  readAll: 'inspections.read_all',
  /** 参加调研视察: sign in, add photos, notes and documents on a phone (the members) */
  takePart: 'inspections.take_part',
} as const;
