// English of the 履职活动 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  // menu, crumbs, titles
  '履职活动': 'Activities', '服务为民': 'Serving the people', '委员之家': 'Member homes', '活动统计': 'Activity statistics', '活动详情': 'Activity', '活动签到': 'Sign-in',
  '我的活动': 'My activities', '全部活动': 'All activities', '新建活动': 'New activity', '没有符合条件的履职活动。': 'No activities match.', '一个委员之家的活动': 'Activities of one member home',
  // kinds and service kinds
  '学习/第一议题': 'Study', '委员讲坛': 'Members\' lecture', '委员之家活动': 'Member home activity', '书香政协': 'Reading',
  '义诊': 'Free clinic', '送文化': 'Culture to the villages', '助学': 'Student aid', '送法下基层': 'Law to the grassroots', '科普进校园': 'Science in schools', '其他服务': 'Other service',
  // lifecycle
  '筹备': 'Preparation', '报名': 'Sign-up', '进行': 'Under way', '结束': 'End', '归档': 'Archive',
  '筹备中': 'Preparing', '报名中': 'Open for sign-up', '进行中': 'Under way', '已结束': 'Ended', '已归档': 'Archived',
  '发布报名': 'Open sign-up', '开始活动': 'Start', '结束活动': 'End', '创建': 'Created',
  // fields
  '活动名称': 'Title', '活动类型': 'Kind', '服务类别': 'Service', '活动内容': 'Description', '活动时间': 'Time', '活动地点': 'Place', '县区': 'County', '组织者': 'Organiser',
  '纬度': 'Latitude', '经度': 'Longitude', '签到范围（米）': 'Sign-in radius (m)', '签到范围': 'Sign-in radius', '名额': 'Places', '不限': 'No limit', '立即发布报名': 'Open for sign-up at once',
  '不填则使用委员之家的地址': 'Leave empty to use the member home\'s address', '活动成效': 'Outcome', '活动名称关键词': 'Words in the title',
  '状态': 'State', '关键词': 'Keyword', '全部': 'All', '查询': 'Search', '重置': 'Reset', '保存': 'Save', '提交': 'Submit', '共 {n} 条': '{n} in all', '共 {n} 个': '{n} in all',
  // detail
  '报名 / 签到': 'Signed up / signed in', '名额 {n}': '{n} places', '服务群众': 'People served', '{n} 人次': '{n} people', '活动地点 {m} 米内': 'Within {m} m of the place',
  '报名参加': 'Sign up', '取消报名': 'Cancel sign-up', '报名成功': 'Signed up', '已取消报名': 'Sign-up cancelled', '已{label}': '{label}: done',
  '活动过程': 'History', '我的参加情况': 'My participation', '已报名': 'Signed up', '已签到': 'Signed in', '未签到': 'Not signed in', '您已签到': 'You have signed in',
  '签到时间：{t}': 'Signed in at {t}', '请在活动现场扫描签到码签到': 'Scan the sign-in code at the activity to sign in', '签到时间：{a} 起，至活动结束': 'Sign-in from {a} until the end',
  '记录服务': 'Record a service', '服务内容': 'What was done', '服务群众人次': 'People served', '显示签到码': 'Show the sign-in code', '签到码': 'Sign-in code',
  '请委员用手机扫码签到（{a} 至 {b}）': 'Members scan this with their phones ({a} to {b})', '代为签到': 'Sign in for them', '已代为签到': 'Signed in',
  '参加委员（{n}）': 'Participants ({n})', '姓名': 'Name', '签到': 'Sign-in', '{n} 代签': 'by {n}', '{m} 米': '{m} m',
  '服务记录（{n}）': 'Service records ({n})', '暂无服务记录': 'No service records yet', '服务群众 {n} 人次': '{n} people served', '刷新': 'Refresh',
  '活动照片': 'Photos', '暂无照片': 'No photos yet', '拍照或选择照片': 'Take or choose a photo', '返回列表': 'Back to the list',
  // sign-in page
  '正在签到…': 'Signing in…', '正在获取您的位置': 'Getting your position', '签到成功': 'Signed in', '签到未成功': 'Sign-in failed', '查看活动': 'View the activity',
  '距活动地点 {m} 米': '{m} m from the place', '重新签到': 'Try again',
  // services and needs
  '服务记录': 'Service records', '服务日期': 'Date', '委员': 'Member', '完成': 'Complete', '完成服务': 'Complete the service', '服务中': 'In progress', '已完成': 'Done',
  '共 {n} 条，本页服务群众 {m} 人次': '{n} in all; {m} people served on this page',
  '需求清单': 'Needs list', '匹配给我的需求': 'Needs matched to me', '登记需求': 'Enter a need', '暂无需求': 'No needs', '匹配委员': 'Match a member', '所需特长': 'Skills needed',
  '需求名称': 'Need', '需求内容': 'Details', '提出单位': 'From', '如：义诊、法律': 'e.g. free clinic, law', '推荐委员': 'Suggested members', '确认匹配': 'Confirm', '已确认匹配': 'Matched',
  '没有特长或县区相符的委员': 'No member with matching skills or county', '相符': 'Matching', '待匹配': 'Waiting', '已匹配': 'Matched',
  '我的服务特长': 'My skills', '服务特长': 'Skills', '多个特长用顿号分隔，用于匹配服务需求': 'Separate skills with 、; they are used to match needs', '已保存': 'Saved',
  // homes
  '登记委员之家': 'Register a member home', '名称': 'Name', '乡镇（街道）': 'Town (street)', '地址': 'Address', '召集人': 'Convener', '成员': 'Members', '活动': 'Activities',
  '成员 {n} 人': '{n} members', '成员（第一位为召集人）': 'Members (the first is the convener)',
  // statistics and figures
  '年度': 'Year', '总体情况': 'Overview', '按县区': 'By county', '按委员之家': 'By member home', '次': 'times', '人次': 'person-times', '人': 'people',
  '委员参加活动': 'Member participations', '委员参加委员之家活动': 'Participations in member home activities', '参加活动的委员': 'Members taking part',
  '服务为民办好事': 'Good deeds', '参加履职活动': 'Activities attended',
  // editing, walk-ins
  '修改活动': 'Edit activity', '改了时间或地点，已报名和已签到的委员会收到通知': 'Members signed up or signed in are told of a new time or place',
  '服务群众人次由各条服务记录合计': 'People served add up from the service records', '现场补录': 'Add walk-ins', '现场补录参加委员': 'Add members who came without signing up',
  '补录 {n} 人': 'Add {n}', '已补录 {n} 人': '{n} added', '（{names} 已签到）': ' ({names} already signed in)', '未报名而到场的委员，补录后计入其参加活动': 'Members who came without signing up; each counts once as a participation',
  '按姓名查找': 'Search by name', '查找': 'Search', '界别': 'Sector', '专门委员会': 'Committee', '没有符合条件的委员': 'No matching members', '共 {n} 人，请缩小范围': '{n} in all; narrow the search',
  '修改': 'Edit', '修改委员之家': 'Edit member home', '召集人须为本家成员': 'The convener must be a member of the home', '更换召集人请联系工作人员': 'Ask the office to change the convener',
  // 书香政协 (reading groups)
  '读书群': 'Reading group', '新建读书群': 'New reading group', '读书群名称': 'Group name', '简介': 'About', '领读人': 'Reading leader', '正在读': 'Reading now',
  '书目': 'Books', '读书心得': 'Reading notes', '加入': 'Join', '已加入': 'Joined', '加入读书群': 'Join the group', '已加入读书群': 'You have joined the group', '退出': 'Leave',
  '成员 {m} 人 · 书目 {b} 本 · 读书心得 {n} 篇': '{m} members · {b} books · {n} notes', '本年度书香政协': 'Reading this year', '还没有读书群。': 'No reading groups yet.',
  '选一位委员，领读人自动加入读书群': 'Choose a member; the reading leader joins the group', '写下您的看法': 'Your thoughts', '回复': 'Reply', '暂无读书心得': 'No reading notes yet',
  '共 {n} 篇': '{n} in all', '共 {n} 人': '{n} in all', '参与读书的委员': 'Members reading', '读书打卡': 'Reading check-in', '今天已打卡，明天继续': 'Checked in today; see you tomorrow',
  '读书心得至少 10 个字': 'At least 10 characters', '今天读了什么，有什么体会？': 'What did you read today, and what did you make of it?', '打卡': 'Check in',
  '打卡成功，读书心得计入履职记录': 'Checked in; the note counts in your duty record', '书目与阅读计划': 'Books and reading plan', '添加书目': 'Add a book', '暂无书目': 'No books yet',
  '心得 {n} 篇': '{n} notes', '读书心得（{n}）': 'Reading notes ({n})', '成员（{n}）': 'Members ({n})', '{n} 人': '{n}', '书名': 'Title', '作者': 'Author', '阅读时间': 'Reading period',
  '阅读计划': 'Reading plan', '如：每周读两章，周五线上交流': 'e.g. two chapters a week, online discussion on Fridays', '修改读书群': 'Edit reading group',
  '领读人须为读书群成员': 'The reading leader must be a member of the group', '更换领读人请联系工作人员': 'Ask the office to change the reading leader',
  '篇': 'notes', '读书打卡（读书心得）': 'Reading check-ins (notes)',
} satisfies Record<string, string>;
