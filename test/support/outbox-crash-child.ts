/**
 * Child process of test/outbox-crash.test.ts: starts zhengxie on the test's database, lets the member consent to turn
 * a declined proposal into a 社情民意 report, prints the answer, and is killed with SIGKILL the moment the consent has
 * committed, before this instance delivers anything from the outbox.
 */
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/kernel/server/config.ts';
import { DEMO_PASSWORD } from '../../src/server/seed.ts';
import { login } from './http.ts';

const job = JSON.parse(process.env.ZX_CRASH_JOB ?? '{}') as { config: Config; proposalId: string; version: number; username: string };
const zx = await buildApp({ ...job.config, outboxPollMs: 0 });
// the process dies between commit and delivery: this instance never delivers, neither its own events after a
// command nor by polling
zx.ctx.outbox.kick = () => {};
zx.ctx.outbox.deliverNow = async () => {};
const member = await login(zx.app, job.username, DEMO_PASSWORD);
const r = await member.post(`/api/proposals/${job.proposalId}/transitions`, { action: 'consent_conversion', version: job.version, input: {} });
process.stdout.write(JSON.stringify({ status: r.status, body: r.body }) + '\n', () => process.kill(process.pid, 'SIGKILL'));
