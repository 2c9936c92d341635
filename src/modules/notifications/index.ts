/** What other modules may use from 消息通知: plugging in a delivery channel (SMS, WeChat, …). */
export { registerChannel, type DeliveryChannel } from './server/channels.ts';
export type { NotificationService, NotificationCreatedPayload } from './server/notifier.ts';
