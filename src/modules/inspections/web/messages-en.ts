// English of the 调研视察 module's Chinese labels, keyed by the Chinese text the pages pass to t() and the labels the
// server sends (lifecycle states, actions, work items, fields, figures). Loaded only in English mode.
export default {
  // menu, pages
  '调研视察': 'Investigations & inspections', '调研视察计划': 'Investigation & inspection plan', '调研视察详情': 'Investigation or inspection', '起草报告': 'Draft the report',
  '调研视察签到': 'Sign-in', '统计明细': 'Figure details', '我参加的调研视察': 'My investigations & inspections', '没有符合条件的调研视察。': 'No investigations or inspections match.',
  '新建调研视察': 'New investigation or inspection', '列入计划': 'Add to the plan', '{y} 年度调研视察计划': 'Investigation & inspection plan {y}', '{y} 年': '{y}',
  '{y} 年调研视察统计': 'Investigations & inspections in {y}', '与年度协商计划统筹安排：': 'Planned together with the consultation plan: ', '查看 {y} 年度协商计划': 'See the consultation plan of {y}',
  '调研': 'Investigation', '视察': 'Inspection', '调研报告': 'Investigation report', '视察报告': 'Inspection report',
  '类型': 'Kind', '题目': 'Subject', '题目关键词': 'Words in the subject', '调研视察内容': 'What to study', '提出单位': 'Proposed by', '如：主席会议、专委会、党派': 'e.g. the chair\'s meeting, a committee, a party',
  '牵头专委会': 'Lead committee', '计划日期': 'Dates', '考察地点': 'Places', '输入地点后回车': 'Type a place and press Enter', '参加委员': 'Members taking part', '审定': 'Approval', '待审定': 'Awaiting approval',
  '年度': 'Year', '序号': 'No.', '问题/建议': 'Problems / recommendations', '报告期限': 'Report due', '报告逾期': 'Report late', '报送日期': 'Sent on', '下载 Word': 'Download Word',
  '建议落实情况': 'Follow-up of the recommendations', '退回或取消理由：{r}': 'Returned or cancelled: {r}', '返回调研视察': 'Back to the trip',
  // on the trip
  '您已签到': 'You have signed in', '您是本次调研视察的参加人员': 'You are taking part in this trip', '请扫描现场的签到码签到': 'Scan the code shown on the spot to sign in',
  '调研视察进行中时扫码签到': 'Sign in by scanning the code during the trip', '显示签到码': 'Show the sign-in code', '签到码': 'Sign-in code', '请委员用手机扫码签到（仅今日有效）': 'Members scan this with their phones (valid today only)',
  '正在签到…': 'Signing in…', '签到成功': 'Signed in', '签到未成功': 'Sign-in failed', '签到时间：{t}': 'Signed in at {t}', '签到时间': 'Signed in at',
  '添加现场记录': 'Add a field note', '笔记照片': 'Notes and photos', '收到的材料': 'Documents received', '考察点': 'Stop', '笔记内容': 'Note', '看到的情况、听到的意见': 'What you saw and heard',
  '照片或附件': 'Photos or files', '拍照或上传': 'Take a photo or upload', '保存记录': 'Save the note', '已保存现场记录': 'Note saved', '现场记录（{n}）': 'Field notes ({n})',
  '行程': 'Itinerary', '已考察': 'Visited', '未考察': 'Not visited', '到达': 'Arrived',
  '参加委员（{n} 人，已签到 {s} 人）': 'Members taking part ({n}, {s} signed in)', '调整名单': 'Change the list', '代为签到': 'Sign in for them', '（代签）': ' (by staff)',
  // report
  '第 {n} 稿': 'draft {n}', '存在问题（{n} 个）': 'Problems ({n})', '意见建议（{n} 条）': 'Recommendations ({n})', '存在问题': 'Problems', '意见建议': 'Recommendations',
  '起草{label}': 'Draft: {label}', '报告当前不能修改': 'The report cannot be changed now', '报告标题': 'Title of the report', '报告正文': 'Text of the report', '添加问题': 'Add a problem',
  '建议 {n}': 'Recommendation {n}', '建议内容': 'Recommendation', '责任单位': 'Responsible departments', '反馈期限（工作日）': 'Reply due in (working days)', '添加建议': 'Add a recommendation',
  '修订说明': 'Note on this draft', '保存为新一稿': 'Save as a new draft', '已保存新一稿': 'New draft saved', '修订记录（{n} 稿）': 'Drafts ({n})', '问题 {p} 个，建议 {r} 条': '{p} problems, {r} recommendations',
  '问题': 'Problem', '建议': 'Recommendation', '删除': 'Delete',
  '领导批示': 'Leaders\' instructions', '记录批示': 'Record an instruction', '批示领导': 'Leader', '批示内容': 'Instruction', '批示日期': 'Date',
  '批示范围': 'Applies to', '整份报告': 'The whole report', '指定建议': 'Some recommendations', '针对的建议序号': 'Recommendations (by number)', '请选择批示针对的建议': 'Choose the recommendations it concerns',
  '选择建议序号': 'Choose by number', '第 {n} 条建议': 'Recommendation {n}', '批示件': 'Instruction document', '上传批示件': 'Upload the document', '重新上传': 'Upload again', '移除': 'Remove',
  '下载计划 Word': 'Download the plan (Word)',
  '较上一稿': 'Against the previous draft', '无变化': 'No change', '修改标题': 'Title changed', '修改正文': 'Text changed', '新增问题': 'Problems added', '删去问题': 'Problems dropped', '新增建议': 'Recommendations added', '删去建议': 'Recommendations dropped',
  // lifecycle
  '计划': 'Plan', '实地': 'On site', '报告': 'Report', '签发': 'Sign off', '报送': 'Sending', '办结': 'Close',
  '已批准': 'Approved', '进行中': 'Under way', '报告起草': 'Drafting the report', '待签发': 'To sign off', '已签发': 'Signed off', '已报送': 'Sent', '已办结': 'Closed', '已取消': 'Cancelled',
  '提请主席会议审定调研视察': 'Put the trip to the chair\'s meeting', '组织开展调研视察': 'Organise the trip', '完成实地调研视察': 'Finish the trip',
  '起草调研视察报告': 'Draft the report', '签发调研视察报告': 'Sign off the report', '报送调研视察报告': 'Send the report',
  '主席会议审定': 'Record the chair\'s approval', '取消': 'Cancel', '开始实地调研视察': 'Start the trip', '结束实地，起草报告': 'End the trip and draft the report', '提交签发': 'Submit for sign-off',
  '退回修改': 'Return for revision', '报送党委政府': 'Send to the party committee and government',
  '审定会议': 'Approving meeting', '审定日期': 'Date of approval', '取消理由': 'Reason for cancelling', '退回理由': 'Reason for return', '备注': 'Note',
  '修改计划': 'Change the plan', '调整参加人员': 'Participants changed', '调整行程': 'Change the itinerary', '到达考察点': 'Stop visited', '修改报告': 'Report revised',
  '考察日期': 'Date', '考察内容': 'What to see', '添加考察点': 'Add a stop',
  // figures
  '开展调研': 'Investigations held', '开展视察': 'Inspections held', '委员参加调研视察': 'Member participations', '报告反映问题': 'Problems raised',
  '报告提出建议': 'Recommendations made', '获领导批示': 'Leaders\' instructions', '参加调研视察': 'Investigations & inspections attended', '报告反映的问题和建议': 'Problems and recommendations of the reports',
  '调研视察（{n}）': 'Trips ({n})', '委员': 'Member',
} satisfies Record<string, string>;
