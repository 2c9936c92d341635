#!/usr/bin/env node
// Compiles the server (TypeScript) into one ES module, dist/server/cli.mjs, so that a start does not pay for
// compiling TypeScript on the fly. Packages stay external and load from node_modules.
import { build } from 'esbuild';

const started = Date.now();
await build({
  entryPoints: ['src/server/cli.ts'],
  outfile: 'dist/server/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`server built in ${Date.now() - started} ms → dist/server/cli.mjs`);
