// A small world for the attachment tests: a city and a county CPPCC with members who can sign in, and a multipart builder.
import type { Config } from '../../../kernel/server/config.ts';
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import { createUser } from '../../identity/index.ts';
import { createTestDatabase, type DialectKind } from '../../../../test/support/db.ts';
import { login, type Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const PASSWORD = 'Zx!test-2025-pass';
type Name = 'alice' | 'bob' | 'carol';

export interface World {
  zx: Zhengxie;
  orgs: { city: string; county: string };
  users: Record<Name, { id: string; tenantId: string }>;
  login(name: Name): Promise<Client>;
  close(): Promise<void>;
}

export async function startWorld(kind: DialectKind, overrides: Partial<Config> = {}, extraModules: ModuleManifest[] = []): Promise<World> {
  // many sign-ins from one address in one file: lift the login rate limit
  const tdb = await createTestDatabase(kind, { loginRateLimitPerMinute: 10_000, ...overrides } as Partial<Config>);
  const zx = await buildApp(tdb.config, { extraModules });
  const now = clock.iso();
  const city = newId(), county = newId();
  const org = (id: string, name: string, parent: string | null, level: string) =>
    ({ id, parent_id: parent, kind: 'cppcc', level, name, short_name: null, code: null, sort: 0, tenant_id: id, active: 1, version: 1, created_at: now, updated_at: now });
  await zx.ctx.db.insertInto('organizations').values([org(city, '长治市政协', null, 'city'), org(county, '沁县政协', city, 'county')]).execute();
  const mk = (username: string, displayName: string, orgId: string) =>
    createUser(zx.ctx.db, zx.ctx.dialect, { orgId, username, displayName, password: PASSWORD, roles: [{ code: 'member' }] });
  const users = { alice: await mk('alice', '王委员', city), bob: await mk('bob', '李委员', city), carol: await mk('carol', '赵委员', county) };
  return {
    zx, orgs: { city, county }, users,
    login: (name) => login(zx.app, name, PASSWORD),
    async close() { await zx.close(); await tdb.drop(); },
  };
}

/** A multipart/form-data body with one file part. */
export function multipart(filename: string, content: Buffer, contentType = 'application/octet-stream'): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----zxtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
