// The Redis fan-out between instances: delivery across buses, surviving a dropped connection, clean close.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { EventBus, type DomainEvent } from '../src/kernel/server/events.ts';
import { createRedisTransport, parseEvent } from '../src/kernel/server/realtime/redis-transport.ts';
import { REDIS_URL, skipUnless } from './support/services.ts';

const skip = await skipUnless('redis');
const quiet = { warn: () => {} };

function nextEvent(bus: EventBus, type: string, ms = 5000): Promise<DomainEvent> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { off(); reject(new Error(`no ${type} within ${ms} ms`)); }, ms);
    const off = bus.onBroadcast(type, (e) => { clearTimeout(t); off(); resolve(e); });
  });
}

describe('malformed messages', () => {
  test('only messages shaped like a domain event are accepted', () => {
    assert.equal(parseEvent('not json'), null);
    assert.equal(parseEvent('{"type":"x"}'), null);
    assert.ok(parseEvent(JSON.stringify({ type: 'a.b', tenantId: 't', at: 'now', payload: {} })));
  });
});

describe('Redis event transport', { skip }, () => {
  test('an event published on one instance reaches the other, and not back to itself twice', async () => {
    const channel = `zx-test:${randomUUID()}`;
    const a = new EventBus();
    const b = new EventBus();
    await a.useTransport(await createRedisTransport(REDIS_URL, { channel, log: quiet }));
    await b.useTransport(await createRedisTransport(REDIS_URL, { channel, log: quiet }));
    try {
      const seenOnA: DomainEvent[] = [];
      a.onBroadcast('demo.ping', (e) => { seenOnA.push(e); });
      const got = nextEvent(b, 'demo.ping');
      await a.publish({ type: 'demo.ping', tenantId: 't1', payload: { text: '你好' }, audience: { userIds: ['u1'] } });
      const e = await got;
      assert.equal(e.payload.text, '你好');
      assert.deepEqual(e.audience, { userIds: ['u1'] });
      assert.equal(e.origin, a.instanceId);
      // an event b sends now reaches a behind any echo of a's own from Redis (one subscriber connection, in order)
      const marker = nextEvent(a, 'demo.marker');
      await b.publish({ type: 'demo.marker', tenantId: 't1', payload: {} });
      await marker;
      await a.drain();
      assert.equal(seenOnA.length, 1, 'the publishing instance handles its own event once (locally), not again from Redis');
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('after the subscriber connection is killed, it reconnects and still receives events', async () => {
    const channel = `zx-test:${randomUUID()}`;
    const a = new EventBus();
    const b = new EventBus();
    await a.useTransport(await createRedisTransport(REDIS_URL, { channel, log: quiet }));
    const name = `zx-test-${randomUUID().slice(0, 8)}`;
    await b.useTransport(await createRedisTransport(REDIS_URL, { channel, log: quiet, name }));
    const admin = new Redis(REDIS_URL);
    try {
      // kill b's subscriber connection (and only it: other suites may share this Redis)
      const list = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
      const ids = list.split('\n').filter((l) => l.includes(`name=${name}-sub `)).map((l) => /id=(\d+)/.exec(l)?.[1]);
      assert.equal(ids.length, 1);
      assert.equal(Number(await admin.client('KILL', 'ID', ids[0]!)), 1);
      assert.equal(Number(((await admin.pubsub('NUMSUB', channel)) as unknown[])[1]), 1, 'b is briefly unsubscribed');
      // wait for the resubscription
      const deadline = performance.now() + 5000;
      for (;;) {
        const n = Number(await admin.pubsub('NUMSUB', channel).then((r) => (r as unknown[])[1]));
        if (n === 2) break;
        if (performance.now() > deadline) assert.fail(`subscribers did not come back (have ${n})`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const got = nextEvent(b, 'demo.after-reconnect');
      await a.publish({ type: 'demo.after-reconnect', tenantId: 't1', payload: { n: 1 } });
      assert.equal((await got).payload.n, 1);
    } finally {
      admin.disconnect();
      await a.close();
      await b.close();
    }
  });

  test('close() ends both connections so nothing keeps listening', async () => {
    const channel = `zx-test:${randomUUID()}`;
    const t = await createRedisTransport(REDIS_URL, { channel, log: quiet });
    await t.subscribe(() => {});
    const admin = new Redis(REDIS_URL);
    try {
      assert.equal(Number(((await admin.pubsub('NUMSUB', channel)) as unknown[])[1]), 1);
      await t.close();
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(Number(((await admin.pubsub('NUMSUB', channel)) as unknown[])[1]), 0);
    } finally {
      admin.disconnect();
    }
  });

  test('an unreachable Redis fails start-up with a clear message instead of hanging', async () => {
    await assert.rejects(createRedisTransport('redis://127.0.0.1:1', { log: quiet }), /无法连接 Redis/);
  });
});
