// English of the 门户 module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English
// mode (the web manifest names this file).
export default {
  '门户': 'Items', '门户详情': 'Item', '新建门户': 'New item', '我的门户': 'My items', '没有符合条件的门户。': 'No items match.',
  '提交人': 'Owner', '创建时间': 'Created', '办理期限': 'Due', '内容': 'Text', '退回理由：{r}': 'Returned: {r}', '办理结果': 'Result',
  '起草中': 'Draft', '待受理': 'Submitted', '已退回': 'Returned', '办理中': 'In progress', '已办结': 'Done',
  '提交': 'Submit', '受理': 'Accept', '退回': 'Return', '办结': 'Complete', '起草': 'Draft',
  '门户待受理': 'Item to accept', '门户退回修改': 'Item returned for revision', '门户待办结': 'Item to complete', '受理意见': 'Note on acceptance',
} satisfies Record<string, string>;
