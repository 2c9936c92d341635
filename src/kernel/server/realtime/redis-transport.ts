/**
 * Fans domain events out between app instances through Redis pub/sub.
 * - Two connections: a subscriber (in subscriber mode it can do nothing else) and a publisher.
 * - Both reconnect on their own with a capped back-off; the subscriber re-subscribes after every reconnect
 *   (ioredis `autoResubscribe`), so no subscription is lost.
 * - Publishing never blocks a request while Redis is down: no offline queue and a short timeout; the failure is
 *   reported to the event bus (which logs it). Pub/sub is fire-and-forget: a browser that missed a push reloads its
 *   worklist when its stream reconnects.
 * - `close()` quits both connections and stops reconnecting.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { BroadcastTransport, DomainEvent } from '../events.ts';

export const DEFAULT_CHANNEL = 'zhengxie:events';
const PUBLISH_TIMEOUT_MS = 2000;

export interface RedisTransportOptions {
  /** pub/sub channel; instances that should see each other's events use the same one */
  channel?: string;
  log?: { warn: (...a: unknown[]) => void };
  /** client name prefix shown by CLIENT LIST (`<name>-pub`, `<name>-sub`) */
  name?: string;
}

/** A message from the channel, accepted only when it has the shape of a domain event. */
export function parseEvent(msg: string): DomainEvent | null {
  try {
    const e = JSON.parse(msg) as DomainEvent;
    if (!e || typeof e !== 'object' || typeof e.type !== 'string' || typeof e.tenantId !== 'string' || typeof e.at !== 'string') return null;
    if (e.payload === null || typeof e.payload !== 'object') return null;
    return e;
  } catch {
    return null;
  }
}

export async function createRedisTransport(url: string, opts: RedisTransportOptions = {}): Promise<BroadcastTransport & { readonly subscribed: boolean }> {
  const channel = opts.channel ?? DEFAULT_CHANNEL;
  const log = opts.log ?? { warn: (...a: unknown[]) => console.warn(...a) };
  let closing = false;
  const base: RedisOptions = {
    lazyConnect: true,
    retryStrategy: (times) => (closing ? null : Math.min(100 * 2 ** Math.min(times, 5), 3000)),
  };
  const pub = new Redis(url, { ...base, connectionName: `${opts.name ?? 'zhengxie'}-pub`, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const sub = new Redis(url, { ...base, connectionName: `${opts.name ?? 'zhengxie'}-sub`, autoResubscribe: true, maxRetriesPerRequest: null });

  // without an 'error' listener ioredis prints every failed reconnect; report each outage once
  let lastError = '';
  const onError = (who: string) => (err: Error) => {
    const m = `${who}: ${err.message}`;
    if (m !== lastError && !closing) log.warn(`Redis 事件通道连接异常（${m}），正在重连`);
    lastError = m;
  };
  pub.on('error', onError('publisher'));
  sub.on('error', onError('subscriber'));
  pub.on('ready', () => { lastError = ''; });

  const handlers: Array<(e: DomainEvent) => void> = [];
  let wanted = false;
  sub.on('message', (ch: string, msg: string) => {
    if (ch !== channel) return;
    const e = parseEvent(msg);
    if (!e) return;
    for (const h of handlers) {
      try { h(e); } catch (err) { log.warn('广播事件处理失败', err); }
    }
  });
  // autoResubscribe restores the subscription after every reconnect; a SUBSCRIBE cut off by a reconnect is queued
  // (offline queue, no retry cap) and sent again once the connection is back
  sub.on('ready', () => { lastError = ''; });

  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (err) {
    closing = true;
    pub.disconnect();
    sub.disconnect();
    throw new Error(`无法连接 Redis（${url.replace(/\/\/[^@]*@/, '//***@')}）：${(err as Error).message}`);
  }

  return {
    get subscribed() { return wanted && sub.status === 'ready'; },
    async publish(e: DomainEvent) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('Redis 发布超时')), PUBLISH_TIMEOUT_MS);
        timer.unref();
      });
      try {
        await Promise.race([pub.publish(channel, JSON.stringify(e)), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async subscribe(onEvent) {
      handlers.push(onEvent);
      if (wanted) return;
      wanted = true;
      await sub.subscribe(channel);
    },
    async close() {
      closing = true;
      handlers.length = 0;
      const quit = (r: Redis) => Promise.race([
        r.quit().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 1000).unref()),
      ]).finally(() => r.disconnect());
      await Promise.all([quit(sub), quit(pub)]);
    },
  };
}
