/**
 * Web manifest of the 新闻 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { newsPermissions } from '../domain/news-permissions.ts';

export const newsWeb: WebModule = {
  name: 'news',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'news', label: '新闻', icon: <FileTextOutlined />, path: '/news', permission: [newsPermissions.create, newsPermissions.handle, newsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/news', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/news/:id', crumb: '新闻详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
