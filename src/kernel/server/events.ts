/**
 * Domain events. Two kinds of subscriber:
 * - `on` runs once per event (notifications, indexing, mail, cross-module reactions);
 * - `onBroadcast` runs on every instance (pushes to the browsers connected to it), fanned out through Redis when configured.
 *
 * An event that records a change is written to the durable outbox in the change's transaction (`Outbox.write`, or
 * `Work.emit` in a unit of work) and delivered from there at least once, by `deliver`. `publish` sends a signal that
 * is worth nothing after a restart (a cache to drop on every instance) straight away, without the outbox.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { clock } from '../universal/clock.ts';

export interface DomainEvent<P = Record<string, unknown>> {
  /** the outbox row's id, for events delivered from the outbox: subscribers use it to do their work once */
  id?: string;
  type: string; // e.g. 'proposal.transitioned'
  tenantId: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** users and organisations the event concerns, for real-time delivery */
  audience?: { userIds?: string[]; orgIds?: string[]; roles?: string[] };
  payload: P;
  at: string;
  /** the instance that published the event */
  origin?: string;
}

export type Handler = (e: DomainEvent) => void | Promise<void>;

/** A transport that carries broadcast events between instances. */
export interface BroadcastTransport {
  publish(e: DomainEvent): Promise<void>;
  subscribe(onEvent: (e: DomainEvent) => void): Promise<void>;
  close(): Promise<void>;
}

export class EventBus {
  readonly instanceId = randomUUID();
  private local = new EventEmitter();
  private broadcast = new EventEmitter();
  private transport?: BroadcastTransport;
  private pending = new Set<Promise<unknown>>();
  private outbox?: { drain(): Promise<void> };
  onError: (err: unknown, e: DomainEvent) => void = (err) => console.error('event handler failed', err);

  constructor() {
    this.local.setMaxListeners(0);
    this.broadcast.setMaxListeners(0);
  }

  async useTransport(t: BroadcastTransport): Promise<void> {
    this.transport = t;
    await t.subscribe((e) => {
      if (e.origin === this.instanceId) return;
      this.broadcast.emit(e.type, e);
      this.broadcast.emit('*', e);
    });
  }

  on(type: string, h: Handler): () => void {
    // from `publish`: run in the background, tracked for `drain`; from `deliver`: awaited by the outbox
    const wrapped = (e: DomainEvent, direct?: true) => (direct ? h(e) : this.track(h, e));
    this.local.on(type, wrapped);
    return () => this.local.off(type, wrapped);
  }

  onBroadcast(type: string, h: Handler): () => void {
    const wrapped = (e: DomainEvent) => this.track(h, e);
    this.broadcast.on(type, wrapped);
    return () => this.broadcast.off(type, wrapped);
  }

  /** The durable outbox whose deliveries `drain` waits for. */
  attachOutbox(o: { drain(): Promise<void> }): void {
    this.outbox = o;
  }

  /**
   * Deliver an event from the outbox: run the local subscribers and wait for all of them (throwing if any failed, so
   * the outbox tries the event again), then broadcast it to every instance.
   */
  async deliver(ev: DomainEvent): Promise<void> {
    const handlers = [...this.local.listeners(ev.type), ...this.local.listeners('*')] as Array<(e: DomainEvent) => unknown>;
    const failures: unknown[] = [];
    for (const h of handlers) {
      try { await (h as (e: DomainEvent, direct: true) => unknown)(ev, true); } catch (err) { failures.push(err); }
    }
    if (failures.length) throw failures.length === 1 ? failures[0] : new AggregateError(failures, `${failures.length} subscribers of ${ev.type} failed`);
    this.broadcast.emit(ev.type, ev);
    this.broadcast.emit('*', ev);
    if (this.transport) await this.transport.publish(ev).catch((err) => this.onError(err, ev));
  }

  /** Send a signal now, without the outbox. Local handlers run asynchronously; the promise resolves once they are queued. */
  async publish(e: Omit<DomainEvent, 'at' | 'origin'> & { at?: string }): Promise<void> {
    const ev: DomainEvent = { ...e, at: e.at ?? clock.iso(), origin: this.instanceId };
    this.local.emit(ev.type, ev);
    this.local.emit('*', ev);
    this.broadcast.emit(ev.type, ev);
    this.broadcast.emit('*', ev);
    if (this.transport) await this.transport.publish(ev).catch((err) => this.onError(err, ev));
  }

  /** Wait until the outbox has delivered what is due and every handler started so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      await this.outbox?.drain();
      if (!this.pending.size) return;
      while (this.pending.size) await Promise.allSettled([...this.pending]);
    }
  }

  async close(): Promise<void> {
    await this.drain();
    await this.transport?.close();
  }

  private track(h: Handler, e: DomainEvent) {
    const p = Promise.resolve()
      .then(() => h(e))
      .catch((err) => this.onError(err, e))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }
}
