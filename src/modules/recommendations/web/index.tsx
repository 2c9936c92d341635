/**
 * Web manifest of the 建议落实 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { CheckSquareOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { recommendationsPermissions } from '../domain/recommendations-permissions.ts';

export const recommendationsWeb: WebModule = {
  name: 'recommendations',
  menu: [
    // the office and leaders (the board), and the responsible departments (their own); not the three administrators
    // a department's page of what it owes: every open recommendation, overdue first
    { key: 'recommendations-mine', label: '我的待落实', icon: <CheckSquareOutlined />, path: '/recommendations/mine', permission: recommendationsPermissions.reply, group: 'supervision', order: 59 },
    { key: 'recommendations', label: '建议落实', icon: <CheckSquareOutlined />, path: '/recommendations', permission: [recommendationsPermissions.readAll, recommendationsPermissions.reply], group: 'supervision', order: 60 },
  ],
  routes: [
    { path: '/recommendations', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/recommendations/mine', crumb: '我的待落实', element: lazyPage(() => import('./pages/mine.tsx')) },
    { path: '/recommendations/:id', crumb: '建议详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
