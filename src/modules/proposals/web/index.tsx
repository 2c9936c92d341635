/** Web manifest of the 提案 module: list, detail with lifecycle actions, and the writing form. */
import { AlertOutlined, BarChartOutlined, FileTextOutlined, ReadOutlined, FormOutlined, AuditOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { Navigate, useParams } from 'react-router';
import { useApiQuery } from '../../../kernel/web/core-hooks.ts';

function ToProposal() {
  const { id } = useParams();
  return <Navigate to={`/proposals/${id}`} replace />;
}

/** An old link to a 承办任务 (分办/会办 notifications sent before entities declared their pages): open its proposal. */
function ToAssignmentProposal() {
  const { id } = useParams();
  const { data, error } = useApiQuery<{ proposalId: string }>(`/api/proposals/assignments/${id}`);
  if (data) return <Navigate to={`/proposals/${data.proposalId}`} replace />;
  return error ? <Navigate to="/proposals" replace /> : null;
}

export const proposalsWeb: WebModule = {
  name: 'proposals',
  menu: [
    { key: 'proposals', label: '提案', icon: <FileTextOutlined />, path: '/proposals', permission: 'proposal.read', order: 10 },
    { key: 'proposal-board', label: '督办看板', icon: <AlertOutlined />, path: '/proposals/board', permission: 'proposal.read_all', order: 12 },
    { key: 'proposal-stats', label: '提案统计', icon: <BarChartOutlined />, path: '/proposals/stats', permission: 'proposal.read_all', order: 13 },
    { key: 'proposal-topics', label: '选题参考目录', icon: <ReadOutlined />, path: '/proposals/topics', permission: 'proposal.read', order: 14 },
    { key: 'proposal-review', label: '审查队列', icon: <AuditOutlined />, path: '/proposals/review', permission: 'proposal.review', order: 15 },
    { key: 'proposal-excellent', label: '优秀提案评选', icon: <TrophyOutlined />, path: '/proposals/excellent', permission: 'proposal.read_all', order: 16 },
    { key: 'proposal-new', label: '撰写提案', icon: <FormOutlined />, path: '/proposals/new', permission: 'proposal.create', order: 11 },
  ],
  routes: [
    { path: '/proposals', permission: 'proposal.read', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/proposals/board', permission: 'proposal.read_all', crumb: '督办看板', element: lazyPage(() => import('./pages/board.tsx')) },
    { path: '/proposals/stats', permission: 'proposal.read_all', crumb: '提案统计', element: lazyPage(() => import('./pages/stats.tsx')) },
    { path: '/proposals/review', permission: 'proposal.review', crumb: '审查队列', element: lazyPage(() => import('./pages/review-queue.tsx')) },
    { path: '/proposals/excellent', permission: 'proposal.read', crumb: '优秀提案评选', element: lazyPage(() => import('./pages/excellent.tsx')) },
    // old links: before entities declared their pages, 转办征询, 待评价 and 分办/会办 items linked '/<entity type>s/<id>';
    // notifications in inboxes still carry them, so they open the proposal (new links go to '/proposals/<id>')
    { path: '/proposal-conversions/:id', permission: 'proposal.read', element: <ToProposal /> },
    { path: '/proposals/new', permission: 'proposal.create', element: lazyPage(() => import('./pages/form.tsx')) },
    { path: '/proposals/topics', permission: 'proposal.read', crumb: '选题参考目录', element: lazyPage(() => import('./pages/topics.tsx')) },
    { path: '/proposals/:id/print', permission: 'proposal.read', crumb: '提案表', element: lazyPage(() => import('./pages/print.tsx')) },
    { path: '/proposals/:id', permission: 'proposal.read', crumb: '提案详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/proposal-evaluations/:id', permission: 'proposal.read', element: <ToProposal /> },
    { path: '/proposal_assignments/:id', permission: 'proposal.read', element: <ToAssignmentProposal /> },
    { path: '/proposals/:id/edit', permission: 'proposal.read', crumb: '修改提案', element: lazyPage(() => import('./pages/form.tsx')) },
  ],
  // 公开提案查询: without signing in
  publicRoutes: [
    { path: '/public/proposals', element: lazyPage(() => import('./pages/public.tsx')) },
    { path: '/public/proposals/:id', element: lazyPage(() => import('./pages/public.tsx').then((m) => ({ default: m.PublicProposalDetail }))) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
