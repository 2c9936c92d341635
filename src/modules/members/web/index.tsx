/** Web manifest of 委员履职: 我的履职 for members, 委员名录 for staff, and a member's record. */
import { IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { PERM_READ_ALL, PERM_READ_OWN } from '../domain/permissions.ts';

export const membersWeb: WebModule = {
  name: 'members',
  menu: [
    { key: 'member-record', label: '我的履职', icon: <IdcardOutlined />, path: '/members/me', permission: PERM_READ_OWN, order: 5 },
    { key: 'member-directory', label: '委员名录', icon: <TeamOutlined />, path: '/members', permission: PERM_READ_ALL, order: 30 },
  ],
  routes: [
    { path: '/members/me', permission: PERM_READ_OWN, element: lazyPage(() => import('./pages/record.tsx')) },
    { path: '/members', permission: PERM_READ_ALL, element: lazyPage(() => import('./pages/directory.tsx')) },
    { path: '/members/:userId', permission: PERM_READ_ALL, crumb: '履职档案', element: lazyPage(() => import('./pages/record.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
