/**
 * Web manifest of the 有事来商量 module: its menu entries, its pages (each lazily loaded, with the permission that opens
 * it) and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { ApartmentOutlined, BarChartOutlined, CheckSquareOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { platformsPermissions } from '../domain/result-permissions.ts';

const use = [platformsPermissions.read, platformsPermissions.manage, platformsPermissions.convene];

export const platformsWeb: WebModule = {
  name: 'platforms',
  menu: [
    // offered to county and city staff and to conveners (not to the three administrators)
    { key: 'platforms', label: '有事来商量', icon: <ApartmentOutlined />, path: '/platforms', permission: use, group: 'consult', order: 60 },
    { key: 'platforms-overview', label: '有事来商量概览', icon: <BarChartOutlined />, path: '/platforms/overview', permission: platformsPermissions.read, group: 'consult', order: 61 },
    { key: 'platforms-results', label: '协商成果清单', icon: <CheckSquareOutlined />, path: '/platforms/results', permission: use, group: 'consult', order: 62 },
  ],
  routes: [
    { path: '/platforms', permission: use, element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/platforms/overview', permission: platformsPermissions.read, element: lazyPage(() => import('./pages/overview.tsx')) },
    { path: '/platforms/activities', permission: use, crumb: '协商活动清单', element: lazyPage(() => import('./pages/activities.tsx')) },
    { path: '/platforms/results', permission: use, element: lazyPage(() => import('./pages/results.tsx')) },
    { path: '/platforms/:id', permission: use, crumb: '协商平台详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/platforms/:id/record', permission: use, crumb: '记录协商活动', element: lazyPage(() => import('./pages/record.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
