// English of the 新闻 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '新闻发布': 'News desk', '媒体报道': 'Media coverage', '通知公告': 'Notices', '我的通知': 'My notices', '撰写新闻': 'Write news', '新闻详情': 'News item',
  '通知详情': 'Notice', '通知': 'Notice', '新闻': 'News',
  '要闻动态': 'Headlines', '委员风采': 'Members', '委员之声': "Members' voices", '基层协商': 'Grassroots consultation', '门户网站': 'Website', '微信公众号': 'WeChat account',
  '全体委员': 'All members', '界别委员': 'Members of a sector', '专委会委员': 'Members of a committee', '各专委会': 'Special committees', '承办单位': 'Handling units', '社会公众': 'The public',
  '草稿': 'Draft', '待审核': 'In review', '已发布': 'Published', '已撤回': 'Withdrawn', '已发送': 'Sent',
  '提交审核': 'Submit for review', '审核发布': 'Approve and publish', '退回修改': 'Return', '撤回': 'Withdraw', '重新编辑': 'Edit again', '起草': 'Draft', '编辑': 'Edit',
  '新闻待审核': 'News to review', '退回理由': 'Reason', '撤回理由': 'Reason', '审核意见': 'Note', '撰写': 'Write', '审核': 'Review', '发布': 'Publish',
  '{n} 次（{at}）': '{n} times ({at})', '上传附件': 'Upload attachment', '不填则取正文开头': 'Leave empty to use the beginning of the text', '专委会': 'Committee',
  '作者': 'Author', '保存': 'Save', '保存草稿': 'Save draft', '修改': 'Edit', '催阅未读': 'Remind unread', '全部': 'All', '共 {n} 人': '{n} people', '共 {n} 条': '{n} in all',
  '关键词': 'Keyword', '删除': 'Delete', '删除这条媒体报道？': 'Delete this media report?', '发布日期': 'Published', '发布渠道': 'Channels', '发送': 'Send', '发送人': 'Sender',
  '发送后收件人即收到通知，确定发送？': 'The addressees will be told at once. Send?', '发送日期': 'Sent on', '取消': 'Cancel', '如：人民政协报': 'e.g. CPPCC Daily', '姓名': 'Name',
  '媒体': 'Outlet', '审核人': 'Reviewer', '审核过程': 'History', '导出公众号版': 'Export for WeChat', '已{label}': '{label}: done', '已保存': 'Saved', '已催阅': 'Reminded',
  '已提醒 {n} 人': '{n} people reminded', '已读 {n}': 'Read {n}', '已读': 'Read', '已读于 {at}': 'Read at {at}', '报道日期': 'Date', '摘要': 'Summary', '操作': 'Actions',
  '暂无': 'None', '暂无通知': 'No notices', '未读 {n}': 'Unread {n}', '未读': 'Unread', '查询': 'Search', '标题': 'Title', '标题关键词': 'Title keyword', '标题或媒体': 'Title or outlet',
  '栏目': 'Column', '正文': 'Text', '没有符合条件的媒体报道。': 'No media reports match.', '没有符合条件的新闻。': 'No news items match.', '没有符合条件的通知。': 'No notices match.',
  '状态': 'State', '界别': 'Sector', '登记报道': 'Record a report', '相关委员': 'Members', '确定撤回此通知？': 'Withdraw this notice?', '至少选择一个发布渠道': 'Choose at least one channel',
  '按姓名搜索委员': 'Search members by name', '请输入标题': 'Enter a title', '请输入正文': 'Enter the text', '起草通知': 'Draft a notice', '返回列表': 'Back to the list', '返回我的通知': 'Back to my notices',
  '退回或撤回理由：{r}': 'Returned or withdrawn: {r}', '通知对象': 'Addressees', '重置': 'Reset', '链接': 'Link', '阅读回执': 'Read receipts', '阅读时间': 'Read at', '附件': 'Attachments',
} satisfies Record<string, string>;
