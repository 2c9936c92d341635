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

export function openStream(port: number, cookie: string, host = '127.0.0.1'): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: '/api/events/stream', headers: { cookie, accept: 'text/event-stream' } }, (res) => {
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
        res.on('end', () => resolve({ ...client, events: [{ event: 'error', data: body }] }));
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
