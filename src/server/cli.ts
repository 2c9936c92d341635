/** The `zhengxie` command line: serve, migrate, seed, create-user, backup, restore, verify-audit. Flags override environment variables. */
import { Command, Option } from 'commander';
import path from 'node:path';
import { loadConfig, type Config } from '../kernel/server/config.ts';
import { openDatabase } from '../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../kernel/server/migrate.ts';
import { readAuditAnchors, verifyAuditChain } from '../kernel/server/audit.ts';
import { useSecretKeys, type SecretKeys } from '../kernel/server/secrets.ts';
import { allMigrations } from './app.ts';
import { clock, parseClockSetting } from '../kernel/universal/clock.ts';

interface GlobalOpts { port?: string; host?: string; dataDir?: string; databaseUrl?: string; redisUrl?: string; smtpUrl?: string; clock?: string }

function configFrom(cmd: Command): Config {
  const o = cmd.optsWithGlobals() as GlobalOpts;
  const overrides: Partial<Config> = {};
  if (o.port !== undefined) {
    const p = Number(o.port);
    if (!Number.isInteger(p) || p < 0 || p > 65535) fail(`端口号无效：${o.port}`);
    overrides.port = p;
  }
  if (o.host) overrides.host = o.host;
  if (o.dataDir) overrides.dataDir = o.dataDir;
  if (o.databaseUrl) overrides.databaseUrl = o.databaseUrl;
  if (o.redisUrl) overrides.redisUrl = o.redisUrl;
  if (o.smtpUrl) overrides.smtpUrl = o.smtpUrl;
  if (o.clock) {
    try { parseClockSetting(o.clock); } catch (e) { fail((e as Error).message); }
    overrides.clock = o.clock;
  }
  const config = loadConfig(overrides);
  clock.applySetting(config.clock);
  return config;
}

function fail(message: string, code = 1): never {
  console.error(`错误：${message}`);
  process.exit(code);
}

