/** Sign-in and the signed-in user's own account: login, logout, me, password, preferences, two-factor enrolment. */
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { appendAudit, recordAudit, type AuditEntry } from '../../../kernel/server/audit.ts';
import type { FastifyReply } from 'fastify';
import { AppError, invalid } from '../../../kernel/universal/errors.ts';
import {
  loginBody, okResponse, passwordBody, preferencesBody, preferencesResponse, sessionProbeResponse, sessionResponse, totpEnableBody, totpSetupResponse,
} from '../contract.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import { hashPassword, prepareDummy, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { PermissionCache } from './permissions.ts';
import { clearSessionCookie, createSession, SESSIONS_CHANGED, setSessionCookie } from './sessions.ts';
import { claimTotpStep } from './users.ts';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpStepOf, totpUrl } from './totp.ts';
import { clearFailures, recordFailure, throttleRulesOf, waitUntil } from './login-throttle.ts';
import { getUser, loadMe, requiresTotp, type UserRow } from './users.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { identityDb } from './tables.ts';

const WRONG = '用户名或密码错误';

type Who = Pick<AuditEntry, 'tenantId' | 'actorId' | 'actorName' | 'entityType' | 'entityId'>;

export function authRoutes(app: App, ctx: ModuleContext, deps: { permissions: PermissionCache; loginRateLimit: number }) {
  const db = identityDb(ctx.db);
  const { dialect, config } = ctx;
  const { permissions } = deps;

  const rules = throttleRulesOf(config);
  // the dummy hash an unknown username is checked against is made now, not on the first such sign-in
  void prepareDummy();

  /** The answer while a username must wait at an address: the same whether or not the account exists. */
  const delayed = (reply: FastifyReply, until: string) => {
    const seconds = Math.max(1, Math.ceil((Date.parse(until) - clock.nowMs()) / 1000));
    reply.header('retry-after', String(seconds));
    return new AppError('LOGIN_DELAYED', `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`);
  };

  /**
   * Count a failed attempt of this username from this address (known or not) and audit it; returns the end of the
   * wait it starts, if any.
   */
  async function registerFailure(who: Who, username: string, ip: string, reason: string): Promise<string | null> {
    return db.transaction().execute(async (trx) => {
      const { failures, blockedUntil } = await recordFailure(trx, rules, username, ip);
      await appendAudit(trx, dialect, {
        ...who, action: blockedUntil ? 'user.lockout' : 'user.login.failed',
        data: { reason, failures, ...(blockedUntil ? { blockedUntil } : {}) }, ip,
      });
      return blockedUntil;
    });
  }

  app.post('/api/auth/login', {
    config: { rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: '登录（管理员需提供动态验证码）', security: [], body: loginBody, response: { 200: sessionResponse } },
  }, async (req, reply) => {
    const { username, password, totp } = req.body;
    const ip = req.ip;
    const u = (await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()) as UserRow | undefined;
    // who the audit record names: the account, or the name that was tried
    const who: Who = u
      ? { tenantId: u.tenant_id, actorId: u.id, actorName: u.display_name, entityType: 'user', entityId: u.id }
      : { tenantId: null, actorId: 'anonymous', actorName: username };
    const wait = await waitUntil(db, username, ip);
    if (wait) {
      await recordAudit(db, dialect, { ...who, action: 'user.login.locked', data: { blockedUntil: wait }, ip });
      throw delayed(reply, wait);
    }
    // an unknown username costs the same hash verification as a known one
    const passwordOk = u ? await verifyPassword(u.password_hash, password) : await verifyAgainstDummy(password);
    if (!u || !passwordOk) {
      const blocked = await registerFailure(who, username, ip, u ? 'wrong_password' : 'unknown_user');
      if (blocked) throw delayed(reply, blocked);
      throw new AppError('UNAUTHENTICATED', WRONG);
    }
    if (Number(u.active) !== 1) {
      await recordAudit(db, dialect, { ...who, action: 'user.login.inactive', ip });
      throw new AppError('FORBIDDEN', '账号已停用，请联系系统管理员');
    }
    const roles = u.role_codes ? u.role_codes.split(',') : [];
    const totpEnabled = Number(u.totp_enabled) === 1 && !!u.totp_secret;
    if (totpEnabled) {
      if (!totp) throw new AppError('TOTP_REQUIRED', '请输入双因素认证动态验证码', { field: 'totp' });
      // a secret that does not open (another key, or written into the table without it) accepts no code
      const secret = openTotpSecret(u.totp_secret, u.id);
      const step = secret === null ? null : totpStepOf(secret, u.username, totp);
      // RFC 6238 §5.2: a code is accepted once; a replayed one (seen on the wire or over a shoulder) counts as a failure
      const fresh = step !== null && await claimTotpStep(db, u.id, step);
      if (!fresh) {
        const blocked = await registerFailure(who, username, ip, step === null ? 'wrong_totp' : 'reused_totp');
        if (blocked) throw delayed(reply, blocked);
        throw new AppError('TOTP_REQUIRED', step === null ? '动态验证码不正确，请重新输入' : '这个动态验证码已经用过，请等待验证器显示下一个验证码', { field: 'totp' });
      }
    }
    const totpOk = totpEnabled || !requiresTotp(roles);
    const session = await db.transaction().execute(async (trx) => {
      await clearFailures(trx, username, ip);
      const s = await createSession(trx, { userId: u.id, ip, userAgent: req.headers['user-agent'] ?? null, totpOk });
      await appendAudit(trx, dialect, {
        ...who, action: 'user.login', data: { totp: totpEnabled, limited: !totpOk }, ip,
      });
      return s;
    });
    setSessionCookie(reply, session.token, config);
    const user = await loadMe(db, u.id, await permissions.get(u.role_codes));
    return { user, csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResponse } },
  }, async (req, reply) => {
    const actor = req.actor;
    if (actor && req.zxSession) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id', '=', req.zxSession!.id).execute();
        await appendAudit(trx, dialect, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'user.logout', entityType: 'user', entityId: actor.userId, ip: req.ip });
      });
      await ctx.events.publish({ type: SESSIONS_CHANGED, tenantId: actor.tenantId, payload: {} });
    }
    clearSessionCookie(reply, config);
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: sessionResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    return { user: await loadMe(db, actor.userId, actor.permissions), csrfToken: req.zxSession!.csrfToken };
  });

  app.get('/api/auth/session', {
    schema: { tags: ['auth'], summary: '会话探测：是否已登录（未登录时也答复 200）', response: { 200: sessionProbeResponse } },
  }, async (req) => {
    const actor = req.actor;
    if (!actor || !req.zxSession) return { signedIn: false as const };
    return { signedIn: true as const, user: await loadMe(db, actor.userId, actor.permissions), csrfToken: req.zxSession.csrfToken };
  });

  app.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: '修改本人密码', body: passwordBody, response: { 200: okResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const u = (await getUser(db, actor.userId))!;
    const { currentPassword, newPassword } = req.body;
    if (!(await verifyPassword(u.password_hash, currentPassword))) throw invalid('currentPassword', '「当前密码」', '不正确');
    const problem = passwordProblem(newPassword, u.username);
    if (problem) throw invalid('newPassword', '「新密码」', problem);
    if (newPassword === currentPassword) throw invalid('newPassword', '「新密码」', '不能与当前密码相同');
    const hash = await hashPassword(newPassword);
    const now = clock.iso();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: hash, password_changed_at: now, must_change_password: 0, updated_at: now }).where('id', '=', u.id).execute();
      // other sessions of this user end: whoever knew the old password is signed out
      await trx.deleteFrom('sessions').where('user_id', '=', u.id).where('id', '!=', req.zxSession!.id).execute();
      await appendAudit(trx, dialect, { tenantId: u.tenant_id, actorId: u.id, actorName: u.display_name, action: 'user.password.change', entityType: 'user', entityId: u.id, ip: req.ip });
    });
    await ctx.events.publish({ type: SESSIONS_CHANGED, tenantId: u.tenant_id, payload: {} });
    return { ok: true as const };
  });

  app.put('/api/auth/preferences', {
    schema: { tags: ['auth'], summary: '保存个人偏好（大字模式、语言）', body: preferencesBody, response: { 200: preferencesResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const patch: Record<string, unknown> = {};
    if (req.body.largeText !== undefined) patch.large_text = req.body.largeText ? 1 : 0;
    if (req.body.locale !== undefined) patch.locale = req.body.locale;
    if (Object.keys(patch).length) await db.updateTable('users').set(patch).where('id', '=', actor.userId).execute();
    const u = (await getUser(db, actor.userId))!;
    return { largeText: Number(u.large_text) === 1, locale: u.locale === 'en' ? 'en' as const : 'zh-CN' as const };
  });

  app.post('/api/auth/totp/setup', {
    schema: { tags: ['auth'], summary: '开始绑定双因素认证：生成密钥', response: { 200: totpSetupResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const u = (await getUser(db, actor.userId))!;
    if (Number(u.totp_enabled) === 1) throw new AppError('CONFLICT', '已绑定双因素认证；如需更换请联系安全管理员');
    const secret = newTotpSecret();
    await db.updateTable('users').set({ totp_secret: sealTotpSecret(secret, u.id), totp_last_step: null }).where('id', '=', u.id).execute();
    return { secret, otpauthUrl: totpUrl(secret, u.username) };
  });

  app.post('/api/auth/totp/enable', {
    schema: { tags: ['auth'], summary: '完成绑定双因素认证：校验动态验证码', body: totpEnableBody, response: { 200: okResponse } },
  }, async (req) => {
    const actor = actorOf(req);
    const u = (await getUser(db, actor.userId))!;
    if (Number(u.totp_enabled) === 1) throw new AppError('CONFLICT', '已绑定双因素认证');
    const secret = openTotpSecret(u.totp_secret, u.id);
    if (!secret) throw new AppError('BAD_REQUEST', '请先生成双因素认证密钥');
    const step = totpStepOf(secret, u.username, req.body.code);
    if (step === null) throw invalid('code', '「动态验证码」', '不正确，请核对手机上的验证器');
    if (!(await claimTotpStep(db, u.id, step))) throw invalid('code', '「动态验证码」', '已经用过，请等待验证器显示下一个验证码');
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ totp_enabled: 1, updated_at: clock.iso() }).where('id', '=', u.id).execute();
      await trx.updateTable('sessions').set({ totp_ok: 1 }).where('id', '=', req.zxSession!.id).execute();
      await appendAudit(trx, dialect, { tenantId: u.tenant_id, actorId: u.id, actorName: u.display_name, action: 'user.totp.enable', entityType: 'user', entityId: u.id, ip: req.ip });
    });
    await ctx.events.publish({ type: SESSIONS_CHANGED, tenantId: u.tenant_id, payload: {} });
    return { ok: true as const };
  });
}
