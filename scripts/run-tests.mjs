#!/usr/bin/env node
// Runs the whole test suite with node's test runner: every *.test.ts under src/, test/ and e2e/.
// Suites that need PostgreSQL, Redis or Chromium skip with a printed reason when those are absent,
// unless ZX_REQUIRE=pg,redis,browser (set by .ci/run) makes their absence a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test', 'e2e'];
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = [];
function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); }
    else if (e.name.endsWith('.test.ts')) files.push(p);
  }
}
for (const r of roots) walk(r);
files.sort();
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) { console.error('no test files found'); process.exit(1); }
// a hung test fails after ZX_TEST_TIMEOUT_MS (default 5 minutes) instead of stalling CI; a file whose tests are done
// but which leaks a handle (a pool, a socket) exits instead of hanging
const timeout = Number(process.env.ZX_TEST_TIMEOUT_MS ?? 300_000);
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-timeout=${timeout}`, '--test-force-exit', '--test-reporter=spec', ...selected];
const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } });
process.exit(r.status ?? 1);
