/**
 * Web manifest of the 履职积分 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { scoresPermissions } from '../domain/scores-permissions.ts';

export const scoresWeb: WebModule = {
  name: 'scores',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'scores', label: '履职积分', icon: <FileTextOutlined />, path: '/scores', permission: [scoresPermissions.create, scoresPermissions.handle, scoresPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/scores', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/scores/:id', crumb: '履职积分详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
