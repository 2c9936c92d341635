/** Tables of the 用户与权限 module (migrations 0100–0106), as the module's own server code sees them. */
import { moduleDb, type ModuleDb, type ModuleTrx } from '../../../kernel/server/db/tables.ts';
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  tenant_id: string;
  org_id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  password_changed_at: string | null;
  must_change_password: Generated<number>;
  failed_count: Generated<number>;
  locked_until: string | null;
  /** sealed with the key outside the database (migration 0104) */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  /** 双因素认证: the last time step signed in with (bigint) */
  totp_last_step: number | null;
  large_text: Generated<number>;
  locale: Generated<string>;
  /** role codes, sorted and comma-joined, kept in step with user_roles */
  role_codes: Generated<string>;
  active: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  user_id: string;
  role_code: string;
  org_id: string;
}

export interface RolesTable {
  code: string;
  name: string;
  builtin: Generated<number>;
  description: string | null;
}

export interface PermissionsTable {
  code: string;
  name: string;
  module: string;
  /** JSON array of role codes */
  default_roles: string;
}

/** 默认授权: a (permission, role) default of the catalogue that was applied once (granted, or found granted). */
export interface PermissionDefaultGrantsTable {
  permission: string;
  role_code: string;
  applied_at: string;
}

export interface RolePermissionsTable {
  role_code: string;
  permission: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  totp_ok: Generated<number>;
}

/** 登录失败限制: failures of one username from one address. */
export interface LoginFailuresTable {
  username: string;
  ip: string;
  failures: number;
  first_failed_at: string;
  last_failed_at: string;
  blocked_until: string | null;
}

export interface IdentityTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  roles: RolesTable;
  permissions: PermissionsTable;
  role_permissions: RolePermissionsTable;
  permission_default_grants: PermissionDefaultGrantsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `identityDb(ctx.db)`. */
export const identityDb = moduleDb<IdentityTables>;
export type IdentityDb = ModuleDb<IdentityTables>;
export type IdentityTrx = ModuleTrx<IdentityTables>;
