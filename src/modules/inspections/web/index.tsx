/**
 * Web manifest of the 调研视察 module: the menu entries (调研视察 for the organisers, the office, the leaders and the
 * members on a trip; 年度调研视察计划 beside them), the pages (each lazily loaded) and the English of their labels,
 * fetched only in English mode. The kernel's menu has no module-declared groups, so the entries stand flat.
 */
import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { inspectionPermissions as P } from '../domain/inspection-permissions.ts';

export const inspectionsWeb: WebModule = {
  name: 'inspections',
  menu: [
    { key: 'inspections', label: '调研视察', icon: <EnvironmentOutlined />, path: '/inspections', permission: [P.manage, P.readAll, P.signOff, P.takePart, P.approve], group: 'supervision', order: 62 },
    { key: 'inspection-plan', label: '调研视察计划', icon: <CalendarOutlined />, path: '/inspections/plan', permission: [P.manage, P.readAll, P.approve], group: 'supervision', order: 63 },
  ],
  routes: [
    { path: '/inspections', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/inspections/plan', crumb: '调研视察计划', element: lazyPage(() => import('./pages/plan.tsx')) },
    { path: '/inspections/records/:list', crumb: '统计明细', element: lazyPage(() => import('./pages/records.tsx')) },
    { path: '/inspections/:id', crumb: '调研视察详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/inspections/:id/report', crumb: '起草报告', element: lazyPage(() => import('./pages/report.tsx')) },
    { path: '/inspections/:id/signin', crumb: '调研视察签到', element: lazyPage(() => import('./pages/signin.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
