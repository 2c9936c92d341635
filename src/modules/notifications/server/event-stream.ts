/**
 * GET /api/events/stream: the browser's push channel (server-sent events). One broadcast subscription per app
 * instance dispatches each event to the connections whose user it concerns: `event: worklist` when a record moved
 * on, `event: notification` for a new inbox message. With Redis configured, events committed on another instance
 * arrive here through the event bus's transport.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { audienceIncludes, pushEventName, sseFrame } from '../domain/audience.ts';
import type { NotificationPush, WorklistPush } from '../contract.ts';
import type { NotificationCreatedPayload } from './notifier.ts';
import { liveSessionIds, SESSIONS_CHANGED } from '../../identity/index.ts';
import { clock } from '../../../kernel/universal/clock.ts';

export const HEARTBEAT_MS = 25_000;
/** connections one user may hold open (tabs, devices); the oldest is closed beyond this */
export const MAX_STREAMS_PER_USER = 8;

interface Connection {
  actor: Pick<Actor, 'userId' | 'orgId' | 'roles' | 'tenantId' | 'sessionId'>;
  res: ServerResponse;
  openedAt: number;
  close(): void;
}

/** The connected browsers of one app instance. */
export class EventStreamHub {
  private conns = new Set<Connection>();
  private unsubscribe: () => void;
  private seq = 0;

  constructor(events: ModuleContext['events']) {
    this.unsubscribe = events.onBroadcast('*', (e) => this.dispatch(e));
  }

  get size(): number { return this.conns.size; }

  add(c: Connection): void {
    const mine = [...this.conns].filter((x) => x.actor.userId === c.actor.userId).sort((a, b) => a.openedAt - b.openedAt);
    while (mine.length >= MAX_STREAMS_PER_USER) mine.shift()!.close();
    this.conns.add(c);
  }

  remove(c: Connection): void { this.conns.delete(c); }

  dispatch(e: DomainEvent): void {
    const name = pushEventName(e.type);
    if (!name || !this.conns.size) return;
    const id = `${clock.nowMs()}-${++this.seq}`;
    for (const c of this.conns) {
      if (!audienceIncludes(e.audience, c.actor)) continue;
      let data: WorklistPush | NotificationPush | null;
      if (name === 'worklist') {
        const p = e.payload as Record<string, unknown>;
        data = {
          type: e.type, entityType: e.entityType, entityId: e.entityId, at: e.at,
          from: (p.from as string | null) ?? null, to: p.to as string | undefined, action: p.action as string | undefined, title: p.title as string | undefined,
        };
      } else {
        const p = e.payload as unknown as NotificationCreatedPayload;
        const item = p.items?.find((i) => i.userId === c.actor.userId);
        data = item ? { id: item.id, kind: p.kind, title: p.title, body: p.body, link: p.link, readAt: null, createdAt: p.createdAt } : null;
      }
      if (data) write(c, sseFrame(name, data, id));
    }
  }

  /**
   * End the streams whose session has ended (signed out, expired, gone idle, user disabled or changed): a stream
   * outlives the request that opened it, so the sign-in is checked again whenever sessions change and at each heartbeat.
   */
  async recheck(live: (sessionIds: string[]) => Promise<Set<string>>): Promise<number> {
    if (!this.conns.size) return 0;
    const conns = [...this.conns];
    const alive = await live([...new Set(conns.map((c) => c.actor.sessionId))]);
    let ended = 0;
    for (const c of conns) if (!alive.has(c.actor.sessionId)) { c.close(); ended++; }
    return ended;
  }

  /** End every stream (shutdown) and stop listening. */
  closeAll(): void {
    this.unsubscribe();
    for (const c of [...this.conns]) c.close();
  }
}

function write(c: Connection, chunk: string) {
  if (c.res.destroyed || c.res.writableEnded) return c.close();
  c.res.write(chunk);
}

export function registerEventStream(app: App, ctx: ModuleContext): EventStreamHub {
  const hub = new EventStreamHub(ctx.events);
  const recheck = () => {
    hub.recheck((ids) => liveSessionIds(ctx.db, ids, ctx.config.sessionIdleSeconds))
      .catch((err) => ctx.log.warn('event stream: checking sessions failed', err));
  };
  const offSessions = ctx.events.onBroadcast(SESSIONS_CHANGED, recheck);
  const sweep = setInterval(recheck, HEARTBEAT_MS);
  sweep.unref();
  app.addHook('preClose', async () => { clearInterval(sweep); offSessions(); hub.closeAll(); });

  app.get('/api/events/stream', {
    schema: {
      tags: ['notifications'],
      summary: '实时推送（Server-Sent Events）：event: worklist 待办变化；event: notification 新通知',
      response: { 200: z.string().describe('text/event-stream 数据流') },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.socket?.setNoDelay?.(true);
    let closed = false;
    const heartbeat = setInterval(() => { if (!res.destroyed) res.write(': ping\n\n'); }, HEARTBEAT_MS);
    heartbeat.unref();
    const conn: Connection = {
      actor: { userId: actor.userId, orgId: actor.orgId, roles: [...actor.roles], tenantId: actor.tenantId, sessionId: actor.sessionId },
      res,
      openedAt: clock.nowMs(),
      close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        hub.remove(conn);
        if (!res.writableEnded) res.end();
      },
    };
    req.raw.on('close', () => conn.close());
    res.on('error', () => conn.close());
    hub.add(conn);
    // reconnect delay for EventSource, then a comment so the client knows the stream is live
    res.write('retry: 5000\n: connected\n\n');
  });
  return hub;
}
