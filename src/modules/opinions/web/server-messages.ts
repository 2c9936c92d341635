// English for what the server sends by its Chinese name about 社情民意 (decision 0038): the lifecycles' work items,
// stages and actions not named elsewhere, the roles this module declares, the enumerations of its events, and the
// patterns of the notices that tell a report's submitter. `test/english-mode.test.ts` checks that none is missing.
export const opinionServerMessages: Record<string, string> = {
  // roles (their declarations' nameEn)
  '特邀信息员': 'Special informant', '研究中心编辑': 'Information editor',
  // lifecycles: stages, work items, states and actions
  '处理': 'Handling', '刊发': 'Publication',
  '社情民意待处理': 'Report to handle', '信息退回修改': 'Report to revise', '信息待核稿': 'Report to check',
  '编入期刊': 'Compile', '刊发报送': 'Report',
  '编辑中': 'Editing', '期刊待送签': 'Issue to send for signing', '期刊待签发': 'Issue to sign', '待分发': 'Signed', '期刊待分发': 'Issue to distribute', '已分发': 'Distributed',
  // events
  '单篇采用': 'Adopted alone', '综合采用': 'Adopted in a summary', '转送部门': 'Forwarded to a department', '部门反馈': 'Department feedback',
  // notices to the submitter
  '信息已录用': 'Report accepted', '您报送的「{title}」已被录用。': 'Your report "{title}" was accepted.',
  '信息已留存': 'Report kept', '您报送的「{title}」已留存备用，感谢您的反映。': 'Your report "{title}" is kept for later use. Thank you.',
  '信息被退回': 'Report returned', '您报送的「{title}」被退回：{reason}': 'Your report "{title}" was returned: {reason}',
  '信息已核稿': 'Report checked', '您报送的「{title}」已完成核稿，等待编入期刊。': 'Your report "{title}" is checked and waits for an issue.',
  '信息已刊发报送': 'Report published', '您报送的「{title}」已编入《社情民意》{issue}，报送{names}。': 'Your report "{title}" is in issue {issue} of the journal, sent to {names}.',
  '信息已向上级报送': 'Report sent up', '您报送的「{title}」已报送{name}。': 'Your report "{title}" was sent to {name}.',
  '信息有新的反馈': 'New feedback on a report', '您报送的「{title}」在{name}有新的采用、批示或反馈。': 'Your report "{title}" has new adoptions, instructions or feedback at {name}.',
  '信息{what}': 'Report: {what}', '您报送的「{title}」：{what}': 'Your report "{title}": {what}',
  // page texts: submitting, the report page, compiling, issues, topics, ranking, statistics
  '已报送。{w}': 'Submitted. {w}', '已报送，研究中心将尽快处理': 'Submitted; the research centre will handle it soon',
  '一事一报：每条信息只反映一件事。标题写成「关于……的建议」，正文写清问题和建议，约 {n} 字。': 'One matter per report. Title it "On …", and state the problem and your suggestion in about {n} characters.',
  '请填写标题（至少 4 个字）': 'Please enter a title (at least 4 characters)', '关于……的建议': 'On …',
  '请填写正文（至少 10 个字）': 'Please enter the text (at least 10 characters)', '{n} 字 / 建议约 {g} 字': '{n} characters / about {g} suggested',
  '正文超过建议字数，请尽量精炼（仍可报送）': 'The text is longer than suggested; please shorten it if you can (you may still submit)',
  '已向上级报送': 'Sent up', '所答选题': 'Topic answered', '退回理由：{r}': 'Reason for return: {r}', '第 {n} 稿': 'Draft {n}',
  '修改信息': 'Revise report', '修改说明': 'What changed', '登记': 'Record', '事件类型': 'Event', '层级（默认本级）': 'Level (default: this level)',
  '采用方式': 'Adoption', '批示领导层级': 'Level of the instructing leader', '部门': 'Department', '内容': 'Content',
  '第 {n} 篇': 'Piece {n}', '请至少选择一条信息': 'Choose at least one report', '已编成{n}': 'Compiled into {n}',
  '为每条信息选择篇目：同一篇目下的多条信息合为一篇综合，保留每条来源信息和报送人。': 'Choose a piece for each report: reports under one piece are combined into a summary that keeps every source and submitter.',
  '没有已核稿的信息。': 'No checked reports.', '不编入': 'Leave out',
  '已登记采用': 'Adoption recorded', '过程': 'History', '编期时间': 'Compiled at', '前N名': 'Top N', '信息': 'Reports', '发布': 'Publish',
  '请填写选题标题（至少 4 个字）': 'Please enter the topic title (at least 4 characters)', '请填写选题说明': 'Please describe the topic', '请选择征集期': 'Please choose the collection period',
};
