/**
 * Web manifest of the 门户 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { portalPermissions } from '../domain/portal-permissions.ts';

export const portalWeb: WebModule = {
  name: 'portal',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'portal', label: '门户', icon: <FileTextOutlined />, path: '/portal', permission: [portalPermissions.create, portalPermissions.handle, portalPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/portal', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/portal/:id', crumb: '门户详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
