/** The module boundary lint rules bite: forbidden imports between layers are errors, allowed ones pass. */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A miniature project tree, so the rules are checked against files that certainly exist. */
const fixtureFiles = [
  'src/kernel/universal/ids.ts',
  'src/kernel/server/audit.ts',
  'src/kernel/web/api.ts',
  'src/modules/alpha/domain/rules.ts',
  'src/modules/alpha/server/repository.ts',
  'src/modules/alpha/web/page.tsx',
  'src/modules/alpha/contract.ts',
  'src/modules/alpha/module.ts',
  'src/modules/beta/domain/rules.ts',
  'src/modules/beta/server/repository.ts',
  'src/modules/beta/contract.ts',
  'src/modules/beta/module.ts',
  'src/modules/beta/index.ts',
  'src/server/app.ts',
  'src/web/main.tsx',
];

let root: string;
let eslint: ESLint;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'zx-lint-'));
  for (const f of fixtureFiles) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), 'export const x = 1;\n');
  }
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(repoRoot, 'eslint.config.js'),
    overrideConfig: { settings: { 'boundaries/root-path': root } },
  });
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

async function boundaryErrors(filePath: string, importPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${importPath}';\nexport const y = x;\n`, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

async function assertForbidden(filePath: string, importPath: string) {
  const errors = await boundaryErrors(filePath, importPath);
  assert.equal(errors.length, 1, `${filePath} importing ${importPath} should be a boundary error`);
}

async function assertAllowed(filePath: string, importPath: string) {
  assert.deepEqual(await boundaryErrors(filePath, importPath), [], `${filePath} importing ${importPath} should be allowed`);
}

describe('module boundary lint rules', () => {
  test('a module domain cannot import its own server code, the server kernel or another module', async () => {
    await assertForbidden('src/modules/alpha/domain/x.ts', '../server/repository.ts');
    await assertForbidden('src/modules/alpha/domain/x.ts', '../../../kernel/server/audit.ts');
    await assertForbidden('src/modules/alpha/domain/x.ts', '../../beta/domain/rules.ts');
    await assertForbidden('src/modules/alpha/domain/x.ts', '../module.ts');
  });

  test('a module domain may import the universal kernel, its own domain and its own contract', async () => {
    await assertAllowed('src/modules/alpha/domain/x.ts', '../../../kernel/universal/ids.ts');
    await assertAllowed('src/modules/alpha/domain/x.ts', './rules.ts');
    await assertAllowed('src/modules/alpha/domain/x.ts', '../contract.ts');
    await assertAllowed('src/modules/alpha/domain/x.ts', 'zod');
  });

  test('the kernel imports nothing from modules', async () => {
    await assertForbidden('src/kernel/server/x.ts', '../../modules/alpha/module.ts');
    await assertForbidden('src/kernel/universal/x.ts', '../../modules/alpha/contract.ts');
    await assertForbidden('src/kernel/web/x.ts', '../../modules/alpha/web/page.tsx');
    await assertForbidden('src/kernel/universal/x.ts', '../server/audit.ts');
    await assertAllowed('src/kernel/server/x.ts', '../universal/ids.ts');
    await assertAllowed('src/kernel/server/x.ts', 'node:fs');
  });

  test('web code never imports server code', async () => {
    await assertForbidden('src/modules/alpha/web/x.tsx', '../server/repository.ts');
    await assertForbidden('src/modules/alpha/web/x.tsx', '../../../kernel/server/audit.ts');
    await assertForbidden('src/modules/alpha/web/x.tsx', '../module.ts');
    await assertForbidden('src/web/x.tsx', '../server/app.ts');
    await assertForbidden('src/web/x.tsx', '../modules/alpha/server/repository.ts');
    await assertAllowed('src/modules/alpha/web/x.tsx', '../contract.ts');
    await assertAllowed('src/modules/alpha/web/x.tsx', '../../../kernel/web/api.ts');
    await assertAllowed('src/web/x.tsx', '../modules/alpha/web/page.tsx');
  });

  test('module server code reaches other modules only through their manifest, index or contract', async () => {
    await assertForbidden('src/modules/alpha/server/x.ts', '../../beta/server/repository.ts');
    await assertForbidden('src/modules/alpha/server/x.ts', '../../beta/domain/rules.ts');
    await assertAllowed('src/modules/alpha/server/x.ts', '../../beta/module.ts');
    await assertAllowed('src/modules/alpha/server/x.ts', '../../beta/index.ts');
    await assertAllowed('src/modules/alpha/server/x.ts', '../../beta/contract.ts');
    await assertAllowed('src/modules/alpha/server/x.ts', './repository.ts');
    await assertAllowed('src/modules/alpha/server/x.ts', '../domain/rules.ts');
    await assertAllowed('src/modules/alpha/server/x.ts', '../../../kernel/server/audit.ts');
  });

  test('a contract stays universal: no server code, not even its own module manifest', async () => {
    await assertForbidden('src/modules/alpha/contract.ts', './server/repository.ts');
    await assertForbidden('src/modules/alpha/contract.ts', './module.ts');
    await assertForbidden('src/modules/alpha/contract.ts', '../../kernel/server/audit.ts');
    await assertAllowed('src/modules/alpha/contract.ts', '../../kernel/universal/ids.ts');
    await assertAllowed('src/modules/alpha/contract.ts', './domain/rules.ts');
    await assertAllowed('src/modules/alpha/contract.ts', '../beta/contract.ts');
  });

  test('the composition root may import anything server-side', async () => {
    await assertAllowed('src/server/x.ts', '../modules/alpha/server/repository.ts');
    await assertAllowed('src/server/x.ts', '../modules/beta/module.ts');
    await assertAllowed('src/server/x.ts', '../kernel/server/audit.ts');
    await assertForbidden('src/server/x.ts', '../modules/alpha/web/page.tsx');
  });

  test('no module names a kernel table (tasks, workflow_history, audit_log, outbox); the kernel and the backup may', async () => {
    const tableErrors = async (filePath: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('内核表'));
    };
    const write = `export const f = (db: any) => db.insertInto('tasks').values({ id: 'x' }).execute();\n`;
    const read = `export const f = (db: any) => db.selectFrom('workflow_history').selectAll().execute();\n`;
    const joined = `export const f = (db: any) => db.selectFrom('proposals').innerJoin('tasks as t', 't.entity_id', 'proposals.id').select('tasks.id');\n`;
    const raw = `import { sql } from 'kysely';\nexport const f = (db: any) => sql\`select * from audit_log where seq > \${1}\`.execute(db);\n`;
    const outbox = `export const f = (db: any) => db.updateTable('outbox').set({ delivered_at: null }).execute();\n`;
    assert.equal((await tableErrors('src/modules/alpha/server/x.ts', write)).length, 1, 'a module writing tasks');
    assert.equal((await tableErrors('src/modules/alpha/server/x.ts', read)).length, 1, 'a module reading workflow_history');
    assert.equal((await tableErrors('src/modules/alpha/server/x.ts', joined)).length, 2, 'a join on tasks and a tasks column');
    assert.equal((await tableErrors('src/modules/alpha/server/x.ts', raw)).length, 1, 'a sql template on audit_log');
    assert.equal((await tableErrors('src/modules/alpha/server/x.ts', outbox)).length, 1, 'a module touching the outbox');
    assert.deepEqual(await tableErrors('src/kernel/server/x.ts', write), [], 'the kernel owns its tables');
    assert.deepEqual(await tableErrors('src/server/backup.ts', raw), [], 'the backup copies tables wholesale');
    assert.deepEqual(await tableErrors('src/modules/alpha/server/x.ts', `export const label = '待办 tasks of the day';\nexport const t = 'task.opened';\n`), [], 'other text passes');
  });
});
