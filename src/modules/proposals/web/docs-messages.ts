/** English texts of the 提案 documents, public view and topic guide pages (keyed by the Chinese text). */
export const proposalDocsMessages: Record<string, string> = {
  '选题参考目录': 'Topic guide', '{year}年度选题参考目录': 'Topic guide {year}', '参考选题': 'Topic', '选题': 'Topic', '选用': 'Use', '已选用': 'Chosen',
  '未引用选题（可不选）': 'No topic (optional)', '不引用选题': 'Clear topic', '建议承办单位：': 'Suggested units: ', '建议承办单位': 'Suggested units',
  '提案委发布的参考选题。选用后，提案将注明所参考的选题；也可以不选。': 'Topics suggested by the proposal office. A proposal may cite one; it is optional.',
  '本年度尚未发布选题参考目录': 'No topic guide for this year yet', '可从提案委发布的选题参考目录中选用一个选题。': 'You may cite a topic from the office\'s guide.',
  '领域': 'Area', '所属领域': 'Area', '引用提案': 'Proposals', '新增选题': 'New topic', '编辑选题': 'Edit topic', '选题标题': 'Title', '选题说明': 'Description',
  '排序': 'Order', '数字小的排在前面': 'Smaller numbers first', '请填写选题标题': 'Enter a title', '请选择或填写所属领域': 'Choose an area', '请选择所属领域': 'Choose an area',
  '已撤回': 'Withdrawn', '已发布': 'Published', '已重新发布': 'Published again', '重新发布': 'Publish again',
  '撤回后委员将不再看到这个选题，已引用的提案不受影响。': 'Members will no longer see it; proposals citing it keep it.',
  '提案委每年发布选题参考目录，供委员撰写提案时参考；撰写提案时可以选用其中一个选题。': 'Each year the proposal office publishes suggested topics; a proposal may cite one.',
  '导出提案汇编': 'Compilation (Word)', '打印': 'Print', '提案表': 'Proposal form', '下载 Word': 'Download Word', '案由': 'Subject', '界别': 'Sector',
  '联系方式': 'Contact', '附议人': 'Co-signers', '办理单位': 'Handling units', '答复类别': 'Reply class', '是否公开': 'Public', '不公开': 'Not public',
  '（不公开）': '(not shown)', '（未立案）': '(not filed)', '（待交办）': '(not assigned)', '一、背景情况': '1. Background', '二、问题分析': '2. Analysis',
  '三、具体建议': '3. Suggestions', '无': 'None', '操作': 'Actions', '编辑': 'Edit', '状态': 'State',
  '公开提案查询': 'Published proposals', '这里公开的是提案人同意公开、承办单位已经答复的提案，以及答复内容。': 'Proposals their proposers agreed to publish, with the units\' replies.',
  '全部年度': 'All years', '输入标题关键词': 'Words in the title', '没有符合条件的公开提案': 'No published proposals match', '政协': 'CPPCC', '{year}年': '{year}',
  '登录': 'Sign in', '查询': 'Search',
};
