// English of the 网络议政 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '参与 {n} 人，发言 {m} 条': '{n} took part, {m} posts',
  '网络议政': 'Live deliberation', '议政室': 'Deliberation room', '新建网络议政': 'New live deliberation', '没有符合条件的网络议政。': 'No sessions match.',
  '议政主题': 'Topic', '议题背景': 'Background', '议政时间': 'Time', '开始时间': 'Opens', '应邀部门': 'Invited departments', '公众参与方式': 'Public access',
  '凭链接参与': 'Anyone with the link', '手机号验证后参与': 'Phone verification', '不向公众开放': 'Not open to the public', '网友发言先审后发': 'Hold public posts for review',
  '主题关键词': 'Keyword in the topic', '参与人数': 'Participants', '答复提问': 'Questions answered', '表态': 'Votes', '{n} 人参与': '{n} taking part',
  // lifecycle
  '筹备中': 'Preparing', '进行中': 'Live', '已结束': 'Closed', '已归档': 'Archived', '筹备': 'Preparation', '进行': 'Live', '结束': 'Close', '归档': 'Archive',
  '开始议政': 'Open the room', '结束议政': 'Close the room', '结束说明': 'Closing note',
  // roles in the room
  '主持人': 'Host', '委员': 'Member', '部门': 'Department', '专家': 'Expert', '网友': 'Public',
  // the room
  '发言': 'Posts', '提问': 'Question', '待审核': 'Awaiting review', '未通过': 'Rejected', '理由': 'Reason', '还没有发言': 'No posts yet',
  '已转交 {unit}，待答复': 'Routed to {unit}, awaiting answer', '待转交部门': 'Not yet routed', '答复': 'Answer', '答复问题': 'Answer the question', '发布答复': 'Publish answer',
  '转交部门': 'Route to department', '向部门提问': 'Ask a department', '发言内容': 'Your post', '网友发言经主持人审核后发布': 'Public posts appear after a host approves them',
  '请输入发言': 'Write your post', '发送': 'Send', '观点表态': 'Statements and votes', '还没有观点': 'No statements yet', '赞同': 'Agree', '反对': 'Disagree', '跳过': 'Pass',
  '赞同 {a} · 反对 {d} · 跳过 {p}': 'Agree {a} · Disagree {d} · Pass {p}', '提出观点': 'Add a statement', '提出一条简短观点，供大家表态': 'A short statement for everyone to vote on',
  '意见分组': 'Opinion groups', '表态的人多了以后，这里会显示意见分组': 'Opinion groups appear here once enough people have voted',
  '{p} 人表态 {v} 次，分为 {k} 组': '{p} people cast {v} votes, in {k} groups', '第 {n} 组': 'Group {n}', '我所在的组': 'My group', '{n} 人': '{n} people',
  '其他组': 'other groups', '跨组共识': 'Consensus across groups', '暂无各组都赞同的观点': 'No statement is agreed with by every group yet',
  '主持台': 'Host console', '背景材料': 'Background materials', '上传背景材料': 'Upload material', '情况报告（Word）': 'Report (Word)', '公众参与链接': 'Public link', '没有待审核的发言': 'Nothing awaiting review',
  '敏感词': 'Sensitive words', '通过': 'Approve', '不通过': 'Reject', '不通过理由': 'Reason for rejection', '实时连接': 'Live', '连接中': 'Connecting', '展开': 'More',
  // the public's way in
  '链接无效或议政已关闭': 'The link is invalid or the session is closed', '手机号码': 'Mobile number', '获取验证码': 'Get code', '验证码': 'Code',
  '验证码已发送': 'Code sent', '以网友身份进入议政室': 'Enter the room as a member of the public', '您将以化名参与，发言经主持人审核后公开。': 'You take part under a pseudonym; your posts appear after review.',
  // after the session (会后转办)
  '会后转办': 'After the session', '勾选会上未答复的提问或有价值的发言，一次转为委员建议（交责任单位办理并跟踪落实）或起草社情民意信息。每条只转办一次。':
    'Pick unanswered questions or useful posts and, in one step, send them on as recommendations (handled and tracked by the responsible departments) or draft a public-opinion report. Each is sent on once.',
  '没有未答复的提问': 'No unanswered questions', '未答复提问': 'Unanswered question', '已转委员建议': 'Sent as recommendation', '已起草社情民意': 'Drafted as public-opinion report',
  '责任单位': 'Responsible department', '未转交部门的，交给哪个单位': 'Department for those not routed', '反馈期限': 'Reply within', '反馈期限（工作日）': 'Reply within (working days)', '个工作日': 'working days',
  '转为委员建议（{n}）': 'Send as recommendations ({n})', '起草社情民意信息（{n}）': 'Draft public-opinion report ({n})', '起草社情民意信息': 'Draft a public-opinion report', '起草': 'Draft',
  '信息标题': 'Report title', '关于{title}中群众反映问题的建议': 'Suggestions on the issues raised in {title}',
  '已转为 {n} 条委员建议，交责任单位办理': '{n} recommendations sent to the responsible departments', '查看落实情况': 'Follow them',
  '据此撰写提案': 'Write a proposal from this', '以本场议政撰写提案': 'Write a proposal from this session',
  '到场 {j}/{n} 人': 'In the room: {j} of {n}', '到场率': 'Turnout', '已进入议政室（{n} 人）': 'Came into the room ({n})', '应邀人员尚未进入': 'No one invited has come in yet',
} satisfies Record<string, string>;
