/**
 * Sessions in the database behind an httpOnly cookie, with a synchronizer CSRF token. The cookie holds a random
 * token; the table holds only its SHA-256, so a copy of the database cannot be used to sign in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../kernel/server/config.ts';
import type { App } from '../../../kernel/server/http/server.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import type { PermissionCache } from './permissions.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { identityDb, type IdentityDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

export const SESSION_COOKIE = 'zx_sid';
/** Event published after any change that ends sessions or changes who a signed-in user is (roles, organisation, two-factor). */
export const SESSIONS_CHANGED = 'identity.sessions.changed';

/**
 * The signed-in sessions this instance has read in the last second. Under load, many requests of one person arrive
 * within a second; they share one read. Any change to sessions or users publishes SESSIONS_CHANGED, which empties the
 * cache on every instance at once; the one-second limit bounds what a change without an event could leave.
 */
/** A signed-in session joined with its user: what a request needs to know who is asking. */
export interface SessionRow {
  id: string; csrf_token: string; last_seen_at: string; expires_at: string; totp_ok: number;
  user_id: string; username: string; display_name: string; org_id: string; tenant_id: string; role_codes: string; active: number; must_change_password: number;
}

export class SessionCache {
  private rows = new Map<string, { row: SessionRow; at: number }>();
  /** cookie token → session id (its SHA-256), so that a busy session is not hashed on every request */
  private ids = new Map<string, string>();
  constructor(private ttlMs = 1000, private max = 20_000) {}
  idOf(token: string): string {
    let id = this.ids.get(token);
    if (id === undefined) {
      if (this.ids.size >= this.max) this.ids.clear();
      id = sessionIdOf(token);
      this.ids.set(token, id);
    }
    return id;
  }
  get(id: string): SessionRow | undefined {
    const hit = this.rows.get(id);
    if (!hit) return undefined;
    if (clock.nowMs() - hit.at >= this.ttlMs) { this.rows.delete(id); return undefined; }
    return hit.row;
  }
  set(id: string, row: SessionRow): void {
    if (this.rows.size >= this.max) this.rows.clear();
    this.rows.set(id, { row, at: clock.nowMs() });
  }
  delete(id: string): void { this.rows.delete(id); }
  clear(): void { this.rows.clear(); this.ids.clear(); }
}
/** a session ends after this long even when in use */
export const SESSION_MAX_HOURS = 12;

declare module 'fastify' {
  interface FastifyRequest {
    /** the session behind `actor`, set by the identity hook */
    zxSession?: { id: string; csrfToken: string; totpOk: boolean; mustChangePassword: boolean };
  }
}

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: IdentityDb, s: { userId: string; ip?: string | null; userAgent?: string | null; totpOk: boolean }) {
  const token = randomBytes(32).toString('base64url');
  const id = sessionIdOf(token);
  const csrfToken = randomBytes(24).toString('base64url');
  const now = clock.now();
  await db.insertInto('sessions').values({
    id, user_id: s.userId, csrf_token: csrfToken, created_at: now.toISOString(), last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_MAX_HOURS * 3600_000).toISOString(),
    ip: s.ip ?? null, user_agent: (s.userAgent ?? '').slice(0, 300) || null, totp_ok: s.totpOk ? 1 : 0,
  }).execute();
  return { token, id, csrfToken };
}

/**
 * Of the given session ids, those still signed in: the session exists, has not expired or gone idle, and its user is
 * active. Long-lived connections (the event stream) ask this when sessions change and at each heartbeat.
 */
export async function liveSessionIds(anyDb: AnyModuleDb, ids: readonly string[], idleSeconds: number): Promise<Set<string>> {
  const db = identityDb(anyDb);
  const live = new Set<string>();
  if (!ids.length) return live;
  const now = clock.nowMs();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.last_seen_at', 's.expires_at', 'u.active']).where('s.id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) {
      if (Number(r.active) === 1 && now <= Date.parse(r.expires_at) && now - Date.parse(r.last_seen_at) <= idleSeconds * 1000) live.add(r.id);
    }
  }
  return live;
}

/**
 * Whether the cookie is `Secure`: always with SECURE_COOKIES, and whenever the request came over HTTPS, directly or
 * through a trusted proxy that says so (X-Forwarded-Proto is believed only from TRUSTED_PROXIES).
 */
const secureFor = (reply: FastifyReply, config: Config) => config.secureCookies || reply.request.protocol === 'https';

export function setSessionCookie(reply: FastifyReply, token: string, config: Config) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureFor(reply, config) });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureFor(reply, config) });
}

