/**
 * The timed searches of the search benchmark, in a process of their own: it holds what a server holds (the database
 * connection, the segmenter, the search code) and not the benchmark's generator (the real messages segmented, the
 * queries' sources), whose heap would otherwise be collected in the middle of the searches being timed.
 * Input on stdin as JSON: { kind, sqliteFile?, databaseUrl?, queries }; output on stdout: one JSON line with the
 * elapsed and CPU time and step profile of each query, and whether it found anything.
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/kernel/server/db/dialect.ts';
import type { Actor } from '../src/kernel/server/actor.ts';
import { TextSearch, emptyProfile, type SearchProfile } from '../src/modules/text/server/search.ts';

export interface SearchChildInput { kind: 'sqlite' | 'postgres'; sqliteFile?: string; databaseUrl?: string; queries: string[]; warmup: number }
export interface SearchChildOutput { times: number[]; profiles: SearchProfile[]; found: number; heapMb: number }

/** The benchmark's reader: the proposal office of the tenant the items belong to, which sees every module's items. */
export const benchActor: Actor = {
  userId: 'bench', username: 'bench', displayName: 'bench', orgId: 'city', tenantId: 'city', roles: ['proposal_staff'], permissions: new Set(['*']), sessionId: 'b',
};

async function main() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const input = JSON.parse(text) as SearchChildInput;
  const h = input.kind === 'sqlite'
    ? await openDatabase({ dataDir: path.dirname(input.sqliteFile!), sqliteFile: input.sqliteFile })
    : await openDatabase({ databaseUrl: input.databaseUrl, dataDir: os.tmpdir() });
  try {
    const ts = new TextSearch(h.db, h.dialect);
    for (const q of input.queries.slice(0, input.warmup)) await ts.search(benchActor, { q, page: 1, pageSize: 20 });
    const out: SearchChildOutput = { times: [], profiles: [], found: 0, heapMb: 0 };
    for (const q of input.queries) {
      const profile = emptyProfile();
      const t0 = performance.now();
      const r = await ts.search(benchActor, { q, page: 1, pageSize: 20 }, profile);
      out.times.push(performance.now() - t0);
      out.profiles.push(profile);
      if (r.total > 0) out.found++;
    }
    out.heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    process.stdout.write(JSON.stringify(out) + '\n');
  } finally {
    await h.destroy();
  }
}

// run when started as a process; the benchmark imports this file only for its types and reader
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
