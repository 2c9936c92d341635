/**
 * The durable outbox (事件发件箱). A command writes its domain events into the `outbox` table in the same transaction
 * as the change they describe, so an event exists exactly when its change does. After commit the instance is nudged to
 * deliver; every instance also polls, so events written by an instance that died before delivering (a crash, `kill -9`,
 * a lost connection) are delivered by whichever instance runs next.
 *
 * Delivery is at least once: an instance claims a batch of pending events (SKIP LOCKED on PostgreSQL, so instances
 * never claim the same rows; SQLite has one writer), runs the event's local subscribers (notifications, search
 * indexing, caches, cross-module reactions such as turning a proposal into a 社情民意 report) and awaits them, then
 * broadcasts it to every instance (Redis), and marks it delivered. A subscriber that throws leaves the event pending;
 * it is tried again with a growing delay, all of its subscribers again, so subscribers are idempotent (they check
 * what they have already done, keyed by the record or by the event's id).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { newId } from '../universal/ids.ts';
import { clock } from '../universal/clock.ts';
import { skipLocked, type DialectName } from './db/dialect.ts';
import { insertRow, runPrepared } from './db/prepared.ts';
import type { DomainEvent, EventBus } from './events.ts';
import type { OutboxTable } from './db/tables.ts';

/** What a command emits; the outbox adds the id, the time and the origin. */
export type EventDraft = Omit<DomainEvent, 'at' | 'origin' | 'id'> & { at?: string };

/** Delivered events are kept this long (for inspection), then removed. */
const KEEP_DELIVERED_MS = 7 * 86_400_000;
/** A claim not marked delivered by then is taken to have died with its instance. */
const CLAIM_MS = 60_000;
/**
 * How long polling leaves a command's events to the instance that committed them (it delivers them at once, before it
 * answers); after that any instance takes them, so the events of an instance that died after its commit wait this long.
 */
const HOLD_MS = 10_000;
const BATCH = 100;
/**
 * Events this instance delivered from memory are marked delivered together, at most this long after their delivery
 * (one statement for all the transitions of that time instead of one commit each). An instance that stops in between
 * leaves them pending: they are delivered again (at least once), by whichever instance runs next once the hold lapses.
 */
const MARK_MS = 200;
/** how many ids one marking statement names */
const MARK_BATCH = 500;
/** rows per statement of `writeAll` (16 parameters each) */
const WRITE_BATCH = 50;
/** the columns `writeAll` fills, in the order of its parameters */
const OUTBOX_COLUMNS = ['id', 'type', 'tenant_id', 'entity_type', 'entity_id', 'actor_id', 'audience', 'payload', 'at', 'origin', 'attempts', 'available_at', 'claimed_by', 'claimed_until', 'delivered_at', 'last_error'] as const;
/** Events written on this instance and not yet delivered by it, kept in memory so delivery need not read them back. */
const RECENT_MAX = 10_000;

/** The columns a claim reads back. */
type OutboxRow = Pick<OutboxTable, 'id' | 'type' | 'tenant_id' | 'entity_type' | 'entity_id' | 'actor_id' | 'audience' | 'payload' | 'at' | 'origin' | 'attempts'>;

export interface OutboxOptions {
  db: Kysely<any>;
  dialect: DialectName;
  events: EventBus;
  log: { error: (...a: unknown[]) => void };
  /** how often an idle instance looks for events left by others (ms); 0 turns polling off (tests that drive delivery) */
  pollMs?: number;
}

export class Outbox {
  private timer?: ReturnType<typeof setInterval>;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;
  private lastPrune = 0;
  private recent = new Map<string, DomainEvent & { id: string }>();
  /** delivered from memory by this instance, not yet marked delivered in the table */
  private marks = new Set<string>();
  private markTimer?: ReturnType<typeof setTimeout>;
  private marking?: Promise<void>;
  /** commands' deliveries (`deliverNow`) under way: stopping and draining wait for them */
  private inflight = new Set<Promise<void>>();
  /** events being delivered from memory right now: a polling round or a drain leaves them to that delivery */
  private delivering = new Set<string>();

  constructor(private opts: OutboxOptions) {}

  /**
   * Write an event inside the caller's transaction; it is delivered after commit. Returns the event as delivered.
   * By default the committing instance delivers it itself right after the commit (`deliverNow`), and polling leaves it
   * alone for a few seconds; `{ held: false }` makes it available to polling at once (writers that only `kick`).
   */
  async write(trx: Kysely<any>, e: EventDraft, opts: { held?: boolean } = {}): Promise<DomainEvent> {
    const { ev, row } = this.draft(e, opts);
    await insertRow(trx, 'outbox', row);
    if (opts.held ?? true) this.hold(ev);
    return ev;
  }