async function openDb(config: Config) {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/**
 * The key outside the database (SECRET_KEY, or secret.key in the data folder): commands that write the database
 * generate it on a first run, as `serve` does; `verify-audit` only reads it.
 */
function keys(config: Config, create: boolean): SecretKeys | null {
  try {
    return useSecretKeys(config, { create, log: (m) => console.warn(m) });
  } catch (e) {
    return fail(messageOf(e));
  }
}

const program = new Command();
program
  .name('zhengxie')
  .description('智慧政协 zhengxie：服务、数据库迁移、演示数据、用户、备份与恢复、审计校验')
  .option('--port <port>', '监听端口（环境变量 PORT，默认 3000）')
  .option('--host <host>', '监听地址（环境变量 HOST，默认 127.0.0.1）')
  .option('--data-dir <dir>', '数据目录（环境变量 DATA_DIR，默认 ./data）')
  .option('--database-url <url>', 'PostgreSQL 连接串（环境变量 DATABASE_URL；不设则使用数据目录中的 SQLite）')
  .option('--redis-url <url>', 'Redis 地址，多实例间分发事件（环境变量 REDIS_URL）')
  .option('--smtp-url <url>', '发信服务器（环境变量 SMTP_URL）')
  .option('--clock <time>', '业务时钟从此时刻起走（如 2026-12-31 或 2026-12-31T09:30，用于演示和测试；环境变量 ZX_CLOCK）')
  .showHelpAfterError('（使用 --help 查看用法）');

program.command('serve', { isDefault: true })
  .description('启动服务：迁移数据库，空库时载入演示数据，提供网页和接口')
  .action(async (_o, cmd: Command) => {
    const config = configFrom(cmd);
    const { serve } = await import('./main.ts');
    const server = await serve(config);
    let closing = false;
    const stop = async (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`收到 ${signal}，正在停止服务…`);
      const force = setTimeout(() => { console.error('停止超时，强制退出'); process.exit(1); }, 10000);
      force.unref();
      try { await server.close(); } catch (e) { console.error('停止时出错：', e); process.exitCode = 1; }
      console.log('服务已停止');
      process.exit();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program.command('migrate')
  .description('把数据库迁移到最新版本')
  .action(async (_o, cmd: Command) => {
    const config = configFrom(cmd);
    keys(config, true);
    const h = await openDb(config);
    try {
      const done = await migrateToLatest(h.db, h.dialect, allMigrations());
      console.log(done.length ? `已执行 ${done.length} 项迁移（${h.describe}）：\n  ${done.join('\n  ')}` : `数据库已是最新版本（${h.describe}）`);
    } finally { await h.destroy(); }
  });

program.command('seed')
  .description('向空数据库载入演示数据并打印演示账号')
  .action(async (_o, cmd: Command) => {
    const config = { ...configFrom(cmd), logLevel: 'silent' };
    keys(config, true);
    const { buildApp } = await import('./app.ts');
    const { seedDemoIfEmpty } = await import('./seed.ts');
    const { printDemoAccounts } = await import('./main.ts');
    const zx = await buildApp(config);
    try {
      const started = performance.now();
      const seeded = await seedDemoIfEmpty(zx.ctx);
      if (!seeded) { console.log('数据库中已有数据，未载入演示数据'); return; }
      console.log(`演示数据已载入（${zx.handle.describe}），用时 ${Math.round(performance.now() - started)} ms`);
      printDemoAccounts(seeded.accounts);
    } finally { await zx.close(); }
  });

program.command('create-user')
  .description('创建用户')
  .requiredOption('--username <username>', '用户名')
  .requiredOption('--name <name>', '姓名')
  .requiredOption('--password <password>', '初始密码')
  .requiredOption('--org <org>', '所属组织（编号或名称）')
  .addOption(new Option('--role <code>', '角色代码，可重复（如 member、sys_admin）').argParser((v: string, prev: string[] = []) => [...prev, v]).makeOptionMandatory())
  .option('--email <email>', '电子邮箱')
  .option('--phone <phone>', '手机号')
  .action(async (o: { username: string; name: string; password: string; org: string; role: string[]; email?: string; phone?: string }, cmd: Command) => {
    const config = configFrom(cmd);
    const { modules } = await import('./modules.ts');
    const identity = await import('../modules/identity/index.ts');
    // the built-in roles: the kernel's administrator roles and those the modules declare
    const roleName = new Map(identity.builtinRoles(modules).map((r) => [r.code, r.name]));
    const bad = o.role.filter((r) => !roleName.has(r));
    if (bad.length) fail(`未知的角色：${bad.join('、')}。可用角色：${[...roleName.keys()].join('、')}`);
    keys(config, true);
    const h = await openDb(config);
    try {
      await migrateToLatest(h.db, h.dialect, allMigrations());
      await identity.syncPermissionCatalogue(h.db, modules, h.dialect);
      const org = await findOrg(h.db, o.org);
      const user = await identity.createUser(h.db, h.dialect, {
        tenantId: org.tenantId, orgId: org.id, username: o.username, displayName: o.name, password: o.password,
        roles: o.role.map((code) => ({ code, orgId: org.id })), email: o.email, phone: o.phone,
      });
      console.log(`已创建用户 ${o.username}（${o.name}），组织：${org.name}，角色：${o.role.map((r) => roleName.get(r) ?? r).join('、')}，编号 ${user.id}`);
    } catch (e) {
      fail(messageOf(e));
    } finally { await h.destroy(); }
  });

program.command('backup')
  .description('备份整个数据库到一个文件（gzip 压缩的 JSON 行，可跨 SQLite/PostgreSQL 恢复）')
  .requiredOption('--out <file>', '备份文件路径，如 backup-2026-01-01.zxb.gz')
  .action(async (o: { out: string }, cmd: Command) => {
    const config = configFrom(cmd);
    const { backupDatabase } = await import('./backup.ts');
    const h = await openDb(config);
    try {
      const started = performance.now();
      const r = await backupDatabase(h, path.resolve(o.out));
      const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
      console.log(`备份完成：${r.file}（${Object.keys(r.tables).length} 张表，${rows} 行，${(r.bytes / 1024).toFixed(1)} KB，用时 ${Math.round(performance.now() - started)} ms）`);
    } catch (e) {
      fail(`备份失败：${messageOf(e)}`);
    } finally { await h.destroy(); }
  });

program.command('restore')
  .description('从备份文件恢复到一个空数据库（非空数据库会拒绝）')
  .requiredOption('--in <file>', '备份文件路径')
  .action(async (o: { in: string }, cmd: Command) => {
    const config = configFrom(cmd);
    const { restoreDatabase } = await import('./backup.ts');
    // the key of the deployment the backup came from: its TOTP secrets are sealed and its audit rows signed with it
    const k = keys(config, true);
    if (k?.source === 'generated') console.warn('注意：备份若来自另一个数据目录或实例，须使用原来的密钥（设置 SECRET_KEY，或先把原数据目录中的 secret.key 复制到新的数据目录），否则审计日志的 HMAC 校验不通过，管理员的双因素认证密钥也无法解密。');
    const h = await openDb(config);
    try {
      const started = performance.now();
      const r = await restoreDatabase(h, path.resolve(o.in), allMigrations());
      const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
      console.log(`恢复完成（${h.describe}）：${Object.keys(r.tables).length} 张表，${rows} 行，用时 ${Math.round(performance.now() - started)} ms`);
      if (r.migrations.length) console.log(`恢复后执行了 ${r.migrations.length} 项新迁移`);
      if (r.audit.ok) console.log(`审计日志校验通过：共 ${r.audit.count} 条`);
      else fail(`审计日志校验失败：${r.audit.reason}`);
      if (r.audit.unsigned) console.log(`其中 ${r.audit.unsigned} 条写于启用 HMAC 之前`);
    } catch (e) {
      fail(`恢复失败：${messageOf(e)}`);
    } finally { await h.destroy(); }
  });

program.command('verify-audit')
  .description('校验审计日志：哈希链、每条记录的 HMAC、与锚点文件（audit-anchors.log）的一致；报告第一处被改动、改写、删除或截断的记录')
  .action(async (_o, cmd: Command) => {
    const config = configFrom(cmd);
    const k = keys(config, false);
    const { anchors, badLines } = readAuditAnchors(config.auditAnchorFile);
    const h = await openDb(config);
    let code = 0;
    try {
      if (badLines.length) console.error(`锚点文件 ${config.auditAnchorFile} 中有无法读取的行：第 ${badLines.join('、')} 行`);
      const r = await verifyAuditChain(h.db, { key: k?.auditKey ?? null, anchors });
      if (r.ok) {
        console.log(`审计日志完整：共 ${r.count} 条，哈希链校验通过`);
        if (k) console.log(`HMAC 校验通过${r.unsigned ? `（其中 ${r.unsigned} 条写于启用 HMAC 之前，没有 HMAC）` : ''}`);
        else console.warn('未校验 HMAC：没有密钥（设置 SECRET_KEY，或在写入这份审计日志的数据目录中运行）');
        if (anchors.length) console.log(`与 ${anchors.length} 个锚点相符（最新锚点 seq=${Math.max(...anchors.map((a) => a.seq))}，${config.auditAnchorFile}）`);
        else console.warn(`没有锚点可对照（${config.auditAnchorFile} 不存在或为空）：无法发现最新记录被截去`);
        if (badLines.length) code = 1;
      } else {
        console.error(`审计日志被破坏：第 ${r.brokenAt} 条（seq=${r.brokenAt}）。${r.reason}。此前 ${r.count} 条校验通过。`);
        code = 1;
      }
    } finally { await h.destroy(); }
    process.exit(code);
  });

/** Find an organisation by id or exact name. */
async function findOrg(db: import('kysely').Kysely<any>, key: string): Promise<{ id: string; name: string; tenantId: string }> {
  const rows = await db.selectFrom('organizations').select(['id', 'name', 'tenant_id']).where((eb) => eb.or([eb('id', '=', key), eb('name', '=', key)])).limit(2).execute();
  if (rows.length === 0) fail(`找不到组织「${key}」`);
  if (rows.length > 1) fail(`有多个组织名为「${key}」，请改用组织编号`);
  const r = rows[0] as { id: string; name: string; tenant_id: string };
  return { id: r.id, name: r.name, tenantId: r.tenant_id };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

program.parseAsync(process.argv).catch((e: unknown) => fail(messageOf(e)));
