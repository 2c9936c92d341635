// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
export default {
  // the roles this module declares (their nameEn)
  '政协委员': 'CPPCC member', '专委会工作人员': 'Special committee staff', '办公室工作人员': 'General office staff', '政协领导': 'CPPCC leader',
  '组织机构': 'Organisations', '组织详情': 'Organisation', '添加下级': 'Add child', '编辑': 'Edit', '名称': 'Name', '简称': 'Short name', '类型': 'Type',
  '层级': 'Level', '编码': 'Code', '上级组织': 'Parent', '下级数量': 'Children', '启用': 'Active', '停用': 'Inactive', '编辑组织': 'Edit organisation',
  '在左侧选择一个组织查看详情': 'Select an organisation on the left', '政协': 'CPPCC', '内设机构': 'Internal office', '专门委员会': 'Special committee',
  '承办单位': 'Handling unit', '民主党派': 'Party', '人民团体': 'People\'s organisation', '省级': 'Province', '市级': 'City', '县级': 'County', '已保存': 'Saved',
  '暂无组织': 'No organisations yet', '选择组织': 'Choose an organisation', '在「{name}」下添加组织': 'Add an organisation under "{name}"', '请选择类型': 'Please choose the kind', '请输入名称': 'Please enter the name',
  // 工作年度: the working year and session a page shows (decision 0037)
  '全部年度 · 当前 {y} 工作年度 · {s}': 'All years · current working year {y} · {s}', '{y} 工作年度 · {s}': 'Working year {y} · {s}', '当前 {y}': 'Current: {y}',
} satisfies Record<string, string>;
