/** Web manifest of the 消息通知 module: inbox page and the header bell. */
import { BellOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';

// the bell's code (badge, panel) loads with the signed-in layout, not with the login page
const NotificationBell = lazyComponent(() => import('./components.tsx').then((m) => m.NotificationBell));

export const notificationsWeb: WebModule = {
  name: 'notifications',
  menu: [{ key: 'notifications', label: '消息通知', icon: <BellOutlined />, path: '/notifications', order: 80 }],
  routes: [{ path: '/notifications', element: lazyPage(() => import('./pages/notifications.tsx')) }],
  headerWidgets: [NotificationBell],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
