/**
 * Make a new feature module from the module template (src/modules/_template, a small complete module for a record
 * called 事项):
 *
 *   node --import tsx scripts/new-module.ts <name> <中文名> [--ordinal NNNN]
 *
 * <name> is the module's name in lower-case letters (it becomes the folder, the API path /api/<name>, the table
 * <name>_items, the permission codes <name>.*, the entity type <name>_item and the identifiers <name>Module, …);
 * <中文名> replaces 事项 in labels and messages; the migrations take ordinals from NNNN (default: the first free
 * hundred after the existing modules' migrations). Refuses a name that exists or is malformed, and an ordinal range
 * that another module already uses. Prints the next steps (registering the module is left to the author).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = path.join(root, 'src/modules');
const templateDir = path.join(modulesDir, '_template');
/** the template's tokens, replaced in file names and contents */
const TOKEN = 'template';
const LABEL = '事项';
const TEMPLATE_ORDINAL = 9000;
/** lines the template carries only for itself (how it is used as the template), dropped from a generated module */
const TEMPLATE_ONLY = '@template-only';

function fail(message: string): never {
  console.error(`new-module: ${message}`);
  process.exit(1);
}

/** Every migration ordinal the existing modules use (the template's own excluded). */
function usedOrdinals(): number[] {
  const out: number[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (p !== templateDir && e.name !== 'test' && e.name !== 'web') walk(p); }
      else if (e.name.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/name:\s*'(\d{4})_[a-z_]+/g)) out.push(Number(m[1]));
    }
  };
  walk(modulesDir);
  walk(path.join(root, 'src/kernel/server'));
  // ranges the architecture page gives modules that own no table yet ('members' (委员履职, 1200–; …)
  const arch = path.join(root, 'docs/ARCHITECTURE.md');
  if (fs.existsSync(arch)) for (const m of fs.readFileSync(arch, 'utf8').matchAll(/\b(\d{4})–/g)) out.push(Number(m[1]));
  return out.filter((n) => n < TEMPLATE_ORDINAL);
}

export interface NewModuleOptions { name: string; label: string; ordinal?: number }

/** Check the request; returns the ordinal to use, or throws an Error with the reason. */
export function checkRequest(o: NewModuleOptions): number {
  if (!/^[a-z]{3,30}$/.test(o.name)) throw new Error(`模块名「${o.name}」无效：应为 3–30 个小写英文字母（如 meetings），用作目录、接口路径、表名和权限代码`);
  if (o.name === TOKEN || o.name === 'kernel') throw new Error(`模块名「${o.name}」是保留名`);
  if (fs.existsSync(path.join(modulesDir, o.name))) throw new Error(`模块「${o.name}」已存在（src/modules/${o.name}）`);
  if (!/^[\p{Script=Han}A-Za-z0-9（）]{1,20}$/u.test(o.label)) throw new Error(`中文名「${o.label}」无效：应为 1–20 个汉字（可含字母、数字）`);
  const used = usedOrdinals();
  const highest = Math.max(...used);
  const ordinal = o.ordinal ?? highest - (highest % 100) + 100;
  if (!Number.isInteger(ordinal) || ordinal < 1000 || ordinal > 8900 || ordinal % 100 !== 0) {
    throw new Error(`迁移序号 ${ordinal} 无效：应为 1000–8900 之间的整百数（9000 起留给模板）`);
  }
  const clash = used.find((n) => n >= ordinal && n < ordinal + 100);
  if (clash !== undefined) throw new Error(`迁移序号 ${ordinal}–${ordinal + 99} 已被占用（已有迁移 ${String(clash).padStart(4, '0')}）；请用 --ordinal 另选`);
  return ordinal;
}

