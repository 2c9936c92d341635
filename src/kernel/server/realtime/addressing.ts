/**
 * Pure rules of server pushes: who a user-addressed event reaches, which room a room-addressed event names, how a
 * browser names the rooms it joins, and the SSE frame. No I/O.
 */
import { isAddressedTo, type Addressee, type WorkAddress } from '../../universal/work-address.ts';

/** The users an event concerns: named directly, or holding one of the roles in one of the organisations (a work item's address). */
export type Audience = WorkAddress;

/** The part of a signed-in user that decides which pushes reach them. */
export type Listener = Addressee;

/** Does the event's audience include this user? The rule whom a work item is for (`kernel/universal/work-address.ts`). */
export function audienceIncludes(a: Audience | undefined, l: Listener): boolean {
  return isAddressedTo(a, l);
}

/** rooms one stream may join */
export const MAX_ROOMS_PER_STREAM = 20;
const CHANNEL_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const ROOM_KEY = /^[A-Za-z0-9_.-]{1,100}$/;

/** A room as a browser names it: `<channel>:<key>` (e.g. `deliberation:01J…`), the key chosen by the channel's module. */
export interface RoomRef { channel: string; key: string }

/** The one string a room is known by in the hub and on the wire: `<channel>:<key>`. */
export function roomId(channel: string, key: string): string {
  return `${channel}:${key}`;
}

/**
 * Parse the `rooms` query parameter (`a:1,b:2`): distinct rooms, each a channel name and a key. Returns the rooms, or
 * the Chinese reason the list is refused.
 */
export function parseRooms(raw: string | undefined): { rooms: RoomRef[] } | { error: string } {
  if (!raw?.trim()) return { rooms: [] };
  const seen = new Set<string>();
  const rooms: RoomRef[] = [];
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const i = part.indexOf(':');
    const channel = i > 0 ? part.slice(0, i) : '';
    const key = i > 0 ? part.slice(i + 1) : '';
    if (!CHANNEL_NAME.test(channel) || !ROOM_KEY.test(key)) return { error: `讨论室“${part.slice(0, 120)}”格式不正确，应为“频道:房间号”` };
    const id = roomId(channel, key);
    if (seen.has(id)) continue;
    seen.add(id);
    rooms.push({ channel, key });
  }
  if (rooms.length > MAX_ROOMS_PER_STREAM) return { error: `一次最多加入 ${MAX_ROOMS_PER_STREAM} 个讨论室` };
  return { rooms };
}

/** Is this a valid push channel name (lower-case letters, digits and dashes; the SSE event name)? */
export function isChannelName(name: string): boolean {
  return CHANNEL_NAME.test(name);
}

/** The room key an event names by convention: `payload.room`, when it is a valid key. */
export function roomInPayload(payload: Record<string, unknown> | undefined): string | null {
  const r = payload?.room;
  return typeof r === 'string' && ROOM_KEY.test(r) ? r : null;
}

/** Format one server-sent event frame. Data is JSON on one line (JSON never contains a raw newline). */
export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
