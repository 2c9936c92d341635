/**
 * Web manifest of the 有事来商量 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { platformsPermissions } from '../domain/platforms-lifecycle.ts';

export const platformsWeb: WebModule = {
  name: 'platforms',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'platforms', label: '有事来商量', icon: <FileTextOutlined />, path: '/platforms', permission: [platformsPermissions.create, platformsPermissions.handle, platformsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/platforms', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/platforms/:id', crumb: '有事来商量详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t()
  messages: {
    '有事来商量': 'Items', '有事来商量详情': 'Item', '新建有事来商量': 'New item', '我的有事来商量': 'My items', '没有符合条件的有事来商量。': 'No items match.',
    '提交人': 'Owner', '创建时间': 'Created', '办理期限': 'Due', '内容': 'Text', '退回理由：{r}': 'Returned: {r}', '办理结果': 'Result',
    '起草中': 'Draft', '待受理': 'Submitted', '已退回': 'Returned', '办理中': 'In progress', '已办结': 'Done',
    '提交': 'Submit', '受理': 'Accept', '退回': 'Return', '办结': 'Complete', '起草': 'Draft',
    '有事来商量待受理': 'Item to accept', '有事来商量退回修改': 'Item returned for revision', '有事来商量待办结': 'Item to complete', '受理意见': 'Note on acceptance',
  },
};
