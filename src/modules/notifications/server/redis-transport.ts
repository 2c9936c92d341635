/** Fans domain events out between app instances through Redis pub/sub. */
import { Redis } from 'ioredis';
import type { BroadcastTransport, DomainEvent } from '../../../kernel/server/events.ts';

const CHANNEL = 'zhengxie:events';

export async function createRedisTransport(url: string): Promise<BroadcastTransport> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await pub.connect();
  await sub.connect();
  return {
    async publish(e: DomainEvent) { await pub.publish(CHANNEL, JSON.stringify(e)); },
    async subscribe(onEvent) {
      sub.on('message', (_ch: string, msg: string) => {
        try { onEvent(JSON.parse(msg) as DomainEvent); } catch { /* ignore malformed messages */ }
      });
      await sub.subscribe(CHANNEL);
    },
    async close() { sub.disconnect(); pub.disconnect(); },
  };
}
