/**
 * 委员名录 on the demo data (about 500 city members, the 2025 proposals and the 社情民意 of the demo years), on SQLite and
 * PostgreSQL: a page of the directory with every member's year counts (GET /api/members, through the app) and one
 * member's duty record (GET /api/members/:id/record), each against a baseline measured in the same run — the raw
 * grouped count query of the proposals per member and year (`memberProposalCounts`) alone. Median and max of repeated
 * calls after a warm-up, interleaved with the baseline's. Targets: directory ≤ 200 ms, record ≤ 100 ms (reported, not enforced).
 */
import { startApp, type StartedApp } from '../test/support/fixtures.ts';
import type { DialectKind } from '../test/support/db.ts';
import { memberProposalCounts } from '../src/modules/proposals/index.ts';
import { crashed, crashes, emit, interleaved, note, postgresUnavailable, quick, round } from './lib.ts';

const DIRECTORY_TARGET_MS = 200;
const RECORD_TARGET_MS = 100;
const runs = quick ? 15 : 60;
const YEAR = 2025;

async function bench(kind: DialectKind): Promise<void> {
  let s: StartedApp | undefined;
  try {
    note(`members: loading the demo data (${kind})`);
    s = await startApp(kind, { config: { webDist: '/nonexistent-web-dist' } });
    const staff = await s.login('proposal');
    const db = s.zx.ctx.db;
    const me = await staff.get('/api/auth/me');
    const tenantId = me.body.user.tenantId as string;
    const first = await staff.get(`/api/members?year=${YEAR}&pageSize=20`);
    if (first.status !== 200) throw new Error(`directory answered ${first.status}: ${JSON.stringify(first.body)}`);
    const members = first.body.total as number;
    const busiest = first.body.items[0].userId as string;

    const [baseline, directory, record] = await interleaved([
      () => memberProposalCounts(db, tenantId, { year: YEAR }),
      async () => {
        const r = await staff.get(`/api/members?year=${YEAR}&pageSize=20&sort=led`);
        if (r.status !== 200) throw new Error(`directory answered ${r.status}`);
      },
      async () => {
        const r = await staff.get(`/api/members/${busiest}/record?year=${YEAR}`);
        if (r.status !== 200) throw new Error(`record answered ${r.status}`);
      },
    ], { runs, warmup: 3 });
    emit({ name: `members_proposal_counts_median_ms_${kind}`, value: baseline.median, unit: 'ms', max: baseline.max, members, target: 'baseline (raw grouped count query)' });
    emit({ name: `members_directory_median_ms_${kind}`, value: directory.median, unit: 'ms', max: directory.max, members, baseline: baseline.median,
      ratio: round(directory.median / Math.max(baseline.median, 0.01), 1), target: `≤ ${DIRECTORY_TARGET_MS} ms` });
    emit({ name: `members_record_median_ms_${kind}`, value: record.median, unit: 'ms', max: record.max, baseline: baseline.median,
      ratio: round(record.median / Math.max(baseline.median, 0.01), 1), target: `≤ ${RECORD_TARGET_MS} ms` });
  } catch (e) {
    crashed(`members_${kind}`, e);
  } finally {
    await s?.close();
  }
}

await bench('sqlite');
const pgSkip = await postgresUnavailable();
if (pgSkip) {
  for (const n of ['members_proposal_counts_median_ms_postgres', 'members_directory_median_ms_postgres', 'members_record_median_ms_postgres']) emit({ name: n, skipped: pgSkip });
} else {
  await bench('postgres');
}
if (crashes().length) process.exit(1);
