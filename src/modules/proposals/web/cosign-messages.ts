/** English for the joint proposal's co-signers (联名委员): the picker, the invitation and the proposer's card. */
export const cosignMessages: Record<string, string> = {
  '谢绝联名？': 'Decline to co-sign?',
  '谢绝后您将不再是这件提案的联名委员，提案人可以另请他人联名。': 'You will no longer be a co-signer of this proposal; the proposer may invite someone else.',
  '谢绝联名': 'Decline', '再想想': 'Not now', '已谢绝联名': 'Declined',
  '{name} 邀请您联名这件提案': '{name} invites you to co-sign this proposal',
  '请阅读提案内容后确认。全部联名委员确认后，提案人才能提交。': 'Please read the proposal, then confirm. The proposer can submit once every co-signer has confirmed.',
  '联名委员确认情况：已确认 {done} / {all} 位，还有 {n} 位未确认，全部确认后才能提交': 'Co-signers: {done} of {all} confirmed, {n} still to confirm; the proposal can be submitted once all have confirmed',
  '联名委员已全部确认，可以提交': 'Every co-signer has confirmed; the proposal can be submitted',
  '已确认 {at}': 'Confirmed {at}', '待确认': 'Pending',
  '（未知委员）': '(unknown member)', '移除{name}': 'Remove {name}', '（已确认）': ' (confirmed)', '尚未选择联名委员': 'No co-signers chosen yet',
  '增减联名委员': 'Change co-signers', '增减委员': 'Change members', '选择委员': 'Choose members', '尚未选择委员': 'No members chosen yet', '选择联名委员': 'Choose co-signers', '完成（已选 {n} 位）': 'Done ({n} chosen)',
  '已选 {n} 位，最多 {max} 位；每位联名委员确认后，提案才能提交。': '{n} chosen, at most {max}; the proposal can be submitted once each co-signer has confirmed.',
  '全部界别': 'All sectors', '全部专委会': 'All committees', '没有符合条件的委员': 'No member matches', '取消选择{name}': 'Unselect {name}',
  '已选': 'Chosen', '选择{name}': 'Choose {name}', '选择': 'Choose', '更多': 'More',
  '已保存并邀请 {n} 位联名委员确认；全部确认后即可提交': 'Saved; {n} co-signers were invited to confirm. Submit once all have confirmed',
  '可按姓名、界别、专委会查找本级委员，选择一位或多位。': 'Find members of this CPPCC by name, sector or committee and choose one or more.',
  '联名提案至少需要一位联名委员': 'A joint proposal needs at least one co-signer', '联名委员不超过 {max} 位': 'At most {max} co-signers',
};
