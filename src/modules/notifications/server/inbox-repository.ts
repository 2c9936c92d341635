/** The in-app inbox: a user's own notifications, paged, counted and marked read. Every query is scoped to the user. */
import type { Page } from '../../../kernel/universal/pagination.ts';
import { notFound } from '../../../kernel/universal/errors.ts';
import type { NotificationItem } from '../contract.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { NotificationDb } from './tables.ts';

interface Row { id: string; kind: string; title: string; body: string; link: string | null; read_at: string | null; created_at: string }

export function presentNotification(r: Row): NotificationItem {
  return {
    id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link ?? null,
    readAt: r.read_at ?? null, createdAt: r.created_at, actions: r.read_at ? [] : ['read'],
  };
}

const columns = ['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'] as const;

export async function listNotifications(db: NotificationDb, userId: string, q: { page: number; pageSize: number; unreadOnly: boolean }): Promise<Page<NotificationItem>> {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (q.unreadOnly) base = base.where('read_at', 'is', null);
  const [rows, total] = await Promise.all([
    base.select([...columns]).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { items: (rows as Row[]).map(presentNotification), total: Number(total?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function countUnread(db: NotificationDb, userId: string): Promise<number> {
  const r = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Mark one of the user's notifications read (idempotent); someone else's is "not found". */
export async function markRead(db: NotificationDb, userId: string, id: string): Promise<NotificationItem> {
  const now = clock.iso();
  await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  const row = await db.selectFrom('notifications').select([...columns]).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('通知');
  return presentNotification(row as Row);
}

export async function markAllRead(db: NotificationDb, userId: string): Promise<number> {
  const r = await db.updateTable('notifications').set({ read_at: clock.iso() })
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}
