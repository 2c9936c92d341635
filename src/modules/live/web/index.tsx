/**
 * Web manifest of the 网络议政 module: the list, the room (members, departments, hosts) and the public's way in
 * (`/public/live/:key`, without signing in).
 */
import { CommentOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { livePermissions } from '../domain/live-permissions.ts';

export const liveWeb: WebModule = {
  name: 'live',
  menu: [
    { key: 'live', label: '网络议政', icon: <CommentOutlined />, path: '/live', permission: [livePermissions.join, livePermissions.host, livePermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/live', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/live/:id', crumb: '议政室', element: lazyPage(() => import('./pages/room.tsx')) },
  ],
  publicRoutes: [
    { path: '/public/live/:key', element: lazyPage(() => import('./pages/room.tsx').then((m) => ({ default: m.PublicLivePage }))) },
  ],
  messages: () => import('./messages-en.ts'),
};
