// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
export default {
  '录入节假日安排': 'Enter holiday schedule', '录入': 'Enter', '去录入': 'Enter now', '预览': 'Preview', '保存并调整期限': 'Save and move deadlines',
  '从文本文件导入': 'Import a text file', '节假日安排': 'Holiday schedule', '年份': 'Year', '放假': 'Holiday', '类型': 'Kind', '名称': 'Name',
  '请填写年份': 'Enter the year', '请粘贴或导入节假日安排': 'Paste or import the schedule',
  '读到 {h} 个放假日、{w} 个调休上班日': '{h} holidays and {w} make-up workdays read',
  '已保存 {year} 年节假日安排，{n} 个未到期的期限已随之调整': 'Holiday schedule of {year} saved; {n} open deadlines moved',
  '粘贴国务院办公厅关于节假日安排的通知原文，或每行写一项。保存后，该年度已有的日历调整被替换，未到期的办理期限按剩余工作日数重新计算。': 'Paste the State Council notice on public holidays, or one holiday per line. Saving replaces the year\'s overrides; open deadlines keep the working days they had left.',
  '工作日历缺少 {years} 年的法定节假日安排，跨元旦、春节的办理期限会按普通工作日计算。请在国务院公布后录入或导入。': 'The calendar has no public holiday schedule for {years}: deadlines across New Year and Spring Festival count those days as workdays. Enter or import it once published.',
  '{year} 年尚无法定节假日安排，跨节假日的期限会按普通工作日计算。请在国务院公布后录入或导入。': 'No public holiday schedule for {year} yet: deadlines count holidays as workdays. Enter or import it once published.',
  '{year} 年节假日安排由 {who} 于 {at} 录入：{h} 个放假日、{w} 个调休上班日': 'Holiday schedule of {year} entered by {who} on {at}: {h} holidays, {w} make-up workdays',
  '工作日历': 'Working-day calendar', '审计日志': 'Audit log', '调休上班': 'Make-up workday', '休息': 'Day off', '已调整': 'Overridden',
  '工作日': 'Workday', '休息日': 'Day off', '设为': 'Set as', '说明': 'Note', '恢复法定安排': 'Restore official', '已恢复为法定安排': 'Restored',
  '校验完整性': 'Verify integrity', '序号': 'Seq', '时间': 'Time', '操作人': 'Actor', '对象': 'Object', '来源地址': 'IP', '对象类型': 'Object type', '日期': 'Date', '用户编号': 'User id',
  '办理期限按工作日计算。点击日期可将其设为工作日或休息日（如临时调整），调整对所有期限立即生效。': 'Deadlines count working days. Click a date to make it a workday or a day off; every deadline follows at once.',
  // the audit and calendar pages
  '审计日志完整：共 {n} 条记录，哈希链校验通过。': 'The audit log is whole: {n} records, the hash chain checks out.', '审计日志在第 {seq} 条处断链：{reason}': 'The audit log breaks at record {seq}: {reason}',
  '调整 {date}': 'Change {date}', '当前：': 'Now: ', '请选择': 'Please choose', '例如：市委通知临时放假': 'e.g. a day off announced by the city',
} satisfies Record<string, string>;
