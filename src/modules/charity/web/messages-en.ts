// English of the 公益 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '公益': 'Charity', '公益活动': 'Charity drive', '新建公益活动': 'New drive', '暂无公益活动。': 'No drives yet.', '返回列表': 'Back to list', '暂无': 'None yet',
  '募集善款': 'Raised', '已发放': 'Given', '资助学生 {n} 人': '{n} students helped', '资助学生（人）': 'Students helped', '捐赠（笔）': 'Donations', '目标': 'Target',
  '筹款目标': 'Target', '活动名称': 'Name', '起止日期': 'Dates', '活动说明': 'About', '如：2026年“金秋助学”活动': 'e.g. 2026 Golden Autumn student aid',
  '捐赠': 'Donations', '受助学生': 'Students helped', '受助学生的姓名和学校仅办公室可见': 'Students\' names and schools are shown to the office only',
  '登记捐赠': 'Record donation', '登记受助学生': 'Record student', '修改': 'Edit', '保存': 'Save', '已保存': 'Saved',
  '捐赠方类型': 'Donor', '委员': 'Member', '单位': 'Unit', '捐赠委员': 'Member', '捐赠单位': 'Unit', '捐赠金额（元）': 'Amount (yuan)', '捐赠日期': 'Donated on', '备注': 'Note',
  '学生姓名': 'Student', '学校': 'School', '年级': 'Year', '资助金额（元）': 'Amount (yuan)', '发放日期': 'Given on', '元': 'yuan', '万元': '×10k yuan',
  '输入姓名查找委员': 'Type a name to find a member', '请输入正确的金额（万元，最多四位小数）': 'Enter an amount in 10k yuan (up to 4 decimals)', '请输入正确的金额（元，整数）': 'Enter whole yuan',
  '公益募集善款': 'Donations raised', '公益捐赠': 'Donations', '资助学生': 'Students helped', '发放助学金': 'Aid given', '笔': 'items', '人': 'people',
} satisfies Record<string, string>;
