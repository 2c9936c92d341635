/** The 'notification' push channel: a new inbox message, pushed to its recipient's browsers. */
import type { UserPushChannel } from '../../../kernel/server/contributions.ts';
import type { NotificationPush } from '../contract.ts';
import type { NotificationCreatedPayload } from './notifier.ts';

export const notificationChannel: UserPushChannel = {
  name: 'notification',
  addressedTo: 'user',
  events: ['notification.created'],
  // each recipient receives their own inbox row
  data(e, to): NotificationPush | null {
    const p = e.payload as unknown as NotificationCreatedPayload;
    const item = p.items?.find((i) => i.userId === to.userId);
    return item ? { id: item.id, kind: p.kind, title: p.title, body: p.body, link: p.link, readAt: null, createdAt: p.createdAt } : null;
  },
};
