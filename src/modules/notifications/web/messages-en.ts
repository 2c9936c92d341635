// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
export default {
  '消息通知': 'Notifications', '消息通知（{n} 条未读）': 'Notifications ({n} unread)', '最新通知': 'Latest notifications', '全部通知': 'All',
  '暂无通知。有人交办、退回或答复您的事项时，会在这里提醒您。': 'No notifications yet. You will be told here when something is assigned, returned or answered.',
  '全部标为已读': 'Mark all read', '全部': 'All', '未读': 'Unread', '没有未读通知。': 'No unread notifications.', '查看': 'Open', '标为已读': 'Mark read',
  '已将 {n} 条标记为已读': '{n} marked read',
  // the notices of new work items (their labels translate through the lifecycles' entries)
  '新待办：{label}': 'New task: {label}',
  // the work-item notice as composed since labels are no longer bracketed (taskNoticeBody)
  '「{title}」已转到您处，待办事项：{label}，请于 {date} 前办理。': '"{title}" has come to you. To do: {label}; please act by {date}.',
  '「{title}」已转到您处，待办事项：{label}。': '"{title}" has come to you. To do: {label}.',
  '「{title}」需要您办理，待办事项：{label}，请于 {date} 前办理。': '"{title}" needs you. To do: {label}; please act by {date}.',
  '「{title}」需要您办理，待办事项：{label}。': '"{title}" needs you. To do: {label}.',
  '「{title}」已转到您处（{label}），请于 {date} 前办理。': '"{title}" has come to you ({label}); please act by {date}.',
  '「{title}」已转到您处（{label}）。': '"{title}" has come to you ({label}).',
  '「{title}」需要您办理（{label}），请于 {date} 前办理。': '"{title}" needs you ({label}); please act by {date}.',
  '「{title}」需要您办理（{label}）。': '"{title}" needs you ({label}).',
} satisfies Record<string, string>;
