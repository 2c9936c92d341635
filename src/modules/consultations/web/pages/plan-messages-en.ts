// English of the 协商选题 and 年度协商计划 pages, part of the module's dictionary (loaded only in English mode).
import { consultationFormLabels, consultationFormLabelsEn, consultationForms } from '../../domain/consultation-forms.ts';

export const planMessages: Record<string, string> = {
  ...Object.fromEntries(consultationForms.map((f) => [consultationFormLabels[f], consultationFormLabelsEn[f]])),
  '协商选题': 'Consultation topics', '协商选题详情': 'Consultation topic', '年度协商计划': 'Annual consultation plan', '年度协商计划详情': 'Annual consultation plan',
  '提出协商选题': 'Propose a topic', '选题名称': 'Topic', '选题理由': 'Reason', '建议协商形式': 'Proposed form', '提出单位': 'Proposed by', '联系人及电话': 'Contact',
  '提出时间': 'Proposed on', '年度': 'Year', '{y}年': '{y}', '{m}月': 'Month {m}', '月份': 'Month', '不予采纳理由': 'Reason for declining', '协商形式': 'Form', '选题关键词': 'Words in the topic',
  '没有符合条件的协商选题。': 'No topics match.', '不予采纳理由：{r}': 'Declined: {r}', '已合并到': 'Merged into', '已列入年度协商计划': 'In the annual plan', '查看计划': 'Open the plan',
  '合并的选题': 'Topics merged into this one', '处理过程': 'History', '待处理': 'Proposed', '已列入计划': 'In the plan', '未采纳': 'Declined', '已合并': 'Merged',
  '列入计划': 'Accept into the plan', '不予采纳': 'Decline', '合并': 'Merge', '提出': 'Proposed', '处理': 'Handled', '协商选题待处理': 'Topic to handle',
  '计划月份': 'Month', '牵头专委会': 'Lead committee', '处理意见': 'Note', '合并到的选题': 'Merge into', '编制年度协商计划': 'Draft an annual plan', '还没有年度协商计划。': 'No annual plan yet.',
  '查看': 'Open', '计划项 {n} 项': '{n} items', '计划项': 'Plan items', '协商议题': 'Topic', '协同部门': 'Partner departments', '开展情况': 'Carried out', '已开展': 'Held', '未开展': 'Not yet held',
  '全部形式': 'All forms', '该年度没有已审定的计划项。': 'No approved plan items in that year.', '待定': 'To be set', '已取消': 'Cancelled', '调整增加': 'Added by a change',
  '来自协商选题': 'From a proposed topic', '筹备中': 'In preparation', '删除此计划项？': 'Delete this item?', '删除': 'Delete', '调整': 'Change', '调整月份': 'Move to another month',
  '调整协商形式': 'Change the form', '取消计划项': 'Cancel the item', '增加计划项': 'Add an item', '备注': 'Notes', '{n} 项': '{n}', '审定会议': 'Approved at', '退回意见：{r}': 'Returned: {r}',
  '下载 Word': 'Download Word', '调研报告、背景材料等': 'Survey reports, background material', '导出 Excel': 'Export to Excel', '添加计划项': 'Add an item', '修改计划项': 'Edit the item', '从协商选题列入的议题会出现在这里；补齐月份、牵头专委会和协同部门后报主席会议审定。':
    'Topics accepted into the plan appear here; complete month, lead committee and departments, then submit the plan to the chair\'s meeting.',
  '待处理的协商选题': 'Topics to handle', '计划调整记录': 'Changes after approval', '理由：{r}': 'Reason: {r}', '审定过程': 'History', '记录调整': 'Record the change', '调整理由': 'Reason for the change',
  '计划调整已记录': 'Change recorded', '待主席会议审定': 'Before the chair\'s meeting', '已审定': 'Approved', '报主席会议审定': 'Submit to the chair\'s meeting', '退回修改': 'Return for revision',
  '审定通过': 'Approve', '主席会议审定': 'Chair\'s meeting', '年度协商计划待审定': 'Annual plan to approve', '退回意见': 'Reason for returning', '审定日期': 'Approved on', '计划调整': 'Change',
  '重大协商议题': 'Major topic', '含重大协商议题的计划，主席会议审定后报党委审定': 'A plan with major topics goes to the party committee after the chair\'s meeting',
  '党委审定': 'Party committee', '待党委审定': 'Before the party committee', '审定并报党委': 'Approve and send to the party committee',
  '党委审定通过': 'Party committee approved', '党委退回修改': 'Party committee returned it', '党委审定会议': 'Party committee meeting',
  '党委审定日期': 'Approved by the party committee on', '批复文件': 'Reply document', '年度协商计划报党委审定': 'Annual plan before the party committee',
  '补充附件': 'Add a file', '已有 {n} 个附件，新上传的将一并附上': '{n} files attached; new uploads are added to them',
  '关联提案和社情民意': 'Linked proposals and reports', '选题来源': 'Inspired by', '协商成果': 'Came out of it', '来源提案': 'Proposals that inspired it',
  '来源社情民意': 'Reports that inspired it', '形成的提案': 'Proposals that came out of it', '形成的社情民意': 'Reports that came out of it',
  '列入协商选题': 'In consultation topics', '社情民意': 'Report', '提案': 'Proposal',
};
