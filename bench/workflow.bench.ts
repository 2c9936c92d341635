/**
 * Workflow transitions per second: WorkflowRunner.fire (version check, history, work item, outbox event, audit) on a
 * two-state bench table. On PostgreSQL it also reports the statements sent per transition (round trips, with the
 * transaction's begin and commit and the batched marks of delivered events).
 */
import pg from 'pg';
import { openDatabase } from '../src/kernel/server/db/dialect.ts';
import { migrateToLatest } from '../src/kernel/server/migrate.ts';
import { kernelMigrations } from '../src/kernel/server/kernel-module.ts';
import { EventBus } from '../src/kernel/server/events.ts';
import { WorkingCalendar } from '../src/kernel/server/calendar.ts';
import { Outbox } from '../src/kernel/server/outbox.ts';
import { WorkflowRunner, type WorkflowRecord, type WorkflowSpec } from '../src/kernel/server/workflow-runner.ts';
import { verifyAuditChain } from '../src/kernel/server/audit.ts';
import type { Actor } from '../src/kernel/server/actor.ts';
import { defineWorkflow } from '../src/kernel/universal/workflow.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { createTestDatabase, type DialectKind } from '../test/support/db.ts';
import { emit, note, quick, round } from './lib.ts';

interface BenchItem extends WorkflowRecord { title: string }

/** A back-and-forth lifecycle: each state opens a work item with a due date, like a real one. */
const pingPong = defineWorkflow<BenchItem>({
  id: 'bench_item',
  label: '压测事项',
  initial: 'open',
  states: {
    open: { label: '待处理', task: { role: 'bench', orgField: 'tenant', dueInWorkingDays: 5, label: '待处理' } },
    checked: { label: '待复核', task: { role: 'bench', orgField: 'tenant', dueInWorkingDays: 3, label: '待复核' } },
  },
  transitions: [
    { name: 'check', label: '处理', from: ['open'], to: 'checked', roles: ['bench'] },
    { name: 'reopen', label: '退回', from: ['checked'], to: 'open', roles: ['bench'] },
  ],
});

const spec: WorkflowSpec<BenchItem> = {
  workflow: pingPong,
  table: 'bench_items',
  entityLabel: '压测事项',
  titleOf: (r) => r.title,
  canSee: (r, a) => r.tenant_id === a.tenantId,
};

const actor: Actor = {
  userId: 'bench-user', username: 'bench', displayName: '压测用户', orgId: 'bench-tenant', tenantId: 'bench-tenant',
  roles: ['bench'], permissions: new Set(), sessionId: 'bench',
};

export async function benchWorkflow(kind: DialectKind): Promise<void> {
  const tdb = await createTestDatabase(kind);
  const handle = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
  const events = new EventBus();
  try {
    const { db, dialect } = handle;
    await migrateToLatest(db, dialect, kernelMigrations);
    await db.schema.createTable('bench_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    const calendar = new WorkingCalendar(db);
    await calendar.load();
    // events go to the outbox in each transition's transaction and are delivered after commit, as in the app
    const outbox = new Outbox({ db, dialect, events, log: { error: console.error }, pollMs: 0 });
    events.attachOutbox(outbox);
    const runner = new WorkflowRunner({ db, dialect, events, calendar, outbox });

    // several records, fired concurrently on PostgreSQL (a pool) and in turn on SQLite (one writer)
    const workers = kind === 'postgres' ? 8 : 1;
    const items: BenchItem[] = [];
    for (let i = 0; i < workers * 4; i++) {
      items.push(await runner.create(spec, { id: newId(), tenant_id: 'bench-tenant', title: `压测事项 ${i + 1}` }, actor));
    }
    const versions = new Map(items.map((r) => [r.id, { version: r.version, state: r.state }]));
    const fireOne = async (id: string) => {
      const cur = versions.get(id)!;
      const res = await runner.fire(spec, { id, action: cur.state === 'open' ? 'check' : 'reopen', expectedVersion: cur.version, actor });
      versions.set(id, { version: res.record.version, state: res.record.state });
    };

    // warm up, then measure for a fixed time
    for (const r of items.slice(0, workers)) await fireOne(r.id);
    const seconds = quick ? 2 : 8;
    let fired = 0;
    const sent = countStatements();
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(Array.from({ length: workers }, async (_, w) => {
      const mine = items.filter((_, i) => i % workers === w);
      let k = 0;
      while (performance.now() < deadline) {
        await fireOne(mine[k++ % mine.length].id);
        fired++;
      }
    }));
    const elapsed = (performance.now() - started) / 1000;
    const perSecond = fired / elapsed;
    await outbox.flushMarks();
    const statements = sent.stop();
    const chain = await verifyAuditChain(db);
    emit({
      name: `workflow_transitions_per_s_${kind}`, value: round(perSecond, 0), unit: 'transitions/s',
      target: kind === 'sqlite' ? '>= 1000' : 'reported',
      transitions: fired, seconds: round(elapsed, 2), concurrency: workers, audit_chain_ok: chain.ok,
      ...(kind === 'postgres' ? { statements_per_transition: round(statements / fired, 2) } : {}),
    });
  } finally {
    await events.close();
    await handle.destroy();
    await tdb.drop();
    note(`workflow bench on ${kind} done`);
  }
}

/** Count the statements every PostgreSQL client sends from now until `stop()`. */
function countStatements(): { stop(): number } {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...a: unknown[]) {
    n++;
    return original.apply(this, a);
  };
  return { stop: () => { proto.query = original; return n; } };
}
