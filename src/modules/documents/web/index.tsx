/**
 * Web manifest of the 公文 module: 公文 (the archive and the documents on the chain) and 收文 (documents distributed to
 * oneself or one's organisation), under 办公室; the pages, each lazily loaded; the English of its Chinese labels.
 */
import { FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { documentsPermissions as P } from '../domain/documents-permissions.ts';

export const documentsWeb: WebModule = {
  name: 'documents',
  menu: [
    { key: 'documents', label: '公文', icon: <FileTextOutlined />, path: '/office/documents', permission: [P.draft, P.approve, P.readAll], group: 'office', order: 10 },
    { key: 'documents-inbox', label: '收文', icon: <InboxOutlined />, path: '/office/documents/inbox', permission: P.receive, group: 'office', order: 11 },
  ],
  routes: [
    { path: '/office/documents', permission: [P.draft, P.approve, P.readAll], element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/office/documents/inbox', permission: P.receive, element: lazyPage(() => import('./pages/inbox.tsx')) },
    { path: '/office/documents/:id', crumb: '公文详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