  /**
   * The event `write` would write and its `outbox` row, for a statement that writes the row together with others (a
   * transition's, on PostgreSQL); once that statement has run inside the caller's transaction, `hold` the event.
   */
  draft(e: EventDraft, opts: { held?: boolean } = {}): { ev: DomainEvent & { id: string }; row: Record<string, unknown> } {
    const ev: DomainEvent & { id: string } = { ...e, id: newId(), at: e.at ?? clock.iso(), origin: this.opts.events.instanceId };
    const held = opts.held ?? true;
    const row = {
      id: ev.id, type: ev.type, tenant_id: ev.tenantId, entity_type: ev.entityType ?? null, entity_id: ev.entityId ?? null,
      actor_id: ev.actorId ?? null, audience: ev.audience ? JSON.stringify(ev.audience) : null, payload: JSON.stringify(ev.payload ?? {}),
      at: ev.at, origin: ev.origin ?? null, attempts: 0,
      available_at: held ? new Date(Date.parse(ev.at) + HOLD_MS).toISOString() : ev.at,
      claimed_by: null, claimed_until: null, delivered_at: null, last_error: null,
    };
    return { ev, row };
  }

  /** Keep a held event written by this instance in memory, for `deliverNow` after the commit. */
  hold(ev: DomainEvent & { id: string }): void {
    // a rolled-back write leaves an entry here until it is pushed out by newer ones
    this.recent.set(ev.id, ev);
    if (this.recent.size > RECENT_MAX) this.recent.delete(this.recent.keys().next().value as string);
  }

