/** Manifest of the 组织机构 module. Migrations use ordinals from 0050. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { organizationMigrations } from './server/migrations.ts';
import { organizationRoutes } from './server/org-routes.ts';
import { workYearSetting } from './server/work-year.ts';
import { orgDb } from './server/tables.ts';

/** Every business role reads the organisations (the three administrator roles manage them). */
const businessRoles = ['member', 'informant', 'proposal_staff', 'info_editor', 'committee_staff', 'office_staff', 'unit_handler', 'unit_leader', 'leader'];

export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  label: '组织机构',
  permissions: [
    { code: 'org.manage', name: '管理组织机构', defaultRoles: ['sys_admin'] },
    { code: 'org.read', name: '查看组织机构、承办单位、界别和专委会', defaultRoles: businessRoles },
  ],
  // the people of a CPPCC's own organisations; the 提案 and 社情民意 modules bring the roles of their work
  roles: [
    { code: 'member', name: '政协委员', nameEn: 'CPPCC member' },
    { code: 'committee_staff', name: '专委会工作人员', nameEn: 'Special committee staff' },
    { code: 'office_staff', name: '办公室工作人员', nameEn: 'General office staff' },
    { code: 'leader', name: '政协领导', nameEn: 'CPPCC leader' },
  ],
  // 工作年度: the year every module opens on, with its cut-off and session numbering (decision 0037)
  settings: [workYearSetting],
  migrations: organizationMigrations,
  // organisations are named in lists that show ids (the audit log)
  entities: [{
    type: 'organization', label: '组织机构', labelEn: 'Organisation', link: () => '/admin/organizations',
    async titles(ctx, ids) {
      const rows = await orgDb(ctx.db).selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  }],
  routes: organizationRoutes,
};
