/**
 * Delivers notifications: the in-app inbox rows and a `notification.created` event in the outbox, in one transaction;
 * from the outbox the event is pushed to the recipients' browsers on whichever instance they are connected to, and
 * sent through the other channels (e-mail, registered SMS/WeChat adapters) once, each delivery logged.
 */
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { Config } from '../../../kernel/server/config.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import type { DomainEvent, EventBus } from '../../../kernel/server/events.ts';
import type { Outbox } from '../../../kernel/server/outbox.ts';
import type { Notifier } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { ChannelRegistry, createEmailChannel, createLogChannel, sharedChannels, type DeliveryChannel, type Recipient } from './channels.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { contactsOf } from '../../identity/index.ts';
import { notificationDb } from './tables.ts';

/** Payload of the `notification.created` event. */
export interface NotificationCreatedPayload {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  channels: string[];
  /** one inbox row per recipient */
  items: Array<{ id: string; userId: string }>;
}

export interface NotificationService extends Notifier {
  /** plug in a channel for this app instance only (see `registerChannel` for the whole process) */
  registerChannel(c: DeliveryChannel): void;
  /** names of the channels available to this instance */
  channelNames(): string[];
}

/** Channels used when the caller names none. */
export const DEFAULT_CHANNELS = ['email'];
const CHUNK = 500;

function clip(s: string, n: number): string {
  const t = s.trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

export function createNotifier(deps: { db: AnyModuleDb; dialect: DialectName; config: Config; events: EventBus; outbox: Outbox; log: { info?: (...a: unknown[]) => void; error: (...a: unknown[]) => void } }): NotificationService {
  const db = notificationDb(deps.db);
  const { events, outbox, config, log } = deps;
  const local = new ChannelRegistry();
  local.register(createLogChannel({ info: (...a) => (log.info ?? (() => {}))(...a) }));
  if (config.smtpUrl) {
    const email = createEmailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom });
    local.register(email);
  }
  const channel = (name: string) => local.get(name) ?? sharedChannels.get(name);

  async function deliver(p: NotificationCreatedPayload): Promise<void> {
    const chans = p.channels.map((n) => ({ n, c: channel(n) })).filter((x): x is { n: string; c: DeliveryChannel } => {
      if (!x.c && x.n !== 'email') log.error(`未注册的通知渠道：${x.n}`);
      return !!x.c;
    });
    if (!chans.length || !p.items.length) return;
    const byUser = new Map(p.items.map((i) => [i.userId, i.id]));
    const userIds = [...byUser.keys()];
    const people: Recipient[] = [];
    for (let i = 0; i < userIds.length; i += CHUNK) {
      for (const r of await contactsOf(db, userIds.slice(i, i + CHUNK))) people.push({ userId: r.id, email: r.email, phone: r.phone, displayName: r.displayName });
    }
    const msg = { title: p.title, body: p.body, ...(p.link ? { link: p.link } : {}) };
    const log_: Array<{ id: string; notification_id: string; channel: string; status: 'sent' | 'failed'; error: string | null; at: string }> = [];
    for (const { n, c } of chans) {
      for (const to of people) {
        if (c.canReach && !c.canReach(to)) continue;
        try {
          await c.send(to, msg);
          log_.push({ id: newId(), notification_id: byUser.get(to.userId)!, channel: n, status: 'sent', error: null, at: clock.iso() });
        } catch (err) {
          const e = clip(String((err as Error)?.message ?? err), 500);
          log.error(`通知渠道 ${n} 发送失败（${to.userId}）：${e}`);
          log_.push({ id: newId(), notification_id: byUser.get(to.userId)!, channel: n, status: 'failed', error: e, at: clock.iso() });
        }
      }
    }
    for (let i = 0; i < log_.length; i += CHUNK) await db.insertInto('notification_deliveries').values(log_.slice(i, i + CHUNK)).execute();
  }

  // deliveries run once per notification, on the instance that delivers the event from the outbox
  events.on('notification.created', (e: DomainEvent) => deliver(e.payload as unknown as NotificationCreatedPayload));

  return {
    registerChannel: (c) => local.register(c),
    channelNames: () => [...new Set([...local.names(), ...sharedChannels.names()])],
    async notify(n) {
      const userIds = [...new Set(n.userIds.filter((u) => typeof u === 'string' && u && u !== 'system'))];
      if (!userIds.length) return;
      const now = clock.iso();
      const title = clip(n.title, 200);
      const body = clip(n.body, 4000);
      const link = n.link ? clip(n.link, 500) : null;
      const kind = clip(n.kind, 50);
      const key = n.key ? clip(n.key, 200) : null;
      const payload = await db.transaction().execute(async (trx) => {
        // told once per key: a subscriber delivered again after a crash does not tell anyone twice
        let to = userIds;
        if (key) {
          const told = new Set<string>();
          for (let i = 0; i < userIds.length; i += CHUNK) {
            const rows = await trx.selectFrom('notifications').select('user_id').where('dedupe_key', '=', key).where('user_id', 'in', userIds.slice(i, i + CHUNK)).execute();
            for (const r of rows) told.add(String(r.user_id));
          }
          to = userIds.filter((u) => !told.has(u));
        }
        if (!to.length) return null;
        const rows = to.map((userId) => ({
          id: newId(), tenant_id: n.tenantId, user_id: userId, kind, title, body, link, read_at: null, created_at: now, dedupe_key: key,
        }));
        for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('notifications').values(rows.slice(i, i + CHUNK)).execute();
        const p: NotificationCreatedPayload = {
          kind, title, body, link, createdAt: now, channels: n.channels ?? DEFAULT_CHANNELS,
          items: rows.map((r) => ({ id: r.id, userId: r.user_id })),
        };
        // pushed to the browsers and sent by e-mail after commit, from the outbox
        await outbox.write(trx, { type: 'notification.created', tenantId: n.tenantId, audience: { userIds: to }, payload: p as unknown as Record<string, unknown> }, { held: false });
        return p;
      });
      if (payload) outbox.kick();
    },
  };
}
