/** Web manifest of the 社情民意 module: my reports and the editors' queue, submitting, report detail, issues and statistics. */
import { BarChartOutlined, BookOutlined, CompassOutlined, MessageOutlined, SendOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { Navigate, useParams } from 'react-router';
import { opinionServerMessages } from './server-messages.ts';
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
  messages: {
    ...opinionServerMessages,
    '录用或采用': 'Accepted or adopted', '获领导批示': 'Instructed on',
    '社情民意': 'Social conditions', '报送信息': 'Submit a report', '社情民意期刊': 'Issues', '社情民意统计': 'Statistics', '编期': 'Compile an issue', '期刊': 'Issue',
    '信息详情': 'Report', '社情民意信息': 'Social-conditions reports', '我的社情民意': 'My reports', '报送人': 'Submitter', '期号': 'Issue no.', '字数': 'Length',
    '报送时间': 'Submitted', '急': 'Urgent', '急事急报': 'Urgent', '下级报送': 'From below', '没有符合条件的信息。': 'No reports match.', '报送社情民意信息': 'Submit a report',
    '正文': 'Text', '报送': 'Submit', '原稿': 'As submitted', '现稿': 'Current', '采用与批示': 'Adoptions & instructions', '同一事项与相似的提案': 'Proposals on the same matter or related', '修改记录（{n}）': 'Revisions ({n})',
    '办理过程': 'History', '修改': 'Edit', '向上级报送': 'Send up', '登记采用与批示': 'Record adoption', '待处理': 'Submitted', '已录用': 'Accepted', '留存': 'Kept on file',
    '已核稿': 'Verified', '已编期': 'In an issue', '已报送': 'Reported', '录用': 'Accept', '核稿': 'Verify', '退回': 'Return', '重新报送': 'Resubmit',
    '送签': 'Send for sign-off', '签发': 'Sign off', '分发': 'Distribute', '编成一期': 'Compile', '篇目': 'Piece', '来源信息': 'Sources', '分发对象': 'Recipients', '签发人': 'Signed by',
    '登记采用': 'Record adoption', '积分排名': 'Points', '积分': 'Points',
    '选题研判': 'Topics', '选题': 'Topic', '发布选题': 'Publish a topic', '修改选题': 'Edit topic', '选题标题': 'Title', '选题说明': 'Description', '征集期': 'Collection period',
    '征集中': 'Open', '已结束': 'Closed', '应征报送': 'Answer it', '应征信息': 'Answers', '获批示': 'Instructed', '结束征集': 'Close', '重新开放': 'Reopen',
    '应征 {a} · 录用 {b} · 采用 {c} · 批示 {d}': '{a} answers · {b} accepted · {c} adopted · {d} instructed', '征集期 {a} 至 {b}': 'Open {a} to {b}',
    '应征信息（{n}）': 'Answers ({n})', '还没有应征信息。': 'No answers yet.', '没有选题。': 'No topics.', '发布人': 'Published by', '发布时间': 'Published',
    '所答选题（可选）': 'Topic answered (optional)', '选择正在征集的选题': 'Choose an open topic', '暂无正在征集的选题': 'No open topics',
    '结束征集后不再接受应征信息，确定吗？': 'A closed topic takes no more answers. Close it?', '已结束征集': 'Closed', '已重新开放': 'Reopened', '已发布': 'Published',
    '年度通报': 'Year-end ranking', '名次': 'Rank', '名称': 'Name', '类别': 'Kind', '采用': 'Adopted', '批示': 'Instructed', '收到信息': 'Received', '编发期数': 'Issues',
    '刊发篇目': 'Pieces', '报送人数': 'Submitters', '积分合计': 'Total points', '委员和信息员（{n}）': 'Members & informants ({n})', '报送单位（{n}）': 'Units ({n})',
    '专门委员会（{n}）': 'Special committees ({n})', '关于{y}年度社情民意信息工作情况的通报': 'Social-conditions reporting in {y}: year-end notice', '通报 Word': 'Notice (Word)',
    '本年度没有记录。': 'Nothing this year.', '{n} 分': '{n} pts', '{k} · 报送 {a} · 录用 {b} · 采用 {c} · 批示 {d}': '{k} · {a} submitted · {b} accepted · {c} adopted · {d} instructed',
    '委员': 'Member', '特邀信息员': 'Special informant', '民主党派': 'Party', '人民团体': 'Group', '专门委员会': 'Special committee', '前': 'Top', '名': '', '下载 Word': 'Word',
    '分类统计': 'Breakdowns', '按专委会': 'By committee', '按界别': 'By sector', '按报送单位': 'By unit', '按县区政协': 'By county', '专委会': 'Committee', '界别': 'Sector',
    '报送单位': 'Unit', '县区政协': 'County CPPCC', '向上报送': 'Sent up', '被采用': 'Adopted', '领导批示': 'Instructions', '导出 Excel': 'Export to Excel',
    '委员可同时属于两个专委会，各行之和可大于总数。': 'A member may sit on two committees, so the rows can add up to more than the total.',
    '本期没有县区政协报送的信息。': 'No reports came from county CPPCCs in this period.',
    '（{from} 至 {to}）': ' ({from} to {to})',
    '报送单位或来源': 'Unit or source', '领域（专委会）': 'Field (committee)', '标题或正文': 'Title or text', '报送日期': 'Submitted on', '急报': 'Urgent', '非急报': 'Not urgent',
    '没有符合条件的已核稿信息。': 'No verified reports match.', '已选信息（{n} 条，{m} 篇）': 'Chosen ({n} reports, {m} pieces)', '清空': 'Clear', '综合': 'Composite', '单篇': 'Single',
    '移出': 'Remove', '第 {n} 篇': 'Piece {n}', '不编入': 'Not included', '筛选条件': 'Filters',
  },
};
