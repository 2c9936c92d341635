/**
 * The server push stream (SSE on /api/events/stream): one EventSource per tab, shared by every component that listens.
 * Pushes come on the channels the server's modules declare (`worklist`, `notification`, room channels); a page that
 * shows a room (`<channel>:<key>`) joins it with `useRoom`, which reopens the stream with the rooms of every mounted page.
 * The stream does not replay what was missed while it was closed: a page re-reads its data when it (re)joins.
 */
import { useEffect, useRef } from 'react';

type Listener = (data: unknown) => void;

let source: EventSource | null = null;
let wanted = false;
const listeners = new Map<string, Set<Listener>>();
const attached = new Set<string>();
/** joined rooms, with how many mounted components want each */
const rooms = new Map<string, number>();

function streamUrl(): string {
  const joined = [...rooms.keys()].sort();
  return joined.length ? `/api/events/stream?rooms=${encodeURIComponent(joined.join(','))}` : '/api/events/stream';
}

function open() {
  if (typeof EventSource === 'undefined') return;
  attached.clear();
  source = new EventSource(streamUrl(), { withCredentials: true });
  for (const name of listeners.keys()) attach(name);
}

/** Reopen the stream when the set of joined rooms changed (a join is checked when the stream opens). */
function reopen() {
  if (!wanted) return;
  source?.close();
  open();
}

function attach(name: string) {
  if (!source || attached.has(name)) return;
  attached.add(name);
  source.addEventListener(name, (ev) => {
    let data: unknown = undefined;
    try { data = JSON.parse((ev as MessageEvent).data); } catch { data = (ev as MessageEvent).data; }
    for (const l of listeners.get(name) ?? []) l(data);
  });
}

/** Opens the stream after sign-in; the browser reconnects by itself when the connection drops. */
export function connectEvents(): void {
  wanted = true;
  if (source) return;
  open();
}

export function disconnectEvents(): void {
  wanted = false;
  source?.close();
  source = null;
  attached.clear();
}

/**
 * Join a room (`<channel>:<key>`, e.g. a live deliberation's) while the component is mounted; its pushes arrive
 * through `useServerEvent(<channel>, …)`. A join the server refuses fails the whole stream, so a page joins only
 * rooms its record says the user may see.
 */
export function useRoom(room: string | null | undefined): void {
  useEffect(() => {
    if (!room) return;
    const n = rooms.get(room) ?? 0;
    rooms.set(room, n + 1);
    if (n === 0) reopen();
    return () => {
      const left = (rooms.get(room) ?? 1) - 1;
      if (left > 0) { rooms.set(room, left); return; }
      rooms.delete(room);
      reopen();
    };
  }, [room]);
}

/** Runs `handler` for each server event called `name` (e.g. 'worklist', 'notification'). */
export function useServerEvent(name: string, handler: Listener): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const l: Listener = (d) => ref.current(d);
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)!.add(l);
    attach(name);
    return () => { listeners.get(name)?.delete(l); };
  }, [name]);
}
