/**
 * A running zhengxie with demo data, for tests: a fresh database (SQLite or PostgreSQL), the real app, the demo
 * accounts, TOTP codes for the administrators and a one-call sign-in. Loading the demo takes seconds per app; a test
 * that does not read the demo's own records or figures starts a minimal world instead (`startWorld`, factories.ts).
 */
import type { Config } from '../../src/kernel/server/config.ts';
import type { ModuleManifest } from '../../src/kernel/server/module.ts';
import { buildApp, type Zhengxie } from '../../src/server/app.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty, type DemoAccount } from '../../src/server/seed.ts';
import { freshTotp } from './totp.ts';
import { createTestDatabase, type DialectKind } from './db.ts';
import { login as httpLogin, type Client } from './http.ts';

export interface StartedApp {
  zx: Zhengxie;
  app: Zhengxie['app'];
  config: Config;
  accounts: DemoAccount[];
  /** the demo account of that username (throws when there is none) */
  account(username: string): DemoAccount;
  /** a TOTP code of a demo administrator not used before on this database (each code is accepted once) */
  totpCode(username: string): Promise<string>;
  /** sign in as a demo account (with a TOTP code for administrators) or any other seeded user (e.g. 'm0001', 'handler01') */
  login(username: string): Promise<Client>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** configuration overrides (e.g. a short sessionIdleSeconds) */
  config?: Partial<Config> & { loginRateLimitPerMinute?: number };
  /** skip the demo data (organisations, users and every module's seed) */
  noSeed?: boolean;
  /** test-only modules added after the product's: they declare contributions (a setting, an entity, a job, a push channel) but bring no tables or permissions */
  extraModules?: ModuleManifest[];
}

export async function startApp(kind: DialectKind, opts: StartOptions = {}): Promise<StartedApp> {
  // many sign-ins from one address in one test file: lift the login rate limit unless a test sets it
  const tdb = await createTestDatabase(kind, { loginRateLimitPerMinute: 10_000, ...opts.config } as Partial<Config>);
  let zx: Zhengxie | undefined;
  try {
    zx = await buildApp(tdb.config, { extraModules: opts.extraModules });
    const seeded = opts.noSeed ? null : await seedDemoIfEmpty(zx.ctx);
    const accounts = seeded?.accounts ?? [];
    const account = (username: string) => {
      const a = accounts.find((x) => x.username === username);
      if (!a) throw new Error(`no demo account ${username}`);
      return a;
    };
    const totpCode = (username: string) => {
      const a = account(username);
      if (!a.totpSecret) throw new Error(`${username} has no TOTP secret`);
      return freshTotp(a.totpSecret, username, tdb.config.dataDir);
    };
    const started = zx;
    return {
      zx: started, app: started.app, config: tdb.config, accounts, account, totpCode,
      login: (username) => {
        const a = accounts.find((x) => x.username === username);
        if (!a) return httpLogin(started.app, username, DEMO_PASSWORD);
        return a.totpSecret
          ? totpCode(username).then((code) => httpLogin(started.app, username, a.password, code))
          : httpLogin(started.app, username, a.password);
      },
      async close() {
        try { await started.close(); } finally { await tdb.drop(); }
      },
    };
  } catch (e) {
    await zx?.close().catch(() => {});
    await tdb.drop().catch(() => {});
    throw e;
  }
}
