/**
 * Tables of the 用户与权限 module: users, their roles, the role catalogue and grants, the permission catalogue, sessions,
 * sign-in failures per account and address.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { currentSecretKeys, isSealed } from '../../../kernel/server/secrets.ts';
import { sealTotpSecret } from './totp.ts';
import { queryAuditLog } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';

export const identityMigrations: MigrationDef[] = [
  {
    name: '0100_identity_users',
    async up(db) {
      await db.schema.createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_changed_at', 'text')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('large_text', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
        // the user's role codes, sorted and comma-joined: kept in step with user_roles so a request needs one query
        .addColumn('role_codes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_tenant_org').on('users').columns(['tenant_id', 'org_id']).execute();

      await db.schema.createTable('user_roles')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role_code', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role_code', 'org_id'])
        .execute();
      await db.schema.createIndex('user_roles_role_org').on('user_roles').columns(['role_code', 'org_id']).execute();
    },
  },
  {
    name: '0101_identity_roles_permissions',
    async up(db) {
      await db.schema.createTable('roles')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('description', 'text')
        .execute();
      await db.schema.createTable('permissions')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('module', 'text', (c) => c.notNull())
        .addColumn('default_roles', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('role_permissions')
        .addColumn('role_code', 'text', (c) => c.notNull())
        .addColumn('permission', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('role_permissions_pk', ['role_code', 'permission'])
        .execute();
    },
  },
  {
    name: '0102_identity_sessions',
    async up(db) {
      await db.schema.createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .addColumn('totp_ok', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    },
  },
  {
    name: '0103_identity_totp_last_step',
    async up(db) {
      /** 双因素认证: the last TOTP time step a user signed in with, so that each code is accepted once */
      await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
    },
  },
  {
    name: '0104_identity_totp_sealed',
    async up(db) {
      // 双因素认证密钥 at rest: the secrets stored in clear until now are encrypted with the key outside the database
      const rows = (await db.selectFrom('users').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute()) as Array<{ id: string; totp_secret: string }>;
      const clear = rows.filter((r) => !isSealed(r.totp_secret));
      if (!clear.length) return;
      if (!currentSecretKeys()) throw new Error('迁移 0104 要加密双因素认证密钥，但没有加载密钥（SECRET_KEY 或数据目录中的 secret.key）');
      for (const r of clear) await db.updateTable('users').set({ totp_secret: sealTotpSecret(r.totp_secret, r.id) }).where('id', '=', r.id).execute();
    },
  },
  {
    name: '0105_identity_login_failures',
    async up(db) {
      // 登录失败限制: failures of one username from one address, and until when that pair must wait (login-throttle.ts)
      await db.schema.createTable('login_failures')
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('first_failed_at', 'text', (c) => c.notNull())
        .addColumn('last_failed_at', 'text', (c) => c.notNull())
        .addColumn('blocked_until', 'text')
        .addPrimaryKeyConstraint('login_failures_pk', ['username', 'ip'])
        .execute();
      await db.schema.createIndex('login_failures_last').on('login_failures').column('last_failed_at').execute();
      await db.schema.createIndex('login_failures_blocked').on('login_failures').column('blocked_until').execute();
    },
  },
  {
    name: '0106_identity_default_grants',
    async up(db) {
      // 默认授权: each (permission, role) default of the catalogue once applied, so a default role added in a later
      // release is granted once and a grant the security administrator removed is not granted again
      await db.schema.createTable('permission_default_grants')
        .addColumn('permission', 'text', (c) => c.notNull())
        .addColumn('role_code', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('permission_default_grants_pk', ['permission', 'role_code'])
        .execute();
      // an existing database: the stored defaults were applied where the role holds the permission, or where the
      // security administrator has since taken it away (role.permissions.set records what was removed); a stored
      // default the role never held was added to the manifest after the permission first appeared, never granted,
      // and is granted by the next start
      const perms = (await db.selectFrom('permissions').select(['code', 'default_roles']).execute()) as Array<{ code: string; default_roles: string }>;
      if (!perms.length) return;
      const held = new Set(((await db.selectFrom('role_permissions').select(['role_code', 'permission']).execute()) as Array<{ role_code: string; permission: string }>)
        .map((g) => `${g.permission}|${g.role_code}`));
      const sets = await queryAuditLog(db, { action: 'role.permissions.set', entityType: 'role', page: 1, pageSize: 1_000_000 });
      for (const a of sets.rows) {
        const removed = (JSON.parse(a.data ?? '{}') as { removed?: string[] }).removed ?? [];
        for (const p of removed) held.add(`${p}|${a.entity_id}`);
      }
      const at = clock.iso();
      const rows = perms.flatMap((p) => (JSON.parse(p.default_roles) as string[]).filter((r) => held.has(`${p.code}|${r}`))
        .map((r) => ({ permission: p.code, role_code: r, applied_at: at })));
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('permission_default_grants').values(rows.slice(i, i + 200)).execute();
    },
  },
];
