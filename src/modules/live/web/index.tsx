/**
 * Web manifest of the 网络议政 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { livePermissions } from '../domain/live-permissions.ts';

export const liveWeb: WebModule = {
  name: 'live',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'live', label: '网络议政', icon: <FileTextOutlined />, path: '/live', permission: [livePermissions.create, livePermissions.handle, livePermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/live', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/live/:id', crumb: '网络议政详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
