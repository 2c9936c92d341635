/**
 * Which real services the tests can use. PostgreSQL, Redis and Chromium suites skip with a printed reason when absent,
 * unless ZX_REQUIRE lists them (CI sets ZX_REQUIRE=pg,redis,browser), in which case their absence fails the run.
 */
import fs from 'node:fs';
import net from 'node:net';

const required = new Set((process.env.ZX_REQUIRE ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export const PG_ADMIN_URL = process.env.ZX_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.ZX_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether something accepts TCP connections at host:port (within a second). */
export function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean) => { s.destroy(); resolve(ok); };
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function availability(name: 'pg' | 'redis' | 'browser'): Promise<string | null> {
  if (name === 'pg') return (await portOpen('127.0.0.1', Number(new URL(PG_ADMIN_URL).port || 5432))) ? null : 'PostgreSQL is not reachable at ' + new URL(PG_ADMIN_URL).host;
  if (name === 'redis') return (await portOpen('127.0.0.1', Number(new URL(REDIS_URL).port || 6379))) ? null : 'Redis is not reachable at ' + new URL(REDIS_URL).host;
  return fs.existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM}`;
}

/**
 * Returns `false` (run the suite) or a skip reason string for node:test's `skip` option.
 * Throws when the service is required but missing.
 */
export async function skipUnless(name: 'pg' | 'redis' | 'browser'): Promise<false | string> {
  const why = await availability(name);
  if (!why) return false;
  if (required.has(name)) throw new Error(`${name} is required (ZX_REQUIRE) but unavailable: ${why}`);
  console.log(`# skipped ${name} suite: ${why}`);
  return why;
}
