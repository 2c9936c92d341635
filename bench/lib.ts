/** Shared pieces of the benchmark harnesses: JSON-line output, quick mode, load generation, child servers, service checks. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import { insertBatches } from '../src/kernel/server/db/bulk.ts';
import { PG_ADMIN_URL, portOpen } from '../test/support/services.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `--quick` (CI): small data sets and short runs; the figures are indicative only. */
export const quick = process.argv.includes('--quick');

export interface BenchLine {
  name: string;
  value?: number;
  unit?: string;
  target?: string;
  baseline?: number;
  skipped?: string;
  error?: string;
  [k: string]: unknown;
}

const failures: string[] = [];

/** Print one result as a JSON line on stdout. */
export function emit(line: BenchLine): void {
  process.stdout.write(JSON.stringify(line) + '\n');
}

/** Progress notes go to stderr so that stdout stays pure JSON lines. */
export function note(msg: string): void {
  process.stderr.write(`# ${msg}\n`);
}

/** Record a crashed benchmark: printed as a JSON line; the run exits non-zero at the end. */
export function crashed(name: string, err: unknown): void {
  const message = err instanceof Error ? err.stack ?? err.message : String(err);
  failures.push(`${name}: ${message}`);
  emit({ name, error: err instanceof Error ? err.message : String(err) });
  note(message);
}

export function crashes(): string[] {
  return failures;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** null when PostgreSQL answers, else the reason to skip. */
export async function postgresUnavailable(): Promise<string | null> {
  const u = new URL(PG_ADMIN_URL);
  return (await portOpen(u.hostname, Number(u.port || 5432))) ? null : `PostgreSQL is not reachable at ${u.host}`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface LoadResult {
  p99: number;
  p50: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** mean bytes on the wire per response, headers included */
  bytesPerResponse: number;
}

/**
 * Drive `url` with `connections` concurrent keep-alive connections for `seconds`; `paths` rotates the request path.
 * Requests carry the Accept-Encoding a browser sends, so a route that serves compressed bytes is measured as browsers get it.
 */
export async function load(opts: { url: string; connections: number; seconds: number; headers?: Record<string, string>; paths?: string[] }): Promise<LoadResult> {
  const u = new URL(opts.url);
  let i = 0;
  const paths = opts.paths ?? [u.pathname + u.search];
  const result = await autocannon({
    url: u.origin,
    connections: opts.connections,
    duration: opts.seconds,
    headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
    requests: [{ method: 'GET', setupRequest: (req: any) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return {
    p99: result.latency.p99,
    p50: result.latency.p50,
    rps: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Start bench/serve-child.ts in its own process, so that the load generator and the server do not share
 * one event loop. `mode` is 'bare' (a Fastify JSON route) or 'app' (zhengxie on the database in `env`).
 */
export function startChildServer(mode: 'bare' | 'app', env: Record<string, string | undefined> = {}): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'serve-child.ts'), mode], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${mode} server did not start in 60 s`)); }, 60_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${mode} server exited early with code ${code}`)); });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/READY (\S+)/);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: m[1],
        child,
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => { clearTimeout(kill); done(); });
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

/**
 * Wait until a server has drained the requests still queued from a previous load phase (autocannon stops sending,
 * but the server keeps working through what it accepted), so one phase does not slow down the next.
 */
export async function settle(url: string, headers: Record<string, string> = {}, maxSeconds = 120): Promise<void> {
  const until = Date.now() + maxSeconds * 1000;
  while (Date.now() < until) {
    const t = performance.now();
    try { await (await fetch(url, { headers })).arrayBuffer(); } catch { /* retry */ }
    if (performance.now() - t < 100) return;
  }
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Sign in to a running server through its API; the session cookie to send with the load. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.startsWith('zx_sid=')).join('; ');
  if (!cookie) throw new Error('sign-in returned no zx_sid cookie');
  return { cookie };
}

/** GET a URL that must answer 200 (a route checked before it is loaded), and its JSON. */
export async function getJson(url: string, headers: Record<string, string>): Promise<any> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** Insert a benchmark's volume in one transaction, in batches. */
export async function insertInOneTransaction(db: Kysely<any>, table: string, rows: Record<string, unknown>[], size = 400): Promise<void> {
  await db.transaction().execute((trx) => insertBatches(trx, table, rows, size));
}

/** The p-th percentile (nearest rank) of the values; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

/** Runs `jobs` with at most `concurrency` in flight: each job's time in ms, its result, and the whole run's wall time. */
export async function inFlight<T>(jobs: Array<() => Promise<T>>, concurrency: number): Promise<{ times: number[]; results: T[]; wallMs: number }> {
  const times: number[] = new Array(jobs.length);
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      const t0 = performance.now();
      results[i] = await jobs[i]();
      times[i] = performance.now() - t0;
    }
  }));
  return { times, results, wallMs: performance.now() - start };
}

/** What `interleaved` reports of one function's times, in ms rounded to hundredths. */
export interface Timing { median: number; p50: number; p99: number; max: number; samples: number[] }

/**
 * The times of each function over the same rounds, after `warmup` rounds left uncounted, the calls interleaved
 * (a, b, c, a, b, c, …) so that a loaded machine slows the baseline and the subjects alike.
 */
export async function interleaved(fns: ReadonlyArray<() => Promise<unknown>>, opts: { runs: number; warmup?: number }): Promise<Timing[]> {
  for (let i = 0; i < (opts.warmup ?? 2); i++) for (const fn of fns) await fn();
  const ms: number[][] = fns.map(() => []);
  for (let i = 0; i < opts.runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t0 = performance.now();
      await fn();
      ms[k].push(performance.now() - t0);
    }
  }
  return ms.map((xs) => ({ median: round(median(xs)), p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)), max: round(Math.max(...xs)), samples: xs }));
}
