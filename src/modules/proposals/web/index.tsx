/** Web manifest of the 提案 module: list, detail with lifecycle actions, and the writing form. */
import { AlertOutlined, BarChartOutlined, FileTextOutlined, ReadOutlined, FormOutlined, AuditOutlined, TrophyOutlined } from '@ant-design/icons';
import { proposalDocsMessages } from './docs-messages.ts';
import { reviewMessages } from './review-messages.ts';
import { signOffMessages } from './signoff-messages.ts';
import { cosignMessages } from './cosign-messages.ts';
import { proposerNoticeMessages } from './notice-messages.ts';
import { proposalServerMessages } from './server-messages.ts';
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
  messages: {
    ...reviewMessages,
    ...proposalDocsMessages,
    ...signOffMessages,
    ...cosignMessages,
    ...proposerNoticeMessages,
    ...proposalServerMessages,
    '提案': 'Proposals', '撰写提案': 'Write a proposal', '提案详情': 'Proposal', '修改提案': 'Edit proposal', '编号': 'No.', '未编号': 'Not numbered', '标题': 'Title',
    '重点': 'Key', '提案人': 'Proposer', '类型': 'Type', '主办单位': 'Lead unit', '年度': 'Year', '标题关键词': 'Words in the title', '只看我的': 'Mine only',
    '没有符合条件的提案。可以换个条件查询。': 'No proposals match. Try other filters.', '返回列表': 'Back to list', '重点提案': 'Key proposal', '优秀提案': 'Excellent proposal',
    '提交': 'Submit', '审查立案': 'Review', '交办签收': 'Assignment', '办理答复': 'Handling & reply', '评价办结': 'Evaluation', '提案内容': 'Content', '类别': 'Category',
    '提交时间': 'Submitted', '办理方式': 'Handling mode', '办理期限': 'Due', '同意公开': 'May be published', '是': 'Yes', '否': 'No', '背景情况': 'Background',
    '问题分析': 'Analysis', '具体建议': 'Suggestions', '（未填写）': '(empty)', '答复': 'Reply', '承办与联名': 'Units & co-signers', '联名委员': 'Co-signers', '（待确认）': ' (pending)',
    '办理过程': 'History', '理由：': 'Reason: ', '确认联名': 'Confirm co-signature', '已确认联名': 'Co-signature confirmed', '会办（分办）单位': 'Co-handling units',
    '列为重点提案': 'Mark as key proposal', '延期天数（工作日）': 'Extension (working days)', '评价意见': 'Comment', '已{label}': 'Done: {label}', '提案类型': 'Type',
    '暂存': 'Save draft', '暂存草稿': 'Save draft', '上一步': 'Back', '下一步': 'Next', '标题与类型': 'Title & type', '已暂存': 'Draft saved',
    '提案已提交，等待提案委审查': 'Submitted; the proposal office will review it', '这件提案当前不能修改': 'This proposal cannot be edited now', '返回提案': 'Back to proposal',
    '选择承办单位': 'Choose a unit', '输入标题关键词查找提案': 'Search proposals by title', '查找中…': 'Searching…', '没有找到': 'Nothing found',
    '待审查': 'Submitted', '退回修改': 'Returned', '已立案': 'Filed', '不予立案': 'Not filed', '已并案': 'Merged', '已撤回': 'Withdrawn', '待签收': 'To accept',
    '申请调整': 'Objection', '办理中': 'In progress', '申请延期': 'Extension requested', '答复审核': 'Reply check', '已答复': 'Replied', '重新办理': 'Re-handling', '已办结': 'Closed',
    '分办与会办': 'Split & joint handling', '期限': 'Due', '会办意见：': 'Opinion: ', '提交会办意见': 'Send opinion', '待提交会办意见': 'Opinion due',
    '已提交会办意见': 'Opinion sent', '分办': 'Split', '会办': 'Joint', '主办': 'Lead',
    '面商记录': 'Consultations', '记录面商': 'Record a consultation', '尚无面商记录': 'No consultations yet', '已记录面商': 'Consultation recorded',
    '参加人员：': 'People: ', '沟通方式': 'Method', '面商日期': 'Date', '参加人员': 'People', '面商情况': 'Notes', '保存': 'Save', '请选择沟通方式': 'Choose a method',
    '请选择日期': 'Choose a date', '请填写参加人员': 'Enter the people', '请填写面商情况': 'Enter the notes', '面谈': 'In person', '座谈会': 'Forum', '电话': 'Phone',
    '邮件': 'E-mail', '书信': 'Letter', '其它': 'Other',
    '督办看板': 'Overdue board', '事项': 'Item', '承办角色': 'Part', '剩余工作日': 'Working days left', '超期 {n} 天': '{n} days overdue', '剩 {n} 天': '{n} days left',
    '超期事项': 'Overdue', '临期事项': 'Due soon', '临期范围（工作日）': 'Due within (working days)', '没有超期或临期的办理事项。': 'Nothing overdue or due soon.',
    '超期 {n} 件': '{n} overdue', '临期 {n} 件': '{n} due soon',
    '导出 Excel': 'Export to Excel', '下载答复函': 'Reply letter (Word)',
    '重点督办': 'Key proposal supervision', '重点提案候选': 'Key proposal candidate', '未列为重点': 'Not chosen as key', '{year}年跟踪办理': 'Followed up in {year}',
    '领衔督办': 'Supervising leaders', '督办方案': 'Supervision plan', '评选理由': 'Reason', '办理进展': 'Progress', '督办会': 'Supervision meeting', '视察调研': 'Inspection',
    '提名重点提案': 'Propose as key', '决定重点提案': 'Decide key proposal', '记录督办情况': 'Record supervision', '评选优秀提案': 'Excellent proposal',
    '取消优秀提案': 'Withdraw excellent mark', '评为优秀提案': 'Mark as excellent', '已保存': 'Saved', '推荐理由': 'Reason', '请填写推荐理由': 'Enter a reason', '决定': 'Decision',
    '不列入': 'Decline', '领衔督办领导': 'Supervising leaders', '请选择领衔督办领导': 'Choose the leaders', '请填写督办方案': 'Enter the plan', '督办方式': 'Kind',
    '日期': 'Date', '督办情况': 'Notes', '请选择督办方式': 'Choose a kind', '请填写督办情况': 'Enter the notes', '跨年度跟踪（二次交办）': 'Follow up next year',
    '评价情况': 'Evaluations', '第{n}次答复': 'Reply #{n}', '领导关注': 'Leader attention', '待评价：': 'To rate: ', '尚无评价': 'No ratings yet',
    '联名人': 'Co-signer', '并案提案人': 'Merged proposer', '满意': 'Satisfied', '基本满意': 'Basically satisfied', '不满意': 'Unsatisfied',
    '双向评议': 'Two-way evaluation', '未评议': 'Not scored', '已评议（双方都评议后可见）': 'Scored (shown when both have scored)', '已提交评议': 'Score submitted',
    '办理质量（提案人评）': 'Handling (by the proposer)', '提案质量（承办单位评）': 'Proposal quality (by the unit)', '办理质量评分（0–100）': 'Handling score (0–100)',
    '提案质量评分（0–100）': 'Proposal score (0–100)', '请填写评分': 'Enter a score', '评议意见': 'Comment', '提交评议': 'Submit score',
    '优秀': 'Excellent', '良好': 'Good', '一般': 'Fair', '较差': 'Poor', '不满意，重新办理': 'Unsatisfied: re-handle',
    '提案统计': 'Proposal statistics', '统计范围': 'Scope', '按年度': 'By year', '按会议': 'By session', '会议': 'Session', '件数': 'Count', '占比': 'Share',
    '统计范围：{scope}。点击数字查看对应的提案。': 'Scope: {scope}. Click a number to see its proposals.', '总体情况': 'Overview', '立案率': 'Filing rate',
    '委员参与': 'Member participation', '参与率': 'Participation', '答复情况': 'Replies', '按期答复率': 'On-time rate', '分类统计': 'Breakdowns',
    '大会与平时': 'Session & recess', '界别': 'Sector', '专委会': 'Committee', '办理状态': 'State', '答复类别': 'Reply class', '满意度': 'Satisfaction', '满意率': 'Satisfaction rate',
    '承办单位办理情况': 'Handling units', '承办单位': 'Unit', '按期答复': 'On time', '逾期答复': 'Late', '当前超期': 'Overdue now',
    '委员可同时属于几个专委会，各行之和可大于收到总数。': 'A member may sit on several committees, so the rows may add up to more than the total.',
    '这一范围内还没有交办的提案。': 'No proposal of this scope has been assigned yet.', '委员': 'Member', '提案（含联名）': 'Proposals (incl. co-signed)',
    '收到提案': 'Received', '转为社情民意或参考': 'Converted', '审查中': 'Under review', '委员总数': 'Members', '提交提案的委员': 'Members who submitted',
    '未提交提案的委员': 'Members who did not submit', '大会提案': 'Session proposals', '平时提案': 'Recess proposals', '提案类别': 'Category',
    '委员个人提案': 'Individual', '委员联名提案': 'Joint', '党派提案': 'Party', '人民团体提案': 'Group', '专委会提案': 'Committee', '界别提案': 'Sector',
    '统计条件': 'Filtered by', '清除统计条件': 'Clear',
    '立案': 'File', '并案': 'Merge', '交办': 'Assign', '签收': 'Accept', '撤回': 'Withdraw', '审核通过': 'Release', '退回答复': 'Send back', '评价': 'Evaluate', '办结': 'Close',
  },
};
