// English of the 网络征集 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '网络征集': 'Surveys', '网络征集详情': 'Survey', '新建问卷': 'New survey', '没有符合条件的网络征集。': 'No surveys match.', '问卷': 'Survey',
  '草稿': 'Draft', '征集中': 'Collecting', '已截止': 'Closed', '已归档': 'Archived', '征集': 'Collecting', '截止': 'Close', '归档': 'Archive', '发布': 'Publish', '起草': 'Draft',
  '说明': 'Introduction', '征集对象': 'Audience', '社会公众': 'The public', '本级委员': 'Members only', '指定人员': 'Listed accounts', '指定人员（账号编号）': 'Listed accounts (account ids)',
  '允许匿名填写': 'Allow anonymous answers', '允许匿名': 'Anonymous allowed', '征集时间': 'Open', '征集时间：{a} 至 {b}': 'Open {a} to {b}', '答卷': 'Answers', '答卷 {n} 份': '{n} answers', '创建人': 'Created by',
  '问卷设计': 'Form', '分享': 'Share', '征集结果': 'Results', '过程': 'History', '第 {n} 题': 'Question {n}', '题型': 'Type', '题目': 'Question', '必答': 'Required', '最高分': 'Top score',
  '单选': 'Single choice', '多选': 'Multiple choice', '评分': 'Rating', '填空': 'Free text', '选项（每行一个）': 'Options (one per line)', '显示条件：当': 'Show when', '选择了': 'has chosen', '总是显示': 'Always shown',
  '添加题目': 'Add a question', '保存草稿': 'Save draft', '已保存': 'Saved', '请填写题目': 'Enter the question', '请填写选项': 'Enter the options', '删除': 'Delete',
  '1 至 {m} 分': '1 to {m} points', '当第 {n} 题选择「{o}」时显示': 'Shown when question {n} is answered “{o}”',
  '问卷发布后即可分享链接和二维码。': 'Once published, the survey can be shared by link and QR code.', '扫码或打开链接即可填写，无需登录。': 'Scan the code or open the link to answer; no sign-in needed.',
  '问卷发布后才有答卷。': 'Answers come in once the survey is published.', '共收到答卷 {n} 份，其中社会公众 {p} 份': '{n} answers, {p} of them from the public',
  '导出 Excel': 'Export Excel', '征集情况报告（Word）': 'Summary report (Word)', '作答 {n} 人': '{n} answered', '平均 {a} 分': 'average {a}', '暂无可归纳的主题': 'No themes yet', '{n} 条': '{n}',
  '转为社情民意': 'Draft a 社情民意 report', '意见主题': 'Themes', '社会公众答卷': 'Answers from the public', '提交时间': 'Submitted', '方式': 'How', '填写的意见': 'Written opinions',
  '登录账号': 'Account', '手机验证': 'Verified phone', '匿名': 'Anonymous', '匿名填写': 'Answer anonymously',
  '提交成功，感谢您的参与！': 'Thank you, your answers have been received!', '您已填写过本问卷': 'You have answered this survey already', '本问卷现在不接受填写': 'This survey is not taking answers now',
  '（可多选）': ' (choose any)', '{n} 分': '{n} points', '请点星打分（1 至 {m} 分）': 'Tap a star to rate (1 to {m})', '提交答卷': 'Submit', '以 {name} 的账号提交': 'Submitting as {name}',
  '每个手机号码只能填写一次，号码不会公开。': 'One answer per phone number; the number is not published.', '手机号码': 'Mobile number', '短信验证码': 'Text-message code', '获取验证码': 'Get code', '{n} 秒后重发': 'Resend in {n} s',
  '新建、发布和管理网络征集问卷，查看征集结果': 'Create, publish and manage surveys, read results', '查看本级全部网络征集与征集结果': 'Read all surveys and results of the CPPCC',
  '开展网络征集': 'Surveys held', '收到答卷': 'Answers received', '开始日期': 'Opens', '截止日期': 'Closes', '标题关键词': 'Words in the title',
} satisfies Record<string, string>;
