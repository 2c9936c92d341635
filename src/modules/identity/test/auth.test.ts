/** Sign-in, sessions, CSRF, lockout, idle timeout, two-factor sign-in and the password policy, through the real API. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { anonymous, login } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { createUser, loadActor, totpAt, totpNow } from '../index.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const rawLogin = (s: StartedApp, body: unknown) => anonymous(s.app).post('/api/auth/login', body);

for (const d of await dialects()) {
  describe(`identity: sign-in and sessions (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    before(async () => { s = await startApp(d.kind); });
    after(async () => { await s?.close(); });

    test('a member signs in and gets their profile, a session cookie and a CSRF token', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member', password: DEMO_PASSWORD } });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /zx_sid=/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      const body = res.json();
      assert.ok(body.csrfToken.length >= 20);
      assert.equal(body.user.username, 'member');
      assert.deepEqual(body.user.roles.map((r: any) => r.code), ['member']);
      assert.equal(body.user.tenantName, '政协长治市委员会');
      const c = await s.login('member');
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, 'member');
      assert.equal(me.body.csrfToken, c.csrf);
    });

    test('wrong password and unknown user get the same 401 message', async () => {
      const a = await rawLogin(s, { username: 'm0100', password: 'Wrong-Password-1' });
      const b = await rawLogin(s, { username: 'nobody-here', password: 'Wrong-Password-1' });
      for (const r of [a, b]) {
        assert.equal(r.status, 401);
        assert.equal(r.body.error.code, 'UNAUTHENTICATED');
        assert.equal(r.body.error.message, '用户名或密码错误');
      }
      const rows = await s.zx.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'user.login.failed').execute();
      assert.ok(rows.length >= 2);
    });

    test('repeated failures lock the account (423, even with the right password) until an administrator unlocks it', async () => {
      for (let i = 1; i < s.config.lockoutThreshold; i++) {
        assert.equal((await rawLogin(s, { username: 'm0001', password: `Wrong-${i}-Password` })).status, 401);
      }
      const locked = await rawLogin(s, { username: 'm0001', password: 'Wrong-last-Password' });
      assert.equal(locked.status, 423);
      assert.equal(locked.body.error.code, 'ACCOUNT_LOCKED');
      assert.match(locked.body.error.message, /\d+ 分钟/);
      const still = await rawLogin(s, { username: 'm0001', password: DEMO_PASSWORD });
      assert.equal(still.status, 423);

      const admin = await s.login('sysadmin');
      const list = await admin.get('/api/admin/users?q=m0001');
      const user = list.body.items.find((u: any) => u.username === 'm0001');
      assert.equal(user.locked, true);
      assert.ok(user.actions.includes('unlock'));
      assert.equal((await admin.post(`/api/admin/users/${user.id}/unlock`)).status, 200);
      assert.equal((await rawLogin(s, { username: 'm0001', password: DEMO_PASSWORD })).status, 200);
      const actions = (await s.zx.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).execute()).map((r: any) => r.action);
      for (const a of ['user.login.failed', 'user.lockout', 'user.login.locked', 'user.unlock', 'user.login']) assert.ok(actions.includes(a), a);
      assert.deepEqual(await verifyAuditChain(s.zx.ctx.db), { ok: true, count: (await s.zx.ctx.db.selectFrom('audit_log').select('seq').execute()).length });
    });

    test('a write without the CSRF header is refused with 403 CSRF_FAILED; with it, it succeeds', async () => {
      const c = await s.login('m0003');
      const bare = await s.app.inject({ method: 'PUT', url: '/api/auth/preferences', payload: { largeText: true }, headers: { cookie: c.cookie } });
      assert.equal(bare.statusCode, 403);
      assert.equal(bare.json().error.code, 'CSRF_FAILED');
      const wrong = await s.app.inject({ method: 'PUT', url: '/api/auth/preferences', payload: { largeText: true }, headers: { cookie: c.cookie, 'x-csrf-token': 'forged-token-value' } });
      assert.equal(wrong.statusCode, 403);
      const ok = await c.put('/api/auth/preferences', { largeText: true, locale: 'en' });
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.body, { largeText: true, locale: 'en' });
      assert.deepEqual((await c.get('/api/auth/me')).body.user.preferences, { largeText: true, locale: 'en' });
    });

    test('an idle session expires', async () => {
      const c = await s.login('m0004');
      assert.equal((await c.get('/api/auth/me')).status, 200);
      const actor = await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'm0004').executeTakeFirstOrThrow();
      const old = new Date(clock.nowMs() - (s.config.sessionIdleSeconds + 5) * 1000).toISOString();
      await s.zx.ctx.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', actor.id).execute();
      // the session was read within the last second and is cached; a write behind the app's back says so, as the app's own writes do
      await s.zx.ctx.events.publish({ type: 'identity.sessions.changed', tenantId: 'test', payload: {} });
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 401);
      assert.equal(me.body.error.code, 'UNAUTHENTICATED');
      const left = await s.zx.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', actor.id).execute();
      assert.equal(left.length, 0);
    });

    test('logout ends the session', async () => {
      const c = await s.login('m0005');
      assert.equal((await c.get('/api/auth/me')).status, 200, 'the session is read (and cached) before logout');
      assert.equal((await c.post('/api/auth/logout')).status, 200);
      assert.equal((await c.get('/api/auth/me')).status, 401);
    });

    test('administrators need a TOTP code: missing or wrong → 401 TOTP_REQUIRED, right → signed in', async () => {
      const missing = await rawLogin(s, { username: 'sysadmin', password: DEMO_PASSWORD });
      assert.equal(missing.status, 401);
      assert.equal(missing.body.error.code, 'TOTP_REQUIRED');
      const code = await s.totpCode('sysadmin');
      const wrongCode = String((Number(code) + 500000) % 1000000).padStart(6, '0');
      const wrong = await rawLogin(s, { username: 'sysadmin', password: DEMO_PASSWORD, totp: wrongCode });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.error.code, 'TOTP_REQUIRED');
      const ok = await rawLogin(s, { username: 'sysadmin', password: DEMO_PASSWORD, totp: await s.totpCode('sysadmin') });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.user.totpEnabled, true);
      assert.equal(ok.body.user.mustEnrollTotp, false);
    });

    test('a TOTP code is accepted once: the same code again is refused and counts as a failed sign-in; a later one signs in', async () => {
      const db = s.zx.ctx.db;
      const code = await s.totpCode('secadmin');
      const first = await rawLogin(s, { username: 'secadmin', password: DEMO_PASSWORD, totp: code });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const before = Number((await db.selectFrom('users').select('failed_count').where('username', '=', 'secadmin').executeTakeFirstOrThrow()).failed_count);
      const replay = await rawLogin(s, { username: 'secadmin', password: DEMO_PASSWORD, totp: code });
      assert.equal(replay.status, 401);
      assert.equal(replay.body.error.code, 'TOTP_REQUIRED');
      assert.equal(replay.body.error.field, 'totp');
      assert.match(replay.body.error.message, /已经用过/);
      const after = await db.selectFrom('users').select(['failed_count', 'totp_last_step']).where('username', '=', 'secadmin').executeTakeFirstOrThrow();
      assert.equal(Number(after.failed_count), before + 1, 'a replayed code is a failed attempt (it leads to the lockout like a wrong one)');
      const audit = await db.selectFrom('audit_log').select('data').where('action', '=', 'user.login.failed').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.match(String(audit.data), /reused_totp/);
      // a code of an earlier step than the one used is refused as well, even inside the drift window
      const earlier = totpAt(s.account('secadmin').totpSecret!, 'secadmin', Number(after.totp_last_step) - 1);
      assert.equal((await rawLogin(s, { username: 'secadmin', password: DEMO_PASSWORD, totp: earlier })).status, 401);
      const next = await rawLogin(s, { username: 'secadmin', password: DEMO_PASSWORD, totp: await s.totpCode('secadmin') });
      assert.equal(next.status, 200, JSON.stringify(next.body));
      assert.equal(Number((await db.selectFrom('users').select('failed_count').where('username', '=', 'secadmin').executeTakeFirstOrThrow()).failed_count), 0);
    });

    test('an administrator without TOTP is confined to /api/auth/* until they enrol', async () => {
      const db = s.zx.ctx.db;
      const city = await db.selectFrom('organizations').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
      await createUser(db, s.zx.ctx.dialect, { orgId: city.id, username: 'newsysadmin', displayName: '新管理员', password: 'Fresh-Admin-2026', roles: [{ code: 'sys_admin' }] });
      const c = await login(s.app, 'newsysadmin', 'Fresh-Admin-2026');
      const me = await c.get('/api/auth/me');
      assert.equal(me.body.user.mustEnrollTotp, true);
      const blocked = await c.get('/api/admin/users');
      assert.equal(blocked.status, 403);
      assert.match(blocked.body.error.message, /双因素/);
      const setup = await c.post('/api/auth/totp/setup');
      assert.equal(setup.status, 200);
      assert.match(setup.body.otpauthUrl, /^otpauth:\/\/totp\//);
      const bad = await c.post('/api/auth/totp/enable', { code: '000000' === totpNow(setup.body.secret) ? '111111' : '000000' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /「动态验证码」/);
      assert.equal((await c.post('/api/auth/totp/enable', { code: totpNow(setup.body.secret) })).status, 200);
      assert.equal((await c.get('/api/admin/users')).status, 200);
      // from now on the code is required at sign-in
      assert.equal((await rawLogin(s, { username: 'newsysadmin', password: 'Fresh-Admin-2026' })).body.error.code, 'TOTP_REQUIRED');
    });

    test('the password policy names the field and the rule in Chinese', async () => {
      const c = await s.login('m0006');
      const cases: Array<[string, RegExp]> = [
        ['Ab1!short', /「新密码」长度不能少于 10 位/],
        ['alllowercaseletters', /「新密码」须包含小写字母、大写字母、数字、符号中的至少三类/],
        ['M0006-Strong-pass', /「新密码」不能包含用户名/],
      ];
      for (const [pw, msg] of cases) {
        const r = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: pw });
        assert.equal(r.status, 400, pw);
        assert.equal(r.body.error.code, 'VALIDATION_FAILED');
        assert.equal(r.body.error.field, 'newPassword');
        assert.match(r.body.error.message, msg);
      }
      const wrongCurrent = await c.post('/api/auth/password', { currentPassword: 'Not-The-Password-1', newPassword: 'Brand-New-Pass-42' });
      assert.equal(wrongCurrent.status, 400);
      assert.match(wrongCurrent.body.error.message, /「当前密码」不正确/);
      assert.equal((await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Brand-New-Pass-42' })).status, 200);
      assert.equal((await rawLogin(s, { username: 'm0006', password: DEMO_PASSWORD })).status, 401);
      assert.equal((await rawLogin(s, { username: 'm0006', password: 'Brand-New-Pass-42' })).status, 200);
      const audit = await s.zx.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'user.password.change').execute();
      assert.equal(audit.length, 1);
    });

    test('bad login input gets 400 naming the field, never 500', async () => {
      const missing = await rawLogin(s, { username: 'member' });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.code, 'VALIDATION_FAILED');
      assert.match(missing.body.error.message, /「密码」/);
      const wrongType = await rawLogin(s, { username: 12345, password: 'x' });
      assert.equal(wrongType.status, 400);
      assert.match(wrongType.body.error.message, /「用户名」/);
      const oversized = await rawLogin(s, { username: 'x'.repeat(65), password: 'x' });
      assert.equal(oversized.status, 400);
      assert.match(oversized.body.error.message, /「用户名」/);
      const badTotp = await rawLogin(s, { username: 'sysadmin', password: DEMO_PASSWORD, totp: 'abc' });
      assert.equal(badTotp.status, 400);
      assert.match(badTotp.body.error.message, /「动态验证码」/);
      const notJson = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{oops', headers: { 'content-type': 'application/json' } });
      assert.equal(notJson.statusCode, 400);
    });

    test("a county user's actor has the county as tenant", async () => {
      const c = await s.login('county');
      const me = (await c.get('/api/auth/me')).body.user;
      const county = await s.zx.ctx.db.selectFrom('organizations').select(['id', 'name']).where('name', '=', '长治市潞州区政协').executeTakeFirstOrThrow();
      assert.equal(me.tenantId, county.id);
      assert.equal(me.tenantName, '长治市潞州区政协');
      const actor = await loadActor(s.zx.ctx.db, me.id);
      assert.equal(actor.tenantId, county.id);
      assert.deepEqual(actor.roles, ['member']);
    });
  });
}

describe('identity: login rate limit (sqlite)', () => {
  test('more than the allowed sign-in attempts per minute from one address get 429', async () => {
    const s = await startApp('sqlite', { noSeed: true, config: { loginRateLimitPerMinute: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await rawLogin(s, { username: 'nobody', password: 'whatever-pass' })).status);
      assert.deepEqual(codes, [401, 401, 401, 429]);
      const last = await rawLogin(s, { username: 'nobody', password: 'whatever-pass' });
      assert.equal(last.body.error.code, 'RATE_LIMITED');
    } finally { await s.close(); }
  });
});
