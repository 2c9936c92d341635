/** Web manifest of the 系统管理 module: the working-day calendar and the audit log. */
import { AuditOutlined, CalendarOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';

const CalendarCoverageBanner = lazyComponent(() => import('./coverage-banner.tsx').then((m) => m.CalendarCoverageBanner));

export const systemWeb: WebModule = {
  name: 'system',
  menu: [
    { key: 'calendar', label: '工作日历', icon: <CalendarOutlined />, path: '/admin/calendar', permission: 'calendar.manage', group: 'admin', order: 40 },
    { key: 'audit', label: '审计日志', icon: <AuditOutlined />, path: '/admin/audit', permission: 'audit.read', group: 'admin', order: 50 },
  ],
  routes: [
    { path: '/admin/calendar', permission: 'calendar.manage', element: lazyPage(() => import('./pages/calendar.tsx')) },
    { path: '/admin/audit', permission: 'audit.read', element: lazyPage(() => import('./pages/audit.tsx')) },
  ],
  banners: [CalendarCoverageBanner],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
