// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
export default {
  '领导驾驶舱': 'Dashboard', '工作回眸': 'Annual review', '年度': 'Year', '政协组织': 'CPPCC',
  '本年度与上年': 'This year against last year', '需关注': 'Needs attention', '逐月走势': 'By month',
  '没有需关注的数字。': 'Nothing needs attention.', '较上年': 'vs last year', '无上年数据': 'No figure for last year', '与上年持平': 'Same as last year',
  '大屏模式': 'Large screen', '退出大屏': 'Exit large screen', '打印': 'Print', '共 {n} 条': '{n} records', '上年': 'Last year',
  '只按年度统计的数字没有逐月走势。': 'Figures counted by year only have no monthly trend.',
  '数字': 'Figure', '本年': 'This year', '增减': 'Change', '修改文稿': 'Edit wording', '保存': 'Save', '取消': 'Cancel',
  '下载 Word': 'Download Word', '标题': 'Title', '插入统计数字': 'Insert a figure', '正文中的数字请用占位符插入，如 {proposals.filed}；数字随记录实时更新，修改文稿不能改变数字。': 'Insert figures as placeholders such as {proposals.filed}; they follow the records, and editing the text cannot change a number.',
  '退回理由：{r}': 'Returned: {r}', '主要数据': 'Key figures', '近一年热点': 'Hot topics of the last year', '{n} 件': '{n} items', '重点记录': 'Notable records', '已落实建议': 'Implemented recommendation', '最后修改：{name} {at}': 'Last edited by {name} at {at}', '已保存': 'Saved',
  '起草中': 'Draft', '待审定': 'Awaiting approval', '已审定': 'Approved', '已发布': 'Published',
  '送审定': 'Submit for approval', '审定': 'Approve', '退回修改': 'Return for revision', '发布': 'Publish', '起草': 'Draft', '退回理由': 'Reason',
  '工作回眸待审定': 'Annual review to approve', '工作回眸待发布': 'Annual review to publish',
  '协商议政': 'Consultation', '民主监督': 'Democratic oversight', '参政议政': 'Participation in state affairs', '委员工作': 'Members\' work', '自身建设': 'Self-improvement', '其他工作': 'Other work',
  '暂无统计数字。': 'No figures yet.', '各专委会': 'By special committee',
  '各县（市、区）并列': 'Counties side by side', '本级统计数字': 'Our figures', '模块': 'Module', '统计数字': 'Figure', '导出 Excel': 'Export Excel',
} satisfies Record<string, string>;
