/**
 * Web manifest of the 履职活动 module: the menu (履职活动 for members and staff; 服务为民, 委员之家, 书香政协; 活动统计 for those
 * who read all), the pages (each lazily loaded) and the English of their labels (loaded only in English mode).
 */
import { BarChartOutlined, BookOutlined, CarryOutOutlined, HeartOutlined, HomeOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { activitiesPermissions as P } from '../domain/activities-permissions.ts';

const anyone = [P.manage, P.takePart, P.readAll];

export const activitiesWeb: WebModule = {
  name: 'activities',
  menu: [
    { key: 'activities', label: '履职活动', icon: <CarryOutOutlined />, path: '/activities', permission: anyone, group: 'duty', order: 62 },
    { key: 'activity-services', label: '服务为民', icon: <HeartOutlined />, path: '/activities/services', permission: anyone, group: 'duty', order: 63 },
    { key: 'activity-homes', label: '委员之家', icon: <HomeOutlined />, path: '/activities/homes', permission: anyone, group: 'duty', order: 64 },
    { key: 'activity-reading', label: '书香政协', icon: <BookOutlined />, path: '/activities/reading', permission: anyone, group: 'duty', order: 64.5 },
    { key: 'activity-stats', label: '活动统计', icon: <BarChartOutlined />, path: '/activities/stats', permission: P.readAll, group: 'duty', order: 65 },
  ],
  routes: [
    { path: '/activities', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/activities/stats', crumb: '活动统计', element: lazyPage(() => import('./pages/stats.tsx')) },
    { path: '/activities/services', crumb: '服务为民', element: lazyPage(() => import('./pages/services.tsx')) },
    { path: '/activities/homes', crumb: '委员之家', element: lazyPage(() => import('./pages/homes.tsx')) },
    { path: '/activities/reading', crumb: '书香政协', element: lazyPage(() => import('./pages/reading.tsx')) },
    { path: '/activities/reading/notes', crumb: '读书心得', element: lazyPage(() => import('./pages/reading.tsx').then((m) => ({ default: m.ReadingNotesPage }))) },
    { path: '/activities/reading/readers', crumb: '参与读书的委员', element: lazyPage(() => import('./pages/reading.tsx').then((m) => ({ default: m.ReadingReadersPage }))) },
    { path: '/activities/reading/:id', crumb: '读书群', element: lazyPage(() => import('./pages/reading-group.tsx')) },
    { path: '/activities/:id', crumb: '活动详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/activities/:id/signin', crumb: '活动签到', element: lazyPage(() => import('./pages/signin.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
