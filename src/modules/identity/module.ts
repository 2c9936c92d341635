/** Manifest of the 用户与权限 module. Migrations use ordinals from 0100. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const identityModule: ModuleManifest = {
  name: 'identity',
  label: '用户与权限',
  permissions: [],
  migrations: [],
};
