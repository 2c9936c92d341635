/**
 * Web manifest of the 网络征集 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { surveysPermissions } from '../domain/surveys-permissions.ts';

export const surveysWeb: WebModule = {
  name: 'surveys',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'surveys', label: '网络征集', icon: <FileTextOutlined />, path: '/surveys', permission: [surveysPermissions.create, surveysPermissions.handle, surveysPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/surveys', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/surveys/:id', crumb: '网络征集详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
