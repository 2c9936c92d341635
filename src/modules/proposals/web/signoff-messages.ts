/** English for the unit leader's sign-off of a reply (承办单位领导签发) and the letters it signs (答复函). */
export const signOffMessages: Record<string, string> = {
  '待签发': 'Awaiting sign-off', '签发': 'Sign off', '答复并签发': 'Reply and sign off', '答复（送领导签发）': 'Reply (for sign-off)',
  '签发人': 'Signed off by', '签发时间': 'Signed off at', '签发人：{name}': 'Signed off by {name}',
  '答复待单位领导签发：请审阅答复内容和答复函，签发后报送提案委审核，或退回修改。':
    'This reply waits for your sign-off: read the reply and its letter, then sign it off to send it to the proposal office, or return it to the drafter.',
  '答复已送单位领导签发。': 'The reply waits for the unit leader’s sign-off.',
  '分办待签发': 'Split reply awaiting sign-off',
  '本单位答复待您签发：请审阅答复内容，签发后答复即报出，或退回修改。':
    'Your unit’s reply waits for your sign-off: read it, then sign it off to send it, or return it to the drafter.',
  '下载{unit}的答复函（Word）': 'Download the reply letter of {unit} (Word)',
};
