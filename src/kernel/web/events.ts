/** The server push channel (SSE on /api/events/stream): one EventSource per tab, shared by every component that listens. */
import { useEffect, useRef } from 'react';

type Listener = (data: unknown) => void;

let source: EventSource | null = null;
const listeners = new Map<string, Set<Listener>>();
const attached = new Set<string>();

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
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/events/stream', { withCredentials: true });
  for (const name of listeners.keys()) attach(name);
}

export function disconnectEvents(): void {
  source?.close();
  source = null;
  attached.clear();
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
