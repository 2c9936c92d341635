#!/usr/bin/env node
// Compiles the server (TypeScript) into one ES module, dist/server/cli.mjs, so that a start does not pay for
// compiling TypeScript on the fly. Packages stay external and load from node_modules.
import { build } from 'esbuild';

const started = Date.now();
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/server/cli.ts'], outfile: 'dist/server/cli.mjs' });
// the unit suggestion's training runs in a worker thread started from its own file next to cli.mjs
await build({ ...common, entryPoints: ['src/modules/text/server/train-worker.ts'], outfile: 'dist/server/train-worker.mjs' });
console.log(`server built in ${Date.now() - started} ms → dist/server/cli.mjs, dist/server/train-worker.mjs`);
