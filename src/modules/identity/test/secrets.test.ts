/** TOTP secrets at rest (decision 0031): migration 0104 encrypts the clear ones; a secret written in clear does not sign in. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { dialects, createTestDatabase } from '../../../../test/support/db.ts';
import { anonymous } from '../../../../test/support/http.ts';
import { openDatabase } from '../../../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../../../kernel/server/migrate.ts';
import { useSecretKeys } from '../../../kernel/server/secrets.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { allMigrations, buildApp } from '../../../server/app.ts';
import { hashPassword, openTotpSecret, totpAt, TOTP_PERIOD_MS } from '../index.ts';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'Admin-Secret-2026';

for (const d of await dialects()) {
  describe(`identity: TOTP secrets encrypted at rest (${d.kind})`, { skip: d.skip }, () => {
    test('an installation from before 0104 has its clear secrets encrypted by it; the administrator still signs in; a clear secret written later does not', async () => {
      const tdb = await createTestDatabase(d.kind, { secretKey: randomBytes(32).toString('base64') });
      try {
        // the database as the previous release left it: migrations up to 0103, a TOTP secret in clear
        useSecretKeys(tdb.config, { create: false });
        const h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
        const userId = newId();
        try {
          await migrateToLatest(h.db, h.dialect, allMigrations().filter((m) => m.name < '0104' && !m.name.startsWith('0010_')));
          const now = clock.iso();
          const city = newId();
          await h.db.insertInto('organizations').values({ id: city, parent_id: null, kind: 'cppcc', level: 'city', name: '长治市政协', short_name: null, code: null, sort: 0, tenant_id: city, active: 1, version: 1, created_at: now, updated_at: now }).execute();
          await h.db.insertInto('users').values({
            id: userId, tenant_id: city, org_id: city, username: 'oldadmin', display_name: '老管理员', email: null, phone: null,
            password_hash: await hashPassword(PASSWORD), password_changed_at: now, must_change_password: 0, failed_count: 0, locked_until: null,
            totp_secret: SECRET, totp_enabled: 1, large_text: 0, locale: 'zh-CN', role_codes: 'sys_admin', active: 1, version: 1, created_at: now, updated_at: now,
          }).execute();
          await h.db.insertInto('user_roles').values({ user_id: userId, role_code: 'sys_admin', org_id: city }).execute();
        } finally { await h.destroy(); }

        const zx = await buildApp(tdb.config);
        try {
          const row = await zx.ctx.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow();
          assert.match(String(row.totp_secret), /^zx1:aes-256-gcm:/);
          assert.ok(!String(row.totp_secret).includes(SECRET));
          assert.equal(openTotpSecret(row.totp_secret, userId), SECRET);
          const step = Math.floor(clock.physicalMs() / TOTP_PERIOD_MS);
          const login = (totp: string) => anonymous(zx.app).post('/api/auth/login', { username: 'oldadmin', password: PASSWORD, totp });
          assert.equal((await login(totpAt(SECRET, 'oldadmin', step))).status, 200);
          // someone who can write the database but lacks the key plants a secret of their own: it accepts no code
          const planted = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
          await zx.ctx.db.updateTable('users').set({ totp_secret: planted }).where('id', '=', userId).execute();
          const r = await login(totpAt(planted, 'oldadmin', step + 1));
          assert.equal(r.status, 401);
          assert.equal(r.body.error.code, 'TOTP_REQUIRED');
        } finally { await zx.close(); }
      } finally { await tdb.drop(); }
    });
  });
}
