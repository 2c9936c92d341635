/** Web manifest of the 用户与权限 module: login, TOTP enrolment, profile, users and role grants. */
import { SafetyCertificateOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage, lazyPageWithMessages } from '../../../kernel/web/lazy.tsx';
// the login page is the first page of nearly every cold visit: it comes with the initial code, not one round trip later
import LoginPage from './pages/login.tsx';

export const identityWeb: WebModule = {
  name: 'identity',
  menu: [
    { key: 'users', label: '用户管理', icon: <TeamOutlined />, path: '/admin/users', permission: 'user.manage', group: 'admin', order: 20 },
    { key: 'roles', label: '角色与权限', icon: <SafetyCertificateOutlined />, path: '/admin/roles', permission: 'role.manage', group: 'admin', order: 30 },
    // 三员分立: the security administrator grants every role, and sees and lifts sign-in waits, on the users page
    { key: 'grants', label: '用户授权', icon: <UserSwitchOutlined />, path: '/admin/grants', permission: 'role.manage', group: 'admin', order: 25 },
  ],
  routes: [
    { path: '/profile', crumb: '个人设置', element: lazyPage(() => import('./pages/profile.tsx')) },
    { path: '/admin/users', permission: 'user.manage', element: lazyPage(() => import('./pages/users.tsx')) },
    { path: '/admin/roles', permission: 'role.manage', element: lazyPage(() => import('./pages/roles.tsx')) },
    { path: '/admin/grants', permission: 'role.manage', element: lazyPage(() => import('./pages/users.tsx')) },
  ],
  publicRoutes: [
    { path: '/login', element: <LoginPage /> },
    { path: '/totp-setup', element: lazyPageWithMessages(() => import('./pages/totp-setup.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
