/** Starts zhengxie: migrate, seed demo data into an empty database, serve the API and the web app. */
import type { Config } from '../kernel/server/config.ts';
import { buildApp } from './app.ts';
import { seedDemoIfEmpty } from './seed.ts';

export async function serve(config: Config): Promise<{ close: () => Promise<void>; url: string }> {
  const started = performance.now();
  const zx = await buildApp(config);
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(zx.ctx);
    if (seeded) printDemoAccounts(seeded.accounts);
  }
  const address = await zx.app.listen({ port: config.port, host: config.host });
  console.log(`智慧政协 zhengxie 已启动：${address.replace('[::1]', 'localhost')}（${zx.handle.describe}${config.redisUrl ? '，Redis 事件分发' : ''}），用时 ${Math.round(performance.now() - started)} ms`);
  console.log(`接口文档：${address}/api/docs`);
  const shutdown = async () => { await zx.close(); };
  return { close: shutdown, url: address };
}

export function printDemoAccounts(accounts: Array<{ username: string; password: string; role: string; org: string; totpSecret?: string }>) {
  console.log('\n演示账号（首次启动时创建）：');
  const w = Math.max(...accounts.map((a) => a.username.length));
  for (const a of accounts) console.log(`  ${a.username.padEnd(w)}  密码 ${a.password}  ${a.role}（${a.org}）${a.totpSecret ? `  两步验证密钥 ${a.totpSecret}` : ''}`);
  console.log(`  另有每个市级承办单位的经办人 handler01…（同一密码）和签发答复的分管领导 unitlead01…（市住建局为 unitlead）`);
  console.log('');
}
