// Reads a room's server-sent event stream (GET /api/live/sessions/:id/stream) over a real HTTP connection, for tests.
import http from 'node:http';

export interface RoomEvent { event: string; data: any; id: number }
export interface RoomStream {
  status: number;
  events: RoomEvent[];
  next(pred: (e: RoomEvent) => boolean, ms?: number): Promise<RoomEvent>;
  close(): void;
  /** called once the stream has ended (closed by the server, reset, or closed here) */
  onEnd(cb: () => void): void;
}

/** Open the stream with a session cookie or a public token; resolves once the server says it is live (or refused). */
export function openRoomStream(port: number, sessionId: string, auth: { cookie?: string; token?: string; lastEventId?: number }): Promise<RoomStream> {
  const path = `/api/live/sessions/${sessionId}/stream${auth.token ? `?token=${encodeURIComponent(auth.token)}` : ''}`;
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.lastEventId !== undefined) headers['last-event-id'] = String(auth.lastEventId);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const events: RoomEvent[] = [];
      let over = false;
      const enders: Array<() => void> = [];
      const end = () => { if (over) return; over = true; for (const cb of enders) cb(); };
      res.on('close', end);
      res.on('end', end);
      const waiters: Array<{ pred: (e: RoomEvent) => boolean; done: (e: RoomEvent) => void }> = [];
      const client: RoomStream = {
        status: res.statusCode ?? 0,
        events,
        next(pred, ms = 5000) {
          const found = events.find(pred);
          if (found) return Promise.resolve(found);
          return new Promise((ok, fail) => {
            const w = { pred, done: (e: RoomEvent) => { clearTimeout(t); ok(e); } };
            const t = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); fail(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events.map((e) => [e.id, e.event]))}`)); }, ms);
            waiters.push(w);
          });
        },
        close() { req.destroy(); },
        onEnd(cb) { if (over) cb(); else enders.push(cb); },
      };
      if (res.statusCode !== 200) { res.resume(); resolve(client); return; }
      res.setEncoding('utf8');
      let buf = '';
      let live = false;
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!live && frame.includes(': connected')) { live = true; resolve(client); continue; }
          const e: RoomEvent = { event: 'message', data: null, id: 0 };
          for (const line of frame.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
            else if (line.startsWith('id: ')) e.id = Number(line.slice(4));
          }
          if (e.data === null) continue;
          events.push(e);
          for (const w of [...waiters]) if (w.pred(e)) { waiters.splice(waiters.indexOf(w), 1); w.done(e); }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
  });
}
