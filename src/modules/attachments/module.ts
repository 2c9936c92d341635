/** Manifest of the 附件 module: uploads checked by content, stored in the database, downloaded with permission. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { attachmentMigrations } from './server/migrations.ts';
import { attachmentRoutes } from './server/routes.ts';

export const attachmentsModule: ModuleManifest = {
  name: 'attachments',
  label: '附件',
  permissions: [],
  migrations: attachmentMigrations,
  routes: attachmentRoutes,
};
