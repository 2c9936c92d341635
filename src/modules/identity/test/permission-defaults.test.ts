/**
 * 默认授权 across releases: a database set up by an older release whose permission later gains a default role. The role
 * gets it once, audited as a system grant; a grant the security administrator removes stays removed across restarts;
 * a database from before the defaults were remembered learns them from its grants and its audit log.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld } from '../../../../test/support/factories.ts';
import { login } from '../../../../test/support/http.ts';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { queryAuditLog } from '../../../kernel/server/audit.ts';
import { openDatabase } from '../../../kernel/server/db/dialect.ts';

/** a module of some release, declaring one permission with these default roles */
const release = (defaultRoles: string[]): ModuleManifest => ({
  name: 'probe_defaults', label: '默认授权测试', migrations: [],
  permissions: [{ code: 'probe.defaults', name: '默认授权测试', defaultRoles }],
});

for (const d of await dialects()) {
  describe(`identity: default grants of a later release (${d.kind})`, { skip: d.skip }, () => {
    test('a default role added later is granted once, audited as the system; one the security administrator removed is not granted again', { timeout: 180_000 }, async () => {
      const w = await startWorld(d.kind, { extraModules: [release(['member'])] });
      // each later release starts on the world's database (the world's own instance stays idle until the end)
      let zx: Zhengxie | undefined;
      const restart = async (roles: string[]) => {
        await zx?.close();
        zx = undefined;
        zx = await buildApp(w.config, { extraModules: [release(roles)] });
        return zx;
      };
      const holders = async (app: Zhengxie) => (await app.ctx.db.selectFrom('role_permissions').select('role_code')
        .where('permission', '=', 'probe.defaults').orderBy('role_code').execute()).map((r) => r.role_code as string);
      const systemGrants = async (app: Zhengxie) => (await queryAuditLog(app.ctx.db, { page: 1, pageSize: 50, action: 'role.permissions.default' })).rows
        .map((r) => [r.entity_id, r.actor_id, JSON.parse(r.data!).added]);
      try {
        assert.deepEqual(await holders(w.zx), ['member']);
        assert.deepEqual(await systemGrants(w.zx), [], 'the first installation is not a system grant of its own');

        // the next release gives unit_handler the permission too
        let app = await restart(['member', 'unit_handler']);
        assert.deepEqual(await holders(app), ['member', 'unit_handler']);
        assert.deepEqual(await systemGrants(app), [['unit_handler', 'system', ['probe.defaults']]]);
        // started again: nothing more to grant
        app = await restart(['member', 'unit_handler']);
        assert.equal((await systemGrants(app)).length, 1);

        // the security administrator takes it away from unit_handler
        const sec = await login(app.app, 'secadmin', w.account('secadmin').password, await w.totpCode('secadmin'));
        const roles = (await sec.get('/api/admin/roles')).body.items as Array<{ code: string; permissions: string[] }>;
        const handler = roles.find((r) => r.code === 'unit_handler')!;
        assert.ok(handler.permissions.includes('probe.defaults'));
        const set = await sec.put('/api/admin/roles/unit_handler/permissions', { permissions: handler.permissions.filter((p) => p !== 'probe.defaults') });
        assert.equal(set.status, 200, JSON.stringify(set.body));
        assert.deepEqual(await holders(app), ['member']);

        // restarts do not bring it back; a role added by a still later release gets it
        app = await restart(['member', 'unit_handler']);
        assert.deepEqual(await holders(app), ['member']);
        app = await restart(['member', 'unit_handler', 'leader']);
        assert.deepEqual(await holders(app), ['leader', 'member']);
        assert.deepEqual((await systemGrants(app)).map((g) => g[0]), ['leader', 'unit_handler']);

        // a database from before the applied defaults were remembered: an older start stored 'proposal_staff' among the
        // defaults without granting it; the removal above is in the audit log
        await app.ctx.db.updateTable('permissions').set({ default_roles: JSON.stringify(['member', 'unit_handler', 'leader', 'proposal_staff']) })
          .where('code', '=', 'probe.defaults').execute();
        await zx?.close();
        zx = undefined;
        const raw = await openDatabase({ databaseUrl: w.config.databaseUrl, dataDir: w.config.dataDir });
        try {
          await raw.db.schema.dropTable('permission_default_grants').execute();
          await sql`delete from zx_migrations where name = '0106_identity_default_grants'`.execute(raw.db);
        } finally { await raw.destroy(); }
        app = await restart(['member', 'unit_handler', 'leader', 'proposal_staff']);
        assert.deepEqual(await holders(app), ['leader', 'member', 'proposal_staff'], 'the default never granted is granted; the removed one is not');
        assert.deepEqual((await systemGrants(app)).map((g) => g[0]), ['proposal_staff', 'leader', 'unit_handler']);
      } finally {
        await zx?.close();
        await w.close();
      }
    });
  });
}
