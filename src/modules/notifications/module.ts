/** Manifest of the 消息通知 module: inbox, e-mail and other channels, work-item notifications, the 'notification' push. */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { notificationMigrations } from './server/migrations.ts';
import { notificationRoutes } from './server/routes.ts';
import { subscribeTaskNotifications } from './server/task-notifications.ts';
import { notificationChannel } from './server/push-channel.ts';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  label: '消息通知',
  permissions: [],
  migrations: notificationMigrations,
  subscribe: subscribeTaskNotifications,
  routes: notificationRoutes,
  channels: [notificationChannel],
};
