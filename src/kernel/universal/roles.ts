/**
 * The kernel's roles: only the three separated administrator roles (三员分立). Business roles (政协委员, 提案委工作人员,
 * 承办单位经办人, …) are declared by the modules that bring them (`roles` in a manifest) and read from the catalogue
 * (`ctx.contributions.roles`, or `/api/roles` in the web app). Permissions per role live in the database.
 */

export interface KernelRole { code: AdminRoleCode; name: string; nameEn: string }

export type AdminRoleCode = 'sys_admin' | 'sec_admin' | 'audit_admin';

export const kernelRoles: readonly KernelRole[] = [
  { code: 'sys_admin', name: '系统管理员', nameEn: 'System administrator' },
  { code: 'sec_admin', name: '安全管理员', nameEn: 'Security administrator' },
  { code: 'audit_admin', name: '审计管理员', nameEn: 'Audit administrator' },
];

/** 三员分立: the three separated administrator roles. They require two-factor sign-in and read no business data. */
export const adminRoles: readonly string[] = kernelRoles.map((r) => r.code);
