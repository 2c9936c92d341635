/** Fresh databases for tests on both dialects: a temporary SQLite file, or a new PostgreSQL database dropped afterwards. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/kernel/server/config.ts';
import { PG_ADMIN_URL, skipUnless } from './services.ts';
import { clock } from '../../src/kernel/universal/clock.ts';

export type DialectKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  config: Config;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DialectKind, overrides: Partial<Config> = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-test-'));
  // no background training of the suggestion models in tests unless a test asks (it would load the shared CPU)
  const base = loadConfig({ dataDir, logLevel: 'silent', seedDemo: false, warmUnitModels: false, port: 0, ...overrides }, {});
  if (kind === 'sqlite') {
    return { config: { ...base, databaseUrl: undefined }, async drop() { fs.rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const name = `zx_test_${clock.nowMs().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`).catch(async () => {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = '/' + name;
  return {
    config: { ...base, databaseUrl: u.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The dialects to run a suite on, each with its skip option: SQLite always, PostgreSQL when reachable (or required). */
export async function dialects(): Promise<Array<{ kind: DialectKind; skip: false | string }>> {
  return [
    { kind: 'sqlite', skip: false },
    { kind: 'postgres', skip: await skipUnless('pg') },
  ];
}
