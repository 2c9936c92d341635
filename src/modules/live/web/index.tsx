/**
 * Web manifest of the 网络议政 module: the list, the room (members, departments, hosts) and the public's way in
 * (`/public/live/:key`, without signing in), and the sessions a consultation meeting hosts on the meeting's page.
 */
import { CommentOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';
import { livePermissions } from '../domain/live-permissions.ts';

export const liveWeb: WebModule = {
  name: 'live',
  menu: [
    { key: 'live', label: '网络议政', icon: <CommentOutlined />, path: '/live', permission: [livePermissions.join, livePermissions.host, livePermissions.readAll], group: 'consult', order: 60 },
  ],
  routes: [
    { path: '/live', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/live/:id', crumb: '议政室', element: lazyPage(() => import('./pages/room.tsx')) },
  ],
  publicRoutes: [
    { path: '/public/live/:key', element: lazyPage(() => import('./pages/room.tsx').then((m) => ({ default: m.PublicLivePage }))) },
  ],
  // a consultation meeting's page lists the sessions it hosts
  recordPanels: [{
    entityTypes: ['consultation'], permission: [livePermissions.join, livePermissions.host, livePermissions.readAll],
    component: lazyComponent(() => import('./pages/consultation-sessions.tsx').then((m) => m.ConsultationSessions)),
  }],
  messages: () => import('./messages-en.ts'),
};
