/** Permission codes of the topics and the plan. */
export const planPermissions = {
  /** 提出协商选题 (committee and office staff; the office enters a party's or group's topic for it) */
  propose: 'consultations.topic_propose',
  /** 整理选题、编制和调整年度协商计划 (the office) */
  manage: 'consultations.plan_manage',
  /** 审定年度协商计划 (the leaders, for the chair's meeting) */
  approve: 'consultations.plan_approve',
  /** 查看已审定的年度协商计划 */
  read: 'consultations.plan_read',
} as const;
