/** Manifest of the 附件 module. Migrations use ordinals from 0350. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const attachmentsModule: ModuleManifest = {
  name: 'attachments',
  label: '附件',
  permissions: [],
  migrations: [],
};
