/** Start to ready (`zhengxie serve` on an existing database until /api/health answers 200) and demo data load time. */
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { buildApp, openAndMigrate } from '../src/server/app.ts';
import { seedDemoIfEmpty } from '../src/server/seed.ts';
import { createTestDatabase, type DialectKind } from '../test/support/db.ts';
import { emit, freePort, median, note, quick, repoRoot, round } from './lib.ts';

/** The built server as `npm start` runs it, built afresh from the current source (a stale build would not know newer migrations). */
function builtServer(): string {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-server.mjs')], { cwd: repoRoot, stdio: 'ignore' });
  return path.join(repoRoot, 'dist', 'server', 'cli.mjs');
}

/** Spawn the real command line and poll /api/health; returns milliseconds from spawn to the first 200. */
async function timeToReady(env: Record<string, string>, args: string[]): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...args, 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: number | null = null;
  child.once('exit', (code) => { exited = code ?? -1; });
  try {
    for (;;) {
      if (exited !== null) throw new Error(`zhengxie serve exited with code ${exited} before it was ready`);
      if (performance.now() - started > 60_000) throw new Error('zhengxie serve was not ready within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    if (exited === null) {
      await new Promise<void>((done) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => { clearTimeout(kill); done(); });
        child.kill('SIGTERM');
      });
    }
  }
}

export async function benchStartup(kind: DialectKind): Promise<void> {
  // the data is prepared in-process without the web app; the timed `serve` below serves the built web app
  const tdb = await createTestDatabase(kind, { webDist: path.join(tmpdir(), 'zx-bench-no-web') });
  try {
    // demo data load: migrations first (reported separately), then seedDemoIfEmpty on the empty database
    const m0 = performance.now();
    const handle = await openAndMigrate(tdb.config);
    let seeded: Awaited<ReturnType<typeof seedDemoIfEmpty>>;
    let migrateMs = 0;
    let seedMs = 0;
    let zx: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      zx = await buildApp(tdb.config, { handle });
      migrateMs = performance.now() - m0;
      const s0 = performance.now();
      seeded = await seedDemoIfEmpty(zx.ctx);
      seedMs = performance.now() - s0;
    } finally {
      // the app stops its outbox and jobs before it closes the database it was given
      if (zx) await zx.close(); else await handle.destroy();
    }
    if (!seeded) throw new Error('seedDemoIfEmpty loaded nothing into a fresh database');
    emit({ name: `demo_data_load_${kind}`, value: round(seedMs / 1000, 2), unit: 's', target: kind === 'sqlite' ? '<= 10' : 'reported', migrate_and_boot_s: round(migrateMs / 1000, 2), accounts: seeded.accounts.length });

    // start to ready on the now migrated and seeded database; the first run also warms the transpile cache
    const env: Record<string, string> = { DATA_DIR: tdb.config.dataDir, SEED_DEMO: 'true' };
    if (tdb.config.databaseUrl) env.DATABASE_URL = tdb.config.databaseUrl;
    const runs = quick ? 2 : 5;
    const built = builtServer();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await timeToReady(env, [built]));
    const warm = times.slice(1);
    // the same start from the TypeScript source through tsx, for comparison (what `npx zhengxie` does before a build)
    const fromSource = await timeToReady(env, ['--import', 'tsx', path.join(repoRoot, 'src', 'server', 'cli.ts')]);
    emit({ name: `start_to_ready_${kind}`, value: round(median(warm) / 1000, 2), unit: 's', target: kind === 'sqlite' ? '<= 2' : 'reported', first_run_s: round(times[0] / 1000, 2), runs, from_source_s: round(fromSource / 1000, 2) });
  } finally {
    await tdb.drop();
    note(`startup bench on ${kind} done`);
  }
}
