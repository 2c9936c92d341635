/**
 * Administration of users (系统管理员, `user.manage`) and of roles and grants (安全管理员, `role.manage`).
 * 三员分立: the two powers are separate permissions held by separate roles. The system administrator creates accounts
 * without roles; every role, business or administrative, is granted by the security administrator, and the audit log
 * records who granted what. The security administrator also sees and lifts sign-in waits (`login.unlock`).
 */
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { ilike } from '../../../kernel/server/db/dialect.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { getOrg, orgFullNames, visibleTenantIds } from '../../organizations/index.ts';
import {
  createUserBody, liftLockBody, liftLockResponse, loginLocksResponse, permissionsResponse, resetPasswordBody, resetPasswordResponse, roleCodeParams, roleOptionsResponse, rolesResponse, setRolePermissionsBody,
  setUserRolesBody, updateUserBody, userIdParams, userListQuery, userListResponse, userSummarySchema, okResponse, type UserSummary,
} from '../contract.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import { grantProblem, isAdminPermission, isAdminRole } from '../domain/role-rules.ts';
import { hashPassword, temporaryPassword } from './passwords.ts';
import { readCatalogue, type PermissionCache } from './permissions.ts';
import { createUser, getUser, resolveRoles, writeUserRoles, type UserRow } from './users.ts';
import { SESSIONS_CHANGED } from './sessions.ts';
import { currentWaits, liftWaits } from './login-throttle.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { identityDb, type IdentityDb } from './tables.ts';

export const GRANTS_CHANGED = 'identity.grants.changed';

async function presentUsers(db: IdentityDb, rows: UserRow[], actor: Actor): Promise<UserSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roleRows = await db.selectFrom('user_roles as ur').leftJoin('roles as r', 'r.code', 'ur.role_code')
    .select(['ur.user_id', 'ur.role_code', 'ur.org_id', 'r.name']).where('ur.user_id', 'in', ids).execute();
  const orgIds = [...new Set(rows.map((r) => r.org_id))];
  const orgName = await orgFullNames(db, orgIds);
  const manageUsers = can(actor, 'user.manage');
  const manageRoles = can(actor, 'role.manage');
  const waiting = new Set((await currentWaits(db, rows.map((r) => r.username))).map((w) => w.username));
  return rows.map((u) => {
    const locked = waiting.has(u.username);
    const actions: UserSummary['actions'] = [];
    if (manageUsers) actions.push('edit', 'resetPassword');
    if ((manageUsers || can(actor, 'login.unlock')) && locked) actions.push('unlock');
    if (manageRoles) actions.push('setRoles');
    return {
      id: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, orgName: orgName.get(u.org_id) ?? '', tenantId: u.tenant_id,
      email: u.email, phone: u.phone,
      roles: roleRows.filter((r) => r.user_id === u.id).map((r) => ({ code: r.role_code, name: r.name ?? r.role_code, orgId: r.org_id })),
      active: Number(u.active) === 1, locked, totpEnabled: Number(u.totp_enabled) === 1, mustChangePassword: Number(u.must_change_password) === 1,
      version: Number(u.version), createdAt: u.created_at, actions,
    };
  });
}

