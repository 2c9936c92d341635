/**
 * Web manifest of the 调研视察 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { inspectionsPermissions } from '../domain/inspections-permissions.ts';

export const inspectionsWeb: WebModule = {
  name: 'inspections',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'inspections', label: '调研视察', icon: <FileTextOutlined />, path: '/inspections', permission: [inspectionsPermissions.create, inspectionsPermissions.handle, inspectionsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/inspections', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/inspections/:id', crumb: '调研视察详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
