/** Manifest of 委员履职 (member duty records): permissions and routes. Read-only over proposals and opinions; 委员管理 (the registry) keeps its data in 组织机构's tables through that module's functions. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { PERM_READ_ALL, PERM_READ_OWN } from './domain/permissions.ts';
import { PERM_REGISTRY_CONTACT, PERM_REGISTRY_MANAGE, PERM_REGISTRY_READ } from './domain/registry.ts';
import { registryFigureSource } from './server/registry-figures.ts';
import { membersMigrations } from './server/migrations.ts';
import { memberRoutes } from './server/routes.ts';

export const membersModule: ModuleManifest = {
  name: 'members',
  label: '委员履职',
  permissions: [
    { code: PERM_READ_OWN, name: '查看本人履职档案（我的履职）', defaultRoles: ['member'] },
    { code: PERM_READ_ALL, name: '查看本级全部委员的履职档案和委员名录', defaultRoles: ['proposal_staff', 'committee_staff', 'office_staff', 'leader'] },
    // 委员管理: the office and the committees keep the registry; the proposal office and leaders read it
    { code: PERM_REGISTRY_READ, name: '查看委员管理（本级委员档案）', defaultRoles: ['proposal_staff', 'committee_staff', 'office_staff', 'leader'] },
    { code: PERM_REGISTRY_MANAGE, name: '维护委员档案和联络记录，导入导出', defaultRoles: ['committee_staff', 'office_staff'] },
    { code: PERM_REGISTRY_CONTACT, name: '查看委员联系方式（手机、邮箱、通讯地址）', defaultRoles: ['office_staff'] },
  ],
  figures: registryFigureSource,
  migrations: membersMigrations,
  routes: memberRoutes,
};
