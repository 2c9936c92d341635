/** 消息通知: request and response shapes of the inbox and the push channel, shared by server and web. */
import { z } from 'zod';
import { pageOf } from '../../kernel/universal/pagination.ts';

export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
  unread: z.enum(['true', 'false', '1', '0']).optional().describe('只看未读'),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

/** What the caller may do with one notification. */
export const notificationAction = z.enum(['read']);

/** 通知: one message in a user's inbox. */
export const notificationItem = z.object({
  id: z.string().describe('通知编号'),
  kind: z.string().describe('通知类型'),
  title: z.string().describe('标题'),
  body: z.string().describe('内容'),
  link: z.string().nullable().describe('链接'),
  readAt: z.string().nullable().describe('阅读时间'),
  createdAt: z.string().describe('通知时间'),
  actions: z.array(notificationAction).describe('可执行的操作'),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationPage = pageOf(notificationItem);

export const notificationIdParams = z.object({
  id: z.string().min(1).max(64).describe('通知编号'),
});

export const unreadCountResponse = z.object({ count: z.number().int().describe('未读数量') });
export const readAllResponse = z.object({ count: z.number().int().describe('标记为已读的数量') });

/** `event: notification` on GET /api/events/stream: a new message in the user's inbox. */
export type NotificationPush = Omit<NotificationItem, 'actions'>;
