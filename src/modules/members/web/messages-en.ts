// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
export default {
  '我的履职': 'My duty record', '委员名录': 'Members', '履职档案': 'Duty record', '{name}的履职档案': 'Duty record of {name}',
  '领衔提案': 'Proposals led', '附议提案': 'Co-signed', '并案提案': 'Merged into others', '领衔立案': 'Led and filed',
  '报送篇数': 'Reports submitted', '录用篇数': 'Reports accepted', '信息积分': 'Report points',
  '联名报送': 'Co-signed reports', '联名': 'Co-signed', '联名报送的信息：报送、录用、采用和积分计入报送人': 'A co-signed report: its figures and points are the submitter\'s',
  '全国采用': 'Adopted nationally', '省级采用': 'Adopted (province)', '市级采用': 'Adopted (city)', '县级采用': 'Adopted (county)',
  '{y}年度提案': 'Proposals in {y}', '{y}年度社情民意': 'Social-conditions reports in {y}', '{y}年度协商议政': 'Consultations in {y}', '{y}年度履职活动': 'Activities in {y}', '参加协商': 'Consultations taken part in', '历年履职情况': 'Over the years',
  '展开': 'Show', '收起': 'Hide', '正在显示「{label}」的 {n} 条记录': 'Showing the {n} records behind “{label}”', '显示全部': 'Show all',
  '本年度': 'This year', '{level}采用': 'Adopted ({level})', '{level}批示': 'Instructed ({level})',
  '全国': 'National', '按姓名搜索': 'Search by name', '排序方式': 'Sort by', '共 {n} 位委员': '{n} members',
} satisfies Record<string, string>;
