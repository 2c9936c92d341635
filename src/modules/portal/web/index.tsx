/**
 * Web manifest of the 门户 module: the office's 门户设置 page (办公室 group). The public portal itself is written by the
 * server at /portal, outside the web app.
 */
import { GlobalOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { portalPermissions } from '../domain/portal-permissions.ts';

export const portalWeb: WebModule = {
  name: 'portal',
  menu: [
    { key: 'portal-settings', label: '门户设置', icon: <GlobalOutlined />, path: '/portal-settings', permission: portalPermissions.manage, order: 90, group: 'office' },
  ],
  routes: [
    { path: '/portal-settings', permission: portalPermissions.manage, element: lazyPage(() => import('./pages/settings.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
