#!/usr/bin/env node
// zhengxie command line: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
register();
const here = path.dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(path.join(here, '..', 'src', 'server', 'cli.ts')).href);
