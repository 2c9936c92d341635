// Lint configuration: TypeScript recommended rules plus the module boundary rules of the architecture (docs/ARCHITECTURE.md).
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The parts of the code base. The first descriptor that matches a file wins, so the specific ones come first.
 * `module` is captured so that rules can say "its own module".
 */
const elements = [
  { type: 'kernel-universal', pattern: 'src/kernel/universal' },
  { type: 'kernel-server', pattern: 'src/kernel/server' },
  { type: 'kernel-web', pattern: 'src/kernel/web' },
  { type: 'module-domain', pattern: 'src/modules/*/domain', capture: ['module'] },
  { type: 'module-server', pattern: 'src/modules/*/server', capture: ['module'] },
  { type: 'module-web', pattern: 'src/modules/*/web', capture: ['module'] },
  { type: 'module-test', pattern: 'src/modules/*/test', capture: ['module'] },
  // the top of a module folder: contract.ts, module.ts, index.ts (told apart by `files` below) and private helpers
  { type: 'module-root', pattern: 'src/modules/*', capture: ['module'] },
  { type: 'server-root', pattern: 'src/server' },
  { type: 'web-root', pattern: 'src/web' },
  { type: 'tests', pattern: 'test' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'bench', pattern: 'bench' },
  { type: 'scripts', pattern: 'scripts' },
];

/** Files with a public role at the top of a module folder. */
const files = [
  { category: 'contract', pattern: 'src/modules/*/contract.ts' },
  { category: 'manifest', pattern: 'src/modules/*/{module,index}.ts' },
];

const own = (...types) => ({ to: { element: { types: { anyOf: types }, captured: { module: '{{ from.element.captured.module }}' } } } });
const any = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const from = (...types) => ({ element: { types: { anyOf: types } } });
/** another module's public files: its contract, and its manifest or index */
const publicFilesOfAnyModule = { to: { element: { type: 'module-root' }, file: { categories: ['contract', 'manifest'] } } };
const contractOfAnyModule = { to: { element: { type: 'module-root' }, file: { categories: 'contract' } } };
const ownContract = { to: { element: { type: 'module-root', captured: { module: '{{ from.element.captured.module }}' } }, file: { categories: 'contract' } } };

/**
 * Who may import whom. Anything no policy allows is an error; when several policies match one import, the last one decides.
 */
const policies = [
  // files inside one element may import each other (the contract is the exception, below)
  { allow: { dependency: { relationship: { to: 'internal' } } } },
  // the kernel imports nothing from modules; its universal part runs in the browser too
  { from: from('kernel-universal'), allow: [any('kernel-universal')] },
  { from: from('kernel-server'), allow: [any('kernel-universal', 'kernel-server')] },
  { from: from('kernel-web'), allow: [any('kernel-universal', 'kernel-web')] },
  // pure domain: the universal kernel and its own module's domain and contract only
  { from: from('module-domain'), allow: [any('kernel-universal'), own('module-domain'), ownContract] },
  // server side of a module (server/, module.ts, index.ts, private helpers): its own module, the server kernel,
  // and other modules only through their contract, manifest or index
  {
    from: from('module-server', 'module-root'),
    allow: [any('kernel-universal', 'kernel-server'), own('module-domain', 'module-server', 'module-root'), publicFilesOfAnyModule],
  },
  // the contract is shared by server and web, so it stays universal: this policy comes later and overrides the one above
  { from: { element: { type: 'module-root' }, file: { categories: 'contract' } }, disallow: [{ to: { element: { types: '*' } } }] },
  { from: { element: { type: 'module-root' }, file: { categories: 'contract' } }, allow: [any('kernel-universal'), own('module-domain'), contractOfAnyModule] },
  // web side of a module: never anything server-side
  { from: from('module-web'), allow: [any('kernel-universal', 'kernel-web', 'module-web'), own('module-domain'), contractOfAnyModule] },
  // a module's tests may use everything of their own module, the kernel, other modules' public parts and the test helpers
  {
    from: from('module-test'),
    allow: [
      any('kernel-universal', 'kernel-server', 'kernel-web', 'server-root', 'tests'),
      own('module-domain', 'module-server', 'module-root', 'module-web', 'module-test'),
      publicFilesOfAnyModule,
    ],
  },
  // the composition root wires everything server-side
  { from: from('server-root'), allow: [any('kernel-universal', 'kernel-server', 'module-domain', 'module-server', 'module-root', 'server-root')] },
  // the web app's root: kernel web, modules' web parts, contracts and pure domain
  { from: from('web-root'), allow: [any('kernel-universal', 'kernel-web', 'module-web', 'module-domain', 'web-root'), contractOfAnyModule] },
  // tests, browser stories, benchmarks and scripts drive the whole application from outside
  { from: from('tests', 'e2e', 'bench', 'scripts'), allow: [{ to: { element: { types: '*' } } }] },
];

/** "Now" is read from the kernel's clock; elapsed time from performance.now(). */
const clockRules = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time from the kernel clock (clock.nowMs()); measure elapsed time with performance.now().' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from the kernel clock (clock.now()).' },
];

/** The kernel's tables, named by a module as a table (or `table.column`, `table as alias`) or inside a `sql` template. */
const kernelTables = 'tasks|workflow_history|audit_log|outbox';
const kernelTableMessage = '模块不得直接读写内核表（tasks、workflow_history、audit_log、outbox）：请用工作单元（ctx.uow）与 kernel/server/work-items.ts、audit.ts 的读取函数';
const kernelTableRules = [
  { selector: `Literal[value=/^(${kernelTables})(\\.|\\s+as\\s|$)/]`, message: kernelTableMessage },
  { selector: `TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b(${kernelTables})\\b/]`, message: kernelTableMessage },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '.data*/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
      },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders in signatures and destructuring)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Kysely<any> and JSON from the database are typed loosely on purpose; zod validates at the edges
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'e2e/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/legacy-templates': false,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      // checkInternals: also check imports inside one element, so that contract.ts cannot import its own module.ts;
      // third-party packages and Node built-ins are not checked
      'boundaries/dependencies': ['error', { default: 'disallow', checkInternals: true, policies }],
    },
  },
  {
    // one clock for the app, the seed, the web app and the tests (kernel/universal/clock.ts), so any date can be tested
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'e2e/**/*.{ts,tsx}'],
    ignores: ['src/kernel/universal/clock.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...clockRules],
    },
  },
  {
    // no module writes (or reads) a kernel table: history, work items, the audit log and the outbox are the kernel's,
    // reached through the unit of work and the kernel's read helpers (decision 0033); the composition root's backup
    // copies tables wholesale, and module tests still inspect them
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/kernel/**', 'src/server/backup.ts', 'src/modules/*/test/**'],
    rules: {
      'no-restricted-syntax': ['error', ...clockRules, ...kernelTableRules],
    },
  },
);
