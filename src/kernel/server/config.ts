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
  /** train the unit suggestion's models in the background soon after start, so the first suggestion need not wait */
  warmUnitModels: boolean;
  /** serve the built web app from this folder when it exists */
  webDist: string;
  logLevel: string;
  /** maximum upload size in bytes */
  maxUploadBytes: number;
  /** secure cookies (set behind HTTPS) */
  secureCookies: boolean;
  /**
   * reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed (addresses or CIDRs); empty: none, the
   * client's address is the connection's
   */
  trustedProxies: string[];
  /**
   * the key that encrypts secrets at rest (TOTP secrets) and signs the audit chain: 32 bytes, base64 or hex. Unset: read
   * from (or generated into) `secret.key` in the data folder
   */
  secretKey?: string;
  /** cipher for secrets at rest: `aes-256-gcm`, or `sm4-gcm` / `sm4-cbc` (国密) where node's OpenSSL offers them */
  secretCipher: string;
  /** file the audit chain's anchors (checkpoints of its head) are appended to */
  auditAnchorFile: string;
  /** minutes between two anchors of the audit chain */
  auditAnchorMinutes: number;
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
    warmUnitModels: (env.WARM_UNIT_MODELS ?? 'true') !== 'false',
    webDist: path.resolve(env.WEB_DIST ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 20 * 1024 * 1024),
    secureCookies: env.SECURE_COOKIES === 'true',
    trustedProxies: parseList(env.TRUSTED_PROXIES),
    secretKey: env.SECRET_KEY || undefined,
    secretCipher: env.SECRET_CIPHER || 'aes-256-gcm',
    auditAnchorFile: env.AUDIT_ANCHOR_FILE ? path.resolve(env.AUDIT_ANCHOR_FILE) : path.join(dataDir, 'audit-anchors.log'),
    auditAnchorMinutes: Number(env.AUDIT_ANCHOR_MINUTES ?? 10),
    clock: env.ZX_CLOCK || undefined,
    outboxPollMs: Number(env.OUTBOX_POLL_MS ?? 1000),
  };
  return { ...cfg, ...stripUndefined(overrides), dataDir };
}

/** A comma-separated list (`10.0.0.1, 10.1.0.0/16`) as its trimmed, non-empty items. */
export function parseList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
