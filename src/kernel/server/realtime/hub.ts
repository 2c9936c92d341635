/**
 * GET /api/events/stream: the browser's push stream (server-sent events). One broadcast subscription per app instance
 * dispatches each event to the connections it concerns, on the push channels the modules declare
 * (`ModuleManifest.channels`): to users an event's audience names (`event: worklist`, `event: notification`), or to
 * everyone who joined a room (`?rooms=<channel>:<key>,…`, each join checked by the channel's `canJoin`). With Redis
 * configured, events committed or published on another instance arrive here through the event bus's transport.
 *
 * A stream does not replay: its frames carry ids, but a browser that reconnects (sending Last-Event-ID) gets a fresh
 * stream and re-reads what it shows (its worklist, its inbox, the room's state) instead.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { App } from '../http/server.ts';
import type { ModuleContext } from '../module.ts';
import type { DomainEvent, EventBus } from '../events.ts';
import type { Actor } from '../actor.ts';
import type { PushChannelDecl, RoomPushChannel } from '../contributions.ts';
import { actorOf } from '../http/request-actor.ts';
import { AppError } from '../../universal/errors.ts';
import { clock } from '../../universal/clock.ts';
import { audienceIncludes, isChannelName, parseRooms, roomId, roomInPayload, sseFrame, type Listener } from './addressing.ts';

export const HEARTBEAT_MS = 25_000;
/** connections one user may hold open (tabs, devices); the oldest is closed beyond this */
export const MAX_STREAMS_PER_USER = 8;

interface Connection {
  actor: Listener & Pick<Actor, 'sessionId'>;
  /** the rooms joined, as `<channel>:<key>` */
  rooms: readonly string[];
  res: ServerResponse;
  openedAt: number;
  close(): void;
}

/** The connected browsers of one app instance and the channels they are pushed on. */
export class RealtimeHub {
  private conns = new Set<Connection>();
  /** `<channel>:<key>` → the connections joined to it */
  private rooms = new Map<string, Set<Connection>>();
  private byType = new Map<string, PushChannelDecl[]>();
  private readonly channels: readonly PushChannelDecl[];
  private unsubscribe: () => void;
  private seq = 0;

  constructor(events: EventBus, channels: readonly PushChannelDecl[], private log: Pick<ModuleContext['log'], 'warn'> = console) {
    const names = new Set<string>();
    for (const c of channels) {
      if (!isChannelName(c.name)) throw new Error(`push channel name "${c.name}" must be lower-case letters, digits and dashes`);
      if (names.has(c.name)) throw new Error(`push channel "${c.name}" is declared twice`);
      names.add(c.name);
    }
    this.channels = channels;
    this.unsubscribe = events.onBroadcast('*', (e) => this.dispatch(e));
  }

  get size(): number { return this.conns.size; }

  /** the room channel of that name, if a module declares one */
  roomChannel(name: string): RoomPushChannel | undefined {
    const c = this.channels.find((x) => x.name === name);
    return c?.addressedTo === 'room' ? c : undefined;
  }

  /** connections on this instance joined to the room */
  roomSize(channel: string, key: string): number {
    return this.rooms.get(roomId(channel, key))?.size ?? 0;
  }

  add(c: Connection): void {
    const mine = [...this.conns].filter((x) => x.actor.userId === c.actor.userId).sort((a, b) => a.openedAt - b.openedAt);
    while (mine.length >= MAX_STREAMS_PER_USER) mine.shift()!.close();
    this.conns.add(c);
    for (const r of c.rooms) {
      let set = this.rooms.get(r);
      if (!set) this.rooms.set(r, (set = new Set()));
      set.add(c);
    }
  }

  remove(c: Connection): void {
    this.conns.delete(c);
    for (const r of c.rooms) {
      const set = this.rooms.get(r);
      set?.delete(c);
      if (set && !set.size) this.rooms.delete(r);
    }
  }

