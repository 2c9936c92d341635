/** Web manifest of the 社情民意 module: my reports and the editors' queue, submitting, report detail, issues and statistics. */
import { BarChartOutlined, BookOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/components.tsx';

export const opinionsWeb: WebModule = {
  name: 'opinions',
  menu: [
    { key: 'opinions', label: '社情民意', icon: <MessageOutlined />, path: '/opinions', order: 20 },
    { key: 'opinion-new', label: '报送信息', icon: <SendOutlined />, path: '/opinions/new', permission: 'opinion.submit', order: 21 },
    { key: 'opinion-issues', label: '社情民意期刊', icon: <BookOutlined />, path: '/opinions/issues', permission: 'opinion.read_all', order: 22 },
    { key: 'opinion-stats', label: '社情民意统计', icon: <BarChartOutlined />, path: '/opinions/stats', permission: 'opinion.read_all', order: 23 },
  ],
  routes: [
    { path: '/opinions', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/opinions/new', permission: 'opinion.submit', element: lazyPage(() => import('./pages/submit.tsx')) },
    { path: '/opinions/issues', permission: 'opinion.read_all', element: lazyPage(() => import('./pages/issues.tsx')) },
    { path: '/opinions/issues/new', permission: 'opinion.edit', crumb: '编期', element: lazyPage(() => import('./pages/compile.tsx')) },
    { path: '/opinions/issues/:id', permission: 'opinion.read_all', crumb: '期刊', element: lazyPage(() => import('./pages/issue.tsx')) },
    // work items and notifications link records as /<entity type>s/<id>; an issue's entity type is 'opinion_issue'
    { path: '/opinion_issues/:id', permission: 'opinion.read_all', crumb: '期刊', element: lazyPage(() => import('./pages/issue.tsx')) },
    { path: '/opinions/stats', permission: 'opinion.read_all', element: lazyPage(() => import('./pages/stats.tsx')) },
    { path: '/opinions/:id', crumb: '信息详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  messages: {
    '社情民意': 'Social conditions', '报送信息': 'Submit a report', '社情民意期刊': 'Issues', '社情民意统计': 'Statistics', '编期': 'Compile an issue', '期刊': 'Issue',
    '信息详情': 'Report', '社情民意信息': 'Social-conditions reports', '我的社情民意': 'My reports', '报送人': 'Submitter', '期号': 'Issue no.', '字数': 'Length',
    '报送时间': 'Submitted', '急': 'Urgent', '急事急报': 'Urgent', '下级报送': 'From below', '没有符合条件的信息。': 'No reports match.', '报送社情民意信息': 'Submit a report',
    '正文': 'Text', '报送': 'Submit', '原稿': 'As submitted', '现稿': 'Current', '采用与批示': 'Adoptions & instructions', '修改记录（{n}）': 'Revisions ({n})',
    '办理过程': 'History', '修改': 'Edit', '向上级报送': 'Send up', '登记采用与批示': 'Record adoption', '待处理': 'Submitted', '已录用': 'Accepted', '留存': 'Kept on file',
    '已核稿': 'Verified', '已编期': 'In an issue', '已报送': 'Reported', '录用': 'Accept', '核稿': 'Verify', '退回': 'Return', '重新报送': 'Resubmit',
    '送签': 'Send for sign-off', '签发': 'Sign off', '分发': 'Distribute', '编成一期': 'Compile', '篇目': 'Piece', '来源信息': 'Sources', '分发对象': 'Recipients', '签发人': 'Signed by',
    '登记采用': 'Record adoption', '积分排名': 'Points', '积分': 'Points',
  },
};
