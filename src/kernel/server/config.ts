/** Runtime configuration: environment variables, overridden by matching command-line flags. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string; // postgres://… selects PostgreSQL; otherwise SQLite in dataDir
  redisUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** seconds of inactivity after which a session ends (等保 asks for an idle timeout) */
  sessionIdleSeconds: number;
  /** failed logins before an account is locked, and for how long */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** sign-in attempts allowed per minute from one address */
  loginRateLimitPerMinute: number;
  /** load demo data into an empty database on start */
  seedDemo: boolean;
  /** serve the built web app from this folder when it exists */
  webDist: string;
  logLevel: string;
  /** maximum upload size in bytes */
  maxUploadBytes: number;
  /** secure cookies (set behind HTTPS) */
  secureCookies: boolean;
  /**
   * business time starts at this instant and runs on (`2026-12-31`, `2026-12-31T09:30`, or an ISO time with a zone);
   * unset means the machine's clock. For demonstrations and tests of a given day (see kernel/universal/clock.ts)
   */
  clock?: string;
  /** how often each instance looks for undelivered events in the outbox, in ms (events are also delivered on commit) */
  outboxPollMs: number;
}

export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.DATA_DIR ?? 'data');
  const cfg: Config = {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? '智慧政协 <noreply@zhengxie.local>',
    sessionIdleSeconds: Number(env.SESSION_IDLE_SECONDS ?? 30 * 60),
    lockoutThreshold: Number(env.LOCKOUT_THRESHOLD ?? 5),
    lockoutMinutes: Number(env.LOCKOUT_MINUTES ?? 15),
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    webDist: path.resolve(env.WEB_DIST ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 20 * 1024 * 1024),
    secureCookies: env.SECURE_COOKIES === 'true',
    clock: env.ZX_CLOCK || undefined,
    outboxPollMs: Number(env.OUTBOX_POLL_MS ?? 1000),
  };
  return { ...cfg, ...stripUndefined(overrides), dataDir };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
