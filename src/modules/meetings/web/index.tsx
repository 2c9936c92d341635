/**
 * Web manifest of the 会议 module (menu group 委员履职): the meetings (members see the ones they take part in), the
 * attendance and speech lists the figures open, and the sign-in page the QR code opens on a phone.
 */
import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { meetingsPermissions as P } from '../domain/meetings-permissions.ts';

export const meetingsWeb: WebModule = {
  name: 'meetings',
  menu: [
    { key: 'meetings', label: '会议', icon: <TeamOutlined />, path: '/meetings', permission: [P.manage, P.attend, P.readAll], group: 'duty', order: 60 },
  ],
  routes: [
    { path: '/meetings', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/meetings/attendance', crumb: '出勤记录', element: lazyPage(() => import('./pages/attendance.tsx')) },
    { path: '/meetings/speeches', crumb: '大会发言', element: lazyPage(() => import('./pages/speeches.tsx')) },
    { path: '/meetings/:id', crumb: '会议详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/meetings/:id/signin', crumb: '会议签到', element: lazyPage(() => import('./pages/signin.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
