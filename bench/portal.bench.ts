/**
 * The public portal (门户) under load (`npm run bench:portal`, `-- --quick` in CI): the app on the demo data (SQLite) in
 * its own process, driven by autocannon from this one with the Accept-Encoding a browser sends. Measured in the same
 * run, each against a bare static file served by the same server (@fastify/static from the web folder, precompressed
 * like the built web app): the home page, a section page (已公开提案) and an item page. Each figure is a JSON line with
 * rps and p99; targets (reported, not enforced): ≥ 2,000 requests per second with p99 ≤ 50 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildApp } from '../src/server/app.ts';
import { seedDemoIfEmpty } from '../src/server/seed.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { crashed, crashes, emit, load, note, quick, round, settle, startChildServer } from './lib.ts';

const CONNECTIONS = 20;
const SECONDS = quick ? 3 : 10;
const RPS_TARGET = 2000;
const P99_TARGET_MS = 50;

async function main() {
  const webDist = fs.mkdtempSync(path.join(tmpdir(), 'zx-bench-portal-web-'));
  const tdb = await createTestDatabase('sqlite', { webDist });
  try {
    note('seeding the demo data');
    const zx = await buildApp(tdb.config);
    await seedDemoIfEmpty(zx.ctx);
    const item = await zx.ctx.db.selectFrom('proposals').select('id').where('is_public', '=', 1).where('state', 'in', ['replied', 'closed'])
      .where('replied_at', 'is not', null).orderBy('replied_at', 'desc').executeTakeFirstOrThrow();
    await zx.close();

    const server = await startChildServer('app', { DATA_DIR: tdb.config.dataDir, WEB_DIST: webDist });
    try {
      const pages = { home: '/portal', section: '/portal/proposals.public', item: `/portal/proposals.public/${item.id}` };
      // the bare static file: the home page's own bytes as a file, precompressed as the web build does
      const home = Buffer.from(await (await fetch(server.url + pages.home)).arrayBuffer());
      fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>zhengxie</title>');
      fs.writeFileSync(path.join(webDist, 'static-page.html'), home);
      fs.writeFileSync(path.join(webDist, 'static-page.html.br'), brotliCompressSync(home));
      fs.writeFileSync(path.join(webDist, 'static-page.html.gz'), gzipSync(home));
      await server.stop();
      // started again so @fastify/static sees the files (it lists the folder at start)
      const app = await startChildServer('app', { DATA_DIR: tdb.config.dataDir, WEB_DIST: webDist });
      try {
        const targets: Array<[string, string]> = [['static', '/static-page.html'], ['home', pages.home], ['section', pages.section], ['item', pages.item]];
        for (const [, p] of targets) {
          const r = await fetch(app.url + p);
          if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
          await r.arrayBuffer();
        }
        // warm up the server (its JIT, its caches) on every address before anything is measured
        note('warm-up');
        await load({ url: app.url, connections: CONNECTIONS, seconds: quick ? 1 : 3, paths: targets.map(([, p]) => p) });
        let baseline: Awaited<ReturnType<typeof load>> | undefined;
        for (const [name, p] of targets) {
          await settle(app.url + p);
          note(`load ${name} ${p} for ${SECONDS} s`);
          const r = await load({ url: app.url + p, connections: CONNECTIONS, seconds: SECONDS });
          if (name === 'static') baseline = r;
          const line = { rps: round(r.rps, 0), p99: r.p99, p50: r.p50, requests: r.requests, errors: r.errors, non2xx: r.non2xx, bytesPerResponse: r.bytesPerResponse, connections: CONNECTIONS };
          if (name === 'static') emit({ name: 'portal.static_file', value: line.rps, unit: 'req/s', ...line });
          else {
            emit({ name: `portal.${name}.rps`, value: line.rps, unit: 'req/s', target: `>= ${RPS_TARGET}`, baseline: round(baseline!.rps, 0), ratio: round(r.rps / baseline!.rps), met: r.rps >= RPS_TARGET, ...line });
            emit({ name: `portal.${name}.p99`, value: r.p99, unit: 'ms', target: `<= ${P99_TARGET_MS}`, baseline: baseline!.p99, met: r.p99 <= P99_TARGET_MS });
          }
        }
      } finally { await app.stop(); }
    } finally { await server.stop().catch(() => {}); }
  } catch (err) {
    crashed('portal', err);
  } finally {
    await tdb.drop();
    fs.rmSync(webDist, { recursive: true, force: true });
  }
  if (crashes().length) process.exit(1);
}

await main();
