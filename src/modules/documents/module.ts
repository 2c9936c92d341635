/**
 * Manifest of the 公文 module (office documents): permissions with their default roles, migrations (ordinals
 * 2200–2299), the entity with its search source, the settings (审签流程 per type, 文号 prefix, 版头), the figures
 * (签发公文, 字数), the routes and the demo data.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { documentsPermissions } from './domain/documents-permissions.ts';
import { documentsEntities } from './server/entities.ts';
import { documentsFigureSource } from './server/figures.ts';
import { documentsMigrations } from './server/migrations.ts';
import { documentsRoutes } from './server/routes.ts';
import { seedDocuments } from './server/seed.ts';
import { documentsSettings } from './server/settings.ts';

export const documentsModule: ModuleManifest = {
  name: 'documents',
  label: '公文',
  permissions: [
    { code: documentsPermissions.draft, name: '拟稿、分发和催阅公文', defaultRoles: ['office_staff'] },
    { code: documentsPermissions.approve, name: '核稿、会签和签发公文（按审签流程的角色）', defaultRoles: ['office_staff', 'leader', 'committee_staff', 'proposal_staff'] },
    { code: documentsPermissions.readAll, name: '查看本级全部公文档案与统计', defaultRoles: ['office_staff', 'leader'] },
    { code: documentsPermissions.receive, name: '收文（阅知分发给本人或本单位的公文）', defaultRoles: ['member', 'unit_handler', 'unit_leader', 'committee_staff', 'proposal_staff'] },
  ],
  migrations: documentsMigrations,
  entities: documentsEntities,
  settings: documentsSettings,
  figures: documentsFigureSource,
  routes: documentsRoutes,
  seed: seedDocuments,
};