  /**
   * Write several events inside the caller's transaction, as `write` does each (held for this instance), in statements
   * of up to 50 rows: a command that emits one event per item of a batch (a meeting's sign-ins) pays one insert per 50.
   */
  async writeAll(trx: Kysely<any>, drafts: readonly EventDraft[]): Promise<DomainEvent[]> {
    const evs = drafts.map((e): DomainEvent & { id: string } => ({ ...e, id: newId(), at: e.at ?? clock.iso(), origin: this.opts.events.instanceId }));
    const rows = evs.map((ev) => [
      ev.id, ev.type, ev.tenantId, ev.entityType ?? null, ev.entityId ?? null, ev.actorId ?? null, ev.audience ? JSON.stringify(ev.audience) : null,
      JSON.stringify(ev.payload ?? {}), ev.at, ev.origin ?? null, 0, new Date(Date.parse(ev.at) + HOLD_MS).toISOString(), null, null, null, null,
    ]);
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const part = rows.slice(i, i + WRITE_BATCH);
      // one compiled text per number of rows
      await runPrepared(trx, `outbox:insert:${part.length}`, part.flat(), (d, p) => d.insertInto('outbox').values(part.map((_, r) => Object.fromEntries(OUTBOX_COLUMNS.map((c, k) => [c, p[r * OUTBOX_COLUMNS.length + k]])))));
    }
    for (const ev of evs) this.hold(ev);
    return evs;
  }

  /** Start polling for events this instance has not been nudged about (left by an instance that stopped). */
  start(): void {
    const every = this.opts.pollMs ?? 1000;
    if (every > 0 && !this.timer) {
      this.timer = setInterval(() => this.kick(), every);
      this.timer.unref();
    }
    this.kick();
  }

  /** Deliver what is pending now (after a commit); concurrent nudges coalesce into one more round. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    this.running = this.deliverPending()
      .catch((err) => { this.opts.log.error('outbox delivery failed:', err); return 0; })
      .finally(() => {
        this.running = undefined;
        if (this.again) { this.again = false; this.kick(); }
      });
  }

  /** One polling round, as the timer runs it: deliver what is due (not what is held for the instance that wrote it). */
  async pollOnce(): Promise<number> {
    return this.deliverPending(false);
  }

  /**
   * Deliver these events now, on this instance, and wait for their subscribers: a command calls it after its commit,
   * so it answers after its own notices are in the inbox and the caches it touched are dropped. Only its own events
   * are delivered, so a request never waits on others' work; one a polling round claimed first is left to that round.
   * A subscriber that fails leaves its event pending for the retry, and the command still succeeds.
   */
  async deliverNow(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const p = this.deliverOwn(ids);
    this.inflight.add(p);
    try { await p; } finally { this.inflight.delete(p); }
  }

  private async deliverOwn(ids: readonly string[]): Promise<void> {
    const known: (DomainEvent & { id: string })[] = [];
    const unknown: string[] = [];
    for (const id of ids) {
      const ev = this.recent.get(id);
      this.recent.delete(id);
      if (ev) known.push(ev); else unknown.push(id);
    }
    // once stopping, a command's events are left in the outbox for the next instance (delivered once, by it)
    if (this.stopped) return;
    for (const ev of known) this.delivering.add(ev.id);
    try {
      // held events are this instance's alone for HOLD_MS: delivered from memory without a claim, and marked delivered
      // with the others of the next MARK_MS in one statement after it (the command does not wait for the mark)
      let marked = false;
      for (const ev of known) {
        if (await this.deliverEvent(ev, 0)) { this.marks.add(ev.id); marked = true; }
        this.delivering.delete(ev.id);
      }
      if (marked) this.scheduleMarks();
      for (let i = 0; i < unknown.length; i += BATCH) {
        for (const row of await this.claim(unknown.slice(i, i + BATCH))) await this.deliverOne(row);
      }
    } catch (err) {
      // the events stay in the outbox; polling delivers them
      this.opts.log.error('outbox delivery failed:', err);
      this.kick();
    } finally {
      for (const ev of known) this.delivering.delete(ev.id);
    }
  }

  /** Mark what this instance delivered from memory as delivered, now (draining, stopping, counting). */
  async flushMarks(): Promise<void> {
    if (this.markTimer) { clearTimeout(this.markTimer); this.markTimer = undefined; }
    while (this.marking) await this.marking;
    if (!this.marks.size) return;
    const ids = [...this.marks];
    this.marks.clear();
    this.marking = (async () => {
      const at = clock.iso();
      for (let i = 0; i < ids.length; i += MARK_BATCH) {
        const part = ids.slice(i, i + MARK_BATCH);
        try {
          await this.opts.db.updateTable('outbox').set({ delivered_at: at, claimed_until: null, last_error: null })
            .where('id', 'in', part).where('delivered_at', 'is', null).execute();
        } catch (err) {
          // marked next time; until then they are still held for this instance
          for (const id of part) this.marks.add(id);
          this.opts.log.error('outbox marking failed:', err);
        }
      }
    })().finally(() => { this.marking = undefined; });
    await this.marking;
    if (this.marks.size) this.scheduleMarks();
  }

  private scheduleMarks(): void {
    if (this.markTimer || this.stopped) return;
    this.markTimer = setTimeout(() => {
      this.markTimer = undefined;
      void this.flushMarks();
    }, MARK_MS);
    this.markTimer.unref();
  }

  /**
   * Deliver until nothing this instance may claim is left (tests and shutdown wait on it). Events whose subscribers
   * failed stay pending for their retry time and are not waited for.
   */
  async drain(): Promise<void> {
    // the commands' own deliveries finish, and what this instance delivered is marked first, so draining does not
    // take it for undelivered (and deliver it a second time)
    await this.settle();
    await this.flushMarks();
    for (let i = 0; i < 1000; i++) {
      if (this.running) await this.running;
      else if ((await this.deliverPending(true)) === 0) break;
    }
    await this.flushMarks();
  }

  /**
   * Stop: no more polling rounds or deliveries start; the polling round and the commands' deliveries under way finish,
   * then what they delivered is marked in the table. Only after that may the database close. Events not delivered by
   * then stay pending, for whichever instance runs next.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.settle();
    await this.flushMarks();
  }

  /** Wait for the polling round and the commands' deliveries under way (and for any they set off). */
  private async settle(): Promise<void> {
    while (this.running || this.inflight.size) {
      if (this.running) await this.running;
      if (this.inflight.size) await Promise.allSettled([...this.inflight]);
    }
  }

  /** Events written but not yet delivered (for health checks and tests). */
  async pendingCount(): Promise<number> {
    await this.flushMarks();
    const r = await this.opts.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('delivered_at', 'is', null).executeTakeFirst();
    return Number((r as { n: unknown } | undefined)?.n ?? 0);
  }

  /**
   * The events of one record (or of one type of it), oldest first, and whether each was delivered: tests read what a
   * command emitted through it, and modules never name the table.
   */
  async eventsOf(entityId: string, opts: { type?: string } = {}): Promise<Array<DomainEvent & { id: string; delivered: boolean; attempts: number }>> {
    await this.flushMarks();
    let q = this.opts.db.selectFrom('outbox').selectAll().where('entity_id', '=', entityId);
    if (opts.type) q = q.where('type', '=', opts.type);
    const rows = (await q.orderBy('id').execute()) as OutboxTable[];
    return rows.map((r) => ({
      ...this.toEvent(r), id: r.id, delivered: r.delivered_at !== null, attempts: Number(r.attempts),
    }));
  }

  /**
   * Deliver these events again, as if the instance that delivered them had stopped before marking them (at least once):
   * they are pending and due now, for the next polling round or drain. For tests of idempotent subscribers and for
   * repair. Returns how many events were reopened.
   */
  async redeliver(filter: { entityId: string; type?: string }): Promise<number> {
    await this.flushMarks();
    let q = this.opts.db.updateTable('outbox').set({ delivered_at: null, available_at: clock.iso(), claimed_by: null, claimed_until: null })
      .where('entity_id', '=', filter.entityId);
    if (filter.type) q = q.where('type', '=', filter.type);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  }

  /** Claim and deliver pending events in batches; returns how many were delivered. */
  private async deliverPending(includeHeld = false): Promise<number> {
    let delivered = 0;
    for (;;) {
      const rows = await this.claim(undefined, includeHeld);
      if (!rows.length) break;
      for (const [i, row] of rows.entries()) {
        if (this.stopped) {
          // stopping: the rest of the batch is given back at once, not after its claim lapses
          await this.release(rows.slice(i).map((r) => r.id));
          return delivered;
        }
        // delivered from memory a moment ago (or right now), its mark not yet written: the claim lapses once the mark is written
        if (this.marks.has(row.id) || this.delivering.has(row.id)) continue;
        if (await this.deliverOne(row)) delivered++;
      }
      if (rows.length < BATCH) break;
    }
    await this.prune();
    return delivered;
  }

  /**
   * Claim a batch of pending events that are due (or these ones, when `ids` is given), in id order; `includeHeld` also
   * takes first attempts still held for the instance that committed them (draining: tests, a restart after a crash).
   */
  private async claim(ids?: readonly string[], includeHeld = false): Promise<OutboxRow[]> {
    const { db, dialect, events } = this.opts;
    const now = clock.iso();
    const until = new Date(clock.nowMs() + CLAIM_MS).toISOString();
    const which = ids ? sql`id in (${sql.join(ids)})`
      : includeHeld ? sql`(available_at <= ${now} or attempts = 0)` : sql`available_at <= ${now}`;
    const r = await sql<OutboxRow>`
      update outbox set claimed_by = ${events.instanceId}, claimed_until = ${until}
      where id in (
        select id from outbox
        where delivered_at is null and ${which} and (claimed_until is null or claimed_until < ${now})
        order by id limit ${BATCH}${sql.raw(skipLocked(dialect))}
      )
      returning id, type, tenant_id, entity_type, entity_id, actor_id, audience, payload, at, origin, attempts`.execute(db);
    return [...r.rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Give claimed events back (pending, due as before) without delivering them. */
  private async release(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += MARK_BATCH) {
      await this.opts.db.updateTable('outbox').set({ claimed_by: null, claimed_until: null })
        .where('id', 'in', ids.slice(i, i + MARK_BATCH)).where('claimed_by', '=', this.opts.events.instanceId).where('delivered_at', 'is', null).execute();
    }
  }

  private toEvent(row: OutboxRow): DomainEvent {
    return {
      id: row.id, type: row.type, tenantId: row.tenant_id, payload: JSON.parse(row.payload), at: row.at,
      ...(row.entity_type ? { entityType: row.entity_type } : {}), ...(row.entity_id ? { entityId: row.entity_id } : {}),
      ...(row.actor_id ? { actorId: row.actor_id } : {}), ...(row.audience ? { audience: JSON.parse(row.audience) } : {}),
      origin: row.origin ?? undefined,
    };
  }

  private async deliverOne(row: OutboxRow): Promise<boolean> {
    const ev = this.toEvent(row);
    if (!(await this.deliverEvent(ev, Number(row.attempts)))) return false;
    await this.opts.db.updateTable('outbox').set({ delivered_at: clock.iso(), claimed_until: null, last_error: null }).where('id', '=', row.id).execute();
    return true;
  }

  /** Run the event's subscribers; on failure record the attempt and when to try again. */
  private async deliverEvent(ev: DomainEvent, attemptsBefore: number): Promise<boolean> {
    const { db, events } = this.opts;
    const row = { id: ev.id, type: ev.type };
    try {
      await events.deliver(ev);
    } catch (err) {
      const attempts = attemptsBefore + 1;
      // 1 s, 2 s, 4 s … up to an hour
      const wait = Math.min(3_600_000, 1000 * 2 ** Math.min(attempts - 1, 12));
      await db.updateTable('outbox').set({
        attempts, available_at: new Date(clock.nowMs() + wait).toISOString(), claimed_by: null, claimed_until: null,
        last_error: String((err as Error)?.stack ?? err).slice(0, 2000),
      }).where('id', '=', row.id).execute();
      this.opts.log.error(`event ${row.type} (${row.id}) failed, attempt ${attempts}; retrying in ${wait / 1000} s:`, err);
      return false;
    }
    return true;
  }

  private async prune(): Promise<void> {
    const now = clock.nowMs();
    if (now - this.lastPrune < 3_600_000) return;
    this.lastPrune = now;
    await this.opts.db.deleteFrom('outbox').where('delivered_at', '<', new Date(now - KEEP_DELIVERED_MS).toISOString()).execute();
  }
}
