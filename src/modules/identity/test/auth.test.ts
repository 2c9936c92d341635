/** Sign-in, sessions, CSRF, lockout, idle timeout, two-factor sign-in and the password policy, through the real API. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp, type StartOptions } from '../../../../test/support/fixtures.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import { anonymous, login } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { createUser, loadActor, totpAt, totpNow, TOTP_PERIOD_MS } from '../index.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { newId } from '../../../kernel/universal/ids.ts';

const rawLogin = (s: StartedApp, body: unknown) => anonymous(s.app).post('/api/auth/login', body);

for (const d of await dialects()) {
  describe(`identity: sign-in and sessions (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    // a hundred members (m0001 … m0100) besides the accounts of every role
    before(async () => { s = await startWorld(d.kind, { members: 100 }); });
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

    test('the session probe answers 200 before sign-in, after sign-out and with a session that ended, and the user when signed in', async () => {
      const nobody = await anonymous(s.app).get('/api/auth/session');
      assert.equal(nobody.status, 200);
      assert.deepEqual(nobody.body, { signedIn: false });
      const c = await s.login('m0003');
      const yes = await c.get('/api/auth/session');
      assert.equal(yes.status, 200);
      assert.equal(yes.body.signedIn, true);
      assert.equal(yes.body.user.username, 'm0003');
      assert.equal(yes.body.csrfToken, c.csrf);
      const stale = await s.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'zx_sid=an-ended-session' } });
      assert.equal(stale.statusCode, 200);
      assert.deepEqual(stale.json(), { signedIn: false });
      assert.equal((await c.post('/api/auth/logout')).status, 200);
      assert.deepEqual((await c.get('/api/auth/session')).body, { signedIn: false });
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

    test('repeated failures make that account wait at that address only, the wait doubling; the security administrator sees and lifts it', async () => {
      const db = s.zx.ctx.db;
      const from = (ip: string, body: unknown) => s.app.inject({ method: 'POST', url: '/api/auth/login', payload: body as any, remoteAddress: ip });
      const threshold = s.config.lockoutThreshold;
      for (let i = 1; i < threshold; i++) assert.equal((await from('10.9.0.1', { username: 'm0001', password: `Wrong-${i}-Password` })).statusCode, 401);
      const first = await from('10.9.0.1', { username: 'm0001', password: 'Wrong-last-Password' });
      assert.equal(first.statusCode, 429);
      assert.equal(first.json().error.code, 'LOGIN_DELAYED');
      assert.match(first.json().error.message, /请 1 分钟后再试/);
      assert.ok(Number(first.headers['retry-after']) > 50 && Number(first.headers['retry-after']) <= 60, String(first.headers['retry-after']));
      // while it waits, even the right password is not tried from that address …
      assert.equal((await from('10.9.0.1', { username: 'm0001', password: DEMO_PASSWORD })).statusCode, 429);
      // … but the owner signs in from anywhere else: a stranger cannot lock the account
      assert.equal((await from('10.9.0.2', { username: 'm0001', password: DEMO_PASSWORD })).statusCode, 200);
      // the wait is over (set back, as if a minute had passed): the next failure waits twice as long
      await db.updateTable('login_failures').set({ blocked_until: new Date(clock.nowMs() - 1000).toISOString() }).where('username', '=', 'm0001').execute();
      const second = await from('10.9.0.1', { username: 'm0001', password: 'Wrong-again-Password' });
      assert.equal(second.statusCode, 429);
      assert.match(second.json().error.message, /请 2 分钟后再试/);
      assert.ok(Number(second.headers['retry-after']) > 110 && Number(second.headers['retry-after']) <= 120);

      // the security administrator sees the wait and lifts it; the system administrator does not see the list
      assert.equal((await (await s.login('sysadmin')).get('/api/admin/login-locks')).status, 403);
      const sec = await s.login('secadmin');
      const locks = await sec.get('/api/admin/login-locks');
      assert.equal(locks.status, 200);
      const lock = locks.body.items.find((l: any) => l.username === 'm0001');
      assert.equal(lock.ip, '10.9.0.1');
      assert.equal(lock.failures, threshold + 1);
      assert.ok(lock.userId);
      const users = await sec.get('/api/admin/users?q=m0001');
      const user = users.body.items.find((u: any) => u.username === 'm0001');
      assert.equal(user.locked, true);
      assert.ok(user.actions.includes('unlock'));
      assert.equal((await sec.post('/api/admin/login-locks/lift', { username: 'm0001', ip: '10.9.0.1' })).status, 200);
      assert.equal((await sec.post('/api/admin/login-locks/lift', { username: 'm0001', ip: '10.9.0.1' })).status, 404, 'nothing left to lift');
      assert.equal((await from('10.9.0.1', { username: 'm0001', password: DEMO_PASSWORD })).statusCode, 200);
      const audit = await db.selectFrom('audit_log').select(['action', 'actor_id', 'ip']).where('entity_id', '=', user.id).orderBy('seq').execute();
      const actions = audit.map((r: any) => r.action);
      for (const a of ['user.login.failed', 'user.lockout', 'user.login.locked', 'user.unlock', 'user.login']) assert.ok(actions.includes(a), a);
      const secadminId = (await db.selectFrom('users').select('id').where('username', '=', 'secadmin').executeTakeFirstOrThrow()).id;
      assert.equal(audit.find((r: any) => r.action === 'user.unlock')!.actor_id, secadminId, 'the lift names who lifted it');
      assert.equal(audit.find((r: any) => r.action === 'user.lockout')!.ip, '10.9.0.1');
      assert.deepEqual(await verifyAuditChain(s.zx.ctx.db), { ok: true, count: (await s.zx.ctx.db.selectFrom('audit_log').select('seq').execute()).length });
    });

    test('unknown and known usernames get the same answers (status, code, message) and take similar time, also once the waits begin', async () => {
      const from = async (ip: string, username: string) => {
        const r = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Wrong-Password-9' }, remoteAddress: ip });
        const e = r.json().error;
        return `${r.statusCode} ${e.code} ${e.message}`;
      };
      const known: string[] = [];
      const unknown: string[] = [];
      for (let i = 0; i < s.config.lockoutThreshold + 2; i++) {
        known.push(await from('10.9.1.1', 'm0002'));
        unknown.push(await from('10.9.1.1', 'nobody-m0002'));
      }
      assert.deepEqual(unknown, known);
      assert.ok(known.at(-1)!.startsWith('429 LOGIN_DELAYED'), known.at(-1));
      // timing: an unknown username costs a password hash verification like a known one
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const timeOf = async (username: string, i: number) => {
        const t = performance.now();
        await from(`10.9.2.${i}`, username);
        return performance.now() - t;
      };
      const k: number[] = [];
      const n: number[] = [];
      for (let i = 0; i < 7; i++) { k.push(await timeOf('m0003', i)); n.push(await timeOf(`nobody-${i}`, 100 + i)); }
      const ratio = median(n) / median(k);
      assert.ok(ratio > 0.33 && ratio < 3, `unknown ${median(n).toFixed(1)} ms, known ${median(k).toFixed(1)} ms`);
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
      // the current step's code, not spent here (each step signs in once), made wrong
      const code = totpAt(s.account('sysadmin').totpSecret!, 'sysadmin', Math.floor(clock.physicalMs() / TOTP_PERIOD_MS));
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
      // an administrator not signed in before in this file, so each step below has a code of its own without waiting
      const code = await s.totpCode('auditor');
      const first = await rawLogin(s, { username: 'auditor', password: DEMO_PASSWORD, totp: code });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const failuresOf = async () => Number((await db.selectFrom('login_failures').select('failures').where('username', '=', 'auditor').where('ip', '=', '127.0.0.1').executeTakeFirst())?.failures ?? 0);
      const before = await failuresOf();
      const replay = await rawLogin(s, { username: 'auditor', password: DEMO_PASSWORD, totp: code });
      assert.equal(replay.status, 401);
      assert.equal(replay.body.error.code, 'TOTP_REQUIRED');
      assert.equal(replay.body.error.field, 'totp');
      assert.match(replay.body.error.message, /已经用过/);
      const after = await db.selectFrom('users').select(['totp_last_step']).where('username', '=', 'auditor').executeTakeFirstOrThrow();
      assert.equal(await failuresOf(), before + 1, 'a replayed code is a failed attempt (it leads to the sign-in waits like a wrong one)');
      const audit = await db.selectFrom('audit_log').select('data').where('action', '=', 'user.login.failed').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.match(String(audit.data), /reused_totp/);
      // a code of an earlier step than the one used is refused as well, even inside the drift window
      const earlier = totpAt(s.account('auditor').totpSecret!, 'auditor', Number(after.totp_last_step) - 1);
      assert.equal((await rawLogin(s, { username: 'auditor', password: DEMO_PASSWORD, totp: earlier })).status, 401);
      const next = await rawLogin(s, { username: 'auditor', password: DEMO_PASSWORD, totp: await s.totpCode('auditor') });
      assert.equal(next.status, 200, JSON.stringify(next.body));
      assert.equal(await failuresOf(), 0, 'a success from the address clears its count');
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

    test('a session whose password must be changed may only read who it is, change the password and sign out (403 PASSWORD_CHANGE_REQUIRED)', async () => {
      const db = s.zx.ctx.db;
      const city = await db.selectFrom('organizations').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
      await createUser(db, s.zx.ctx.dialect, { orgId: city.id, username: 'fresh.member', displayName: '新委员', password: 'Initial-Pass-2026', roles: [{ code: 'member' }], mustChangePassword: true });
      const c = await login(s.app, 'fresh.member', 'Initial-Pass-2026');
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.mustChangePassword, true);
      for (const [method, url, body] of [['GET', '/api/worklist'], ['GET', '/api/proposals'], ['PUT', '/api/auth/preferences', { largeText: true }], ['GET', '/api/notifications']] as const) {
        const r = await c.request(method, url, body);
        assert.equal(r.status, 403, `${method} ${url}`);
        assert.equal(r.body.error.code, 'PASSWORD_CHANGE_REQUIRED', `${method} ${url}`);
        assert.match(r.body.error.message, /修改/);
      }
      assert.equal((await c.post('/api/auth/password', { currentPassword: 'Initial-Pass-2026', newPassword: 'Chosen-Pass-2026' })).status, 200);
      assert.equal((await c.get('/api/auth/me')).body.user.mustChangePassword, false);
      assert.equal((await c.get('/api/worklist')).status, 200, 'after the change the session works');
      // signing out is allowed too
      await db.updateTable('users').set({ must_change_password: 1 }).where('username', '=', 'fresh.member').execute();
      await s.zx.ctx.events.publish({ type: 'identity.sessions.changed', tenantId: 'test', payload: {} });
      assert.equal((await c.get('/api/worklist')).status, 403);
      assert.equal((await c.post('/api/auth/logout')).status, 200);
      assert.equal((await c.get('/api/auth/me')).status, 401);
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

/** An app without demo data and one member who can sign in, with configuration overrides. */
async function smallApp(config: StartOptions['config']) {
  const s = await startApp('sqlite', { noSeed: true, config });
  const now = clock.iso();
  const city = newId();
  await s.zx.ctx.db.insertInto('organizations').values({ id: city, parent_id: null, kind: 'cppcc', level: 'city', name: '长治市政协', short_name: null, code: null, sort: 0, tenant_id: city, active: 1, version: 1, created_at: now, updated_at: now }).execute();
  await createUser(s.zx.ctx.db, s.zx.ctx.dialect, { orgId: city, username: 'proxied', displayName: '王委员', password: 'Through-Gate-2026', roles: [{ code: 'member' }] });
  return s;
}

