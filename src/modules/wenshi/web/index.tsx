/**
 * Web manifest of the 文史资料 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { wenshiPermissions } from '../domain/wenshi-permissions.ts';

export const wenshiWeb: WebModule = {
  name: 'wenshi',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'wenshi', label: '文史资料', icon: <FileTextOutlined />, path: '/wenshi', permission: [wenshiPermissions.create, wenshiPermissions.handle, wenshiPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/wenshi', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/wenshi/:id', crumb: '文史资料详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
