/**
 * Web manifest of the 网络征集 module: its menu entry, its pages (each lazily loaded, with the permission that opens it),
 * the public answering page (/s/<token>, without signing in) and the English of its Chinese labels.
 */
import { FormOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { surveysPermissions } from '../domain/surveys-permissions.ts';

const staff = [surveysPermissions.create, surveysPermissions.readAll];

export const surveysWeb: WebModule = {
  name: 'surveys',
  menu: [
    // offered to those who run or read surveys (not to the three administrators)
    { key: 'surveys', label: '网络征集', icon: <FormOutlined />, path: '/surveys', permission: staff, group: 'consult', order: 60 },
  ],
  routes: [
    { path: '/surveys', permission: staff, element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/surveys/answers', permission: staff, crumb: '答卷', element: lazyPage(() => import('./pages/figure-lists.tsx').then((m) => ({ default: m.AnswersListPage }))) },
    { path: '/surveys/themes', permission: staff, crumb: '意见主题', element: lazyPage(() => import('./pages/figure-lists.tsx').then((m) => ({ default: m.ThemesListPage }))) },
    { path: '/surveys/:id', permission: staff, crumb: '网络征集详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // 填写问卷: anyone with the link or QR code, without signing in
  publicRoutes: [
    { path: '/s/:token', element: lazyPage(() => import('./pages/answer.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
