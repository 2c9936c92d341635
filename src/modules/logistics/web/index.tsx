/**
 * Web manifest of the 接待 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { logisticsPermissions } from '../domain/logistics-permissions.ts';

export const logisticsWeb: WebModule = {
  name: 'logistics',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'logistics', label: '接待', icon: <FileTextOutlined />, path: '/logistics', permission: [logisticsPermissions.create, logisticsPermissions.handle, logisticsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/logistics', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/logistics/:id', crumb: '接待详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
