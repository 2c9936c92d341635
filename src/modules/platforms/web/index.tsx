/**
 * Web manifest of the 有事来商量 module: its menu entries, its pages (each lazily loaded, with the permission that opens
 * it) and the English of its Chinese labels. The web root (`src/web/modules.ts`) lists the modules it shows.
 */
import { ApartmentOutlined, BarChartOutlined, CheckSquareOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { platformsPermissions } from '../domain/result-permissions.ts';

const use = [platformsPermissions.read, platformsPermissions.manage, platformsPermissions.convene];

export const platformsWeb: WebModule = {
  name: 'platforms',
  menu: [
    // offered to county and city staff and to conveners (not to the three administrators)
    { key: 'platforms', label: '有事来商量', icon: <ApartmentOutlined />, path: '/platforms', permission: use, order: 60 },
    { key: 'platforms-overview', label: '有事来商量概览', icon: <BarChartOutlined />, path: '/platforms/overview', permission: platformsPermissions.read, order: 61 },
    { key: 'platforms-results', label: '协商成果清单', icon: <CheckSquareOutlined />, path: '/platforms/results', permission: use, order: 62 },
  ],
  routes: [
    { path: '/platforms', permission: use, element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/platforms/overview', permission: platformsPermissions.read, element: lazyPage(() => import('./pages/overview.tsx')) },
    { path: '/platforms/activities', permission: use, crumb: '协商活动清单', element: lazyPage(() => import('./pages/activities.tsx')) },
    { path: '/platforms/results', permission: use, element: lazyPage(() => import('./pages/results.tsx')) },
    { path: '/platforms/:id', permission: use, crumb: '协商平台详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/platforms/:id/record', permission: use, crumb: '记录协商活动', element: lazyPage(() => import('./pages/record.tsx')) },
  ],
  // translations keyed by the Chinese text the pages pass to t()
  messages: {
    '有事来商量': 'Grassroots consultation', '有事来商量概览': 'Grassroots overview', '协商成果清单': 'Consultation results', '协商活动清单': 'Consultations held',
    '协商平台详情': 'Platform', '记录协商活动': 'Record a consultation', '协商平台台账': 'Platform registry', '我召集的平台': 'My platforms',
    '登记平台': 'Register platform', '导入 Excel': 'Import Excel', '导出 Excel': 'Export Excel', '已导入 {n} 个平台': '{n} platforms imported',
    '导入失败，未导入任何平台': 'Import failed; nothing was imported', '第 {n} 行：': 'Row {n}: ',
    '平台名称': 'Platform', '县（区）': 'County', '乡镇（街道）': 'Town', '村（社区）': 'Village', '召集人': 'Convener', '委员': 'Member', '设立日期': 'Established',
    '平台、村（社区）、召集人': 'Platform, village, convener', '没有符合条件的协商平台。': 'No platforms match.', '您还没有召集的协商平台。': 'You convene no platform yet.',
    '乡镇（街道）本级的协商议事室不填': 'Leave empty for the town\'s own room', '召集人电话': 'Convener phone',
    '联系委员': 'Members attached', '协商活动': 'Consultations', '{n} 次': '{n}', '议题清单': 'Topic list', '添加议题': 'Add topic', '不予协商': 'Not taken up',
    '协商活动与成果清单': 'Consultations and results', '委员 {m} 人': '{m} members', '群众 {r} 人': '{r} residents', '照片 {n} 张': '{n} photos', '参加人员': 'Participants',
    '议题': 'Topic', '提出人': 'Raised by', '提出日期': 'Raised on', '待协商': 'Open', '已协商': 'Consulted',
    '协商日期': 'Date', '议题清单中的议题': 'Topic from the list', '不选则填写协商议题': 'Or write the topic below', '协商议题': 'Topic',
    '参加委员人数': 'Members', '参加群众人数': 'Residents', '协商纪要': 'Minutes', '照片': 'Photos', '拍照或选择照片': 'Take or choose photos',
    '成果清单': 'Results', '成果 {n}': 'Result {n}', '协商成果': 'Result', '责任单位': 'Responsible body', '落实期限': 'Due', '添加成果': 'Add result',
    '只有平台召集人或本县（区）有事来商量工作人员可以记录': 'Only the convener or the county\'s platform staff may record',
    '落实日期': 'Implemented on', '群众评价': 'Residents\' evaluation', '落实情况': 'Feedback', '评价说明': 'Note',
    '满意': 'Satisfied', '基本满意': 'Basically satisfied', '不满意': 'Unsatisfied',
    '已交办': 'Handed over', '已落实': 'Implemented', '已评价': 'Evaluated', '落实': 'Implemented', '评价': 'Evaluate', '交办': 'Hand over',
    '协商成果待落实': 'Result to implement', '协商成果待评价': 'Result to evaluate',
    '{y} 年度': '{y}', '年度': 'Year', '工作年度 {from} 至 {to}': 'Working year {from} to {to}', '各县（区）': 'Counties', '各县（区）对比': 'Counties compared',
    '各县（区）有事来商量对比': 'Grassroots consultation by county', '有事来商量平台': 'Platforms', '开展协商活动': 'Consultations held', '形成协商成果': 'Results',
    '推动成果落实': 'Results implemented', '个': '', '项': '',
    '成果': 'Results', '协商活动清单（{from} 至 {to}）': 'Consultations held ({from} to {to})', '没有符合条件的协商活动。': 'No consultations match.',
    '已落实的协商成果（{from} 至 {to}）': 'Results implemented ({from} to {to})', '协商成果清单（{from} 至 {to}）': 'Results ({from} to {to})',
    '全部状态': 'All states', '删除': 'Delete', '有事来商量工作人员': 'Grassroots platform staff', '没有符合条件的协商成果。': 'No results match.',
    '召集人（委员）': 'Convener (member)', '召集人是委员时选择，其本人即可在手机上记录协商活动': 'Pick the convener when a member: they can then record consultations on their phone',
    '输入姓名查找委员': 'Type a name to find a member', '没有找到': 'Nothing found', '修改平台': 'Edit platform', '已保存': 'Saved',
    '乡镇工作人员': 'Town staff', '限定到乡镇（街道）的工作人员只能查看和记录该乡镇的协商平台；不限定即负责全县（区）。': 'Staff limited to a town see and record only that town\'s platforms; without a town they have the whole county.',
    '姓名': 'Name', '负责的乡镇（街道）': 'Town', '全县（区）': 'Whole county', '{name}负责的乡镇（街道）': 'Town of {name}',
  },
};
