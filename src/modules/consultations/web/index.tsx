/**
 * Web manifest of the 协商议政 module's consultation meetings: the menu entries (协商活动 for the organisers, the office,
 * the leaders and the invited members; 协商统计 for those who read all), the pages, and the English of their labels.
 */
import { BarChartOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';
import { consultationPermissions as P } from '../domain/consultation-permissions.ts';
// 协商选题 and 年度协商计划 (pages/plan-*.tsx) add their menu entries, pages and English
import { withPlanWeb } from './pages/plan-web.tsx';

export const consultationsWeb: WebModule = withPlanWeb({
  name: 'consultations',
  menu: [
    { key: 'consultations', label: '协商活动', icon: <TeamOutlined />, path: '/consultations', permission: [P.manage, P.readAll, P.attend, P.signOff], group: 'consult', order: 60 },
    { key: 'consultation-stats', label: '协商统计', icon: <BarChartOutlined />, path: '/consultations/stats', permission: P.readAll, group: 'consult', order: 61 },
  ],
  routes: [
    { path: '/consultations', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/consultations/stats', crumb: '协商统计', element: lazyPage(() => import('./pages/stats.tsx')) },
    { path: '/consultations/:id', crumb: '协商活动详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/consultations/:id/signin', crumb: '会议签到', element: lazyPage(() => import('./pages/signin.tsx')) },
  ],
  // 关联协商 on the pages of the proposals and 社情民意 reports a consultation links
  recordPanels: [{
    entityTypes: ['proposal', 'opinion'], permission: [P.manage, P.readAll, P.attend, P.signOff],
    component: lazyComponent(() => import('./pages/linked-consultations.tsx').then((m) => m.LinkedConsultations)),
  }],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
});
