// A small world for this module's tests: a city and a county CPPCC, a handling unit, a few users who can sign in.
import type { Config } from '../../../kernel/server/config.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import { createUser } from '../../identity/index.ts';
import { createTestDatabase, type DialectKind } from '../../../../test/support/db.ts';
import { login, type Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { demoModule } from './demo-workflow.ts';

export const PASSWORD = 'Zx!test-2025-pass';

export interface World {
  zx: Zhengxie;
  config: Config;
  orgs: { city: string; county: string; unit: string };
  users: Record<'alice' | 'bob' | 'carol' | 'clerk', { id: string; tenantId: string; username: string }>;
  login(name: 'alice' | 'bob' | 'carol' | 'clerk'): Promise<Client>;
  close(): Promise<void>;
}

export async function startWorld(kind: DialectKind, overrides: Partial<Config> = {}): Promise<World> {
  // many sign-ins from one address in one file: lift the login rate limit
  const tdb = await createTestDatabase(kind, { loginRateLimitPerMinute: 10_000, ...overrides } as Partial<Config>);
  const zx = await buildApp(tdb.config, { extraModules: [demoModule] });
  const now = clock.iso();
  const city = newId(), county = newId(), unit = newId();
  const org = (id: string, name: string, kind: string, parent: string | null, tenant: string, level: string | null) =>
    ({ id, parent_id: parent, kind, level, name, short_name: null, code: null, sort: 0, tenant_id: tenant, active: 1, version: 1, created_at: now, updated_at: now });
  await zx.ctx.db.insertInto('organizations').values([
    org(city, '长治市政协', 'cppcc', null, city, 'city'),
    org(county, '襄垣县政协', 'cppcc', city, county, 'county'),
    org(unit, '市住建局', 'gov_unit', city, city, null),
  ]).execute();
  const mk = async (username: string, displayName: string, orgId: string, role: string, email?: string) => {
    const u = await createUser(zx.ctx.db, zx.ctx.dialect, { orgId, username, displayName, password: PASSWORD, roles: [{ code: role }], email: email ?? null });
    return { id: u.id, tenantId: u.tenantId, username };
  };
  const users = {
    alice: await mk('alice', '王委员', city, 'member', 'alice@example.test'),
    bob: await mk('bob', '李委员', city, 'member'),
    carol: await mk('carol', '赵委员', county, 'member'),
    clerk: await mk('clerk', '住建局经办人', unit, 'unit_handler', 'clerk@example.test'),
  };
  return {
    zx, config: tdb.config, orgs: { city, county, unit }, users,
    login: (name) => login(zx.app, users[name].username, PASSWORD),
    async close() { await zx.close(); await tdb.drop(); },
  };
}
