// English of the 民主评议 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  // menu, crumbs, lifecycle
  '民主评议': 'Democratic appraisal', '评议组组长': 'Group leader', '评议组成员': 'Group members', '按姓名搜索委员': 'Search members by name', '新建评议': 'New', '民主评议详情': 'Appraisal', '满意度测评': 'Satisfaction vote', '民主评议统计': 'Appraisal statistics', '评议统计': 'Statistics',
  '筹备': 'Preparation', '自查': 'Self-check', '评议': 'Vote', '结果公布': 'Results', '整改': 'Rectification', '办结': 'Close',
  '筹备中': 'Preparing', '自查中': 'Self-check', '评议中': 'Voting', '结果已公布': 'Results published', '整改中': 'Rectifying', '已办结': 'Closed',
  '启动自查': 'Start self-check', '开始测评': 'Open the vote', '结束测评并公布结果': 'Close the vote and publish', '交办整改': 'Send rectification items',
  '自查报告截止日期': 'Self-report due', '办结说明': 'Closing note', '新建': 'Created', '修改评议方案': 'Edit the plan', '提交自查报告': 'Hand in the self-report',
  '走访调研': 'Visits', '生成代表测评码': 'Issue representatives\' codes', '整改事项': 'Rectification items',
  '民主评议筹备': 'Prepare an appraisal', '民主评议测评与结果公布': 'Run the appraisal vote and publish', '民主评议整改意见交办': 'Send the appraisal\'s rectification items',
  '提交民主评议自查报告': 'Hand in the appraisal self-report',
  // scopes, items, choices, group
  '部门工作': 'Department\'s work', '提案办理': 'Proposal handling', '单项工作': 'A single task',
  '工作作风': 'Work style', '办事效率': 'Efficiency', '服务质量': 'Service quality', '廉洁自律': 'Integrity',
  '满意': 'Satisfied', '基本满意': 'Fairly satisfied', '不满意': 'Dissatisfied', '组长': 'Leader', '成员': 'Member', '委员': 'Members', '特邀代表': 'Invited representatives',
  // figures
  '开展民主评议': 'Appraisals held', '被评议单位': 'Departments appraised', '测评票数': 'Votes cast', '整改已落实': 'Rectification done',
  '次': 'times', '个次': 'departments', '票': 'votes', '项': 'items',
  // pages
  '{n} 个工作日内反馈': 'Reply within {n} working days', '代表测评码已用': 'Codes used', '代表类别': 'Kind of representative', '会议地点': 'Place',
  '保存': 'Save', '全部': 'All', '全部满意': 'All satisfied', '共 {n} 条': '{n} in all', '关键词': 'Keywords', '删除': 'Remove', '办理过程': 'History',
  '办结说明：{s}': 'Closed: {s}', '参评人': 'Voter', '参评情况': 'Turnout', '参评票数': 'Ballots', '反馈期限': 'Reply due', '各单位平均得分': 'Average score by department',
  '填写整改事项': 'Rectification items', '增加整改事项': 'Add an item', '增加测评项目': 'Add an item', '如：对市商务局工作的民主评议': 'e.g. Appraisal of the Commerce Bureau\'s work',
  '委员扫码测评（需登录）': 'Members scan to vote (signed in)', '导出 Excel': 'Export Excel', '工作日': 'working days', '已{label}': '{label}: done', '已投票': 'Voted',
  '已提交': 'Handed in', '平均得分': 'Average score', '年度': 'Year', '您已于 {t} 参加测评，感谢参与。': 'You voted at {t}. Thank you.', '我的测评': 'My vote', '打印': 'Print',
  '投票成功': 'Vote recorded', '投票时间': 'Voted at', '投票时间：{t}': 'Voted at {t}', '排名': 'Rank', '提交测评（{a}/{b}）': 'Send the vote ({a}/{b})', '数量': 'Number',
  '整改单位': 'Department', '新建民主评议': 'New appraisal', '无法打开测评票': 'The ballot cannot be opened', '暂无': 'None', '更新自查报告': 'Update the self-report',
  '最好排名': 'Best rank', '未提交': 'Not handed in', '本单位自查报告': 'Our self-report', '权重': 'Weight', '查询': 'Search',
  '每人一票，测评匿名。感谢参与！': 'One vote each, anonymous. Thank you!', '没有符合条件的民主评议。': 'No appraisals match.',
  '测评尚未开始或已经结束。': 'The vote has not opened or is over.', '测评已经结束。': 'The vote is over.',
  '测评正在进行：请扫描会场的测评二维码，在手机上投票。每人一票，测评匿名。': 'The vote is open: scan the QR code in the meeting room and vote on your phone. One vote each, anonymous.',
  '测评码只显示这一次，请立即打印后发给特邀代表；每个测评码只能投票一次。': 'The codes are shown this once: print them now for the invited representatives; each code votes once.',
  '测评结果': 'Results', '测评结果（实时，尚未公布）': 'Results (live, not published)', '测评项目': 'Item', '测评项目与评议组': 'Items and appraisal group',
  '满意 {s} 分、基本满意 {b} 分、不满意 {d} 分；综合得分为各项目得分按权重的加权平均。测评匿名，不显示个人测评意见。': 'Satisfied {s}, fairly satisfied {b}, dissatisfied {d} points; the total is the weighted mean of the items\' scores. The vote is anonymous: no one\'s ballot is shown.',
  '满意度测评：请对每个单位的每个项目作出选择。每人一票，测评匿名。': 'Satisfaction vote: choose for every item of every department. One vote each, anonymous.',
  '满意率': 'Satisfaction', '牵头专委会': 'Lead committee', '状态': 'State', '现场测评': 'Vote on the spot', '生成': 'Issue', '类别': 'Kind', '结果公布日期': 'Published on',
  '结果报告 Word': 'Report (Word)', '综合得分': 'Score', '自查报告': 'Self-reports', '自查报告已提交': 'Self-report handed in', '记录走访': 'Record a visit',
  '评议会议日期': 'Meeting date', '评议内容': 'What is appraised', '评议名称': 'Appraisal', '评议名称关键词': 'Words in the title', '评议次数': 'Appraisals', '评议范围': 'Scope',
  '走访单位': 'Department visited', '走访情况': 'Notes', '走访日期': 'Visited on', '超期': 'Overdue', '返回列表': 'Back to list', '还有 {n} 项未选择': '{n} left to choose', '重置': 'Reset',
} satisfies Record<string, string>;
