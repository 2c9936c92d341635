/**
 * Web manifest of the 履职活动 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { activitiesPermissions } from '../domain/activities-permissions.ts';

export const activitiesWeb: WebModule = {
  name: 'activities',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'activities', label: '履职活动', icon: <FileTextOutlined />, path: '/activities', permission: [activitiesPermissions.create, activitiesPermissions.handle, activitiesPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/activities', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/activities/:id', crumb: '履职活动详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
