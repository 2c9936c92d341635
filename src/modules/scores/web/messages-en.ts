// English of the 履职积分 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '我的积分': 'My duty score', '积分排名': 'Score ranking', '积分规则': 'Scoring rules', '委员积分': 'Member score', '{name}的履职积分': 'Duty score of {name}',
  '{count} 次 × {each} 分': '{count} × {each} pts', '{from} 至 {to}；基础分 {base} 分': '{from} to {to}; base {base} pts',
  '{y}年度': '{y}', '{y}年度等次分布': 'Grades in {y}', '专门委员会': 'Committee', '人数': 'Members', '保存为新版本': 'Save as new version',
  '保存为新版本并重新计算本年度积分？': 'Save as a new version and recompute the year\'s scores?', '共 {n} 人': '{n} members', '共 {n} 条': '{n} records',
  '删除': 'Delete', '历史版本': 'Versions', '名次': 'Rank', '基础分': 'Base score', '复制预设': 'Copy a preset', '姓名': 'Name', '导出 Excel': 'Export Excel',
  '尚未排名': 'Not ranked yet', '已保存为第 {v} 版，并已按新规则重新计算': 'Saved as version {v} and recomputed', '已达上限': 'Cap reached',
  '已重新计算 {n} 名委员的积分': 'Recomputed the scores of {n} members', '平均 {avg} 分；低于最低分 {min} 分：{n} 人': 'Average {avg}; below the minimum {min}: {n}',
  '年度': 'Year', '年度上限': 'Cap per year', '年度履职报告': 'Annual duty report', '年度积分': 'Score of the year',
  '当前积分低于年度最低分 {min} 分': 'The score is below the year\'s minimum of {min}', '总分上限（空为不设）': 'Ceiling (empty: none)',
  '排名': 'Rank', '暂无数据来源': 'No data source yet', '暂无记录': 'No records', '最低次数': 'Minimum count', '未达到最低要求：{items}': 'Minimum not met: {items}',
  '未达最低要求': 'Minimum not met', '本年度尚未设置规则，以下为默认规则（济南）': 'No rules set for this year; the default (Jinan) rules are shown',
  '本年度规则已被他人修改': 'Someone else changed this year\'s rules', '查询': 'Search', '每次分值': 'Points each', '添加积分项': 'Add item', '添加等次': 'Add grade',
  '现行第 {v} 版，{by} 于 {at} 保存': 'Version {v} in force, saved by {by} at {at}', '界别': 'Sector', '积分': 'Score',
  '积分规则已修改，排名仍按第 {v} 版计算，请重新计算': 'The rules changed; the ranking is still by version {v}: recompute', '积分项': 'Items', '积分项名称': 'Item name',
  '第 {rank} 名 / {n} 人': 'No. {rank} of {n}', '第 {v} 版': 'Version {v}', '等次': 'Grade', '等次分布': 'Grade distribution', '等次名称': 'Grade name',
  '统计数字': 'Figure', '计算时间 {at}，规则第 {v} 版': 'Computed {at}, rules version {v}', '重新加载': 'Reload', '重新计算': 'Recompute',
  '预警最低分': 'Warning minimum', '预设说明': 'About the preset', '（参照{src}）': ' (after {src})', '，上限 {cap} 分': ', cap {cap}',
  '，总分上限 {max} 分': ', ceiling {max}', '，至少 {min} 次': ', at least {min}', '；参照：{src}': '; after: {src}', '；等次：': '; grades: ', '；规则第 {v} 版': '; rules version {v}',
  '优秀': 'Excellent', '称职': 'Competent', '基本称职': 'Basically competent', '不称职': 'Incompetent', '良好': 'Good', '达标': 'Meets the bar', '不达标': 'Below the bar',
  '济南': 'Jinan', '闵行': 'Minhang', '广水': 'Guangshui', '宣威': 'Xuanwei', '安庆': 'Anqing', '东城': 'Dongcheng',
} satisfies Record<string, string>;
