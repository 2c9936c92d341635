// Tests of the workflow engine on a real database: one transaction per transition with history, work item and audit.
import { test, describe, before, after } from 'node:test';
import { z } from 'zod';
import assert from 'node:assert/strict';
import { openDatabase, type DbHandle } from '../src/kernel/server/db/dialect.ts';
import { migrateToLatest } from '../src/kernel/server/migrate.ts';
import { kernelMigrations } from '../src/kernel/server/kernel-module.ts';
import { WorkingCalendar } from '../src/kernel/server/calendar.ts';
import { EventBus, type DomainEvent } from '../src/kernel/server/events.ts';
import { Outbox } from '../src/kernel/server/outbox.ts';
import { UnitOfWork } from '../src/kernel/server/unit-of-work.ts';
import { WorkflowRunner, type WorkflowRecord, type WorkflowSpec } from '../src/kernel/server/workflow-runner.ts';
import { verifyAuditChain } from '../src/kernel/server/audit.ts';
import { defineWorkflow, allowedActions } from '../src/kernel/universal/workflow.ts';
import { AppError } from '../src/kernel/universal/errors.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import type { Actor } from '../src/kernel/server/actor.ts';
import { createTestDatabase, dialects, type TestDatabase } from './support/db.ts';

interface Probe extends WorkflowRecord { title: string; owner_id: string; unit_id: string | null }

const wf = defineWorkflow<Probe>({
  id: 'probe',
  label: '测试事项',
  initial: 'draft',
  states: {
    draft: { label: '草稿', task: { role: 'member', orgField: 'tenant', userField: 'owner_id', label: '待提交', dueInWorkingDays: 2 } },
    submitted: { label: '待审查', task: { role: 'proposal_staff', orgField: 'tenant', label: '待审查', dueInWorkingDays: 5 } },
    assigned: { label: '待办理', task: { role: 'unit_handler', orgField: 'unit_id', label: '待办理', dueInWorkingDays: 5 } },
    done: { label: '已办结', terminal: true },
  },
  transitions: [
    { name: 'submit', label: '提交', from: ['draft'], to: 'submitted', roles: ['member'], guard: ({ record, actor }) => (record.owner_id === actor.userId ? null : '只有提出人可以提交') },
    { name: 'return', label: '退回', from: ['submitted'], to: 'draft', roles: ['proposal_staff'], input: z.object({ reason: z.string().trim().min(1).describe('退回理由') }) },
    { name: 'assign', label: '交办', from: ['submitted'], to: 'assigned', roles: ['proposal_staff'], input: z.object({ unitId: z.string().min(1).describe('承办单位') }) },
    { name: 'explode', label: '出错', from: ['submitted'], to: 'done', roles: ['proposal_staff'] },
    { name: 'finish', label: '办结', from: ['assigned'], to: 'done', roles: ['unit_handler'] },
  ],
});

const spec: WorkflowSpec<Probe> = {
  workflow: wf,
  table: 'wf_probe',
  entityLabel: '测试事项',
  titleOf: (r) => r.title,
  canSee: (r, a) => r.tenant_id === a.tenantId,
  async apply({ trx, record, transition, input, now }) {
    await trx.insertInto('wf_probe_notes').values({ id: newId(), probe_id: record.id, text: transition.name, at: now }).execute();
    if (transition.name === 'explode') throw new Error('boom inside apply');
    if (transition.name === 'assign') return { unit_id: String(input.unitId) };
  },
};

const TENANT = 'T-CITY';
const actor = (userId: string, roles: string[], orgId = TENANT): Actor => ({
  userId, username: userId, displayName: `用户${userId}`, orgId, tenantId: TENANT, roles, permissions: new Set(), sessionId: 's',
});
const owner = actor('U-OWNER', ['member']);
const stranger = actor('U-OTHER', ['member']);
const staff = actor('U-STAFF', ['proposal_staff']);
const handler = actor('U-HANDLER', ['unit_handler'], 'UNIT-1');

