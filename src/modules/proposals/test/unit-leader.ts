/** Test support: a 承办单位分管领导 (unit_leader) of any unit, signed in, for units without a demo leader account. */
import { createUser } from '../../identity/index.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import type { StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';

export async function unitLeaderOf(s: StartedApp, unitName: string, username: string): Promise<Client> {
  const org = await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', unitName).executeTakeFirstOrThrow();
  await createUser(s.zx.ctx.db, s.zx.ctx.dialect, {
    orgId: org.id, username, displayName: `${unitName}分管领导`, password: DEMO_PASSWORD, roles: [{ code: 'unit_leader' }],
  });
  return s.login(username);
}

/** Test support: a 经办人 (unit_handler) of any unit, signed in, for units without a demo clerk account. */
export async function unitClerkOf(s: StartedApp, unitName: string, username: string): Promise<Client> {
  const org = await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', unitName).executeTakeFirstOrThrow();
  await createUser(s.zx.ctx.db, s.zx.ctx.dialect, {
    orgId: org.id, username, displayName: `${unitName}经办人`, password: DEMO_PASSWORD, roles: [{ code: 'unit_handler' }],
  });
  return s.login(username);
}
