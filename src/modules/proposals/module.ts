/** Manifest of the 提案 module. Migrations use ordinals from 1000. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const proposalsModule: ModuleManifest = {
  name: 'proposals',
  label: '提案',
  permissions: [],
  migrations: [],
};
