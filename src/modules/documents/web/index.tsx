/**
 * Web manifest of the 公文 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { documentsPermissions } from '../domain/documents-permissions.ts';

export const documentsWeb: WebModule = {
  name: 'documents',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'documents', label: '公文', icon: <FileTextOutlined />, path: '/documents', permission: [documentsPermissions.create, documentsPermissions.handle, documentsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/documents', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/documents/:id', crumb: '公文详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t(), fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
