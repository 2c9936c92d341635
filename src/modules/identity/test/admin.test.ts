/** 三员分立 and administration: who holds which powers, grants taking effect, user edits with version checks. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, WORLD_UNITS, type World } from '../../../../test/support/factories.ts';
import { login } from '../../../../test/support/http.ts';
import { queryAuditLog } from '../../../kernel/server/audit.ts';

for (const d of await dialects()) {
  describe(`identity: administrators and grants (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    // over a hundred members, so the user list has pages to turn
    before(async () => { s = await startWorld(d.kind, { members: 120 }); });
    after(async () => { await s?.close(); });

    const userId = async (username: string) =>
      (await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id as string;

    test('the system administrator manages users and organisations but holds no business permission', async () => {
      const c = await s.as('sysadmin');
      const perms: string[] = (await c.get('/api/auth/me')).body.user.permissions;
      assert.ok(perms.includes('user.manage'));
      assert.ok(perms.includes('org.manage'));
      for (const p of ['proposal.read', 'proposal.read_all', 'org.read', 'role.manage', 'audit.read']) assert.ok(!perms.includes(p), p);
      assert.equal((await c.get('/api/sectors')).status, 403);
      assert.equal((await c.get('/api/organizations/units')).status, 403);
      assert.equal((await c.get('/api/admin/roles')).status, 403);
      assert.equal((await c.put(`/api/admin/users/${await userId('m0010')}/roles`, { roles: [{ code: 'leader' }] })).status, 403);
    });

    test('the audit administrator holds only audit.read', async () => {
      const c = await s.as('auditor');
      const perms: string[] = (await c.get('/api/auth/me')).body.user.permissions;
      assert.ok(perms.every((p) => p === 'audit.read'), perms.join(','));
      assert.equal((await c.get('/api/admin/users')).status, 403);
      assert.equal((await c.get('/api/admin/organizations')).status, 403);
      assert.equal((await c.get('/api/sectors')).status, 403);
    });

    test("the security administrator changes a role's grants and the change takes effect at once", async () => {
      const sec = await s.as('secadmin');
      const member = await s.login('m0011');
      assert.equal((await member.get('/api/sectors')).status, 200);
      const roles = (await sec.get('/api/admin/roles')).body.items;
      const memberRole = roles.find((r: any) => r.code === 'member');
      assert.ok(memberRole.permissions.includes('org.read'));
      const without = memberRole.permissions.filter((p: string) => p !== 'org.read');
      assert.equal((await sec.put('/api/admin/roles/member/permissions', { permissions: without })).status, 200);
      assert.equal((await member.get('/api/sectors')).status, 403);
      assert.ok(!(await member.get('/api/auth/me')).body.user.permissions.includes('org.read'));
      assert.equal((await sec.put('/api/admin/roles/member/permissions', { permissions: memberRole.permissions })).status, 200);
      assert.equal((await member.get('/api/sectors')).status, 200);
      const audit = await s.zx.ctx.db.selectFrom('audit_log').select('data').where('action', '=', 'role.permissions.set').orderBy('seq').execute();
      assert.equal(audit.length, 2);
      assert.deepEqual(JSON.parse(audit[0].data).removed, ['org.read']);
    });

    test('grants that break the separation are refused', async () => {
      const sec = await s.as('secadmin');
      const toBusiness = await sec.put('/api/admin/roles/member/permissions', { permissions: ['org.read', 'user.manage'] });
      assert.equal(toBusiness.status, 400);
      assert.match(toBusiness.body.error.message, /业务角色不能授予管理权限/);
      const toAdmin = await sec.put('/api/admin/roles/sys_admin/permissions', { permissions: ['user.manage', 'org.read'] });
      assert.equal(toAdmin.status, 400);
      assert.match(toAdmin.body.error.message, /三员分立/);
      const crossAdmin = await sec.put('/api/admin/roles/sys_admin/permissions', { permissions: ['user.manage', 'role.manage'] });
      assert.equal(crossAdmin.status, 400);
      const own = await sec.put('/api/admin/roles/sec_admin/permissions', { permissions: [] });
      assert.equal(own.status, 403);
      const unknown = await sec.put('/api/admin/roles/member/permissions', { permissions: ['no.such.permission'] });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.body.error.field, 'permissions.0');
    });

    test('an admin role cannot be combined with business roles, and the security administrator cannot make themselves an admin of another kind', async () => {
      const sec = await s.as('secadmin');
      const mixed = await sec.put(`/api/admin/users/${await userId('m0012')}/roles`, { roles: [{ code: 'sys_admin' }, { code: 'member' }] });
      assert.equal(mixed.status, 400);
      assert.match(mixed.body.error.message, /三员分立/);
      const self = await sec.put(`/api/admin/users/${await userId('secadmin')}/roles`, { roles: [{ code: 'sec_admin' }, { code: 'sys_admin' }] });
      assert.ok([400, 403].includes(self.status));
      const selfOnly = await sec.put(`/api/admin/users/${await userId('secadmin')}/roles`, { roles: [{ code: 'audit_admin' }] });
      assert.equal(selfOnly.status, 403);
      const ok = await sec.put(`/api/admin/users/${await userId('m0012')}/roles`, { roles: [{ code: 'member' }, { code: 'informant' }] });
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.body.roles.map((r: any) => r.code).sort(), ['informant', 'member']);
      const c = await s.login('m0012');
      assert.deepEqual((await c.get('/api/auth/me')).body.user.roles.map((r: any) => r.code).sort(), ['informant', 'member']);
      const audit = await s.zx.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'user.roles.set').execute();
      assert.equal(audit.length, 1);
    });

    test('the system administrator creates an account but cannot grant it a role: business roles come from the security administrator, audited', async () => {
      const sys = await s.as('sysadmin');
      const city = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('level', '=', 'city').executeTakeFirstOrThrow()).id;
      // 三员分立: a leader account made by the system administrator would read every proposal and report
      for (const code of ['leader', 'member']) {
        const withRole = await sys.post('/api/admin/users', { username: `sys.${code}`, displayName: '自建账号', orgId: city, password: 'Edu-Clerk-2026!', roles: [{ code }] });
        assert.equal(withRole.status, 400, code);
        assert.equal(withRole.body.error.field, 'roles');
        assert.match(withRole.body.error.message, /「角色」只能由安全管理员授予/);
      }
      assert.equal(await s.zx.ctx.db.selectFrom('users').select('id').where('username', 'like', 'sys.%').executeTakeFirst(), undefined, 'nothing half-written');
      const bare = await sys.post('/api/admin/users', { username: 'sys.leader', displayName: '自建账号', orgId: city, password: 'Edu-Clerk-2026!', roles: [] });
      assert.equal(bare.status, 201);
      assert.deepEqual(bare.body.roles, []);
      const own = await login(s.app, 'sys.leader', 'Edu-Clerk-2026!');
      assert.deepEqual((await own.get('/api/auth/me')).body.user.permissions, [], 'an account without roles holds no permission');
    });

    test('the system administrator creates a user, the security administrator grants the role; the user signs in and must change the password', async () => {
      const sys = await s.as('sysadmin');
      const unit = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
      const created = await sys.post('/api/admin/users', { username: 'edu.clerk', displayName: '教育局经办人', orgId: unit, password: 'Edu-Clerk-2026!' });
      assert.equal(created.status, 201);
      assert.equal(created.body.orgName, '市教育局');
      assert.deepEqual(created.body.actions, ['edit', 'resetPassword']);
      const sec = await s.as('secadmin');
      const granted = await sec.put(`/api/admin/users/${created.body.id}/roles`, { roles: [{ code: 'unit_handler' }] });
      assert.equal(granted.status, 200);
      const grant = await s.zx.ctx.db.selectFrom('audit_log').select(['actor_id', 'data']).where('action', '=', 'user.roles.set').where('entity_id', '=', created.body.id).executeTakeFirstOrThrow();
      assert.equal(grant.actor_id, await userId('secadmin'), 'the audit log names who granted');
      assert.deepEqual(JSON.parse(grant.data).granted, [{ code: 'unit_handler', orgId: unit }], 'and what');
      const c = await login(s.app, 'edu.clerk', 'Edu-Clerk-2026!');
      const me = (await c.get('/api/auth/me')).body.user;
      assert.equal(me.mustChangePassword, true);
      assert.equal(me.orgId, unit);
      assert.deepEqual(me.roles.map((r: any) => r.code), ['unit_handler']);
      const dup = await sys.post('/api/admin/users', { username: 'edu.clerk', displayName: '重复', orgId: unit, password: 'Edu-Clerk-2026!', roles: [] });
      assert.equal(dup.status, 409);
      assert.match(dup.body.error.message, /「用户名」已被使用/);
      const admin = await sys.post('/api/admin/users', { username: 'another.admin', displayName: '管理员', orgId: unit, password: 'Edu-Clerk-2026!', roles: [{ code: 'audit_admin' }] });
      assert.equal(admin.status, 400);
      assert.match(admin.body.error.message, /安全管理员/);
      const missing = await sys.post('/api/admin/users', { username: 'x.user', orgId: unit, password: 'Edu-Clerk-2026!' });
      assert.equal(missing.status, 400);
      assert.match(missing.body.error.message, /「姓名」/);
      const weak = await sys.post('/api/admin/users', { username: 'weak.user', displayName: '弱密码', orgId: unit, password: 'weak', roles: [] });
      assert.equal(weak.status, 400);
      assert.match(weak.body.error.message, /「初始密码」/);
      const reset = await sys.post(`/api/admin/users/${created.body.id}/reset-password`, {});
      assert.equal(reset.status, 200);
      assert.equal((await c.get('/api/auth/me')).status, 401, 'sessions end on reset');
      await login(s.app, 'edu.clerk', reset.body.temporaryPassword);
    });

    test('the user list is paged and filtered, and scoped to the city and its counties', async () => {
      const sys = await s.as('sysadmin');
      const page = await sys.get('/api/admin/users?page=2&pageSize=50&role=member');
      assert.equal(page.status, 200);
      assert.equal(page.body.items.length, 50);
      assert.ok(page.body.total >= 100);
      assert.ok(page.body.items.every((u: any) => u.roles.some((r: any) => r.code === 'member')), 'members only');
      const county = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '长治市潞州区政协').executeTakeFirstOrThrow()).id;
      const inCounty = await sys.get(`/api/admin/users?orgId=${county}`);
      assert.ok(inCounty.body.items.some((u: any) => u.username === 'county'));
      const q = await sys.get('/api/admin/users?q=handler0');
      assert.equal(q.body.total, WORLD_UNITS.length, 'one clerk per unit, found by part of the username');
      const bad = await sys.get('/api/admin/users?pageSize=5000');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /「每页条数」/);
    });

    test('two administrators editing the same user: the second gets 409 and both attempts leave no half-write', async () => {
      const a = await s.as('sysadmin');
      const b = await s.login('sysadmin'); // a second session of the same administrator
      const id = await userId('m0020');
      const v = (await a.get('/api/admin/users?q=m0020')).body.items[0].version;
      const [r1, r2] = await Promise.all([
        a.patch(`/api/admin/users/${id}`, { version: v, displayName: '甲改名' }),
        b.patch(`/api/admin/users/${id}`, { version: v, displayName: '乙改名' }),
      ]);
      assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
      const loser = r1.status === 409 ? r1 : r2;
      assert.equal(loser.body.error.code, 'VERSION_CONFLICT');
      const row = await s.zx.ctx.db.selectFrom('users').select(['display_name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(Number(row.version), v + 1);
      assert.equal(row.display_name, (r1.status === 200 ? '甲改名' : '乙改名'));
      const stale = await a.patch(`/api/admin/users/${id}`, { version: v, phone: '13900000000' });
      assert.equal(stale.status, 409);
      const wrongType = await a.patch(`/api/admin/users/${id}`, { version: 'one' });
      assert.equal(wrongType.status, 400);
      assert.match(wrongType.body.error.message, /「版本号」/);
    });

    test('a role grant made on a stale version of the user gets 409 VERSION_CONFLICT and loses nothing', async () => {
      // one security administrator in two tabs (an administrator's sign-in waits for a fresh TOTP code, so one sign-in)
      const sec = await s.login('secadmin');
      const id = await userId('m0021');
      const read = (await sec.get('/api/admin/users?q=m0021')).body.items[0];
      const rolesBefore = read.roles.map((r: any) => ({ code: r.code, orgId: r.orgId }));
      // the first tab grants 经办人 as well, on the version it read
      const granted = await sec.put(`/api/admin/users/${id}/roles`, { roles: [...rolesBefore, { code: 'unit_handler' }], version: read.version });
      assert.equal(granted.status, 200, JSON.stringify(granted.body));
      assert.equal(granted.body.version, read.version + 1);
      // the second tab, still on the old version, would set the roles back
      const stale = await sec.put(`/api/admin/users/${id}/roles`, { roles: rolesBefore, version: read.version });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const now = (await sec.get('/api/admin/users?q=m0021')).body.items[0];
      assert.ok(now.roles.some((r: any) => r.code === 'unit_handler'), 'the grant made first stays');
      assert.equal(now.version, read.version + 1);
      assert.equal((await queryAuditLog(s.zx.ctx.db, { page: 1, pageSize: 5, entityId: id, actions: ['user.roles.set'] })).total, 1, 'only the grant that took effect is audited');
    });

    test('the permission catalogue lists every module permission for the security administrator only', async () => {
      const sec = await s.as('secadmin');
      const res = await sec.get('/api/permissions');
      assert.equal(res.status, 200);
      const codes = res.body.items.map((p: any) => p.code);
      for (const c of ['org.manage', 'org.read', 'user.manage', 'role.manage']) assert.ok(codes.includes(c), c);
      assert.equal(res.body.items.find((p: any) => p.code === 'user.manage').admin, true);
      assert.equal((await (await s.login('member')).get('/api/permissions')).status, 403);
    });
  });
}