  dispatch(e: DomainEvent): void {
    if (!this.conns.size) return;
    const channels = this.channelsOf(e.type);
    if (!channels.length) return;
    const id = `${clock.nowMs()}-${++this.seq}`;
    for (const ch of channels) {
      if (ch.addressedTo === 'user') {
        for (const c of this.conns) if (audienceIncludes(e.audience, c.actor)) this.send(c, ch, e, id);
      } else {
        const key = ch.roomOf ? ch.roomOf(e) : roomInPayload(e.payload);
        if (!key) continue;
        for (const c of this.rooms.get(roomId(ch.name, key)) ?? []) this.send(c, ch, e, id);
      }
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

  private channelsOf(type: string): PushChannelDecl[] {
    let found = this.byType.get(type);
    if (!found) {
      found = this.channels.filter((c) => (typeof c.events === 'function' ? c.events(type) : c.events.includes(type)));
      this.byType.set(type, found);
    }
    return found;
  }

  private send(c: Connection, ch: PushChannelDecl, e: DomainEvent, id: string): void {
    let data: unknown;
    try {
      data = ch.data ? ch.data(e, c.actor) : { type: e.type, entityType: e.entityType, entityId: e.entityId, payload: e.payload, at: e.at };
    } catch (err) {
      this.log.warn(`推送频道 ${ch.name} 处理事件 ${e.type} 失败`, err);
      return;
    }
    if (data === null || data === undefined) return;
    if (c.res.destroyed || c.res.writableEnded) return c.close();
    c.res.write(sseFrame(ch.name, data, id));
  }
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });

export const eventStreamQuery = z.object({
  rooms: z.string().max(2400).optional().describe('加入的讨论室，逗号分隔，每个为“频道:房间号”'),
});

export interface RealtimeOptions {
  channels: readonly PushChannelDecl[];
  /** of these session ids, those still signed in (not ended, expired or idle) */
  liveSessions(sessionIds: string[]): Promise<Set<string>>;
  /** the broadcast event after which open streams check their sessions again */
  sessionsChangedEvent?: string;
}

/** Create this instance's hub and serve the push stream. Called by the composition root. */
export function registerRealtime(app: App, ctx: ModuleContext, opts: RealtimeOptions): RealtimeHub {
  const hub = new RealtimeHub(ctx.events, opts.channels, ctx.log);
  const recheck = () => {
    hub.recheck(opts.liveSessions).catch((err) => ctx.log.warn('event stream: checking sessions failed', err));
  };
  const offSessions = opts.sessionsChangedEvent ? ctx.events.onBroadcast(opts.sessionsChangedEvent, recheck) : () => {};
  const sweep = setInterval(recheck, HEARTBEAT_MS);
  sweep.unref();
  app.addHook('preClose', async () => { clearInterval(sweep); offSessions(); hub.closeAll(); });

  app.get('/api/events/stream', {
    schema: {
      tags: ['realtime'],
      summary: '实时推送（Server-Sent Events）：各模块声明的推送频道（如 worklist 待办变化、notification 新通知）；rooms 参数加入讨论室',
      querystring: eventStreamQuery,
      response: { 200: z.string().describe('text/event-stream 数据流'), 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const parsed = parseRooms(req.query.rooms);
    if ('error' in parsed) throw new AppError('VALIDATION_FAILED', parsed.error, { field: 'rooms' });
    for (const r of parsed.rooms) {
      const ch = hub.roomChannel(r.channel);
      if (!ch) throw new AppError('NOT_FOUND', `没有名为“${r.channel}”的讨论室频道`, { field: 'rooms' });
      if (!(await ch.canJoin(ctx, actor, r.key))) throw new AppError('FORBIDDEN', `无权加入${ch.label ?? '讨论室'}“${r.key}”`, { field: 'rooms' });
    }
    reply.hijack();
    const res = reply.raw;
    // the browser may have gone while the joins were checked
    if (!res.socket || res.socket.destroyed) return;
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
      rooms: parsed.rooms.map((r) => roomId(r.channel, r.key)),
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
