/** Manifest of the 系统管理 module. Migrations use ordinals from 0200. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const systemModule: ModuleManifest = {
  name: 'system',
  label: '系统管理',
  permissions: [],
  migrations: [],
};
