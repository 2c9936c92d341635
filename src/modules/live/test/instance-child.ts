/**
 * Child process of live-instance-crash.test.ts: one app instance on the test's PostgreSQL database and Redis. It
 * listens on a free port, prints it, and runs until the test kills it with SIGKILL (a crash: no close, no cleanup).
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../server/app.ts';
import type { Config } from '../../../kernel/server/config.ts';

const config = JSON.parse(process.env.ZX_INSTANCE_CONFIG ?? '{}') as Config;
const zx = await buildApp(config);
await zx.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`port ${(zx.app.server.address() as AddressInfo).port}\n`);