for (const d of await dialects()) {
  describe(`workflow engine (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let runner: WorkflowRunner;
    let bus: EventBus;
    let outbox: Outbox;
    let uow: UnitOfWork;
    let calendar: WorkingCalendar;
    const events: DomainEvent[] = [];

    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openDatabase({ databaseUrl: tdb.config.databaseUrl, dataDir: tdb.config.dataDir });
      await migrateToLatest(h.db, h.dialect, kernelMigrations);
      await h.db.schema.createTable('wf_probe')
        .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull()).addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull()).addColumn('owner_id', 'text', (c) => c.notNull()).addColumn('unit_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
      await h.db.schema.createTable('wf_probe_notes')
        .addColumn('id', 'text', (c) => c.primaryKey()).addColumn('probe_id', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull()).addColumn('at', 'text', (c) => c.notNull()).execute();
      calendar = new WorkingCalendar(h.db);
      await calendar.load();
      // deadlines are counted from "today"; pin it to the day before the 2026 National Day holiday
      calendar.today = () => '2026-09-30';
      bus = new EventBus();
      bus.on('probe.transitioned', (e) => { events.push(e); });
      outbox = new Outbox({ db: h.db, dialect: h.dialect, events: bus, log: { error: () => {} }, pollMs: 0 });
      bus.attachOutbox(outbox);
      runner = new WorkflowRunner({ db: h.db, dialect: h.dialect, events: bus, calendar, outbox });
      uow = new UnitOfWork({ db: h.db, dialect: h.dialect, runner, outbox, calendar });
    });
    after(async () => { await h?.destroy(); await tdb?.drop(); });

    const count = async (table: string, where?: [string, string]) => {
      let q = h.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
      if (where) q = q.where(where[0], '=', where[1]);
      return Number((await q.executeTakeFirst())?.n);
    };
    const openTasks = (id: string) => h.db.selectFrom('tasks').selectAll().where('entity_id', '=', id).where('status', '=', 'open').execute();
    const snapshot = async (id: string) => ({
      record: await h.db.selectFrom('wf_probe').selectAll().where('id', '=', id).executeTakeFirst(),
      history: await count('workflow_history', ['entity_id', id]),
      notes: await count('wf_probe_notes', ['probe_id', id]),
      audit: await count('audit_log'),
      outbox: await count('outbox'),
      tasks: (await h.db.selectFrom('tasks').select(['id', 'status']).where('entity_id', '=', id).orderBy('id').execute()),
    });
    const expectError = async (p: Promise<unknown>, code: string, field?: string) => {
      await assert.rejects(p, (e: unknown) => {
        assert.ok(e instanceof AppError, `expected AppError, got ${e}`);
        assert.equal(e.code, code, e.message);
        if (field) assert.equal(e.field, field);
        return true;
      });
    };
    const newProbe = () => runner.create(spec, { id: newId(), tenant_id: TENANT, title: '关于测试的建议', owner_id: owner.userId, unit_id: null }, owner);

    test('creating a record writes the history, a work item for its owner and an audit record together', async () => {
      const r = await newProbe();
      assert.equal(r.state, 'draft');
      assert.equal(r.version, 1);
      const tasks = await openTasks(r.id);
      assert.equal(tasks.length, 1);
      assert.equal(tasks[0].assignee_user_id, owner.userId);
      assert.equal(tasks[0].due_date, '2026-10-09', '2 working days after 09-30 skips the whole National Day week');
      assert.equal(await count('workflow_history', ['entity_id', r.id]), 1);
      const audit = await h.db.selectFrom('audit_log').selectAll().where('entity_id', '=', r.id).execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'probe.create');
    });

    test('a transition updates state and version, writes history and audit, and moves the work item with a working-day due date', async () => {
      const r = await newProbe();
      const res = await runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: owner });
      assert.equal(res.record.state, 'submitted');
      assert.equal(res.record.version, 2);
      const row = await h.db.selectFrom('wf_probe').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
      assert.equal(row.state, 'submitted');
      assert.equal(Number(row.version), 2);
      const hist = await h.db.selectFrom('workflow_history').selectAll().where('entity_id', '=', r.id).orderBy('at').orderBy('id').execute();
      assert.deepEqual(hist.map((x) => [x.from_state, x.to_state, x.action]), [[null, 'draft', 'create'], ['draft', 'submitted', 'submit']]);
      const tasks = await openTasks(r.id);
      assert.equal(tasks.length, 1, 'the draft task is closed, one new task is open');
      assert.equal(tasks[0].state, 'submitted');
      assert.equal(tasks[0].assignee_role, 'proposal_staff');
      assert.equal(tasks[0].assignee_org_id, TENANT);
      // 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
      assert.equal(tasks[0].due_date, '2026-10-13');
      const closed = await h.db.selectFrom('tasks').selectAll().where('entity_id', '=', r.id).where('status', '=', 'done').execute();
      assert.equal(closed.length, 1);
      const audit = await h.db.selectFrom('audit_log').selectAll().where('entity_id', '=', r.id).where('action', '=', 'probe.submit').execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(JSON.parse(String(audit[0].data)), { from: 'draft', to: 'submitted', version: 2 });
      await bus.drain();
      assert.ok(events.some((e) => e.entityId === r.id && (e.payload as { to: string }).to === 'submitted'), 'event delivered after commit');
      const rows = await h.db.selectFrom('outbox').selectAll().where('entity_id', '=', r.id).orderBy('id').execute();
      assert.deepEqual(rows.map((x) => [x.type, JSON.parse(String(x.payload)).to, x.delivered_at !== null]), [['probe.transitioned', 'draft', true], ['probe.transitioned', 'submitted', true]]);
    });

    test('required input is merged by apply and the task goes to the assigned unit', async () => {
      const r = await newProbe();
      await runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: owner });
      const res = await runner.fire(spec, { id: r.id, action: 'assign', expectedVersion: 2, actor: staff, input: { unitId: 'UNIT-1' } });
      assert.equal(res.record.unit_id, 'UNIT-1');
      const tasks = await openTasks(r.id);
      assert.equal(tasks[0].assignee_org_id, 'UNIT-1');
      assert.equal(tasks[0].assignee_role, 'unit_handler');
      assert.deepEqual(allowedActions(wf, 'assigned', { record: res.record, actor: handler }).map((a) => a.name), ['finish']);
      assert.deepEqual(allowedActions(wf, 'assigned', { record: res.record, actor: staff }), []);
      await runner.fire(spec, { id: r.id, action: 'finish', expectedVersion: 3, actor: handler });
      assert.equal((await openTasks(r.id)).length, 0, 'a terminal state has no open work item');
    });

    test('a stale version gets 409 VERSION_CONFLICT and writes nothing', async () => {
      const r = await newProbe();
      await runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: owner });
      const before = await snapshot(r.id);
      await expectError(runner.fire(spec, { id: r.id, action: 'return', expectedVersion: 1, actor: staff, input: { reason: '格式不符' } }), 'VERSION_CONFLICT');
      assert.deepEqual(await snapshot(r.id), before);
    });

    test('two concurrent transitions on the same version: exactly one wins, the other gets 409', async () => {
      const r = await newProbe();
      await runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: owner });
      const results = await Promise.allSettled([
        runner.fire(spec, { id: r.id, action: 'return', expectedVersion: 2, actor: staff, input: { reason: '甲' } }),
        runner.fire(spec, { id: r.id, action: 'assign', expectedVersion: 2, actor: staff, input: { unitId: 'UNIT-1' } }),
      ]);
      assert.equal(results.filter((x) => x.status === 'fulfilled').length, 1);
      const rejected = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
      assert.equal((rejected.reason as AppError).code, 'VERSION_CONFLICT');
      assert.equal(await count('workflow_history', ['entity_id', r.id]), 3);
      assert.equal((await openTasks(r.id)).length, 1);
    });

    test('guard, role, state and required-field failures give the right codes and write nothing', async () => {
      const r = await newProbe();
      const before = await snapshot(r.id);
      await expectError(runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: stranger }), 'FORBIDDEN');
      await expectError(runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: staff }), 'FORBIDDEN');
      await expectError(runner.fire(spec, { id: r.id, action: 'assign', expectedVersion: 1, actor: staff, input: { unitId: 'UNIT-1' } }), 'INVALID_TRANSITION');
      await expectError(runner.fire(spec, { id: r.id, action: 'fly', expectedVersion: 1, actor: staff }), 'INVALID_TRANSITION');
      await runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: owner });
      const mid = await snapshot(r.id);
      await expectError(runner.fire(spec, { id: r.id, action: 'return', expectedVersion: 2, actor: staff, input: { reason: '   ' } }), 'VALIDATION_FAILED', 'reason');
      await expectError(runner.fire(spec, { id: r.id, action: 'assign', expectedVersion: 2, actor: staff }), 'VALIDATION_FAILED', 'unitId');
      assert.deepEqual(await snapshot(r.id), mid);
      assert.notDeepEqual(mid, before);
    });

    test('a record of another tenant is not found', async () => {
      const r = await newProbe();
      await expectError(runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: { ...owner, tenantId: 'T-COUNTY' } }), 'NOT_FOUND');
      await expectError(runner.fire(spec, { id: 'missing', action: 'submit', expectedVersion: 1, actor: owner }), 'NOT_FOUND');
    });

    test('a failure inside apply rolls back the side write, the state, history, task and audit', async () => {
      const r = await newProbe();
      await runner.fire(spec, { id: r.id, action: 'submit', expectedVersion: 1, actor: owner });
      const before = await snapshot(r.id);
      await assert.rejects(runner.fire(spec, { id: r.id, action: 'explode', expectedVersion: 2, actor: staff }), /boom inside apply/);
      assert.deepEqual(await snapshot(r.id), before);
    });

    test('a unit of work fires two records, bumps a version, audits and emits together; a failure leaves none of it', async () => {
      const a = await newProbe();
      const b = await newProbe();
      const before = { a: await snapshot(a.id), b: await snapshot(b.id) };
      await assert.rejects(uow.run(async (w) => {
        await w.fire(spec, { id: a.id, action: 'submit', expectedVersion: 1, actor: owner });
        await w.audit({ tenantId: TENANT, actorId: owner.userId, actorName: owner.displayName, action: 'probe.pair', entityType: 'probe', entityId: a.id });
        await w.emit({ type: 'probe.paired', tenantId: TENANT, entityType: 'probe', entityId: a.id, payload: { with: b.id } });
        await w.bumpVersion('wf_probe', b.id, 7, { title: '改名' }, '测试事项');
      }), (e: AppError) => e.code === 'VERSION_CONFLICT');
      assert.deepEqual({ a: await snapshot(a.id), b: await snapshot(b.id) }, before, 'a stale version anywhere rolls back the transition, the audit record and the event');

      const paired: DomainEvent[] = [];
      const off = bus.on('probe.paired', (e) => { paired.push(e); });
      try {
        await uow.run(async (w) => {
          await w.fire(spec, { id: a.id, action: 'submit', expectedVersion: 1, actor: owner });
          await w.bumpVersion('wf_probe', b.id, 1, { title: '改名' }, '测试事项');
          await w.emit({ type: 'probe.paired', tenantId: TENANT, entityType: 'probe', entityId: a.id, payload: { with: b.id } });
        });
        await bus.drain();
      } finally { off(); }
      assert.equal((await snapshot(a.id)).record?.state, 'submitted');
      assert.deepEqual([(await snapshot(b.id)).record?.title, (await snapshot(b.id)).record?.version], ['改名', 2]);
      assert.equal(paired.length, 1);
      assert.deepEqual(paired[0].payload, { with: b.id });
      assert.ok(paired[0].id, 'an event from the outbox carries its id');
    });

    test('a subscriber that fails leaves the event pending; it is delivered again later, all subscribers at least once', async () => {
      let failures = 1;
      const seen: string[] = [];
      const off = bus.on('probe.flaky', (e) => {
        seen.push(String(e.id));
        if (failures-- > 0) throw new Error('subscriber down');
      });
      try {
        const ev = await uow.run((w) => w.emit({ type: 'probe.flaky', tenantId: TENANT, payload: {} }));
        await bus.drain();
        const row = await h.db.selectFrom('outbox').selectAll().where('id', '=', ev.id!).executeTakeFirstOrThrow();
        assert.equal(row.delivered_at, null, 'not delivered while a subscriber fails');
        assert.equal(Number(row.attempts), 1);
        assert.match(String(row.last_error), /subscriber down/);
        // the retry is due after a second
        clock.advance(1_500);
        try { await outbox.drain(); } finally { clock.advance(-1_500); }
        const again = await h.db.selectFrom('outbox').selectAll().where('id', '=', ev.id!).executeTakeFirstOrThrow();
        assert.notEqual(again.delivered_at, null);
        assert.deepEqual(seen, [ev.id, ev.id]);
      } finally { off(); }
    });

    test('events another instance wrote and never delivered are delivered by this one; a live claim is left alone', async () => {
      const got: string[] = [];
      const off = bus.on('probe.orphan', (e) => { got.push(String((e.payload as { n: number }).n)); });
      try {
        // another instance is delivering an event (it claimed it and its subscriber is still at work) …
        const busy = new EventBus();
        let release!: () => void;
        const working = new Promise<void>((r) => { release = r; });
        let claimed!: () => void;
        const hasClaimed = new Promise<void>((r) => { claimed = r; });
        busy.on('probe.orphan', async () => { claimed(); await working; throw new Error('the instance died'); });
        const other = new Outbox({ db: h.db, dialect: h.dialect, events: busy, log: { error: () => {} }, pollMs: 0 });
        const e2 = await h.db.transaction().execute((trx) => other.write(trx, { type: 'probe.orphan', tenantId: TENANT, payload: { n: 2 } }, { held: false }));
        const otherRound = other.pollOnce();
        await hasClaimed;
        // … and an instance that committed and died left one it never delivered
        const gone = new Outbox({ db: h.db, dialect: h.dialect, events: new EventBus(), log: { error: () => {} }, pollMs: 0 });
        const e1 = await h.db.transaction().execute((trx) => gone.write(trx, { type: 'probe.orphan', tenantId: TENANT, payload: { n: 1 } }));
        await outbox.drain();
        assert.deepEqual(got, ['1'], 'the unclaimed event is delivered, the one another live instance holds is not');
        // the claim runs out: the holder died
        clock.advance(61_000);
        try { await outbox.drain(); } finally { clock.advance(-61_000); }
        assert.deepEqual(got, ['1', '2']);
        release();
        await otherRound;
        assert.equal((await h.db.selectFrom('outbox').select('delivered_at').where('id', 'in', [e1.id!, e2.id!]).execute()).filter((r) => r.delivered_at).length, 2);
      } finally { off(); }
    });

    test('a committed event is left to the instance that wrote it for a few seconds, then any instance delivers it', async () => {
      const got: number[] = [];
      const off = bus.on('probe.held', (e) => { got.push((e.payload as { n: number }).n); });
      try {
        // written by an instance that commits and dies before its own delivery
        const other = new Outbox({ db: h.db, dialect: h.dialect, events: new EventBus(), log: { error: () => {} }, pollMs: 0 });
        const ev = await h.db.transaction().execute((trx) => other.write(trx, { type: 'probe.held', tenantId: TENANT, payload: { n: 1 } }));
        // and one written by a notifier-like writer that only nudges polling
        const loose = await h.db.transaction().execute((trx) => other.write(trx, { type: 'probe.held', tenantId: TENANT, payload: { n: 2 } }, { held: false }));
        assert.equal(await outbox.pollOnce(), 1, 'polling takes the event not held for its writer');
        assert.deepEqual(got, [2]);
        clock.advance(11_000);
        try {
          assert.equal(await outbox.pollOnce(), 1, 'after the hold, polling on another instance delivers it');
        } finally { clock.advance(-11_000); }
        assert.deepEqual(got, [2, 1]);
        const rows = await h.db.selectFrom('outbox').select(['id', 'delivered_at']).where('id', 'in', [ev.id!, loose.id!]).execute();
        assert.equal(rows.filter((r) => r.delivered_at).length, 2);
        // the committing instance delivers its own held event at once, without waiting for the hold
        const mine = await uow.run((w) => w.emit({ type: 'probe.held', tenantId: TENANT, payload: { n: 3 } }));
        assert.deepEqual(got, [2, 1, 3]);
        // marked delivered with the others of the moment, a little after
        await outbox.flushMarks();
        const row = await h.db.selectFrom('outbox').select(['delivered_at', 'attempts']).where('id', '=', mine.id!).executeTakeFirstOrThrow();
        assert.notEqual(row.delivered_at, null);
        assert.equal(await outbox.pollOnce(), 0, 'and it is not delivered twice');
        assert.deepEqual(got, [2, 1, 3]);
      } finally { off(); }
    });

    test('the audit chain verifies after all of the above', async () => {
      const v = await verifyAuditChain(h.db);
      assert.equal(v.ok, true);
      assert.ok(v.count >= 10);
    });
  });
}
