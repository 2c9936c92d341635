/**
 * Web manifest of the 民主评议 module: its menu entries, its pages (each lazily loaded) and the English of its Chinese
 * labels. The phone vote page of an invited representative opens without an account (a public route).
 */
import { AuditOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { appraisalsPermissions as p } from '../domain/appraisals-permissions.ts';

export const appraisalsWeb: WebModule = {
  name: 'appraisals',
  menu: [
    { key: 'appraisals', label: '民主评议', icon: <AuditOutlined />, path: '/appraisals', permission: [p.manage, p.readAll, p.vote, p.selfReport], group: 'supervision', order: 60 },
  ],
  routes: [
    { path: '/appraisals', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/appraisals/stats', permission: p.readAll, crumb: '民主评议统计', element: lazyPage(() => import('./pages/stats.tsx')) },
    { path: '/appraisals/:id', crumb: '民主评议详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/appraisals/:id/vote', crumb: '满意度测评', element: lazyPage(() => import('./pages/vote.tsx')) },
  ],
  publicRoutes: [
    { path: '/public/appraisals/:id/vote', element: lazyPage(() => import('./pages/vote.tsx').then((m) => ({ default: m.PublicVotePage }))) },
  ],
  messages: () => import('./messages-en.ts'),
};
