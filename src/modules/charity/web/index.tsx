/**
 * Web manifest of the 公益 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { charityPermissions } from '../domain/charity-permissions.ts';

export const charityWeb: WebModule = {
  name: 'charity',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'charity', label: '公益', icon: <FileTextOutlined />, path: '/charity', permission: [charityPermissions.create, charityPermissions.handle, charityPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/charity', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/charity/:id', crumb: '公益详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
