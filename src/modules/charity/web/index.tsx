/**
 * Web manifest of the 公益 module: its menu entry (委员履职 group), its pages (lazily loaded) and the English of its
 * Chinese labels (loaded only in English mode).
 */
import { HeartOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { charityPermissions as P } from '../domain/charity-rules.ts';

export const charityWeb: WebModule = {
  name: 'charity',
  menu: [
    { key: 'charity', label: '公益', icon: <HeartOutlined />, path: '/charity', permission: [P.read, P.manage, P.readAll], group: 'duty', order: 30 },
  ],
  routes: [
    { path: '/charity', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/charity/:id', crumb: '公益活动', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
