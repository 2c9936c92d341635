// English of the module's Chinese labels, keyed by the Chinese text the pages pass to t(). Loaded only in English mode
// (the web manifest names this file).
export default {
  '我的待办': 'My work', '您好，{name}': 'Hello, {name}', '去办理': 'Open', '期限 {date}': 'Due {date}', '超期 {n}': '{n} overdue', '撰写提案': 'Write a proposal',
  '目前没有等您处理的事项。有想法时可以撰写一件提案，提交后在这里跟踪办理进度。': 'Nothing is waiting for you. Write a proposal when you have an idea and follow it here.',
  '目前没有等您处理的事项。有新的交办、退回或到期提醒时，会出现在这里并通知您。': 'Nothing is waiting for you. New assignments, returns and deadlines will appear here.',
  '待审查': 'To review', '待签收': 'To accept', '办理中': 'In progress', '待评价': 'To evaluate', '退回修改': 'Returned', '答复审核': 'Reply check', '重新办理': 'Re-handle',
} satisfies Record<string, string>;
