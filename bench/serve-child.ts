/** A server process for the HTTP benchmarks: `bare` (one Fastify JSON route, the baseline) or `app` (zhengxie on an existing database). */
import Fastify from 'fastify';
import { loadConfig } from '../src/kernel/server/config.ts';
import { buildApp } from '../src/server/app.ts';

const mode = process.argv[2];

async function main() {
  if (mode === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/bare', async () => ({ ok: true }));
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
    console.log(`READY ${address}`);
    return;
  }
  if (mode === 'app') {
    const config = loadConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', seedDemo: false });
    const zx = await buildApp(config);
    const address = await zx.app.listen({ port: 0, host: '127.0.0.1' });
    process.on('SIGTERM', () => { void zx.close().then(() => process.exit(0)); });
    console.log(`READY ${address}`);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
