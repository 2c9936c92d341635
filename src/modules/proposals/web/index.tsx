/** Web manifest of the 提案 module: list, detail with lifecycle actions, and the writing form. */
import { FileTextOutlined, FormOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/components.tsx';

export const proposalsWeb: WebModule = {
  name: 'proposals',
  menu: [
    { key: 'proposals', label: '提案', icon: <FileTextOutlined />, path: '/proposals', permission: 'proposal.read', order: 10 },
    { key: 'proposal-new', label: '撰写提案', icon: <FormOutlined />, path: '/proposals/new', permission: 'proposal.create', order: 11 },
  ],
  routes: [
    { path: '/proposals', permission: 'proposal.read', element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/proposals/new', permission: 'proposal.create', element: lazyPage(() => import('./pages/form.tsx')) },
    { path: '/proposals/:id', permission: 'proposal.read', crumb: '提案详情', element: lazyPage(() => import('./pages/detail.tsx')) },
    { path: '/proposals/:id/edit', permission: 'proposal.read', crumb: '修改提案', element: lazyPage(() => import('./pages/form.tsx')) },
  ],
  messages: {
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
    '立案': 'File', '并案': 'Merge', '交办': 'Assign', '签收': 'Accept', '撤回': 'Withdraw', '审核通过': 'Release', '退回答复': 'Send back', '评价': 'Evaluate', '办结': 'Close',
  },
};
