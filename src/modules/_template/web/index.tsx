/**
 * Web manifest of the 事项 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { templatePermissions } from '../domain/template-permissions.ts';

export const templateWeb: WebModule = {
  name: 'template',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'template', label: '事项', icon: <FileTextOutlined />, path: '/template', permission: [templatePermissions.create, templatePermissions.handle, templatePermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/template', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/template/:id', crumb: '事项详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t()
  messages: {
    '事项': 'Items', '事项详情': 'Item', '新建事项': 'New item', '我的事项': 'My items', '没有符合条件的事项。': 'No items match.',
    '提交人': 'Owner', '创建时间': 'Created', '办理期限': 'Due', '内容': 'Text', '退回理由：{r}': 'Returned: {r}', '办理结果': 'Result',
    '起草中': 'Draft', '待受理': 'Submitted', '已退回': 'Returned', '办理中': 'In progress', '已办结': 'Done',
    '提交': 'Submit', '受理': 'Accept', '退回': 'Return', '办结': 'Complete', '起草': 'Draft',
    '事项待受理': 'Item to accept', '事项退回修改': 'Item returned for revision', '事项待办结': 'Item to complete', '受理意见': 'Note on acceptance',
  },
};
