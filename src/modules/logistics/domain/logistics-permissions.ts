/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const logisticsPermissions = {
  /** 接待 and 会务: plan receptions, keep logistics checklists and their templates */
  manage: 'logistics.manage',
  /** 审批接待方案 (the office head, or a leader) */
  approveReception: 'logistics.reception_approve',
  /** 申请用车 */
  requestTrip: 'logistics.trip_request',
  /** 审批用车 (办公室主任) */
  approveTrip: 'logistics.trip_approve',
  /** 派车: assign a vehicle and a driver, record the trip's mileage, keep the vehicles and drivers */
  dispatch: 'logistics.dispatch',
  /** read every 接待, 会务 and 用车 record of the CPPCC and the figures */
  readAll: 'logistics.read_all',
} as const;
