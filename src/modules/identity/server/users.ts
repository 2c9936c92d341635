/** Users and their roles: creation, role assignment (with the 三员分立 rules), and building an Actor or a Me. */
import type { Selectable } from 'kysely';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { adminRoles } from '../../../kernel/universal/roles.ts';
import { getOrg, orgFullNames } from '../../organizations/index.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import { isAdminRole, roleSetProblem } from '../domain/role-rules.ts';
import type { Me } from '../contract.ts';
import { hashPassword } from './passwords.ts';
import { permissionsOfRoles, roleKeyOf } from './permissions.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { identityDb, type IdentityDb, type IdentityTrx, type UsersTable } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { addresseesWhere, type WorkAddress } from '../../../kernel/server/work-items.ts';

export interface NewUser {
  tenantId?: string;
  orgId: string;
  username: string;
  displayName: string;
  password: string;
  roles: Array<{ code: string; orgId?: string }>;
  email?: string | null;
  phone?: string | null;
  mustChangePassword?: boolean;
}

export type UserRow = Selectable<UsersTable>;

export async function getUser(anyDb: AnyModuleDb, id: string): Promise<UserRow | undefined> {
  const db = identityDb(anyDb);
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The roles stored at start from the manifests (built-in) and any a security administrator added. */
async function knownRoleCodes(db: IdentityDb): Promise<Set<string>> {
  const rows = await db.selectFrom('roles').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/** Check a role list and resolve each role's organisation (the user's own by default). */
export async function resolveRoles(db: IdentityDb, roles: Array<{ code: string; orgId?: string }>, userOrgId: string): Promise<Array<{ code: string; orgId: string }>> {
  const known = await knownRoleCodes(db);
  const out: Array<{ code: string; orgId: string }> = [];
  const seen = new Set<string>();
  for (const [i, r] of roles.entries()) {
    if (!known.has(r.code)) throw invalid(`roles.${i}.code`, '「角色」', `「${r.code}」不存在`);
    const orgId = r.orgId ?? userOrgId;
    if (orgId !== userOrgId) {
      const org = await getOrg(db, orgId);
      if (!org) throw invalid(`roles.${i}.orgId`, '「任职组织」', '不存在');
    }
    const key = `${r.code}@${orgId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ code: r.code, orgId });
  }
  const problem = roleSetProblem(out.map((r) => r.code));
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'roles', details: [{ field: 'roles', message: problem }] });
  return out;
}

/** Replace a user's roles inside the caller's transaction, keeping the denormalised role list in step. */
export async function writeUserRoles(trx: IdentityTrx, userId: string, roles: Array<{ code: string; orgId: string }>): Promise<string> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await trx.insertInto('user_roles').values(roles.map((r) => ({ user_id: userId, role_code: r.code, org_id: r.orgId }))).execute();
  const key = roleKeyOf(roles.map((r) => r.code));
  await trx.updateTable('users').set({ role_codes: key }).where('id', '=', userId).execute();
  return key;
}

/**
 * Create a user with roles (for the admin API, the command line and seeds). The password must meet the policy;
 * the username must be free. Audited as `user.create`.
 */
export async function createUser(anyDb: AnyModuleDb, dialect: DialectName, input: NewUser, actor?: Pick<Actor, 'userId' | 'displayName'>): Promise<{ id: string; tenantId: string }> {
  const db = identityDb(anyDb);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw invalid('password', '「初始密码」', problem);
  const org = await getOrg(db, input.orgId);
  if (!org) throw invalid('orgId', '「所属组织」', '不存在');
  const tenantId = input.tenantId ?? org.tenant_id;
  const roles = await resolveRoles(db, input.roles, input.orgId);
  const passwordHash = await hashPassword(input.password);
  const now = clock.iso();
  const id = newId();
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({
        id, tenant_id: tenantId, org_id: input.orgId, username: input.username, display_name: input.displayName,
        email: input.email ?? null, phone: input.phone ?? null, password_hash: passwordHash, password_changed_at: now,
        must_change_password: input.mustChangePassword ? 1 : 0, failed_count: 0, locked_until: null, totp_secret: null,
        totp_enabled: 0, large_text: 0, locale: 'zh-CN', role_codes: '', active: 1, version: 1, created_at: now, updated_at: now,
      }).execute();
      await writeUserRoles(trx, id, roles);
      await appendAudit(trx, dialect, {
        tenantId, actorId: actor?.userId ?? 'system', actorName: actor?.displayName ?? '系统', action: 'user.create',
        entityType: 'user', entityId: id, data: { username: input.username, orgId: input.orgId, roles },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', '「用户名」已被使用', { field: 'username', details: [{ field: 'username', message: '「用户名」已被使用' }] });
    throw e;
  }
  return { id, tenantId };
}

/**
 * Create users inside the caller's unit of work (an import that writes all or nothing): the roles checked and the
 * passwords hashed before, the usernames checked free; each audited as `user.create` by the caller. Returns the ids.
 */
export async function prepareUsers(anyDb: AnyModuleDb, inputs: readonly NewUser[]): Promise<Array<{ input: NewUser; passwordHash: string; roles: Array<{ code: string; orgId: string }> }>> {
  const db = identityDb(anyDb);
  const out = [];
  for (const input of inputs) {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw invalid('password', '「初始密码」', problem);
    out.push({ input, passwordHash: await hashPassword(input.password), roles: await resolveRoles(db, input.roles, input.orgId) });
  }
  return out;
}

/** Usernames among `names` already taken (by anyone, in any CPPCC: a username is unique). */
export async function takenUsernames(anyDb: AnyModuleDb, names: readonly string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const rows = await identityDb(anyDb).selectFrom('users').select('username').where('username', 'in', [...names]).execute();
  return new Set(rows.map((r) => r.username));
}

/** Write prepared users in the caller's transaction; returns their ids in order. */
export async function insertPreparedUsers(anyTrx: AnyModuleDb, tenantId: string, prepared: Awaited<ReturnType<typeof prepareUsers>>, now: string): Promise<string[]> {
  const trx = identityDb(anyTrx) as unknown as IdentityTrx;
  const ids: string[] = [];
  for (const { input, passwordHash, roles } of prepared) {
    const id = newId();
    await trx.insertInto('users').values({
      id, tenant_id: input.tenantId ?? tenantId, org_id: input.orgId, username: input.username, display_name: input.displayName,
      email: input.email ?? null, phone: input.phone ?? null, password_hash: passwordHash, password_changed_at: now,
      must_change_password: input.mustChangePassword ? 1 : 0, failed_count: 0, locked_until: null, totp_secret: null,
      totp_enabled: 0, large_text: 0, locale: 'zh-CN', role_codes: '', active: 1, version: 1, created_at: now, updated_at: now,
    }).execute();
    await writeUserRoles(trx, id, roles);
    ids.push(id);
  }
  return ids;
}

/** Build the Actor of a user (for the command line, jobs and tests); permissions read fresh from the database. */
export async function loadActor(anyDb: AnyModuleDb, userId: string): Promise<Actor> {
  const db = identityDb(anyDb);
  const u = await getUser(db, userId);
  if (!u) throw notFound('用户');
  const roles = u.role_codes ? u.role_codes.split(',') : [];
  return {
    userId: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, tenantId: u.tenant_id,
    roles, permissions: await permissionsOfRoles(db, roles), sessionId: 'cli',
  };
}

/** The signed-in user as the web app sees them. */
export async function loadMe(db: IdentityDb, userId: string, permissions: ReadonlySet<string>): Promise<Me> {
  const u = await getUser(db, userId);
  if (!u) throw notFound('用户');
  const nameOf = await orgFullNames(db, [u.org_id, u.tenant_id]);
  const codes = u.role_codes ? u.role_codes.split(',') : [];
  const roleRows = codes.length ? await db.selectFrom('roles').select(['code', 'name']).where('code', 'in', codes).execute() : [];
  const roleName = new Map(roleRows.map((r) => [r.code, r.name]));
  const isAdmin = codes.some(isAdminRole);
  return {
    id: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, orgName: nameOf.get(u.org_id) ?? '',
    tenantId: u.tenant_id, tenantName: nameOf.get(u.tenant_id) ?? '',
    roles: codes.map((c) => ({ code: c, name: roleName.get(c) ?? c })),
    permissions: [...permissions].sort(),
    preferences: { largeText: Number(u.large_text) === 1, locale: u.locale === 'en' ? 'en' : 'zh-CN' },
    totpEnabled: Number(u.totp_enabled) === 1,
    mustEnrollTotp: isAdmin && Number(u.totp_enabled) !== 1,
    mustChangePassword: Number(u.must_change_password) === 1,
  };
}

export const requiresTotp = (roleCodes: readonly string[]) => roleCodes.some((c) => adminRoles.includes(c));

/** A person as other modules refer to them: name, tenant and role codes. */
export interface PersonRef { id: string; name: string; username: string; tenantId: string; roles: string[] }

/** Active users by id, for modules that show who proposed or handled something. */
export async function findPeople(anyDb: AnyModuleDb, ids: readonly string[]): Promise<Map<string, PersonRef>> {
  const db = identityDb(anyDb);
  const out = new Map<string, PersonRef>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('users').select(['id', 'display_name', 'username', 'tenant_id', 'role_codes']).where('id', 'in', [...new Set(ids)]).where('active', '=', 1).execute();
  for (const r of rows) out.set(r.id, { id: r.id, name: r.display_name, username: r.username, tenantId: r.tenant_id, roles: String(r.role_codes ?? '').split(',').filter(Boolean) });
  return out;
}


/** How to reach people (e-mail, phone) and their names, by id: for the channels that send messages. */
export async function contactsOf(anyDb: AnyModuleDb, ids: readonly string[]): Promise<Array<{ id: string; email: string | null; phone: string | null; displayName: string }>> {
  if (ids.length === 0) return [];
  const rows = await identityDb(anyDb).selectFrom('users').select(['id', 'email', 'phone', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return rows.map((r) => ({ id: r.id, email: r.email, phone: r.phone, displayName: r.display_name }));
}

/** The active users holding one of `roles` in one of `orgIds` (messages to leaders, unit leaders, a role's holders). */
export async function usersHoldingRoles(anyDb: AnyModuleDb, orgIds: readonly string[], roles: readonly string[]): Promise<string[]> {
  if (!orgIds.length || !roles.length) return [];
  const rows = await identityDb(anyDb).selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('user_roles.user_id as id')
    .where('user_roles.org_id', 'in', orgIds).where('user_roles.role_code', 'in', roles).where('users.active', '=', 1).distinct().execute();
  return rows.map((r) => r.id);
}

/**
 * The active users a work item (or an event's audience) is for, by the kernel's one rule (`work-address.ts`): named, or
 * holding one of the roles in their own organisation when it is named, or anywhere in a CPPCC that is named.
 */
export async function usersAddressedBy(anyDb: AnyModuleDb, to: WorkAddress): Promise<string[]> {
  if (!to.userIds?.length && !(to.orgIds?.length && to.roles?.length)) return [];
  const rows = await identityDb(anyDb).selectFrom('users').leftJoin('user_roles', 'user_roles.user_id', 'users.id').select('users.id as id')
    .where('users.active', '=', 1)
    .where((eb) => addresseesWhere(eb, to, { userId: 'users.id', orgId: 'users.org_id', tenantId: 'users.tenant_id', role: 'user_roles.role_code' }))
    .distinct().execute();
  return rows.map((r) => r.id);
}

/** The active users of a CPPCC (tenant) holding one of `roles` in any of its organisations (the office, the leaders). */
export async function tenantUsersHoldingRoles(anyDb: AnyModuleDb, tenantId: string, roles: readonly string[]): Promise<string[]> {
  if (!roles.length) return [];
  const rows = await identityDb(anyDb).selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('user_roles.user_id as id')
    .where('users.tenant_id', '=', tenantId).where('user_roles.role_code', 'in', roles).where('users.active', '=', 1).distinct().execute();
  return rows.map((r) => r.id);
}

/** Whether an organisation's tenant has any active user in this deployment. */
export async function tenantHasUsers(anyDb: AnyModuleDb, tenantId: string): Promise<boolean> {
  const db = identityDb(anyDb);
  return !!(await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('active', '=', 1).limit(1).executeTakeFirst());
}

/**
 * Take a TOTP time step for a user, once: true when it is later than every step the user signed in (or enrolled) with
 * before, false for a code already used or older than one used (RFC 6238 §5.2). One conditional update, so two
 * requests racing with the same code cannot both win.
 */
export async function claimTotpStep(db: IdentityDb, userId: string, step: number): Promise<boolean> {
  const r = await db.updateTable('users').set({ totp_last_step: step })
    .where('id', '=', userId).where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
