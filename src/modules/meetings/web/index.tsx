/**
 * Web manifest of the 会议 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { meetingsPermissions } from '../domain/meetings-permissions.ts';

export const meetingsWeb: WebModule = {
  name: 'meetings',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'meetings', label: '会议', icon: <FileTextOutlined />, path: '/meetings', permission: [meetingsPermissions.create, meetingsPermissions.handle, meetingsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/meetings', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/meetings/:id', crumb: '会议详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
