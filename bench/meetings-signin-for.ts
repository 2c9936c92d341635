/**
 * 代为签到 (the staff sign a member in, POST …/signin-for) on SQLite and PostgreSQL through the real app in process:
 * the office signs in every member of a 全体会议's session (200 with --quick, else 500) at 10 concurrent requests,
 * against a bare route (GET /api/health as the same staff) at the same concurrency in the same run, with the ratio of
 * the two p99s. Prints JSON lines (bench/lib.ts); progress on stderr.
 */
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import { openPlenary } from './meetings-support.ts';
import { crashed, crashes, emit, note, quick, round, percentile, inFlight } from './lib.ts';

const MEMBERS = quick ? 200 : 500;
const CONCURRENCY = 10;

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `meetings_signin_for_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    note(`${d.kind}: starting a world with ${MEMBERS} members`);
    w = await startWorld(d.kind, { members: MEMBERS, config: { webDist: '/nonexistent-web-dist' } });
    const office = await w.as('office');
    const { meeting: m, session } = await openPlenary(office, '代为签到：全体会议');
    const ids = (await w.zx.ctx.db.selectFrom('meeting_participants').select('user_id').where('meeting_id', '=', m.id).execute()).map((r: any) => r.user_id as string);
    const bare = await inFlight(ids.map(() => () => office.get('/api/health')), CONCURRENCY);
    const run = await inFlight(ids.map((userId) => () => office.post(`/api/meetings/${m.id}/sessions/${session}/signin-for`, { userId })), CONCURRENCY);
    const failed = run.results.filter((r) => r.status !== 200).length;
    emit({
      name: `meetings_signin_for_p99_${d.kind}`, value: round(percentile(run.times, 99), 1), unit: 'ms', baseline: round(percentile(bare.times, 99), 1),
      p50: round(percentile(run.times, 50), 1), baselineP50: round(percentile(bare.times, 50), 1), ratioToBare: round(percentile(run.times, 99) / percentile(bare.times, 99), 2),
      signIns: ids.length, concurrency: CONCURRENCY, failed,
    });
  } catch (e) {
    crashed(`meetings_signin_for_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
