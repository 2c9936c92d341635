/** Manifest of 委员履职 (member duty records): permissions and routes. Read-only over proposals and opinions: no tables, no migrations. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { PERM_READ_ALL, PERM_READ_OWN } from './domain/permissions.ts';
import { memberRoutes } from './server/routes.ts';

export const membersModule: ModuleManifest = {
  name: 'members',
  label: '委员履职',
  permissions: [
    { code: PERM_READ_OWN, name: '查看本人履职档案（我的履职）', defaultRoles: ['member'] },
    { code: PERM_READ_ALL, name: '查看本级全部委员的履职档案和委员名录', defaultRoles: ['proposal_staff', 'committee_staff', 'office_staff', 'leader'] },
  ],
  migrations: [],
  routes: memberRoutes,
};