describe('identity: addresses and HTTPS behind a reverse proxy (sqlite)', () => {
  const forwarded = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}`, 'x-forwarded-proto': 'https' });

  test('without TRUSTED_PROXIES, X-Forwarded-For is ignored: varying it does not escape the sign-in rate limit, and the audit log records the connection\'s address', async () => {
    const s = await smallApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes = [];
      for (let i = 1; i <= 4; i++) {
        codes.push((await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: 'Wrong-Pass-2026' }, headers: forwarded(i) })).statusCode);
      }
      assert.deepEqual(codes, [401, 401, 401, 429]);
      const ips = (await s.zx.ctx.db.selectFrom('audit_log').select('ip').where('action', '=', 'user.login.failed').execute()).map((r: any) => r.ip);
      assert.deepEqual([...new Set(ips)], ['127.0.0.1'], 'the forged addresses are not recorded');
      // nor does a forged X-Forwarded-Proto make the cookie Secure … (it is not, on plain HTTP)
      const s2 = await smallApp({});
      try {
        const ok = await s2.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: 'Through-Gate-2026' }, headers: forwarded(9) });
        assert.equal(ok.statusCode, 200);
        assert.doesNotMatch(String(ok.headers['set-cookie']), /Secure/i);
      } finally { await s2.close(); }
    } finally { await s.close(); }
  });

  test('from a trusted proxy, the client address comes from X-Forwarded-For and an HTTPS request gets a Secure cookie', async () => {
    const s = await smallApp({ trustedProxies: ['127.0.0.0/8'] });
    try {
      const bad = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: 'Wrong-Pass-2026' }, headers: forwarded(7) });
      assert.equal(bad.statusCode, 401);
      const row = await s.zx.ctx.db.selectFrom('audit_log').select('ip').where('action', '=', 'user.login.failed').executeTakeFirstOrThrow();
      assert.equal(row.ip, '198.51.100.7');
      const ok = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: 'Through-Gate-2026' }, headers: forwarded(7) });
      assert.equal(ok.statusCode, 200);
      assert.match(String(ok.headers['set-cookie']), /Secure/i);
      // a proxy that is not listed is not believed
      const other = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'proxied', password: 'Through-Gate-2026' }, headers: forwarded(8), remoteAddress: '192.0.2.1' });
      assert.equal(other.statusCode, 200);
      assert.doesNotMatch(String(other.headers['set-cookie']), /Secure/i);
      const last = await s.zx.ctx.db.selectFrom('audit_log').select('ip').where('action', '=', 'user.login').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(last.ip, '192.0.2.1');
    } finally { await s.close(); }
  });
});
