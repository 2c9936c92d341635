/**
 * Web manifest of the 协商议政 module: its menu entry, its pages (each lazily loaded, with the permission that opens it)
 * and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { consultationsPermissions } from '../domain/consultations-lifecycle.ts';
// 协商选题 and 年度协商计划 (pages/plan-*.tsx) add their menu entries, pages and English
import { withPlanWeb } from './pages/plan-web.tsx';

export const consultationsWeb: WebModule = withPlanWeb({
  name: 'consultations',
  menu: [
    // offered to those who may create, handle or read the records (not to the three administrators)
    { key: 'consultations', label: '协商议政', icon: <FileTextOutlined />, path: '/consultations', permission: [consultationsPermissions.create, consultationsPermissions.handle, consultationsPermissions.readAll], order: 60 },
  ],
  routes: [
    { path: '/consultations', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/consultations/:id', crumb: '协商议政详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t()
  messages: {
    '协商议政': 'Items', '协商议政详情': 'Item', '新建协商议政': 'New item', '我的协商议政': 'My items', '没有符合条件的协商议政。': 'No items match.',
    '提交人': 'Owner', '创建时间': 'Created', '办理期限': 'Due', '内容': 'Text', '退回理由：{r}': 'Returned: {r}', '办理结果': 'Result',
    '起草中': 'Draft', '待受理': 'Submitted', '已退回': 'Returned', '办理中': 'In progress', '已办结': 'Done',
    '提交': 'Submit', '受理': 'Accept', '退回': 'Return', '办结': 'Complete', '起草': 'Draft',
    '协商议政待受理': 'Item to accept', '协商议政退回修改': 'Item returned for revision', '协商议政待办结': 'Item to complete', '受理意见': 'Note on acceptance',
  },
});
