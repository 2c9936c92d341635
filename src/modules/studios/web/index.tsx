/**
 * Web manifest of the 委员工作室 module: its menu entry (委员履职 group), its pages (each lazily loaded) and the English
 * of its Chinese labels (loaded only in English mode).
 */
import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { studiosPermissions as P } from '../domain/studio-rules.ts';

export const studiosWeb: WebModule = {
  name: 'studios',
  menu: [
    { key: 'studios', label: '委员工作室', icon: <TeamOutlined />, path: '/studios', permission: [P.record, P.manage, P.readAll], group: 'duty', order: 20 },
  ],
  routes: [
    { path: '/studios', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/studios/:id', crumb: '工作室', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
