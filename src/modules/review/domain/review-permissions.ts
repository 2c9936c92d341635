/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const reviewPermissions = {
  /** read the dashboard (领导驾驶舱) and the reviews of the CPPCCs the actor may see */
  read: 'review.read',
  /** write the wording, submit and publish (办公室) */
  edit: 'review.edit',
  /** 审定 (政协领导) */
  approve: 'review.approve',
} as const;
