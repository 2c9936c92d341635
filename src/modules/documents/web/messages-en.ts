// English of the 公文 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '公文': 'Documents', '收文': 'Received documents', '公文详情': 'Document', '拟稿': 'Draft', '拟稿人': 'Drafter', '核稿': 'Review', '会签': 'Countersign',
  '签发': 'Sign', '分发': 'Distribute', '催阅': 'Remind', '修改': 'Edit', '送核稿': 'Send for review', '核稿通过': 'Approve', '会签同意': 'Countersign',
  '退回修改': 'Return for revision', '发表意见': 'Comment', '拟稿中': 'Drafting', '核稿中': 'Reviewing', '会签中': 'Countersigning', '待签发': 'To sign',
  '已签发': 'Signed', '已分发': 'Distributed', '通知': 'Notice', '请示': 'Request', '报告': 'Report', '函': 'Letter', '纪要': 'Minutes',
  '文号': 'Number', '文种': 'Type', '标题': 'Title', '正文': 'Text', '主送机关': 'Addressee', '状态': 'State', '年度': 'Year', '字数': 'Characters',
  '关键词': 'Keyword', '标题或文号': 'Title or number', '如 长政协发〔2025〕': 'e.g. 长政协发〔2025〕', '签发日期': 'Signed on', '查询': 'Search', '重置': 'Reset',
  '全部': 'All', '共 {n} 条': '{n} in all', '{n}字': '{n} characters', '没有符合条件的公文。': 'No documents match.', '保存': 'Save', '保存草稿': 'Save draft',
  '请选择文种': 'Choose a type', '选择文种后按模板填入标题和正文': 'Choosing a type fills in the title and text from its template',
  '下载 Word': 'Download Word', '签发时编号': 'Numbered when signed', '审签意见': 'Comments', '暂无': 'None', '请填写意见': 'Write a comment',
  '版本': 'Version', '版本（共 {n} 版）': 'Versions ({n})', '第{n}版': 'Version {n}', '修改人': 'Edited by', '时间': 'Time', '原版本': 'From', '新版本': 'To', '比较': 'Compare',
  '第{a}版 → 第{b}版：绿色为插入，红色删除线为删除': 'Version {a} → {b}: green is inserted, red struck through is deleted',
  '分发与阅知（{n} 个未阅）': 'Distribution and receipts ({n} unread)', '尚未分发': 'Not yet distributed', '收文单位或委员': 'Recipient', '阅知': 'Read',
  '已阅': 'Read', '未阅': 'Unread', '{n} 次': '{n} times', '分发单位': 'Organisations', '分发委员': 'Members', '分发后，收文单位和委员打开公文即记录阅知回执。': 'Once distributed, a recipient opening the document records the read receipt.',
  '意见': 'Comment', '退回理由': 'Reason for return', '请填写退回理由': 'Give the reason for returning', '退回理由：{r}': 'Returned: {r}', '已同意': 'agreed',
  '已{label}': '{label}: done', '公文已被他人修改，已刷新': 'Someone else changed the document; reloaded', '返回列表': 'Back to the list',
  '暂无分发给您的公文。': 'No documents were distributed to you.',
} satisfies Record<string, string>;
