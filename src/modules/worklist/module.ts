/** Manifest of the 待办 (worklist) module: every module's open work items, from the kernel's task table. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { worklistRoutes } from './server/routes.ts';
import { worklistChannel } from './server/push-channel.ts';

export const worklistModule: ModuleManifest = {
  name: 'worklist',
  label: '待办',
  permissions: [],
  migrations: [],
  routes: worklistRoutes,
  channels: [worklistChannel],
};
