/**
 * Web manifest of the 民主评议 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { appraisalsPermissions } from '../domain/appraisals-permissions.ts';

export const appraisalsWeb: WebModule = {
  name: 'appraisals',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'appraisals', label: '民主评议', icon: <FileTextOutlined />, path: '/appraisals', permission: [appraisalsPermissions.create, appraisalsPermissions.handle, appraisalsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/appraisals', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/appraisals/:id', crumb: '民主评议详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
