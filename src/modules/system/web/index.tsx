/** Web manifest of the 系统管理 module: the working-day calendar and the audit log. */
import { AuditOutlined, CalendarOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';

export const systemWeb: WebModule = {
  name: 'system',
  menu: [
    { key: 'calendar', label: '工作日历', icon: <CalendarOutlined />, path: '/admin/calendar', permission: 'calendar.manage', group: 'admin', order: 40 },
    { key: 'audit', label: '审计日志', icon: <AuditOutlined />, path: '/admin/audit', permission: 'audit.read', group: 'admin', order: 50 },
  ],
  routes: [
    { path: '/admin/calendar', permission: 'calendar.manage', element: lazyPage(() => import('./pages/calendar.tsx')) },
    { path: '/admin/audit', permission: 'audit.read', element: lazyPage(() => import('./pages/audit.tsx')) },
  ],
  messages: {
    '工作日历': 'Working-day calendar', '审计日志': 'Audit log', '调休上班': 'Make-up workday', '休息': 'Day off', '已调整': 'Overridden',
    '工作日': 'Workday', '休息日': 'Day off', '设为': 'Set as', '说明': 'Note', '恢复法定安排': 'Restore official', '已恢复为法定安排': 'Restored',
    '校验完整性': 'Verify integrity', '序号': 'Seq', '时间': 'Time', '操作人': 'Actor', '对象': 'Object', '来源地址': 'IP', '对象类型': 'Object type', '日期': 'Date', '用户编号': 'User id',
    '办理期限按工作日计算。点击日期可将其设为工作日或休息日（如临时调整），调整对所有期限立即生效。': 'Deadlines count working days. Click a date to make it a workday or a day off; every deadline follows at once.',
  },
};
