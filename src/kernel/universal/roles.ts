/** The role vocabulary shared by every module: codes in English, names in Chinese. Permissions per role live in the database. */

export const roleCatalogue = {
  member: { name: '政协委员', nameEn: 'CPPCC member' },
  informant: { name: '特邀信息员', nameEn: 'Special informant' },
  proposal_staff: { name: '提案委工作人员', nameEn: 'Proposal office staff' },
  info_editor: { name: '研究中心编辑', nameEn: 'Information editor' },
  committee_staff: { name: '专委会工作人员', nameEn: 'Special committee staff' },
  office_staff: { name: '办公室工作人员', nameEn: 'General office staff' },
  unit_handler: { name: '承办单位经办人', nameEn: 'Handling unit clerk' },
  unit_leader: { name: '承办单位分管领导', nameEn: 'Handling unit leader' },
  leader: { name: '政协领导', nameEn: 'CPPCC leader' },
  sys_admin: { name: '系统管理员', nameEn: 'System administrator' },
  sec_admin: { name: '安全管理员', nameEn: 'Security administrator' },
  audit_admin: { name: '审计管理员', nameEn: 'Audit administrator' },
} as const;

export type RoleCode = keyof typeof roleCatalogue;
export const roleCodes = Object.keys(roleCatalogue) as RoleCode[];

/** 三员分立: the three separated administrator roles. They require two-factor sign-in and read no business data. */
export const adminRoles: readonly RoleCode[] = ['sys_admin', 'sec_admin', 'audit_admin'];

/** Roles whose work is business data (proposals, reports, …); an administrator role never combines with these. */
export const businessRoles: readonly RoleCode[] = roleCodes.filter((r) => !adminRoles.includes(r));
