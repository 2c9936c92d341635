// Vite build of the web app: root is src/web, output goes to dist/web, code split by route, every text asset written
// again beside itself as brotli (.br) and gzip (.gz) for the server to send as is (decision 0030).
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * After the bundle is written, each .js, .css, .html, .svg and .json file of at least 1 KB gets a .br (brotli, quality 11)
 * and a .gz (gzip, level 9) sibling, kept only when smaller than the file; @fastify/static (`preCompressed`) picks the one
 * the browser's Accept-Encoding allows.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'zhengxie-precompress',
    apply: 'build',
    configResolved(config) { outDir = path.resolve(config.root, config.build.outDir); },
    async closeBundle() {
      const started = performance.now();
      const files = (fs.readdirSync(outDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((d) => d.isFile() && /\.(js|css|html|svg|json)$/.test(d.name))
        .map((d) => path.join(d.parentPath, d.name));
      let raw = 0, br = 0, gz = 0;
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        if (bytes.length < 1024) continue;
        const [b, g] = await Promise.all([
          brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } }),
          gzip(bytes, { level: 9 }),
        ]);
        raw += bytes.length;
        if (b.length < bytes.length) { fs.writeFileSync(file + '.br', b); br += b.length; }
        if (g.length < bytes.length) { fs.writeFileSync(file + '.gz', g); gz += g.length; }
      }
      const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      this.info(`precompressed ${files.length} files in ${Math.round(performance.now() - started)} ms: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`);
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 30 },
            // the rest of the library code the first page (the login page) runs: one file instead of a dozen round trips
            { name: 'base', test: /node_modules[\\/]/, tags: ['$initial'], priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
