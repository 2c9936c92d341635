/**
 * Web manifest of the 文史资料 module (menu group 办公室): the 文史委 staff's list and review page, 我的投稿 for members,
 * the archive (文史资料库), the issues of 《长治文史》 with their contents, and the public submission page
 * (/public/wenshi, without signing in). English labels are loaded lazily.
 */
import { BookOutlined, FileSearchOutlined, FileTextOutlined, FormOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { wenshiPermissions as p } from '../domain/wenshi-permissions.ts';

const anyUse = [p.create, p.handle, p.readAll];
const staff = [p.handle, p.readAll];

export const wenshiWeb: WebModule = {
  name: 'wenshi',
  menu: [
    { key: 'wenshi', label: '文史资料征集', icon: <FileTextOutlined />, path: '/wenshi', permission: staff, group: 'office', order: 60 },
    { key: 'wenshi-issues', label: '《长治文史》', icon: <BookOutlined />, path: '/wenshi/issues', permission: anyUse, group: 'office', order: 61 },
    { key: 'wenshi-archive', label: '文史资料库', icon: <FileSearchOutlined />, path: '/wenshi/archive', permission: anyUse, group: 'office', order: 62 },
    { key: 'wenshi-mine', label: '我的投稿', icon: <FormOutlined />, path: '/wenshi/mine', permission: p.create, group: 'office', order: 63 },
  ],
  routes: [
    { path: '/wenshi', permission: staff, element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/wenshi/mine', permission: p.create, crumb: '我的投稿', element: lazyPage(() => import('./pages/list.tsx').then((m) => ({ default: m.MyMaterialsPage }))) },
    { path: '/wenshi/archive', permission: anyUse, crumb: '文史资料库', element: lazyPage(() => import('./pages/list.tsx').then((m) => ({ default: m.ArchivePage }))) },
    { path: '/wenshi/issues', permission: anyUse, crumb: '《长治文史》', element: lazyPage(() => import('./pages/issues.tsx')) },
    { path: '/wenshi/issues/:id', permission: anyUse, crumb: '辑刊目录', element: lazyPage(() => import('./pages/issue.tsx')) },
    { path: '/wenshi/:id', permission: anyUse, crumb: '文史资料详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // 社会公众投稿: anyone, without signing in, on a phone
  publicRoutes: [
    { path: '/public/wenshi', element: lazyPage(() => import('./pages/submit.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
