/**
 * Web manifest of the 工作回眸 module: the leaders' dashboard (领导驾驶舱) and the annual review (工作回眸), each opened by
 * review.read (the office and the leaders; not the three administrators), and the English of their labels.
 */
import { DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { reviewPermissions } from '../domain/review-permissions.ts';

export const reviewWeb: WebModule = {
  name: 'review',
  menu: [
    { key: 'dashboard', label: '领导驾驶舱', icon: <DashboardOutlined />, path: '/dashboard', permission: reviewPermissions.read, order: 58 },
    { key: 'review', label: '工作回眸', icon: <FileTextOutlined />, path: '/review', permission: reviewPermissions.read, order: 60 },
  ],
  routes: [
    { path: '/dashboard', permission: reviewPermissions.read, element: lazyPage(() => import('./pages/dashboard.tsx')) },
    { path: '/review', permission: reviewPermissions.read, element: lazyPage(() => import('./pages/review.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
