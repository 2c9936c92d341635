/**
 * The room's stream (server-sent events). Every change in a room (a contribution published, held, approved or
 * rejected, a question routed or answered, a statement, new vote tallies and groups, the room opening or closing) is
 * one numbered event of the session (`live_events.seq`), written in the change's transaction and sent through the
 * outbox as `live.stream`, so it reaches every instance (Redis) exactly when the change exists.
 *
 * A browser opens `GET /api/live/sessions/:id/stream`; the frame id is the event's number. A browser that reconnects
 * sends Last-Event-ID and first receives, from the table, every event after it that it may see, then the live ones:
 * nothing missed, no polling. Events for hosts only (the moderation queue) go to hosts' connections only.
 */
import type { ServerResponse } from 'node:http';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { Work } from '../../../kernel/server/unit-of-work.ts';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import { liveDb, type LiveSessionRow } from './tables.ts';

export const LIVE_STREAM_EVENT = 'live.stream';
export const HEARTBEAT_MS = 25_000;
/** events replayed to a reconnecting browser at most (beyond that it re-reads the room) */
export const MAX_REPLAY = 2000;

export interface StreamPayload {
  room: string;
  seq: number;
  kind: string;
  hostsOnly: boolean;
  data: unknown;
}

/**
 * Append an event to the session's stream inside a unit of work: the next number (the session row's counter, so
 * numbers are gapless per session), the row, and the outbox event that carries it to every instance.
 */
export async function appendEvent(w: Work, session: Pick<LiveSessionRow, 'id' | 'tenant_id'>, kind: string, data: unknown, hostsOnly = false): Promise<number> {
  const row = await w.trx.updateTable('live_sessions').set((eb: any) => ({ event_seq: eb('event_seq', '+', 1) }))
    .where('id', '=', session.id).returning('event_seq').executeTakeFirstOrThrow();
  const seq = Number(row.event_seq);
  await w.trx.insertInto('live_events').values({ session_id: session.id, seq, kind, hosts_only: hostsOnly ? 1 : 0, data: JSON.stringify(data), at: w.now }).execute();
  const payload: StreamPayload = { room: session.id, seq, kind, hostsOnly, data };
  await w.emit({ type: LIVE_STREAM_EVENT, tenantId: session.tenant_id, entityType: 'live_session', entityId: session.id, payload: payload as unknown as Record<string, unknown> });
  return seq;
}

/** Format one SSE frame. */
export const frame = (seq: number, kind: string, data: unknown) => `id: ${seq}\nevent: ${kind}\ndata: ${JSON.stringify(data)}\n\n`;

interface Conn {
  res: ServerResponse;
  hosts: boolean;
  /** events that arrived while the replay was read; null once it is written */
  buffer: StreamPayload[] | null;
  /** the last event number the browser said it had (Last-Event-ID); -1 for none */
  after: number;
  /** the numbers written to it by the replay (a late second delivery of one of them is not written again) */
  replayed: Set<number>;
  close(): void;
}

/**
 * Event numbers a room has recently been sent on this instance. The outbox delivers at least once: an instance that
 * dies after sending an event but before marking it delivered leaves it to be sent again by another instance; the
 * numbers already sent are not sent again to the room, nor to a browser that had it before it reconnected (its
 * Last-Event-ID) or got it in its replay.
 */
export const RECENT_SEQS = 4096;

/** This instance's open room streams. */
export class LiveStreams {
  private rooms = new Map<string, Set<Conn>>();
  /** room → the event numbers sent to it lately (insertion order, at most RECENT_SEQS) */
  private sent = new Map<string, Set<number>>();
  private off: () => void;

  constructor(private ctx: ModuleContext) {
    this.off = ctx.events.onBroadcast(LIVE_STREAM_EVENT, (e) => this.dispatch(e));
  }

  /** connections on this instance to the session's room */
  size(sessionId: string): number { return this.rooms.get(sessionId)?.size ?? 0; }
  get total(): number { let n = 0; for (const s of this.rooms.values()) n += s.size; return n; }

  private dispatch(e: DomainEvent): void {
    const p = e.payload as unknown as StreamPayload;
    const set = this.rooms.get(p.room);
    if (!set) return;
    let sent = this.sent.get(p.room);
    if (!sent) this.sent.set(p.room, (sent = new Set()));
    if (sent.has(p.seq)) return;
    sent.add(p.seq);
    if (sent.size > RECENT_SEQS) sent.delete(sent.values().next().value!);
    let text: string | null = null;
    for (const c of set) {
      if (p.hostsOnly && !c.hosts) continue;
      if (c.buffer) { c.buffer.push(p); continue; }
      if (p.seq <= c.after || c.replayed.has(p.seq)) continue;
      if (c.res.destroyed || c.res.writableEnded) { c.close(); continue; }
      c.res.write((text ??= frame(p.seq, p.kind, p.data)));
    }
  }

  /** Serve a stream on a hijacked response: replay after `after`, then live events, with heartbeats. */
  async open(sessionId: string, res: ServerResponse, opts: { hosts: boolean; after: number; onClose?: () => void }): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive',
      'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff',
    });
    res.socket?.setNoDelay?.(true);
    let closed = false;
    const heartbeat = setInterval(() => { if (!res.destroyed) res.write(': ping\n\n'); }, HEARTBEAT_MS);
    heartbeat.unref();
    const conn: Conn = {
      res, hosts: opts.hosts, buffer: [], after: opts.after, replayed: new Set(),
      close: () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        const set = this.rooms.get(sessionId);
        set?.delete(conn);
        if (set && !set.size) { this.rooms.delete(sessionId); this.sent.delete(sessionId); }
        if (!res.writableEnded) res.end();
        opts.onClose?.();
      },
    };
    res.on('close', () => conn.close());
    res.on('error', () => conn.close());
    let set = this.rooms.get(sessionId);
    if (!set) this.rooms.set(sessionId, (set = new Set()));
    set.add(conn);
    res.write('retry: 3000\n: connected\n\n');
    try {
      if (opts.after >= 0) {
        let q = liveDb(this.ctx.db).selectFrom('live_events').select(['seq', 'kind', 'data', 'hosts_only']).where('session_id', '=', sessionId).where('seq', '>', opts.after);
        if (!opts.hosts) q = q.where('hosts_only', '=', 0);
        const rows = await q.orderBy('seq').limit(MAX_REPLAY).execute();
        for (const r of rows) {
          if (closed) return;
          res.write(`id: ${r.seq}\nevent: ${r.kind}\ndata: ${r.data}\n\n`);
          conn.replayed.add(Number(r.seq));
        }
      }
    } finally {
      const pending = conn.buffer ?? [];
      conn.buffer = null;
      const written = new Set<number>();
      for (const p of pending) {
        if (closed || p.seq <= opts.after || conn.replayed.has(p.seq) || written.has(p.seq)) continue;
        written.add(p.seq);
        res.write(frame(p.seq, p.kind, p.data));
      }
    }
  }

  closeAll(): void {
    this.off();
    for (const set of [...this.rooms.values()]) for (const c of [...set]) c.close();
  }
}
