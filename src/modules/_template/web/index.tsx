/**
 * Web manifest of the 事项 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { templatePermissions } from '../domain/template-permissions.ts';

export const templateWeb: WebModule = {
  name: 'template',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'template', label: '事项', icon: <FileTextOutlined />, path: '/template', permission: [templatePermissions.create, templatePermissions.handle, templatePermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/template', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/template/:id', crumb: '事项详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
