/**
 * Domain events. Published after commit. Two kinds of subscriber:
 * - `on` runs once, on the instance that committed (notifications, indexing, mail);
 * - `onBroadcast` runs on every instance (pushes to the browsers connected to it), fanned out through Redis when configured.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { clock } from '../universal/clock.ts';

export interface DomainEvent<P = Record<string, unknown>> {
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
    const wrapped = (e: DomainEvent) => this.track(h, e);
    this.local.on(type, wrapped);
    return () => this.local.off(type, wrapped);
  }

  onBroadcast(type: string, h: Handler): () => void {
    const wrapped = (e: DomainEvent) => this.track(h, e);
    this.broadcast.on(type, wrapped);
    return () => this.broadcast.off(type, wrapped);
  }

  /** Publish after commit. Local handlers run asynchronously; the promise resolves once they are queued. */
  async publish(e: Omit<DomainEvent, 'at' | 'origin'> & { at?: string }): Promise<void> {
    const ev: DomainEvent = { ...e, at: e.at ?? clock.iso(), origin: this.instanceId };
    this.local.emit(ev.type, ev);
    this.local.emit('*', ev);
    this.broadcast.emit(ev.type, ev);
    this.broadcast.emit('*', ev);
    if (this.transport) await this.transport.publish(ev).catch((err) => this.onError(err, ev));
  }

  /** Wait until every handler started so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
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
