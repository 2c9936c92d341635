// The module template: a module generated from src/modules/_template with scripts/new-module.ts type-checks, passes
// lint and passes its own API tests (on SQLite); the generator refuses an existing or malformed name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Run a command in the repository; resolves with its exit code and output. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('close', (code) => resolve({ code, out }));
  });
}
const generate = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/new-module.ts', ...args]);

test('the generator refuses an existing module, a malformed name and a used migration range', async () => {
  const existing = await generate('proposals', '提案');
  assert.equal(existing.code, 1);
  assert.match(existing.out, /模块「proposals」已存在/);
  const bad = await generate('Bad-Name', '坏名');
  assert.equal(bad.code, 1);
  assert.match(bad.out, /模块名「Bad-Name」无效/);
  const taken = await generate('zxunused', '测试', '--ordinal', '1100');
  assert.equal(taken.code, 1);
  assert.match(taken.out, /1100–1199 已被占用/);
  assert.ok(!fs.existsSync(path.join(root, 'src/modules/zxunused')));
});

test('a module generated from the template type-checks, passes lint and passes its own tests', { timeout: 600_000 }, async () => {
  const name = `zxgen${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
  const dir = path.join(root, 'src/modules', name);
  try {
    const made = await generate(name, '测试会议');
    assert.equal(made.code, 0, made.out);
    assert.match(made.out, /src\/server\/modules\.ts/, 'the next steps are printed');
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    assert.ok(files.includes(path.join('test', `${name}-api.test.ts`)) && files.includes(path.join('domain', `${name}-lifecycle.ts`)), files.join(', '));
    const all = files.filter((f) => /\.tsx?$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    assert.doesNotMatch(all, /template|Template|事项|\b90\d\d_/, 'every name of the template is replaced');

    // type-check the generated folder (and what it imports) with the project's settings
    fs.writeFileSync(path.join(dir, 'tsconfig.check.json'), JSON.stringify({ extends: '../../../tsconfig.json', include: ['.'] }));
    const [tsc, lint] = await Promise.all([
      run(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', path.join(dir, 'tsconfig.check.json')]),
      run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', path.relative(root, dir)]),
    ]);
    assert.equal(tsc.code, 0, tsc.out);
    assert.equal(lint.code, 0, lint.out);

    // its own API tests, on SQLite only (PostgreSQL pointed at a closed port, so that suite skips)
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ZX_TEST_PG_URL: 'postgres://postgres@127.0.0.1:1/postgres' };
    delete env.ZX_REQUIRE;
    delete env.NODE_TEST_CONTEXT; // the child is a test run of its own, not a subtest of this one
    const t = await run(process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', path.join(dir, 'test', `${name}-api.test.ts`)], env);
    assert.equal(t.code, 0, t.out);
    assert.match(t.out, /ℹ pass [1-9]/, t.out);
    assert.match(t.out, /ℹ fail 0/, t.out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
