/**
 * Web manifest of the 接待、会务、用车 module, under the 办公室 menu group: 用车申请 (everyone on the staff), 车辆安排
 * (the office's board of vehicles and drivers), 车辆和驾驶员 (the fleet: register, edit, retire), 接待 and 会务保障 (the office's).
 */
import { CarOutlined, CalendarOutlined, CoffeeOutlined, CheckSquareOutlined, IdcardOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { logisticsPermissions as P } from '../domain/logistics-permissions.ts';

export const logisticsWeb: WebModule = {
  name: 'logistics',
  menu: [
    { key: 'office-trips', label: '用车申请', icon: <CarOutlined />, path: '/office/trips', permission: [P.requestTrip, P.approveTrip, P.dispatch, P.readAll], group: 'office', order: 40 },
    { key: 'office-board', label: '车辆安排', icon: <CalendarOutlined />, path: '/office/board', permission: [P.approveTrip, P.dispatch, P.readAll], group: 'office', order: 41 },
    { key: 'office-fleet', label: '车辆和驾驶员', icon: <IdcardOutlined />, path: '/office/fleet', permission: [P.dispatch, P.readAll], group: 'office', order: 41.5 },
    { key: 'office-receptions', label: '接待', icon: <CoffeeOutlined />, path: '/office/receptions', permission: [P.manage, P.readAll], group: 'office', order: 42 },
    { key: 'office-checklists', label: '会务保障', icon: <CheckSquareOutlined />, path: '/office/checklists', permission: [P.manage, P.readAll], group: 'office', order: 43 },
  ],
  routes: [
    { path: '/office/trips', element: lazyPage(() => import('./pages/trips.tsx')) },
    { path: '/office/trips/:id', crumb: '用车详情', element: lazyPage(() => import('./pages/trip-detail.tsx')) },
    { path: '/office/board', element: lazyPage(() => import('./pages/board.tsx')) },
    { path: '/office/fleet', element: lazyPage(() => import('./pages/fleet.tsx')) },
    { path: '/office/receptions', element: lazyPage(() => import('./pages/receptions.tsx')) },
    { path: '/office/receptions/:id', crumb: '接待方案', element: lazyPage(() => import('./pages/reception-detail.tsx')) },
    { path: '/office/checklists', element: lazyPage(() => import('./pages/checklists.tsx')) },
    { path: '/office/checklists/:id', crumb: '会务保障清单', element: lazyPage(() => import('./pages/checklist-detail.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
