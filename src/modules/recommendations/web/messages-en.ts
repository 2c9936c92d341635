// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
// translations keyed by the Chinese text the pages pass to t()
export default {
  '建议落实': 'Recommendations', '建议详情': 'Recommendation', '本单位建议落实': 'Our recommendations', '录入建议': 'Enter a recommendation',
  '没有符合条件的建议。': 'No recommendations match.', '督办看板': 'Follow-up board', '未办结': 'Open', '超期': 'Overdue', '待评估': 'To assess',
  '延期申请': 'Extension requests', '按来源': 'By source', '按责任单位': 'By department', '按时长': 'By age', '本单位所欠提案办理': 'Our proposals in handling',
  '件办理中的提案': 'proposals in handling', '查看': 'View',
  '建议内容': 'Recommendation', '来源': 'Source', '来源类型': 'Source type', '来源文件': 'Source document', '建议序号': 'No.', '责任单位': 'Department',
  '反馈期限': 'Reply due', '反馈期限（工作日）': 'Reply due (working days)', '时长': 'Age', '批示': 'Instruction', '批示领导': 'Instructed by', '批示内容': 'Instruction', '批示日期': 'Instruction date',
  '落实情况': 'What was done', '佐证材料': 'Evidence', '上传佐证材料': 'Upload evidence', '评估意见': 'Assessment', '未落实原因': 'Reason not implemented', '退回理由': 'Reason for sending back',
  '退回理由：{r}': 'Sent back: {r}', '下次反馈期限': 'Next reply due', '同一建议的其他责任单位': 'Other departments on this recommendation', '交办人': 'Handed over by',
  '申请延期': 'Ask for more time', '延期理由': 'Reason', '申请延至': 'Extend to', '审核延期': 'Decide extension', '同意延期': 'Grant', '不同意延期': 'Refuse', '审核意见': 'Answer', '延至': 'Extend to',
  '延期申请：{s}': 'Extension: {s}', '待审核': 'Awaiting decision', '已同意': 'Granted', '不同意': 'Refused', '只看超期': 'Overdue only', '全部': 'All',
  '待反馈': 'Awaiting reply', '已反馈': 'Replied', '落实中': 'Being implemented', '已落实': 'Implemented', '未落实': 'Not implemented',
  '反馈': 'Reply', '评为落实中': 'Mark as being implemented', '评为已落实': 'Mark implemented', '评为未落实': 'Mark not implemented', '退回': 'Send back', '交办': 'Handed over', '评估': 'Assessment', '办结': 'Closed',
  '建议落实待反馈': 'Recommendation to reply to', '建议落实待评估': 'Reply to assess', '建议落实续报': 'Further reply due', '建议落实延期申请': 'Extension request',
  '协商成果': 'Consultation outcome', '调研报告': 'Investigation report', '视察报告': 'Inspection report', '民主评议': 'Democratic appraisal', '重点提案': 'Key proposal', '有事来商量': 'Grassroots platform', '网络议政': 'Live deliberation', '文件报告': 'Report or document',
  '我的待落实': 'What we owe', '有批示': 'Instructed', '反馈落实情况': 'Report progress', '没有待落实的建议': 'Nothing owed',
  '有 {n} 条建议已超过反馈期限，请尽快反馈落实情况或申请延期。': '{n} recommendations are past their reply date: reply or ask for more time.',
  '记录批示': 'Record an instruction', '已记录批示': 'Instruction recorded', '批示范围': 'Applies to', '本条建议': 'This recommendation', '整份报告': 'The whole report',
  '批示件': 'Instruction document', '批示件（{by}，{date}）': 'Instruction document ({by}, {date})', '上传批示件': 'Upload the document', '领导批示': 'Leader\'s instruction', '提交': 'Submit', '取消': 'Cancel',
  '30 天内': 'Within 30 days', '31–90 天': '31–90 days', '91–180 天': '91–180 days', '180 天以上': 'Over 180 days',
} satisfies Record<string, string>;
