/**
 * Web manifest of the 工作室 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { studiosPermissions } from '../domain/studios-permissions.ts';

export const studiosWeb: WebModule = {
  name: 'studios',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'studios', label: '工作室', icon: <FileTextOutlined />, path: '/studios', permission: [studiosPermissions.create, studiosPermissions.handle, studiosPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/studios', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/studios/:id', crumb: '工作室详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
