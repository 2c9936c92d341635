/**
 * The platform benchmarks (`npm run bench`, `npm run bench -- --quick` in CI). Prints one JSON line per figure:
 * {"name", "value", "unit", "target", "baseline"?}; a PostgreSQL figure is {"name", "skipped"} when it is unreachable.
 * Missed targets never fail the run; a benchmark that crashes does (exit code 1).
 * `--only=<substring>` runs only the benchmarks whose name contains it (http, workflow, startup, opinions, proposals, compilation).
 */
import { crashed, crashes, emit, note, postgresUnavailable, quick } from './lib.ts';
import type { DialectKind } from '../test/support/db.ts';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

// loaded lazily, so that one harness that fails to load is reported as a crash and the others still run
const suites: Array<{ name: string; run: (kind: DialectKind) => Promise<void> }> = [
  { name: 'workflow', run: async (kind) => (await import('./workflow.bench.ts')).benchWorkflow(kind) },
  { name: 'startup', run: async (kind) => (await import('./startup.bench.ts')).benchStartup(kind) },
  { name: 'http', run: async (kind) => (await import('./http.bench.ts')).benchHttp(kind) },
  { name: 'proposals', run: async (kind) => (await import('./proposals.bench.ts')).benchProposals(kind) },
  { name: 'opinions', run: async (kind) => (await import('./opinions.bench.ts')).benchOpinions(kind) },
  { name: 'compilation', run: async (kind) => (await import('./proposals-docs.bench.ts')).benchCompilation(kind) },
];

async function main() {
  note(`zhengxie benchmarks${quick ? ' (quick mode: small data, short runs)' : ''}`);
  const pgSkip = await postgresUnavailable();
  for (const suite of suites) {
    if (only && !suite.name.includes(only)) continue;
    for (const kind of ['sqlite', 'postgres'] as const) {
      if (kind === 'postgres' && pgSkip) {
        emit({ name: `${suite.name}_postgres`, skipped: pgSkip });
        continue;
      }
      note(`${suite.name} on ${kind}…`);
      try {
        await suite.run(kind);
      } catch (err) {
        crashed(`${suite.name}_${kind}`, err);
      }
    }
  }
  const failed = crashes();
  if (failed.length) {
    note(`${failed.length} benchmark(s) crashed`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((err) => {
  crashed('bench', err);
  process.exit(1);
});
