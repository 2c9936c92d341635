/** Web manifest of the 组织机构 module: the organisation tree for system administrators. */
import { ApartmentOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';

export const organizationsWeb: WebModule = {
  name: 'organizations',
  menu: [{ key: 'organizations', label: '组织机构', icon: <ApartmentOutlined />, path: '/admin/organizations', permission: 'org.manage', group: 'admin', order: 10 }],
  routes: [{ path: '/admin/organizations', permission: 'org.manage', element: lazyPage(() => import('./pages/organizations.tsx')) }],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
