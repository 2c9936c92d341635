// English for what the server sends by its Chinese name about 提案 (decision 0038): the lifecycle's work items and
// actions not named elsewhere, the roles this module declares, the default reply classes and 不予立案 reasons, and the
// patterns of the notices the module composes. `test/english-mode.test.ts` checks that none is missing.
export const proposalServerMessages: Record<string, string> = {
  // roles (their declarations' nameEn)
  '提案委工作人员': 'Proposal office staff', '承办单位经办人': 'Handling unit clerk', '承办单位分管领导': 'Handling unit leader',
  // lifecycle: work items, actions, their fields and options
  '待交办': 'To assign', '调整申请': 'Objection to decide', '延期审批': 'Extension to decide',
  '不予立案理由': 'Reason for not filing', '单办': 'Single unit', '调整理由': 'Reason for the objection',
  '重新交办': 'Reassign', '维持交办': 'Keep assignment', '维持理由': 'Reason for keeping it', '延期理由': 'Reason for the extension',
  '同意延期': 'Approve extension', '不同意延期': 'Refuse extension', '理由': 'Reason', '答复内容': 'Reply text',
  '不满意的理由': 'Why you are not satisfied', '跟踪办理要求': 'Follow-up requirements',
  '创建': 'Created', '分办待签收': 'Split part to accept', '分办办理中': 'Split part in progress', '会办意见': 'Joint-handling opinion', '已撤销': 'Cancelled',
  // 答复类别 (the default classes; a committee's own classes show as configured)
  'A 所提问题已经解决或基本解决': 'A Solved or mostly solved',
  'B 所提问题列入计划拟解决': 'B Planned to be solved',
  'C 因条件所限留作参考': 'C Kept for reference for now',
  // 不予立案 reasons (the national list)
  '涉及党和国家秘密的': 'Concerns state or Party secrets',
  '涉及国家明令禁止的': 'Concerns what the state expressly forbids',
  '中共党员对党内组织人事有意见的': 'A Party member\'s view on Party personnel matters',
  '民主党派成员反映本组织内部问题的': 'A democratic party member on their party\'s internal matters',
  '已进入民事、刑事、行政诉讼或仲裁程序的': 'Already before a court or in arbitration',
  '属于学术研讨的': 'An academic discussion',
  '为本人或亲属解决个人问题的': 'A personal matter of the proposer or their family',
  '宣传推介具体作品、产品的': 'Promotes a particular work or product',
  '指名举报的': 'Accuses a named person',
  '内容空泛、无具体建议的': 'Vague, with no concrete suggestion',
  // notices (催办, 超期, 交办, 重新办理, 重点提案, 优秀提案)
  '催办：{label}': 'Reminder: {label}',
  '「{title}」（{label}）将于 {date} 到期，还有 {n} 个工作日。': '"{title}" ({label}) is due on {date}, {n} working days from now.',
  '超期：{label}': 'Overdue: {label}',
  '{unit}办理的「{title}」（{label}）已于 {date} 到期，尚未办结，请督办。': '"{title}" ({label}), handled by {unit}, was due on {date} and is not finished; please follow it up.',
  '「{title}」已于 {date} 到期，请尽快办理。': '"{title}" was due on {date}; please deal with it soon.',
  '「{title}」交由您单位分办，请签收并直接答复提案人。': '"{title}" is split to your unit: please accept it and reply to the proposer directly.',
  '「{title}」交由您单位会办，请在期限内向主办单位提交会办意见。': '"{title}" is handled jointly with your unit: please send your opinion to the lead unit in time.',
  '提案人不满意，重新办理': 'The proposer is not satisfied: handled again',
  '「{title}」的提案人对答复不满意，已转{unit}重新办理，请关注督办。': 'The proposer of "{title}" is not satisfied with the reply; {unit} handles it again. Please follow it up.',
  '领衔督办重点提案': 'Lead the supervision of a key proposal',
  '「{title}」已列为重点提案，由您领衔督办。': '"{title}" is a key proposal now, and you lead its supervision.',
  '优秀提案': 'Excellent proposal',
  '您的提案「{title}」被评为{year}年度优秀提案。': 'Your proposal "{title}" was chosen as an excellent proposal of {year}.',
  // the proposal form, its help and checks, and other page texts
  '一事一案，如“关于推进城镇老旧小区整治改造的建议”': 'One matter per proposal, e.g. "On renovating old residential compounds"',
  '请填写标题': 'Please enter the title', '标题至少 4 个字': 'The title needs at least 4 characters', '标题不超过 200 字': 'The title may have at most 200 characters',
  '说明问题的现状和由来。': 'Describe the situation and how it came about.', '请填写背景情况': 'Please describe the background',
  '分析问题的原因和影响。': 'Analyse the causes and effects of the problem.', '请填写问题分析': 'Please enter the analysis',
  '提出具体、可操作的建议，可分条列出。': 'Make concrete, practicable suggestions; a numbered list is fine.', '请填写具体建议': 'Please enter the suggestions',
  '提案被退回修改，请根据意见修改后重新提交。': 'The proposal was returned: revise it as asked and submit it again.',
  '相似的已有提案和信息': 'Similar proposals and reports',
  '分办或会办时至少选择一个单位': 'Choose at least one unit for split or joint handling',
  '统计数字': 'Figures',
};
