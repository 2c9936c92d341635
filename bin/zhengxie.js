#!/usr/bin/env node
// zhengxie command line: runs the built server (dist/server/cli.mjs, from `npm run build`) or, before a build, the TypeScript source through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'server', 'cli.mjs');
if (fs.existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'server', 'cli.ts')).href);
}
