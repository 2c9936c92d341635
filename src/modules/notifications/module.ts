/** Manifest of the 消息通知 module. Migrations use ordinals from 0300. */
import type { ModuleManifest } from '../../kernel/server/module.ts';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  label: '消息通知',
  permissions: [],
  migrations: [],
};
