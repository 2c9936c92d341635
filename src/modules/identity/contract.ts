/** Request and response schemas of the 用户与权限 module, shared by the server and the web app. */
import { z } from 'zod';
import { pageQuery, pageOf } from '../../kernel/universal/pagination.ts';

export const localeSchema = z.enum(['zh-CN', 'en']).describe('语言');

/** The signed-in user as the web app needs them: identity, organisation, roles, permissions, preferences. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  permissions: z.array(z.string()),
  preferences: z.object({ largeText: z.boolean(), locale: localeSchema }),
  totpEnabled: z.boolean(),
  mustEnrollTotp: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponse = z.object({ user: meSchema, csrfToken: z.string() });
/** The session probe: whether anyone is signed in here, answered 200 either way (a visit to the login page logs no error). */
export const sessionProbeResponse = z.union([
  z.object({ signedIn: z.literal(false) }),
  z.object({ signedIn: z.literal(true), user: meSchema, csrfToken: z.string() }),
]);

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(256).describe('密码'),
  totp: z.string().regex(/^\d{6}$/, '须为 6 位数字').optional().describe('动态验证码'),
});

export const passwordBody = z.object({
  currentPassword: z.string().min(1).max(256).describe('当前密码'),
  newPassword: z.string().min(1).max(256).describe('新密码'),
});

export const preferencesBody = z.object({
  largeText: z.boolean().optional().describe('大字模式'),
  locale: localeSchema.optional(),
});
export const preferencesResponse = z.object({ largeText: z.boolean(), locale: localeSchema });

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpEnableBody = z.object({ code: z.string().regex(/^\d{6}$/, '须为 6 位数字').describe('动态验证码') });

export const okResponse = z.object({ ok: z.literal(true) });

/* ---------- administration ---------- */

export const roleAssignment = z.object({
  code: z.string().min(1).max(40).describe('角色'),
  orgId: z.string().min(1).max(40).optional().describe('任职组织'),
});

export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  tenantId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.object({ code: z.string(), name: z.string(), orgId: z.string() })),
  active: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.array(z.enum(['edit', 'resetPassword', 'unlock', 'setRoles'])),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(64).optional().describe('关键词'),
  orgId: z.string().max(40).optional().describe('组织'),
  role: z.string().max(40).optional().describe('角色'),
});
export const userListResponse = pageOf(userSummarySchema);

const username = z.string().trim().min(3).max(64).regex(/^[a-zA-Z0-9_.-]+$/, '只能包含字母、数字、下划线、点和连字符');

export const createUserBody = z.object({
  username: username.describe('用户名'),
  displayName: z.string().trim().min(1).max(50).describe('姓名'),
  orgId: z.string().min(1).max(40).describe('所属组织'),
  password: z.string().min(1).max(256).describe('初始密码'),
  roles: z.array(roleAssignment).max(20).default([]).describe('角色'),
  email: z.string().trim().email().max(200).optional().describe('电子邮箱'),
  phone: z.string().trim().max(30).optional().describe('手机号码'),
});

export const updateUserBody = z.object({
  version: z.number().int().min(1).describe('版本号'),
  displayName: z.string().trim().min(1).max(50).optional().describe('姓名'),
  orgId: z.string().min(1).max(40).optional().describe('所属组织'),
  email: z.string().trim().email().max(200).nullable().optional().describe('电子邮箱'),
  phone: z.string().trim().max(30).nullable().optional().describe('手机号码'),
  active: z.boolean().optional().describe('是否启用'),
});

export const userIdParams = z.object({ id: z.string().min(1).max(40).describe('用户编号') });

export const resetPasswordBody = z.object({ password: z.string().min(1).max(256).optional().describe('新密码') });
export const resetPasswordResponse = z.object({ temporaryPassword: z.string() });

export const setUserRolesBody = z.object({
  roles: z.array(roleAssignment).max(20).describe('角色'),
  version: z.number().int().min(1).optional().describe('版本号（提供时，过期版本返回 409）'),
});

export const roleSchema = z.object({
  code: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  description: z.string().nullable(),
  admin: z.boolean(),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
  actions: z.array(z.enum(['setPermissions'])),
});
export const rolesResponse = z.object({ items: z.array(roleSchema) });
/** The role catalogue (the kernel's administrator roles and the business roles the modules declare), for role pickers. */
export const roleOption = z.object({ code: z.string(), name: z.string(), admin: z.boolean(), module: z.string() });
export const roleOptionsResponse = z.object({ items: z.array(roleOption) });
export type RoleOption = z.infer<typeof roleOption>;
export const roleCodeParams = z.object({ code: z.string().min(1).max(40).describe('角色代码') });
export const setRolePermissionsBody = z.object({ permissions: z.array(z.string().min(1).max(80).describe('权限')).max(500).describe('权限') });

/** A sign-in wait in force (登录锁定): one username from one address, after repeated failures. */
export const loginLockSchema = z.object({
  username: z.string(),
  /** the account's id and name, when the username is an account's */
  userId: z.string().nullable(),
  displayName: z.string().nullable(),
  ip: z.string(),
  failures: z.number().int(),
  blockedUntil: z.string(),
  lastFailedAt: z.string(),
});
export type LoginLock = z.infer<typeof loginLockSchema>;
export const loginLocksResponse = z.object({ items: z.array(loginLockSchema) });
export const liftLockBody = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  ip: z.string().trim().min(1).max(64).optional().describe('来源地址'),
});
export const liftLockResponse = z.object({ lifted: z.number().int() });

export const permissionSchema = z.object({ code: z.string(), name: z.string(), module: z.string(), admin: z.boolean(), defaultRoles: z.array(z.string()) });
export const permissionsResponse = z.object({ items: z.array(permissionSchema) });
