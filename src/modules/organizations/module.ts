/** Manifest of the 组织机构 module. Migrations use ordinals from 0050. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { businessRoles } from '../../kernel/universal/roles.ts';
import { organizationMigrations } from './server/migrations.ts';
import { organizationRoutes } from './server/org-routes.ts';

export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  label: '组织机构',
  permissions: [
    { code: 'org.manage', name: '管理组织机构', defaultRoles: ['sys_admin'] },
    { code: 'org.read', name: '查看组织机构、承办单位、界别和专委会', defaultRoles: businessRoles },
  ],
  migrations: organizationMigrations,
  routes: organizationRoutes,
};
