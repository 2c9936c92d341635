/** Tables of the 消息通知 module (migrations 0300–0302), as the module's own server code sees them. */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 站内消息 */
export interface NotificationsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
  /** an event's id and the step it tells of: each user is told once */
  dedupe_key: string | null;
}

/** deliveries through other channels (e-mail, SMS, …) */
export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string;
  channel: string;
  /** 'sent' | 'failed' */
  status: string;
  error: string | null;
  at: string;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
}

/** The module's view of the database, the kernel's tables and its own (db/tables.ts): `notificationDb(ctx.db)`. */
export const notificationDb = moduleDb<NotificationTables>;
export type NotificationDb = ModuleDb<NotificationTables>;