/** The template's text made the new module's. */
export function rename(text: string, o: Required<NewModuleOptions>): string {
  const cap = o.name[0].toUpperCase() + o.name.slice(1);
  return text
    .split('\n').filter((l) => !l.includes(TEMPLATE_ONLY)).join('\n').replace(/\n \*\n \*\//g, '\n */')
    // the migration range and ordinals ('9000_…' → 'NNNN_…', keeping each migration's offset in the range)
    .replaceAll(`${TEMPLATE_ORDINAL}–${TEMPLATE_ORDINAL + 99}`, `${o.ordinal}–${o.ordinal + 99}`)
    .replace(/'90(\d\d)_template/g, (_m, off: string) => `'${String(o.ordinal + Number(off)).padStart(4, '0')}_template`)
    .replaceAll('Template', cap)
    .replaceAll(TOKEN, o.name)
    .replaceAll(LABEL, o.label);
}

/** Copy the template to src/modules/<name>/ with every name replaced; returns the files written. */
export function generateModule(o: NewModuleOptions): string[] {
  const ordinal = checkRequest(o);
  const full = { ...o, ordinal };
  const target = path.join(modulesDir, o.name);
  const written: string[] = [];
  const copy = (from: string, to: string) => {
    for (const e of fs.readdirSync(from, { withFileTypes: true })) {
      const src = path.join(from, e.name);
      const dst = path.join(to, e.name.replaceAll(TOKEN, o.name));
      if (e.isDirectory()) { fs.mkdirSync(dst, { recursive: true }); copy(src, dst); continue; }
      fs.writeFileSync(dst, rename(fs.readFileSync(src, 'utf8'), full));
      written.push(path.relative(root, dst));
    }
  };
  fs.mkdirSync(target);
  try { copy(templateDir, target); } catch (e) { fs.rmSync(target, { recursive: true, force: true }); throw e; }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--ordinal');
  let ordinal: number | undefined;
  if (at >= 0) {
    if (!/^\d{4}$/.test(args[at + 1] ?? '')) fail('--ordinal 后应为四位数字，如 --ordinal 1300');
    ordinal = Number(args[at + 1]);
    args.splice(at, 2);
  }
  const [name, label] = args;
  if (!name || !label || args.length !== 2) fail('用法：node --import tsx scripts/new-module.ts <name> <中文名> [--ordinal NNNN]');
  let files: string[];
  try { files = generateModule({ name, label, ordinal }); } catch (e) { fail((e as Error).message); }
  const cap = name[0].toUpperCase() + name.slice(1);
  const used = checkRequestOrdinal(files);
  console.log(`已生成模块「${label}」（${name}），迁移序号 ${used}：\n${files.map((f) => `  ${f}`).join('\n')}

下一步：
  1. 在 src/server/modules.ts 的 modules 中加入 ${name}Module（import { ${name}Module } from '../modules/${name}/module.ts'），
     并把 src/modules/${name}/test/${name}-api.test.ts 中 startApp 的 extraModules 去掉（模块已在产品中）。
  2. 在 src/web/modules.ts 的 webModules 中加入 ${name}Web（import { ${name}Web } from '../modules/${name}/web/index.tsx'）。
  3. 把「${label}」的记录、状态和操作改成本模块的业务；英文翻译在 web/index.tsx 的 messages 中。
  4. 在 docs/GLOSSARY.md 中加入「${label}」词条，在 docs/ARCHITECTURE.md 的模块列表中写明迁移序号范围；
     重要的设计取舍写成 docs/decisions/00NN-${name}.md。
  5. 运行：npx tsc --noEmit -p tsconfig.json；npx eslint --max-warnings 0 src/modules/${name}；node scripts/run-tests.mjs modules/${name}/
  （标识符：${name}Module、${cap}ItemRow、${name}_items、${name}.create …）`);
}

/** The ordinal the generated migrations start at, read back from what was written. */
function checkRequestOrdinal(files: string[]): string {
  const f = files.find((x) => x.endsWith('server/migrations.ts'));
  const m = f ? /name: '(\d{4})_/.exec(fs.readFileSync(path.join(root, f), 'utf8')) : null;
  return m ? m[1] : '?';
}