/**
 * What a session whose password must be changed (an initial or reset password) may do: read who it is, change the
 * password, sign out, and enrol two-factor sign-in (an administrator's first sign-in needs both).
 */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  'GET /api/auth/me', 'GET /api/auth/session', 'POST /api/auth/password', 'POST /api/auth/logout', 'POST /api/auth/login',
  'POST /api/auth/totp/setup', 'POST /api/auth/totp/enable',
]);

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The request hook: one indexed query (session joined with user) per API request, shared for a second by the
 * session cache; permissions come from the per-role-set cache. Ends idle or expired sessions, checks the CSRF header
 * on writes, and confines an administrator who has not enrolled two-factor sign-in to the /api/auth/ routes. When the
 * session and its permissions are already in memory the hook finishes without waiting on anything. A session whose
 * password must be changed may only do that (403 PASSWORD_CHANGE_REQUIRED for everything else).
 */
export function installAuthHook(app: App, deps: { db: AnyModuleDb; config: Config; permissions: PermissionCache; cache: SessionCache }) {
  const db = identityDb(deps.db);
  const { config, permissions, cache } = deps;
  const idleMs = config.sessionIdleSeconds * 1000;
  const touchEveryMs = Math.min(60_000, Math.max(1000, idleMs / 4));

  /** The checks on a request whose session (if any) is resolved. */
  const guard = (req: FastifyRequest): void => {
    const session = req.zxSession;
    if (!session) return;
    const path = req.url.split('?')[0];
    if (!safeMethods.has(req.method) && path !== '/api/auth/login') {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken)) {
        throw new AppError('CSRF_FAILED', '安全校验失败（CSRF），请刷新页面后重试');
      }
    }
    if (!session.totpOk && !path.startsWith('/api/auth/')) {
      throw new AppError('FORBIDDEN', '管理员账号须先绑定双因素认证（动态验证码）才能使用系统');
    }
    if (session.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${req.method === 'HEAD' ? 'GET' : req.method} ${path}`)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码（或管理员重置的密码），然后才能使用系统');
    }
  };

  const signIn = (req: FastifyRequest, id: string, row: SessionRow, perms: Set<string>): void => {
    const roleKey = row.role_codes;
    req.actor = {
      userId: row.user_id, username: row.username, displayName: row.display_name, orgId: row.org_id, tenantId: row.tenant_id,
      roles: roleKey ? roleKey.split(',') : [], permissions: perms, sessionId: id,
    };
    req.zxSession = { id, csrfToken: row.csrf_token, totpOk: Number(row.totp_ok) === 1, mustChangePassword: Number(row.must_change_password) === 1 };
  };

  /** The path that reads the database: a session not in memory, one to end, one to touch, or permissions to load. */
  const resolve = async (req: FastifyRequest, id: string, cached: SessionRow | undefined): Promise<void> => {
    let row = cached;
    if (!row) {
      row = await db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.totp_ok', 'u.id as user_id', 'u.username',
          'u.display_name', 'u.org_id', 'u.tenant_id', 'u.role_codes', 'u.active', 'u.must_change_password'])
        .where('s.id', '=', id).executeTakeFirst();
      if (row) cache.set(id, row);
    }
    if (row) {
      const now = clock.nowMs();
      const lastSeen = Date.parse(row.last_seen_at);
      if (now - lastSeen > idleMs || now > Date.parse(row.expires_at) || Number(row.active) !== 1) {
        cache.delete(id);
        await db.deleteFrom('sessions').where('id', '=', id).execute();
      } else {
        if (now - lastSeen > touchEveryMs) {
          await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', id).execute();
          row.last_seen_at = new Date(now).toISOString();
        }
        signIn(req, id, row, await permissions.get(row.role_codes));
      }
    }
    guard(req);
  };

  app.addHook('onRequest', (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    try {
      if (!req.url.startsWith('/api/')) return done();
      const token = req.cookies?.[SESSION_COOKIE];
      if (!token || token.length > 100) { guard(req); return done(); }
      const id = cache.idOf(token);
      const row = cache.get(id);
      if (row) {
        // in memory, in use and not due for a touch: nothing to wait for
        const now = clock.nowMs();
        const lastSeen = Date.parse(row.last_seen_at);
        const perms = permissions.peek(row.role_codes);
        if (perms && now - lastSeen <= touchEveryMs && now <= Date.parse(row.expires_at) && Number(row.active) === 1) {
          signIn(req, id, row, perms);
          guard(req);
          return done();
        }
      }
      resolve(req, id, row).then(() => done(), done);
    } catch (err) {
      done(err as Error);
    }
  });
}
