/** Manifest of the 待办 module. Migrations use ordinals from 0250. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const worklistModule: ModuleManifest = {
  name: 'worklist',
  label: '待办',
  permissions: [],
  migrations: [],
};
