/** Manifest of the 组织机构 module. Migrations use ordinals from 0050. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const organizationsModule: ModuleManifest = {
  name: 'organizations',
  label: '组织机构',
  permissions: [],
  migrations: [],
};
