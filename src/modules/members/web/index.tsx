/** Web manifest of 委员履职: 我的履职 and 我的委员档案 for members, 委员名录 and 委员管理 for staff, and a member's record. */
import { IdcardOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { PERM_READ_ALL, PERM_READ_OWN } from '../domain/permissions.ts';
import { PERM_REGISTRY_READ } from '../domain/registry.ts';

export const membersWeb: WebModule = {
  name: 'members',
  menu: [
    { key: 'member-record', label: '我的履职', icon: <IdcardOutlined />, path: '/members/me', permission: PERM_READ_OWN, order: 5 },
    { key: 'member-directory', label: '委员名录', icon: <TeamOutlined />, path: '/members', permission: PERM_READ_ALL, order: 30 },
    { key: 'member-registry', label: '委员管理', icon: <SolutionOutlined />, path: '/members/registry', permission: PERM_REGISTRY_READ, order: 31 },
  ],
  routes: [
    { path: '/members/me', permission: PERM_READ_OWN, element: lazyPage(() => import('./pages/record.tsx')) },
    { path: '/members/me/registry', permission: PERM_READ_OWN, crumb: '我的委员档案', element: lazyPage(() => import('./pages/registry-member.tsx')) },
    { path: '/members/registry', permission: PERM_REGISTRY_READ, element: lazyPage(() => import('./pages/registry.tsx')) },
    { path: '/members/registry/:userId', permission: PERM_REGISTRY_READ, crumb: '委员档案', element: lazyPage(() => import('./pages/registry-member.tsx')) },
    { path: '/members', permission: PERM_READ_ALL, element: lazyPage(() => import('./pages/directory.tsx')) },
    { path: '/members/:userId', permission: PERM_READ_ALL, crumb: '履职档案', element: lazyPage(() => import('./pages/record.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
