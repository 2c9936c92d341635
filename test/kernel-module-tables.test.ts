/**
 * Typed tables per module: a module's view of the database (`moduleDb<ItsTables>`) knows the kernel's tables and the
 * module's own, so reading another module's table does not type-check. Small sources placed beside a module's server
 * code are type-checked by the TypeScript compiler with the project's options; the module's own reads must compile,
 * reads of another module's tables (and of columns its tables do not have) must not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The errors the compiler reports for each source (keyed by where it is placed, relative to the repository), with the
 * project's options. All sources are checked in one program: a program loads the types it depends on once.
 */
function typeErrors(sources: Record<string, string>): Record<string, string[]> {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const fixtures = new Map(Object.entries(sources).map(([f, src]) => [path.join(root, f), src]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = { fileExists: host.fileExists.bind(host), readFile: host.readFile.bind(host), getSourceFile: host.getSourceFile.bind(host) };
  host.fileExists = (f) => fixtures.has(path.resolve(f)) || fileExists(f);
  host.readFile = (f) => fixtures.get(path.resolve(f)) ?? readFile(f);
  host.getSourceFile = (f, lang, onError, fresh) => {
    const src = fixtures.get(path.resolve(f));
    return src === undefined ? getSourceFile(f, lang, onError, fresh) : ts.createSourceFile(f, src, lang, true);
  };
  const program = ts.createProgram({ rootNames: [...fixtures.keys()], options, host });
  const out: Record<string, string[]> = Object.fromEntries(Object.keys(sources).map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const key = d.file && path.relative(root, path.resolve(d.file.fileName));
    if (key && key in out) out[key].push(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return out;
}

// placed beside the 消息通知 and 待办 modules' server code, where `./tables.ts` is the module's own table declaration
const header = (m: string, view: string) => `
import type { Kysely } from 'kysely';
import { ${view} } from './tables.ts';
declare const raw: Kysely<any>;
const db = ${view}(raw);
// ${m}
`;
const at = (m: string, name: string) => `src/modules/${m}/server/zz-tables-fixture-${name}.ts`;
const fixtures = {
  [at('notifications', 'own')]: `${header('notifications', 'notificationDb')}
export const own = db.selectFrom('notifications').select(['id', 'title', 'read_at']).where('user_id', '=', 'u1');
export const kernel = db.selectFrom('tasks').select(['id', 'label']).where('status', '=', 'open');
export async function title(): Promise<string | undefined> {
  const row = await db.selectFrom('notifications').select('title').executeTakeFirst();
  return row?.title;
}
`,
  [at('notifications', 'foreign')]: `${header('notifications', 'notificationDb')}
export const foreign = db.selectFrom('users').select('display_name');
`,
  [at('notifications', 'join')]: `${header('notifications', 'notificationDb')}
export const joined = db.selectFrom('notifications').innerJoin('organizations', 'organizations.id', 'notifications.tenant_id').select('notifications.id');
`,
  [at('notifications', 'columns')]: `${header('notifications', 'notificationDb')}
export const missing = db.selectFrom('notifications').select('display_name');
export async function wrongType(): Promise<number | undefined> {
  const row = await db.selectFrom('notifications').select('title').executeTakeFirst();
  return row?.title;
}
`,
  [at('proposals', 'own')]: `${header('proposals', 'proposalDb')}
export const own = db.selectFrom('proposals').innerJoin('proposal_cosigners', 'proposal_cosigners.proposal_id', 'proposals.id').select(['proposals.id', 'proposal_cosigners.user_id']);
`,
  [at('proposals', 'foreign')]: `${header('proposals', 'proposalDb')}
export const foreign = db.selectFrom('users').select(['phone', 'email']).where('id', '=', 'u1');
`,
  [at('proposals', 'join')]: `${header('proposals', 'proposalDb')}
export const joined = db.selectFrom('proposals').innerJoin('member_profiles', 'member_profiles.user_id', 'proposals.proposer_user_id').select('member_profiles.sector_id');
`,
  [at('opinions', 'own')]: `${header('opinions', 'opinionDb')}
export const own = db.selectFrom('opinion_reports').select(['id', 'submitter_user_id']).where('state', '=', 'verified');
`,
  [at('opinions', 'foreign')]: `${header('opinions', 'opinionDb')}
export const foreign = db.selectFrom('users').select('display_name');
`,
  [at('opinions', 'subquery')]: `${header('opinions', 'opinionDb')}
export const members = db.selectFrom('opinion_reports').select('id').where('submitter_user_id', 'in', (eb) => eb.selectFrom('member_profiles').select('user_id'));
`,
  [at('worklist', 'own')]: `${header('worklist', 'worklistDb')}
export const tasks = db.selectFrom('tasks').select('id');
`,
  [at('worklist', 'foreign')]: `${header('worklist', 'worklistDb')}
export const proposals = db.selectFrom('proposals').select('id');
`,
};
let checked: Record<string, string[]> | undefined;
const errorsOf = (m: string, name: string) => (checked ??= typeErrors(fixtures))[at(m, name)];

test('a module reads its own tables and the kernel\'s through its view', () => {
  assert.deepEqual(errorsOf('notifications', 'own'), []);
});

test('reading another module\'s table fails to type-check', () => {
  const errors = errorsOf('notifications', 'foreign');
  assert.ok(errors.length > 0, 'selecting from 用户与权限\'s users table compiled');
  assert.match(errors.join('\n'), /users/);
});

test('joining another module\'s table fails to type-check', () => {
  const errors = errorsOf('notifications', 'join');
  assert.ok(errors.length > 0, 'joining 组织机构\'s organizations table compiled');
  assert.match(errors.join('\n'), /organizations/);
});

test('a column the module\'s table does not have fails, and a typed row keeps its column types', () => {
  const errors = errorsOf('notifications', 'columns');
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0], /display_name/);
  assert.match(errors[1], /string/);
});

test('a module without tables of its own sees only the kernel\'s', () => {
  assert.deepEqual(errorsOf('worklist', 'own'), []);
  assert.ok(errorsOf('worklist', 'foreign').length > 0, 'selecting from 提案\'s proposals table compiled');
});

test('提案 and 社情民意 read their own tables, and not 用户与权限\'s or 组织机构\'s', () => {
  assert.deepEqual(errorsOf('proposals', 'own'), []);
  assert.deepEqual(errorsOf('opinions', 'own'), []);
  for (const [m, name, table] of [['proposals', 'foreign', 'users'], ['proposals', 'join', 'member_profiles'], ['opinions', 'foreign', 'users'], ['opinions', 'subquery', 'member_profiles']]) {
    const errors = errorsOf(m, name);
    assert.ok(errors.length > 0, `${m} reading ${table} compiled`);
    assert.match(errors.join('\n'), new RegExp(table));
  }
});
