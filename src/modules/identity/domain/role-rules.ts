/**
 * 三员分立: the three administrator roles (系统管理员, 安全管理员, 审计管理员) are separate from each other's powers
 * and from business work. These rules decide which role sets and which grants are allowed. Pure.
 */
import { adminRoles } from '../../../kernel/universal/roles.ts';

export const isAdminRole = (code: string) => adminRoles.includes(code);

/** Why a set of roles cannot be held by one user, or null. */
export function roleSetProblem(codes: readonly string[]): string | null {
  const admins = codes.filter(isAdminRole);
  const business = codes.filter((c) => !isAdminRole(c));
  if (admins.length && business.length) return '管理员角色不能与业务角色授予同一用户（三员分立）';
  if (admins.length > 1) return '系统管理员、安全管理员、审计管理员须由不同用户担任（三员分立）';
  return null;
}

export interface CataloguePermission { code: string; name: string; defaultRoles: readonly string[] }

/** An administrative permission is one whose default holders are administrator roles only. */
export function isAdminPermission(p: CataloguePermission): boolean {
  return p.defaultRoles.length > 0 && p.defaultRoles.every(isAdminRole);
}

/**
 * Why `permission` may not be granted to `role`, or null. An administrator role may hold only the administrative
 * permissions meant for it; a business role may hold no administrative permission.
 */
export function grantProblem(role: string, p: CataloguePermission): string | null {
  if (isAdminRole(role)) {
    if (!isAdminPermission(p)) return `管理员角色不能授予业务权限「${p.name}」（三员分立）`;
    if (!p.defaultRoles.includes(role)) return `权限「${p.name}」属于其他管理员角色（三员分立）`;
    return null;
  }
  if (isAdminPermission(p)) return `业务角色不能授予管理权限「${p.name}」`;
  return null;
}
