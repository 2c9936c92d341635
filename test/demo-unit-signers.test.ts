// The demo's handling units: every city unit has a clerk (经办人) and a leader (分管领导) who can sign off its replies
// (签发, on by default), so no demo reply waits in 待签发 for a signer the unit does not have. On the demo seed (SQLite).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, type StartedApp } from './support/fixtures.ts';
import { UNITS } from '../src/server/seed.ts';

describe('demo handling units have a clerk and a leader', () => {
  let s: StartedApp;
  before(async () => { s = await startApp('sqlite', { config: { webDist: '/nonexistent' } }); });
  after(async () => { await s?.close(); });

  test('each of the city\'s units has an active unit_handler and an active unit_leader, who can sign in', async () => {
    const db = s.zx.ctx.db;
    const units = await db.selectFrom('organizations').select(['id', 'name']).where('kind', '=', 'gov_unit').where('name', 'in', [...UNITS]).execute();
    assert.equal(units.length, UNITS.length);
    const holders = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.org_id', 'user_roles.role_code', 'users.username']).where('users.active', '=', 1)
      .where('user_roles.role_code', 'in', ['unit_handler', 'unit_leader']).execute();
    for (const u of units) {
      const of = (role: string) => holders.filter((h: any) => h.org_id === u.id && h.role_code === role);
      assert.ok(of('unit_handler').length >= 1, `${u.name} has a clerk`);
      assert.ok(of('unit_leader').length >= 1, `${u.name} has a leader`);
    }
    const lead = await s.login('unitlead03');
    const me = await lead.get('/api/auth/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.ok(me.body.user.roles.includes('unit_leader') || JSON.stringify(me.body).includes('unit_leader'));
  });
});
