// The kernel's sign-in queue (签到合并提交, decisions 0054 and 0067) on a real unit of work, on SQLite and PostgreSQL:
// sign-ins arriving together share a unit of work; each is answered only once committed (its row, audit record and
// event are readable by then); a refusal answers that sign-in alone while the others commit; a batch failing as a whole
// is retried one by one; one the failed batch did commit is answered as signed in; two instances on one database never
// sign the same person in twice.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
import { verifyAuditChain } from '../src/kernel/server/audit.ts';
import { SignInBatch, signInBatches, type RunsWork, type SignInWriter } from '../src/kernel/server/sign-in-batch.ts';
import type { Work } from '../src/kernel/server/unit-of-work.ts';
import { AppError } from '../src/kernel/universal/errors.ts';
import { createTestDatabase, dialects } from './support/db.ts';

const TENANT = 'probe-tenant';
/** One probe sign-in: the person, and whether the writer should make the whole batch fail when it holds this one. */
interface Probe { userId: string; poison?: boolean; zx: Zhengxie; scan?: string }

async function probeTable(zx: Zhengxie) {
  await zx.ctx.db.schema.createTable('probe_signins').ifNotExists()
    .addColumn('user_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('signed_in_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('scan', 'varchar(64)')
    .execute();
}

const isUnique = (e: unknown) => !(e instanceof AppError) && /unique|duplicate/i.test(String((e as Error)?.message));
const again = (x: Probe) => new AppError('CONFLICT', `${x.userId} 已经签到，不能重复签到`);

/** Rows only for people not yet signed in (a second is refused in its place), an audit record and an event each. */
const writer: SignInWriter<Probe> = {
  async write(w: Work, batch) {
    if (batch.length > 1 && batch.some((x) => x.poison)) throw new Error('probe: this batch fails as a whole');
    const out: Array<string | AppError> = [];
    for (const x of batch) {
      const seen = await w.trx.selectFrom('probe_signins').select('user_id').where('user_id', '=', x.userId).executeTakeFirst();
      if (seen) { out.push(again(x)); continue; }
      await w.trx.insertInto('probe_signins').values({ user_id: x.userId, signed_in_at: w.now, scan: x.scan ?? null }).execute();
      out.push(w.now);
    }
    const done = batch.filter((_, i) => !(out[i] instanceof AppError));
    for (const x of done) await w.emit({ type: 'probe.signed_in', tenantId: TENANT, entityType: 'probe', entityId: x.userId, payload: {} });
    await w.auditAll(done.map((x) => ({ tenantId: TENANT, actorId: x.userId, actorName: x.userId, action: 'probe.sign_in', entityType: 'probe', entityId: x.userId })));
    return out;
  },
  async committedAt(x, sharedNow, e) {
    if (!isUnique(e) && !(e instanceof AppError && e.code === 'CONFLICT')) return undefined;
    // this very scan's row (another instance may have signed the same person in at the same instant)
    const row = await x.zx.ctx.db.selectFrom('probe_signins').select(['signed_in_at', 'scan']).where('user_id', '=', x.userId).executeTakeFirst();
    return row && row.signed_in_at === sharedNow && row.scan === (x.scan ?? null) ? sharedNow : undefined;
  },
  refusal: (x, e) => (isUnique(e) ? again(x) : e),
};

/** Whether the person's row, audit record and event are committed (read outside any unit of work). */
async function committed(zx: Zhengxie, userId: string) {
  const [row, audit, events] = await Promise.all([
    zx.ctx.db.selectFrom('probe_signins').select('signed_in_at').where('user_id', '=', userId).executeTakeFirst(),
    zx.ctx.db.selectFrom('audit_log').select('seq').where('entity_type', '=', 'probe').where('entity_id', '=', userId).execute(),
    zx.ctx.outbox.eventsOf(userId, { type: 'probe.signed_in' }),
  ]);
  return { row: !!row, audits: audit.length, events: events.length };
}

const settled = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

for (const d of await dialects()) {
  describe(`the kernel's sign-in queue (${d.kind})`, { skip: d.skip }, () => {
    test('batches, answers after the commit, refuses per sign-in, retries a failed batch alone, and holds across two instances', { timeout: 180_000 }, async () => {
      const tdb = await createTestDatabase(d.kind, { outboxPollMs: 0, webDist: '/nonexistent-web-dist' });
      let a: Zhengxie | undefined;
      let b: Zhengxie | undefined;
      try {
        a = await buildApp(tdb.config);
        const zx = a;
        await probeTable(zx);
        const queueOf = signInBatches(writer, 10);
        const q = queueOf(zx.ctx);
        assert.equal(queueOf(zx.ctx), q, 'one queue per instance');

        // 1. thirty at once: the first runs alone at once, the rest wait for it and share units of work of at most 10
        const checks: Array<Promise<ReturnType<typeof committed> extends Promise<infer C> ? C : never>> = [];
        const first = await settled(Array.from({ length: 30 }, (_, i) => q.add({ userId: `u${i}`, zx }).then(async (at) => {
          // answered only once durable: row, audit record and event are all readable now
          checks.push(committed(zx, `u${i}`));
          return at;
        })));
        assert.deepEqual(first.map((r) => r.status), first.map(() => 'fulfilled'));
        for (const c of await Promise.all(checks)) assert.deepEqual(c, { row: true, audits: 1, events: 1 });
        assert.ok(q.stats.units <= 5, `30 sign-ins in ${q.stats.units} units of work (1 alone, then batches of at most 10)`);
        assert.equal(q.stats.signIns, 30);
        const times = first.map((r) => (r as PromiseFulfilledResult<string>).value);
        const rows = await zx.ctx.db.selectFrom('probe_signins').select(['user_id', 'signed_in_at']).execute();
        assert.equal(rows.length, 30);
        for (const [i, t] of times.entries()) assert.equal(rows.find((r) => r.user_id === `u${i}`)?.signed_in_at, t, 'the answer is the stored instant');

        // 2. a refusal in a batch is that sign-in's alone: a second of u3 (and of a newcomer twice) while others commit
        const units = q.stats.units;
        const second = await settled([q.add({ userId: 'n1', zx }), q.add({ userId: 'u3', zx }), q.add({ userId: 'n2', zx }), q.add({ userId: 'n2', zx }), q.add({ userId: 'n3', zx })]);
        assert.deepEqual(second.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
        for (const i of [1, 3]) {
          const e = (second[i] as PromiseRejectedResult).reason;
          assert.ok(e instanceof AppError && e.code === 'CONFLICT', `a second sign-in is a 409: ${String(e)}`);
        }
        assert.ok(q.stats.units - units <= 2, 'the five shared their units of work');
        assert.deepEqual(await committed(zx, 'n2'), { row: true, audits: 1, events: 1 }, 'n2 once');

        // 3. a batch failing as a whole: each tried alone; the poisoned one fails with nothing of it written
        const poisonAlone: SignInWriter<Probe> = { ...writer, write: (w, batch) => (batch.length === 1 && batch[0].poison ? Promise.reject(new Error('probe: fails alone too')) : writer.write(w, batch)) };
        const pq = new SignInBatch(zx.ctx.uow, poisonAlone, 10);
        const third = await settled([pq.add({ userId: 'p0', zx }), pq.add({ userId: 'p1', zx }), pq.add({ userId: 'bad', poison: true, zx }), pq.add({ userId: 'p2', zx })]);
        assert.deepEqual(third.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
        assert.match(String((third[2] as PromiseRejectedResult).reason), /fails alone too/);
        assert.deepEqual(await committed(zx, 'bad'), { row: false, audits: 0, events: 0 }, 'nothing of the failed sign-in is written');
        for (const u of ['p0', 'p1', 'p2']) assert.deepEqual(await committed(zx, u), { row: true, audits: 1, events: 1 });

        // 4. a shared unit of work that committed and then failed: its sign-ins are answered as signed in, not as 409s
        let failedOnce = false;
        const flaky: RunsWork = {
          async run<R>(fn: (w: Work) => Promise<R>): Promise<R> {
            let shared = false;
            const out = await zx.ctx.uow.run(async (w) => {
              const o = await fn(w);
              shared = Array.isArray(o) && o.length > 1;
              return o;
            });
            if (shared && !failedOnce) { failedOnce = true; throw new Error('probe: the connection dropped after the commit'); }
            return out;
          },
        };
        const fq = new SignInBatch(flaky, writer, 10);
        // f0 runs alone at once; f1 and f2 share the next unit of work, which commits and then fails
        const fourth = await settled([fq.add({ userId: 'f0', zx, scan: 's0' }), fq.add({ userId: 'f1', zx, scan: 's1' }), fq.add({ userId: 'f2', zx, scan: 's2' })]);
        assert.ok(failedOnce, 'the shared unit of work failed after its commit');
        assert.deepEqual(fourth.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled']);
        const f1 = await zx.ctx.db.selectFrom('probe_signins').select('signed_in_at').where('user_id', '=', 'f1').executeTakeFirstOrThrow();
        assert.equal((fourth[1] as PromiseFulfilledResult<string>).value, f1.signed_in_at, 'answered with the instant the failed batch stored');

        // 5. two instances on one PostgreSQL database (a SQLite file serves one instance), each with its own queue: 40
        // people scanning on both at once sign in once each
        assert.ok((await verifyAuditChain(zx.ctx.db)).ok, 'the audit chain holds');
        if (d.kind !== 'postgres') return;
        b = await buildApp(tdb.config);
        const zb = b;
        const qa = queueOf(zx.ctx);
        const qb = queueOf(zb.ctx);
        assert.notEqual(qa, qb);
        const people = Array.from({ length: 40 }, (_, i) => `t${i}`);
        const both = await settled(people.flatMap((u) => [qa.add({ userId: u, zx, scan: `${u}-a` }), qb.add({ userId: u, zx: zb, scan: `${u}-b` })]));
        for (const [i, u] of people.entries()) {
          const pair = [both[2 * i], both[2 * i + 1]];
          const ok = pair.filter((r) => r.status === 'fulfilled').length;
          assert.equal(ok, 1, `${u} signed in exactly once: ${pair.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status)).join(' / ')}`);
          const e = (pair.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
          assert.ok(e instanceof AppError && e.code === 'CONFLICT', `the other scan of ${u} is a 409: ${String(e)}`);
          assert.deepEqual(await committed(zx, u), { row: true, audits: 1, events: 1 });
        }
        const chain = await verifyAuditChain(zx.ctx.db);
        assert.ok(chain.ok, `the audit chain holds: ${JSON.stringify(chain)}`);
      } finally {
        await b?.close().catch(() => {});
        await a?.close().catch(() => {});
        await tdb.drop();
      }
    });
  });
}
