// Closing an instance while its outbox is busy: a command's delivery under way and the batched mark of what was
// delivered finish before the database closes, nothing is delivered twice, no error is logged, and the next instance
// finds every event delivered (it delivers nothing again).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
import type { DomainEvent } from '../src/kernel/server/events.ts';
import { createTestDatabase, dialects } from './support/db.ts';

const TYPE = 'probe.closing';

for (const d of await dialects()) {
  describe(`closing an instance with deliveries in flight (${d.kind})`, { skip: d.skip }, () => {
    test('close() waits for the delivery under way and the pending marks; a second start redelivers nothing', { timeout: 120_000 }, async () => {
      const tdb = await createTestDatabase(d.kind, { outboxPollMs: 20, webDist: '/nonexistent-web-dist' });
      const errors: unknown[][] = [];
      const consoleError = console.error;
      console.error = (...a: unknown[]) => { errors.push(a); };
      // deliveries per event id, over both instances
      const delivered = new Map<string, number>();
      const count = (e: DomainEvent) => { delivered.set(e.id!, (delivered.get(e.id!) ?? 0) + 1); };
      let zx: Zhengxie | undefined;
      try {
        zx = await buildApp(tdb.config);
        // the first delivery waits until the instance is being closed
        let entered!: () => void;
        const firstEntered = new Promise<void>((r) => { entered = r; });
        let release!: () => void;
        const gate = new Promise<void>((r) => { release = r; });
        let first = true;
        zx.ctx.events.on(TYPE, async (e) => {
          if (first) { first = false; entered(); await gate; }
          count(e);
        });
        const ctx = zx.ctx;
        const commands = Array.from({ length: 6 }, (_, i) => ctx.uow.run((w) => w.emit({
          type: TYPE, tenantId: 'probe-tenant', entityType: 'probe', entityId: `probe-close-${i}`, payload: { i },
        })));
        // every command but the one held at its subscriber has committed and delivered before close() begins (a
        // command that commits after close() has begun is left for the next instance: the second test)
        let settled = 0;
        for (const c of commands) void c.then(() => { settled++; }, () => { settled++; });
        await firstEntered;
        while (settled < commands.length - 1) await new Promise((r) => setTimeout(r, 5));
        const closing = zx.close();
        // close() has begun while the first command's subscriber is still at work
        await new Promise((r) => setImmediate(r));
        release();
        await closing;
        zx = undefined;
        const ids = (await Promise.all(commands)).map((e) => e.id!);
        assert.deepEqual(errors, [], 'nothing is logged while closing');
        assert.deepEqual(ids.map((id) => delivered.get(id)), ids.map(() => 1), 'each event was delivered once before the instance closed');

        // the next instance: every event is marked delivered, and none is delivered again
        zx = await buildApp({ ...tdb.config, outboxPollMs: 0 });
        zx.ctx.events.on(TYPE, count);
        await zx.ctx.events.drain();
        for (let i = 0; i < ids.length; i++) {
          const rows = await zx.ctx.outbox.eventsOf(`probe-close-${i}`, { type: TYPE });
          assert.deepEqual(rows.map((r) => [r.id, r.delivered, r.attempts]), [[ids[i], true, 0]]);
        }
        assert.equal(await zx.ctx.outbox.pendingCount(), 0);
        assert.deepEqual(ids.map((id) => delivered.get(id)), ids.map(() => 1), 'the second start redelivered nothing');
        assert.deepEqual(errors, []);
      } finally {
        console.error = consoleError;
        await zx?.close();
        await tdb.drop();
      }
    });

    test('an event committed while the instance stops is left in the outbox and delivered once by the next one', { timeout: 120_000 }, async () => {
      const tdb = await createTestDatabase(d.kind, { outboxPollMs: 20, webDist: '/nonexistent-web-dist' });
      const errors: unknown[][] = [];
      const consoleError = console.error;
      console.error = (...a: unknown[]) => { errors.push(a); };
      const delivered = new Map<string, number>();
      const count = (e: DomainEvent) => { delivered.set(e.id!, (delivered.get(e.id!) ?? 0) + 1); };
      let zx: Zhengxie | undefined;
      try {
        zx = await buildApp(tdb.config);
        zx.ctx.events.on(TYPE, count);
        // the outbox stops (as close() stops it) before this command delivers its own event
        await zx.ctx.outbox.stop();
        const ev = await zx.ctx.uow.run((w) => w.emit({ type: TYPE, tenantId: 'probe-tenant', entityType: 'probe', entityId: 'probe-late', payload: {} }));
        await zx.close();
        zx = undefined;
        assert.equal(delivered.get(ev.id!), undefined, 'a stopped outbox delivers nothing');
        assert.deepEqual(errors, []);

        zx = await buildApp({ ...tdb.config, outboxPollMs: 0 });
        zx.ctx.events.on(TYPE, count);
        await zx.ctx.events.drain();
        assert.equal(delivered.get(ev.id!), 1, 'the next instance delivered it once');
        assert.deepEqual((await zx.ctx.outbox.eventsOf('probe-late')).map((r) => r.delivered), [true]);
        assert.deepEqual(errors, []);
      } finally {
        console.error = consoleError;
        await zx?.close();
        await tdb.drop();
      }
    });
  });
}
