// English of the 委员工作室 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in
// English mode (the web manifest names this file).
export default {
  '委员工作室': 'Members\' studios', '工作室': 'Studio', '新建工作室': 'New studio', '没有符合条件的工作室。': 'No studios match.', '全部': 'All',
  '法律': 'Legal', '金融': 'Finance', '高校': 'University', '开发区': 'Development zone', '商会': 'Chamber of commerce', '其他': 'Other',
  '召集人': 'Convener', '成员': 'Members', '成员 {n} 人': '{n} members', '成员（第一位为召集人）': 'Members (the first convenes)', '我所在的工作室': 'My studio',
  '名称': 'Name', '类别': 'Kind', '简介': 'About', '保存': 'Save', '已保存': 'Saved', '返回列表': 'Back to list', '暂无': 'None yet', '共 {n} 条': '{n} in all',
  '没有找到': 'Not found', '输入姓名查找委员': 'Type a name to find a member',
  // figures
  '工作室活动': 'Studio activities', '受理调解案件': 'Mediation cases', '成功调解': 'Mediated successfully', '助力贷款': 'Loans', '放贷金额': 'Amount lent',
  '引进项目': 'Projects introduced', '项目投资额': 'Project investment', '参加工作室活动': 'Studio activities attended', '承办调解案件': 'Mediation cases handled',
  '次': 'times', '件': 'items', '笔': 'items', '个': 'items', '万元': '×10k yuan',
  // actions and tabs
  '修改': 'Edit', '管理成员': 'Members', '记录活动': 'Record activity', '登记调解案件': 'Register case', '登记融资需求': 'Register need', '登记银行产品': 'Register bank offer',
  '记录放贷': 'Record loan', '登记引进项目': 'Register project', '修改工作室': 'Edit studio',
  '活动': 'Activities', '调解案件': 'Mediation cases', '放贷': 'Loans', '融资需求': 'Financing needs', '银行产品': 'Bank offers',
  // activities
  '活动日期': 'Date', '活动名称': 'Title', '地点': 'Place', '参加委员': 'Members taking part', '其他参加人员': 'Others taking part', '服务人数': 'People served',
  '活动情况': 'Summary', '服务 {n} 人': '{n} served',
  // cases
  '纠纷事项': 'Dispute', '受理日期': 'Received on', '当事人': 'Party', '当事人身份': 'Role', '当事人姓名': 'Name', '联系电话': 'Phone', '住址': 'Address',
  '添加当事人': 'Add a party', '承办委员': 'Handled by', '调解结果（已结案时填写）': 'Outcome (when closed)', '结案日期': 'Closed on', '调解协议': 'Agreement',
  '调解结果': 'Outcome', '调解成功': 'Settled', '调解未成功': 'Not settled', '转办': 'Referred', '调解中': 'In mediation', '受理': 'Received', '结案': 'closed',
  '申请人': 'Applicant', '被申请人': 'Respondent', '第三人': 'Third party', '记录结果': 'Record outcome', '记录调解结果': 'Record the outcome',
  '当事人信息仅工作室成员和办公室可见': 'Parties\' details are shown to the studio\'s members and the office only',
  // finance
  '企业名称': 'Enterprise', '融资金额': 'Amount wanted', '资金用途': 'Purpose', '登记日期': 'Recorded on', '银行': 'Bank', '金融产品': 'Product', '授信额度': 'Credit line',
  '对接的融资需求': 'Need matched', '选择待对接的需求（可不选）': 'Pick an open need (optional)', '选择银行产品（可不选）': 'Pick a bank offer (optional)', '放贷日期': 'Granted on',
  '待对接': 'Open', '已放贷': 'Loan granted', '请输入金额': 'Enter an amount', '请输入正确的金额（万元，最多四位小数）': 'Enter an amount in 10k yuan (up to 4 decimals)',
  // projects
  '项目名称': 'Project', '投资方': 'Investor', '投资额': 'Investment', '项目状态': 'Status', '引进日期': 'Introduced on', '洽谈': 'Negotiating', '签约': 'Signed', '落地': 'Started',
} satisfies Record<string, string>;
