/**
 * A test-only module with a room push channel, standing in for live deliberation until a product module declares one.
 * Its rooms are keyed '<tenantId>.<n>': the users of that CPPCC may join them, nobody else.
 */
import type { ModuleManifest } from '../../src/kernel/server/module.ts';

/** a message posted in a room: a change, written through the outbox */
export const ROOM_POSTED = 'demo-room.posted';
/** a reaction count: ephemeral, published without the outbox */
export const ROOM_REACTED = 'demo-room.reacted';

export const roomDemoModule: ModuleManifest = {
  name: 'room-demo',
  label: '讨论室演示',
  permissions: [],
  migrations: [],
  channels: [{
    name: 'demo-room',
    addressedTo: 'room',
    label: '演示讨论室',
    events: [ROOM_POSTED, ROOM_REACTED],
    canJoin: (_ctx, actor, key) => key.startsWith(`${actor.tenantId}.`),
    data: (e) => ({ type: e.type, ...e.payload }),
  }],
};
