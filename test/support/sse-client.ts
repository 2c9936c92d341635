// Reads a server-sent event stream over a real HTTP connection, for tests.
import http from 'node:http';

export interface SseEvent { event: string; data: any; id?: string }

export interface SseClient {
  events: SseEvent[];
  /** resolves with the first event (already received or coming) that matches */
  next(pred: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>;
  close(): void;
  status: number;
  /** settles when the server ends the stream */
  ended: Promise<void>;
}

export interface StreamOptions {
  host?: string;
  /** rooms to join: `<channel>:<key>` */
  rooms?: string[];
  /** the id of the last event seen, as EventSource sends it when it reconnects */
  lastEventId?: string;
}

/**
 * Open GET /api/events/stream; resolves once the server says the stream is live, or at once with the refusal (then
 * `status` is not 200 and the only event is `{ event: 'error', data: <body> }`).
 */
export function openStream(port: number, cookie: string, opts: StreamOptions = {}): Promise<SseClient> {
  const host = opts.host ?? '127.0.0.1';
  const path = `/api/events/stream${opts.rooms ? `?rooms=${encodeURIComponent(opts.rooms.join(','))}` : ''}`;
  const headers: Record<string, string> = { cookie, accept: 'text/event-stream' };
  if (opts.lastEventId) headers['last-event-id'] = opts.lastEventId;
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path, headers }, (res) => {
      const events: SseEvent[] = [];
      const waiters: Array<{ pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }> = [];
      let buf = '';
      let connected = false;
      const ended = new Promise<void>((done) => { res.on('end', () => done()); res.on('close', () => done()); });
      const client: SseClient = {
        ended,
        events,
        status: res.statusCode ?? 0,
        next(pred, ms = 5000) {
          const found = events.find(pred);
          if (found) return Promise.resolve(found);
          return new Promise((res2, rej) => {
            const w = { pred, resolve: (e: SseEvent) => { clearTimeout(t); res2(e); } };
            const t = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); rej(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`)); }, ms);
            waiters.push(w);
          });
        },
        close() { req.destroy(); },
      };
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ ...client, events: [{ event: 'error', data: parseBody(body) }] }));
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!connected && frame.includes(': connected')) { connected = true; resolve(client); continue; }
          const e: SseEvent = { event: 'message', data: null };
          for (const line of frame.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
            else if (line.startsWith('id: ')) e.id = line.slice(4);
          }
          if (e.data === null) continue;
          events.push(e);
          for (const w of [...waiters]) if (w.pred(e)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(e); }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
  });
}

function parseBody(body: string): unknown {
  try { return JSON.parse(body); } catch { return body; }
}
