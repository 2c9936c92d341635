#!/usr/bin/env node
// zhengxie command line: runs the built server (dist/server/cli.mjs, from `npm run build`) or, before a build or when
// the TypeScript source has changed since the build, the source itself through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'server', 'cli.mjs');
const source = path.join(root, 'src');

/** The newest modification time of the server's TypeScript source (the web app is built separately). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const haveBuild = fs.existsSync(built);
const haveSource = fs.existsSync(source);
const stale = haveBuild && haveSource && fs.statSync(built).mtimeMs < newestSource(source);
if (haveBuild && !stale) {
  await import(pathToFileURL(built).href);
} else {
  if (stale) console.error('提示：源码在上次编译之后有改动，本次直接运行源码（npm run build 可重新编译）。');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(source, 'server', 'cli.ts')).href);
}