export function adminRoutes(app: App, ctx: ModuleContext, deps: { permissions: PermissionCache }) {
  const db = identityDb(ctx.db);
  const { dialect } = ctx;

  /** The user, if the actor may administer them (same tenant or a tenant below); otherwise 404. */
  async function visibleUser(actor: Actor, id: string): Promise<UserRow> {
    const u = await getUser(db, id);
    if (!u || !(await visibleTenantIds(db, actor.tenantId)).includes(u.tenant_id)) throw notFound('用户');
    return u;
  }

  async function checkOrgVisible(actor: Actor, orgId: string, field: string, label: string) {
    const org = await getOrg(db, orgId);
    if (!org || !(await visibleTenantIds(db, actor.tenantId)).includes(org.tenant_id)) throw invalid(field, label, '不存在或无权管理');
    return { id: org.id, tenant_id: org.tenant_id };
  }

  app.get('/api/admin/users', {
    schema: { tags: ['admin'], summary: '用户列表（分页，可按关键词、组织、角色筛选）', querystring: userListQuery, response: { 200: userListResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!can(actor, 'user.manage') && !can(actor, 'role.manage')) throw new AppError('FORBIDDEN', '您无权查看用户列表');
    const { page, pageSize, q, orgId, role } = req.query;
    const tenants = await visibleTenantIds(db, actor.tenantId);
    let base = db.selectFrom('users').where('tenant_id', 'in', tenants);
    if (q) {
      const like = `%${q.replace(/[%_\\]/g, '')}%`;
      base = base.where((eb) => eb.or([eb('username', ilike(dialect), like), eb('display_name', ilike(dialect), like)]));
    }
    if (orgId) base = base.where('org_id', '=', orgId);
    if (role) base = base.where('id', 'in', db.selectFrom('user_roles').select('user_id').where('role_code', '=', role));
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = (await base.selectAll().orderBy('username').limit(pageSize).offset((page - 1) * pageSize).execute()) as UserRow[];
    return { items: await presentUsers(db, rows, actor), total, page, pageSize };
  });

  app.post('/api/admin/users', {
    schema: { tags: ['admin'], summary: '新建用户（可同时授予角色）', body: createUserBody, response: { 201: userSummarySchema } },
  }, async (req, reply) => {
    const actor = requirePermission(actorOf(req), 'user.manage', '管理用户');
    const body = req.body;
    await checkOrgVisible(actor, body.orgId, 'orgId', '「所属组织」');
    // 三员分立: granting any role (a business role would let the system administrator read business data through the
    // account) is the security administrator's power, not the system administrator's
    if (body.roles.length && !can(actor, 'role.manage')) throw invalid('roles', '「角色」', '只能由安全管理员授予（三员分立）：请先建立账号，再由安全管理员授予角色');
    for (const [i, r] of body.roles.entries()) if (r.orgId) await checkOrgVisible(actor, r.orgId, `roles.${i}.orgId`, '「任职组织」');
    const { id } = await createUser(db, dialect, { ...body, mustChangePassword: true }, actor);
    return reply.status(201).send((await presentUsers(db, [(await getUser(db, id))!], actor))[0]);
  });

  app.patch('/api/admin/users/:id', {
    schema: { tags: ['admin'], summary: '修改用户（需提供版本号，过期版本返回 409）', params: userIdParams, body: updateUserBody, response: { 200: userSummarySchema } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'user.manage', '管理用户');
    const cur = await visibleUser(actor, req.params.id);
    const b = req.body;
    const patch: Record<string, unknown> = {};
    if (b.displayName !== undefined) patch.display_name = b.displayName;
    if (b.email !== undefined) patch.email = b.email;
    if (b.phone !== undefined) patch.phone = b.phone;
    if (b.active !== undefined) {
      if (!b.active && cur.id === actor.userId) throw invalid('active', '「是否启用」', '：不能停用自己的账号');
      patch.active = b.active ? 1 : 0;
    }
    if (b.orgId !== undefined && b.orgId !== cur.org_id) {
      const org = await checkOrgVisible(actor, b.orgId, 'orgId', '「所属组织」');
      patch.org_id = org.id;
      patch.tenant_id = org.tenant_id;
    }
    const now = clock.iso();
    // one unit of work under the version the editor read: a stale one is 409 VERSION_CONFLICT and changes nothing
    await ctx.uow.run(async (w) => {
      await w.bumpVersion('users', cur.id, b.version, { ...patch, updated_at: now }, '用户');
      if (patch.active === 0) await w.trx.deleteFrom('sessions').where('user_id', '=', cur.id).execute();
      await w.audit({
        tenantId: cur.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'user.update', entityType: 'user', entityId: cur.id,
        data: { changes: patch, version: b.version + 1 }, ip: req.ip,
      });
    });
    await ctx.events.publish({ type: SESSIONS_CHANGED, tenantId: cur.tenant_id, payload: {} });
    return (await presentUsers(db, [(await getUser(db, cur.id))!], actor))[0];
  });

  app.post('/api/admin/users/:id/reset-password', {
    schema: { tags: ['admin'], summary: '重置用户密码（用户下次登录须修改）', params: userIdParams, body: resetPasswordBody, response: { 200: resetPasswordResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'user.manage', '管理用户');
    const u = await visibleUser(actor, req.params.id);
    const password = req.body?.password ?? temporaryPassword();
    const problem = passwordProblem(password, u.username);
    if (problem) throw invalid('password', '「新密码」', problem);
    const hash = await hashPassword(password);
    const now = clock.iso();
    // guarded by the version read above: an edit made meanwhile is not overwritten (409)
    await ctx.uow.run(async (w) => {
      const trx = identityDb(w.trx);
      await w.bumpVersion('users', u.id, Number(u.version), { password_hash: hash, password_changed_at: now, must_change_password: 1, failed_count: 0, locked_until: null, updated_at: now }, '用户');
      await liftWaits(trx, u.username);
      await trx.deleteFrom('sessions').where('user_id', '=', u.id).execute();
      await w.audit({ tenantId: u.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'user.password.reset', entityType: 'user', entityId: u.id, ip: req.ip });
    });
    await ctx.events.publish({ type: SESSIONS_CHANGED, tenantId: u.tenant_id, payload: {} });
    return { temporaryPassword: password };
  });

  app.post('/api/admin/users/:id/unlock', {
    schema: { tags: ['admin'], summary: '解除账号的登录锁定（所有来源地址）', params: userIdParams, response: { 200: okResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!can(actor, 'user.manage') && !can(actor, 'login.unlock')) throw new AppError('FORBIDDEN', '您无权解除登录锁定');
    const u = await visibleUser(actor, req.params.id);
    await db.transaction().execute(async (trx) => {
      const lifted = await liftWaits(trx, u.username);
      await appendAudit(trx, dialect, { tenantId: u.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'user.unlock', entityType: 'user', entityId: u.id, data: { username: u.username, lifted }, ip: req.ip });
    });
    return { ok: true as const };
  });

  app.get('/api/admin/login-locks', {
    schema: { tags: ['admin'], summary: '当前的登录锁定（用户名 + 来源地址，安全管理员）', response: { 200: loginLocksResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'login.unlock', '查看登录锁定');
    const waits = await currentWaits(db);
    const names = [...new Set(waits.map((w) => w.username))];
    const users = names.length ? await db.selectFrom('users').select(['id', 'username', 'display_name', 'tenant_id']).where('username', 'in', names).execute() : [];
    const byName = new Map(users.map((u) => [u.username as string, u]));
    const tenants = new Set(await visibleTenantIds(db, actor.tenantId));
    return {
      // accounts of other tenants are not shown; names that are no account's are (they show who is being guessed)
      items: waits.filter((w) => { const u = byName.get(w.username); return !u || tenants.has(u.tenant_id); }).map((w) => {
        const u = byName.get(w.username);
        return { ...w, userId: u?.id ?? null, displayName: u?.display_name ?? null };
      }),
    };
  });

  app.post('/api/admin/login-locks/lift', {
    schema: { tags: ['admin'], summary: '解除登录锁定（一个用户名，可限一个来源地址；安全管理员）', body: liftLockBody, response: { 200: liftLockResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'login.unlock', '解除登录锁定');
    const { username, ip } = req.body;
    const u = (await db.selectFrom('users').select(['id', 'tenant_id']).where('username', '=', username).executeTakeFirst()) as { id: string; tenant_id: string } | undefined;
    if (u && !(await visibleTenantIds(db, actor.tenantId)).includes(u.tenant_id)) throw notFound('登录锁定');
    const lifted = await db.transaction().execute(async (trx) => {
      const n = await liftWaits(trx, username, ip);
      if (n === 0) throw notFound('登录锁定');
      await appendAudit(trx, dialect, {
        tenantId: u?.tenant_id ?? actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'user.unlock',
        entityType: u ? 'user' : null, entityId: u?.id ?? null, data: { username, ip: ip ?? null, lifted: n }, ip: req.ip,
      });
      return n;
    });
    return { lifted };
  });

  app.put('/api/admin/users/:id/roles', {
    schema: { tags: ['admin'], summary: '设置用户角色（安全管理员）', params: userIdParams, body: setUserRolesBody, response: { 200: userSummarySchema } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'role.manage', '授予角色');
    const u = await visibleUser(actor, req.params.id);
    for (const [i, r] of req.body.roles.entries()) if (r.orgId) await checkOrgVisible(actor, r.orgId, `roles.${i}.orgId`, '「任职组织」');
    const roles = await resolveRoles(db, req.body.roles, u.org_id);
    if (u.id === actor.userId) {
      const current = u.role_codes ? u.role_codes.split(',') : [];
      if (roles.some((r) => isAdminRole(r.code) && !current.includes(r.code))) throw new AppError('FORBIDDEN', '不能给自己授予管理员角色（三员分立）');
      if (!roles.some((r) => r.code === 'sec_admin') && current.includes('sec_admin')) throw new AppError('FORBIDDEN', '不能撤销自己的安全管理员角色');
    }
    const before = await db.selectFrom('user_roles').select(['role_code', 'org_id']).where('user_id', '=', u.id).execute();
    // guarded by the version read above (or the one the client sends): roles granted meanwhile are not overwritten (409)
    const expected = req.body.version ?? Number(u.version);
    await ctx.uow.run(async (w) => {
      await w.bumpVersion('users', u.id, expected, { updated_at: clock.iso() }, '用户');
      await writeUserRoles(w.trx, u.id, roles);
      await w.audit({
        tenantId: u.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'user.roles.set', entityType: 'user', entityId: u.id,
        data: {
          before: before.map((r) => ({ code: r.role_code, orgId: r.org_id })), after: roles,
          granted: roles.filter((r) => !before.some((b) => b.role_code === r.code && b.org_id === r.orgId)),
          revoked: before.filter((b) => !roles.some((r) => b.role_code === r.code && b.org_id === r.orgId)).map((b) => ({ code: b.role_code, orgId: b.org_id })),
        },
        ip: req.ip,
      });
    });
    await ctx.events.publish({ type: SESSIONS_CHANGED, tenantId: u.tenant_id, payload: {} });
    return (await presentUsers(db, [(await getUser(db, u.id))!], actor))[0];
  });

  // the role catalogue for the user pages' role pickers: read from the manifests (ctx.contributions.roles)
  app.get('/api/admin/role-options', {
    schema: { tags: ['admin'], summary: '角色目录（内核的三员角色与各模块声明的业务角色），供用户管理与授权选择', response: { 200: roleOptionsResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!can(actor, 'user.manage') && !can(actor, 'role.manage')) requirePermission(actor, 'user.manage', '管理用户');
    return { items: ctx.contributions.roles.map((r) => ({ code: r.code, name: r.name, admin: !!r.admin, module: r.module })) };
  });

  app.get('/api/admin/roles', {
    schema: { tags: ['admin'], summary: '角色及其权限（安全管理员）', response: { 200: rolesResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'role.manage', '管理角色');
    const roles = await db.selectFrom('roles').selectAll().orderBy('code').execute();
    const grants = await db.selectFrom('role_permissions').selectAll().execute();
    const counts = await db.selectFrom('user_roles').select(['role_code', (eb) => eb.fn.count<number>('user_id').distinct().as('n')]).groupBy('role_code').execute();
    const countOf = new Map(counts.map((c) => [c.role_code as string, Number(c.n)]));
    return {
      items: roles.map((r) => ({
        code: r.code, name: r.name, builtin: Number(r.builtin) === 1, description: r.description ?? null, admin: isAdminRole(r.code),
        permissions: grants.filter((g) => g.role_code === r.code).map((g) => g.permission as string).sort(),
        userCount: countOf.get(r.code) ?? 0,
        actions: actor.roles.includes(r.code) ? [] : ['setPermissions' as const],
      })),
    };
  });

  app.put('/api/admin/roles/:code/permissions', {
    schema: { tags: ['admin'], summary: '设置角色的权限（安全管理员）', params: roleCodeParams, body: setRolePermissionsBody, response: { 200: okResponse } },
  }, async (req) => {
    const actor = requirePermission(actorOf(req), 'role.manage', '管理角色权限');
    const code = req.params.code;
    const role = await db.selectFrom('roles').select('code').where('code', '=', code).executeTakeFirst();
    if (!role) throw notFound('角色');
    if (actor.roles.includes(code)) throw new AppError('FORBIDDEN', '不能修改自己所持角色的权限（三员分立）');
    const catalogue = new Map((await readCatalogue(db)).map((p) => [p.code, p]));
    const wanted = [...new Set(req.body.permissions)];
    for (const [i, p] of wanted.entries()) {
      const entry = catalogue.get(p);
      if (!entry) throw invalid(`permissions.${i}`, '「权限」', `「${p}」不在权限目录中`);
      const why = grantProblem(code, entry);
      if (why) throw new AppError('VALIDATION_FAILED', why, { field: `permissions.${i}`, details: [{ field: `permissions.${i}`, message: why }] });
    }
    const before = (await db.selectFrom('role_permissions').select('permission').where('role_code', '=', code).execute()).map((r) => r.permission as string);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('role_permissions').where('role_code', '=', code).execute();
      if (wanted.length) await trx.insertInto('role_permissions').values(wanted.map((p) => ({ role_code: code, permission: p }))).execute();
      await appendAudit(trx, dialect, {
        tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'role.permissions.set', entityType: 'role', entityId: code,
        data: { added: wanted.filter((p) => !before.includes(p)), removed: before.filter((p) => !wanted.includes(p)) }, ip: req.ip,
      });
    });
    deps.permissions.clear();
    await ctx.events.publish({ type: GRANTS_CHANGED, tenantId: actor.tenantId, actorId: actor.userId, payload: { role: code } });
    return { ok: true as const };
  });

  app.get('/api/permissions', {
    schema: { tags: ['admin'], summary: '权限目录（安全管理员）', response: { 200: permissionsResponse } },
  }, async (req) => {
    requirePermission(actorOf(req), 'role.manage', '查看权限目录');
    const items = await readCatalogue(db);
    return { items: items.map((p) => ({ code: p.code, name: p.name, module: p.module, admin: isAdminPermission(p), defaultRoles: [...p.defaultRoles] })) };
  });
}
