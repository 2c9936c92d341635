/** English for the notices that tell a proposer and co-signers of their proposal's steps (提案人通知, proposer-notices.ts). */
export const proposerNoticeMessages: Record<string, string> = {
  '提案已立案': 'Proposal filed', '提案不予立案': 'Proposal not filed', '提案被退回修改': 'Proposal returned for revision', '提案已并案': 'Proposal merged',
  '提案已交办': 'Proposal assigned', '提案已重新交办': 'Proposal reassigned', '承办单位已签收': 'Accepted by the handling unit', '提案已办结': 'Proposal closed',
  '提案跨年度跟踪办理': 'Proposal followed up next year',
  '您的提案「{title}」{what}': 'Your proposal "{title}" {what}', '您联名的提案「{title}」{what}': 'The proposal you co-signed, "{title}", {what}',
  '已立案，编号为{number}。': 'has been filed as {number}.', '已立案，编号为{number}，并列为重点提案。': 'has been filed as {number} and made a key proposal.', '已立案。': 'has been filed.',
  '被退回修改，理由：{reason}。请修改后重新提交。': 'was returned for revision. Reason: {reason}. Please revise and submit it again.',
  '被退回修改。请修改后重新提交。': 'was returned for revision. Please revise and submit it again.',
  '不予立案，理由：{reason}。': 'was not filed. Reason: {reason}.', '不予立案。': 'was not filed.',
  '已并入「{target}」办理，答复时分别答复。': 'was merged into "{target}"; each will get its own reply.',
  '已交办，主办单位：{unit}。': 'has been assigned; lead unit: {unit}.', '已重新交办，主办单位：{unit}。': 'has been reassigned; lead unit: {unit}.',
  '已由{unit}签收，正在办理。': 'has been accepted by {unit} and is being handled.', '已办结。': 'is closed.',
};
