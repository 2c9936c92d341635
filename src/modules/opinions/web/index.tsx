/** Web manifest of the 社情民意 module: my reports and the editors' queue, submitting, report detail, issues and statistics. */
import { BarChartOutlined, BookOutlined, CompassOutlined, MessageOutlined, SendOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { Navigate, useParams } from 'react-router';
import { opinionUsePermissions } from '../domain/opinion-policy.ts';

/** An old link to an issue of the journal: its page is '/opinions/issues/<id>'. */
function ToIssue() {
  const { id } = useParams();
  return <Navigate to={`/opinions/issues/${encodeURIComponent(id ?? '')}`} replace />;
}

export const opinionsWeb: WebModule = {
  name: 'opinions',
  menu: [
    { key: 'opinions', label: '社情民意', icon: <MessageOutlined />, path: '/opinions', permission: opinionUsePermissions, order: 20 },
    { key: 'opinion-new', label: '报送信息', icon: <SendOutlined />, path: '/opinions/new', permission: 'opinion.submit', order: 21 },
    { key: 'opinion-issues', label: '社情民意期刊', icon: <BookOutlined />, path: '/opinions/issues', permission: 'opinion.read_all', order: 22 },
    { key: 'opinion-stats', label: '社情民意统计', icon: <BarChartOutlined />, path: '/opinions/stats', permission: 'opinion.read_all', order: 23 },
    { key: 'opinion-topics', label: '选题研判', icon: <CompassOutlined />, path: '/opinions/topics', permission: opinionUsePermissions, order: 24 },
    { key: 'opinion-ranking', label: '年度通报', icon: <TrophyOutlined />, path: '/opinions/ranking', permission: 'opinion.read_all', order: 25 },
  ],
  routes: [
    { path: '/opinions', permission: opinionUsePermissions, element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/opinions/new', permission: 'opinion.submit', element: lazyPage(() => import('./pages/submit.tsx')) },
    { path: '/opinions/issues', permission: 'opinion.read_all', element: lazyPage(() => import('./pages/issues.tsx')) },
    { path: '/opinions/issues/new', permission: 'opinion.edit', crumb: '编期', element: lazyPage(() => import('./pages/compile.tsx')) },
    { path: '/opinions/issues/:id', permission: 'opinion.read_all', crumb: '期刊', element: lazyPage(() => import('./pages/issue.tsx')) },
    // old links: notifications sent before entities declared their pages carry '/opinion_issues/<id>'
    { path: '/opinion_issues/:id', permission: 'opinion.read_all', element: <ToIssue /> },
    { path: '/opinions/stats', permission: 'opinion.read_all', element: lazyPage(() => import('./pages/stats.tsx')) },
    { path: '/opinions/topics', permission: opinionUsePermissions, element: lazyPage(() => import('./pages/topics.tsx')) },
    { path: '/opinions/topics/:id', permission: opinionUsePermissions, crumb: '选题', element: lazyPage(() => import('./pages/topic.tsx')) },
    { path: '/opinions/ranking', permission: 'opinion.read_all', element: lazyPage(() => import('./pages/ranking.tsx')) },
    { path: '/opinions/:id', permission: opinionUsePermissions, crumb: '信息详情', element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
