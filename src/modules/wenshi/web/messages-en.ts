// English of the 文史资料 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  // menu, pages, states and actions
  '文史资料': 'Historical materials', '文史资料征集': 'Historical materials', '《长治文史》': 'Changzhi Wenshi', '文史资料库': 'Archive', '我的投稿': 'My submissions',
  '文史资料详情': 'Material', '辑刊目录': 'Issue contents',
  '已收到': 'Received', '审核中': 'Under review', '已采用': 'Accepted', '不予采用': 'Declined', '已编辑': 'Edited', '已入辑': 'In an issue',
  '开始审核': 'Review', '采用': 'Accept', '编辑修改': 'Edit', '选入辑刊': 'Select into an issue', '移出辑刊': 'Remove from issue', '投稿': 'Submit',
  '文史资料待审核': 'Material to review', '文史资料审核中': 'Material under review',
  '征集': 'Collected', '审核': 'Review', '编辑': 'Editing', '入辑': 'In an issue',
  '审核意见': 'Review note', '不予采用理由': 'Reason for declining', '修改说明': 'Note on the changes', '辑刊': 'Issue', '栏目': 'Section',
  // periods
  '古代': 'Ancient times', '近代（1840–1919）': 'Modern era (1840–1919)', '新民主主义革命时期（1919–1937）': 'New Democratic Revolution (1919–1937)',
  '抗日战争时期（1937–1945）': 'War of Resistance against Japan (1937–1945)', '解放战争时期（1945–1949）': 'War of Liberation (1945–1949)',
  '改革开放以来': 'Since Reform and Opening-up', '其他/不详': 'Other / unknown',
  // lists and filters
  '关键词': 'Keyword', '标题、正文、人物、地点': 'Title, text, people, place', '状态': 'State', '全部': 'All', '时期': 'Period', '地点': 'Place', '人物': 'People', '主题': 'Topic',
  '投稿年度': 'Year submitted', '来源': 'Source', '委员': 'Member', '社会公众': 'Public', '查询': 'Search', '重置': 'Reset', '标题': 'Title', '投稿人': 'Contributor',
  '投稿时间': 'Submitted', '共 {n} 条': '{n} in all', '您还没有投稿。': 'You have not submitted anything yet.', '没有符合条件的文史资料。': 'No materials match.',
  '投稿文史资料': 'Submit a historical material', '提交': 'Submit', '正文': 'Text', '联系方式': 'Contact', '仅文史委工作人员可见': 'Seen by the committee staff only',
  '照片或扫描件': 'Photos or scans', '上传照片或扫描件': 'Upload photos or scans', '如：上党战役、太行山根据地、长治古建筑': 'e.g. Shangdang Campaign, Taihang base area, old buildings of Changzhi',
  // detail
  '返回列表': 'Back to the list', '不予采用理由：{r}': 'Declined: {r}', '选择编辑中的辑刊': 'Choose an issue being edited', '如：红色记忆': 'e.g. Red memories',
  '照片和扫描件': 'Photos and scans', '原稿与修改记录': 'Original and revisions', '原稿': 'Original', '第{n}次修改': 'Revision {n}', '办理过程': 'History',
  '每次保存都留有修改记录，原稿不变。': 'Every save keeps a revision; the original stays as submitted.', '保存': 'Save', '已保存修改': 'Revision saved', '已{label}': '{label}: done',
  // issues
  '新建辑刊': 'New issue', '辑号': 'Number', '书名': 'Title', '年度': 'Year', '主编': 'Editor', '篇目': 'Pieces', '出版日期': 'Published', '已出版': 'Published', '编辑中': 'Being edited',
  '还没有辑刊。': 'No issues yet.', '{n} 篇': '{n} pieces', '第': 'No.', '辑': '',
  '导出目录（Word）': 'Contents (Word)', '保存目录': 'Save contents', '撤销调整': 'Undo changes', '出版': 'Publish', '取消': 'Cancel',
  '出版后目录不能再调整，篇目进入文史资料库。确认出版？': 'Once published the contents cannot change and the pieces join the archive. Publish?',
  '选入篇目：从已采用的文史资料中选择': 'Add pieces: choose among accepted materials', '用 ↑ ↓ 调整顺序，改好后保存目录。': 'Reorder with ↑ ↓, then save the contents.',
  '拖动篇目或用 ↑ ↓ 调整顺序，可修改栏目，改好后保存目录。': 'Drag the pieces or use ↑ ↓ to reorder, change sections, then save the contents.',
  '本辑还没有篇目。在文史资料中对已采用的稿件“选入辑刊”。': 'No pieces yet. Select accepted materials into this issue from their pages.', '目录已保存': 'Contents saved', '上移': 'Up', '下移': 'Down',
  // the public page
  '政协文化文史和学习委员会面向社会征集长治（上党）地区的历史资料：亲历、亲见、亲闻的回忆，老照片、旧文书的照片或扫描件。采用的稿件将编入《长治文史》。':
    'The CPPCC committee on culture and history collects historical materials of Changzhi (Shangdang): memories of what you lived, saw or heard, photos or scans of old pictures and documents. Accepted pieces are printed in Changzhi Wenshi.',
  '投稿已收到': 'Submission received', '稿件编号：{n}': 'Reference: {n}', '再投一篇': 'Submit another', '投稿给': 'Send to',
  '请填写标题': 'Please enter a title', '请填写正文': 'Please enter the text', '正文至少 10 个字': 'At least 10 characters',
  '请写明事情的时间、地点、人物和经过，以及资料的来历。': 'Say when and where it happened, who was there, what happened, and where the material comes from.',
  '至多 {n} 个，图片或 PDF，每个不超过 {m} MB': 'Up to {n} files, images or PDF, {m} MB each', '「{name}」超过 {m} MB': '"{name}" is larger than {m} MB',
  '选择照片或扫描件': 'Choose photos or scans', '您的姓名': 'Your name', '请填写姓名': 'Please enter your name', '请填写联系方式': 'Please enter a contact',
  '电话或电子邮箱，仅文史委工作人员可见，用于核实史料': 'Phone or e-mail, seen by the committee staff only, to check the material',
  '提交即表示您同意政协文史委员会在编辑出版《长治文史》时使用本稿件。': 'By submitting you agree that the committee may use this piece in Changzhi Wenshi.',
  '提交投稿': 'Submit', '更多筛选': 'More filters', '收起筛选': 'Fewer filters',
} satisfies Record<string, string>;
