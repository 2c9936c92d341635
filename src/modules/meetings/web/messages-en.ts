// English of the 会议 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '会议': 'Items', '会议详情': 'Item', '新建会议': 'New item', '我的会议': 'My items', '没有符合条件的会议。': 'No items match.',
  '提交人': 'Owner', '创建时间': 'Created', '办理期限': 'Due', '内容': 'Text', '退回理由：{r}': 'Returned: {r}', '办理结果': 'Result',
  '起草中': 'Draft', '待受理': 'Submitted', '已退回': 'Returned', '办理中': 'In progress', '已办结': 'Done',
  '提交': 'Submit', '受理': 'Accept', '退回': 'Return', '办结': 'Complete', '起草': 'Draft',
  '会议待受理': 'Item to accept', '会议退回修改': 'Item returned for revision', '会议待办结': 'Item to complete', '受理意见': 'Note on acceptance',
} satisfies Record<string, string>;
