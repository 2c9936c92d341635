// Server pushes from the kernel: addressing rules, push channels declared by manifests, rooms joined on the stream and
// reached on every instance (two real app instances, one PostgreSQL, the real Redis), and the same without Redis.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
import { EventBus } from '../src/kernel/server/events.ts';
import { RealtimeHub } from '../src/kernel/server/realtime/hub.ts';
import { audienceIncludes, parseRooms, roomInPayload, sseFrame, MAX_ROOMS_PER_STREAM } from '../src/kernel/server/realtime/addressing.ts';
import type { PushChannelDecl } from '../src/kernel/server/contributions.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { clock } from '../src/kernel/universal/clock.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { openStream, type SseClient } from './support/sse-client.ts';
import { startApp, type StartedApp } from './support/fixtures.ts';
import { login } from './support/http.ts';
import { REDIS_URL, skipUnless } from './support/services.ts';
import { roomDemoModule, ROOM_POSTED, ROOM_REACTED } from './support/room-demo-module.ts';

const PASSWORD = 'Zx!rooms-2025-pass';
const skipPgRedis = (await skipUnless('pg')) || (await skipUnless('redis'));

describe('push addressing', () => {
  const clerk = { userId: 'u1', orgId: 'unit-zj', tenantId: 'city', roles: ['unit_handler'] };
  test('a user named in the audience, or holding an audience role in an audience organisation, receives the event', () => {
    assert.equal(audienceIncludes({ userIds: ['u1'] }, clerk), true);
    assert.equal(audienceIncludes({ orgIds: ['unit-zj'], roles: ['unit_handler'] }, clerk), true);
  });
  test('a role addressed to a CPPCC reaches its holders in that CPPCC\'s offices, not those of another CPPCC', () => {
    const staff = { userId: 'u2', orgId: 'tiaoanwei', tenantId: 'city', roles: ['proposal_staff'] };
    const countyStaff = { userId: 'u3', orgId: 'county', tenantId: 'county', roles: ['proposal_staff'] };
    assert.equal(audienceIncludes({ orgIds: ['city'], roles: ['proposal_staff'] }, staff), true);
    assert.equal(audienceIncludes({ orgIds: ['city'], roles: ['proposal_staff'] }, countyStaff), false);
    assert.equal(audienceIncludes({ orgIds: ['county'], roles: ['proposal_staff'] }, staff), false);
    assert.equal(audienceIncludes({ orgIds: ['tiaoanwei'], roles: ['proposal_staff'] }, staff), true);
  });
  test('the same role elsewhere, another role, or no audience at all reaches nobody', () => {
    assert.equal(audienceIncludes({ orgIds: ['unit-jy'], roles: ['unit_handler'] }, clerk), false);
    assert.equal(audienceIncludes({ orgIds: ['unit-zj'], roles: ['unit_leader'] }, clerk), false);
    assert.equal(audienceIncludes(undefined, clerk), false);
    assert.equal(audienceIncludes({}, clerk), false);
  });
  test('rooms are named <channel>:<key>, listed once each, within a limit', () => {
    assert.deepEqual(parseRooms(undefined), { rooms: [] });
    assert.deepEqual(parseRooms('deliberation:01J9,deliberation:01J9, meeting:m-2 '), {
      rooms: [{ channel: 'deliberation', key: '01J9' }, { channel: 'meeting', key: 'm-2' }],
    });
    for (const bad of ['nochannel', ':k', 'Deliberation:1', 'deliberation:', 'deliberation:a b', 'deliberation:a/b']) {
      const r = parseRooms(bad);
      assert.ok('error' in r && /格式不正确/.test(r.error), bad);
    }
    const many = Array.from({ length: MAX_ROOMS_PER_STREAM + 1 }, (_, i) => `d:${i}`).join(',');
    const r = parseRooms(many);
    assert.ok('error' in r && r.error.includes(String(MAX_ROOMS_PER_STREAM)));
  });
  test('an event names its room in payload.room unless its channel says otherwise', () => {
    assert.equal(roomInPayload({ room: 'R1' }), 'R1');
    assert.equal(roomInPayload({ room: 7 }), null);
    assert.equal(roomInPayload({ room: 'a b' }), null);
    assert.equal(roomInPayload({}), null);
  });
  test('an SSE frame carries the id, the channel name and one-line JSON data', () => {
    assert.equal(sseFrame('notification', { title: '第一行\n第二行' }, '7'), 'id: 7\nevent: notification\ndata: {"title":"第一行\\n第二行"}\n\n');
  });
  test('two modules cannot declare the same channel, and a channel name must be a plain SSE event name', () => {
    const ch: PushChannelDecl = { name: 'worklist', addressedTo: 'user', events: ['x.transitioned'] };
    assert.throws(() => new RealtimeHub(new EventBus(), [ch, { ...ch }]), /declared twice/);
    assert.throws(() => new RealtimeHub(new EventBus(), [{ ...ch, name: 'Work list' }]), /lower-case/);
  });
});

/** Two CPPCCs (city and county) with members who can sign in. */
async function world(zx: Zhengxie) {
  const now = clock.iso();
  const city = newId(), county = newId();
  const org = (id: string, name: string, level: string, parent: string | null) =>
    ({ id, parent_id: parent, kind: 'cppcc', level, name, short_name: null, code: null, sort: 0, tenant_id: id, active: 1, version: 1, created_at: now, updated_at: now });
  await zx.ctx.db.insertInto('organizations').values([org(city, '长治市政协', 'city', null), org(county, '襄垣县政协', 'county', city)]).execute();
  const mk = (username: string, displayName: string, orgId: string) =>
    createUser(zx.ctx.db, zx.ctx.dialect, { orgId, username, displayName, password: PASSWORD, roles: [{ code: 'member' }] });
  return {
    city, county,
    m1: await mk('rt_m1', '王委员', city),
    m2: await mk('rt_m2', '李委员', city),
    m3: await mk('rt_m3', '张委员', city),
    c1: await mk('rt_c1', '赵委员', county),
  };
}

const portOf = (zx: Zhengxie) => (zx.app.server.address() as AddressInfo).port;
const texts = (s: SseClient) => s.events.filter((e) => e.event === 'demo-room').map((e) => e.data.text as string);

describe('rooms across two instances, one PostgreSQL, Redis fan-out', { skip: skipPgRedis }, () => {
  let a: StartedApp;
  let b: Zhengxie;
  let w: Awaited<ReturnType<typeof world>>;
  const streams: SseClient[] = [];
  const open = async (zx: Zhengxie, username: string, opts: Parameters<typeof openStream>[2] = {}) => {
    const s = await openStream(portOf(zx), (await login(zx.app, username, PASSWORD)).cookie, opts);
    streams.push(s);
    return s;
  };
  /** a message posted in a room on A: a change, written to the outbox and delivered after commit */
  const post = (room: string, text: string) =>
    a.zx.ctx.uow.run((work) => work.emit({ type: ROOM_POSTED, tenantId: w.city, payload: { room, text } }));

  before(async () => {
    a = await startApp('postgres', { noSeed: true, config: { redisUrl: REDIS_URL }, extraModules: [roomDemoModule] });
    b = await buildApp(a.config, { extraModules: [roomDemoModule] });
    await a.zx.app.listen({ port: 0, host: '127.0.0.1' });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    w = await world(a.zx);
  });
  after(async () => {
    for (const s of streams) s.close();
    await b?.close();
    await a?.close();
  });

  test('a room push committed on A reaches the room on both instances, and not a client in another room or none', async () => {
    const room1 = `${w.city}.1`, room2 = `${w.city}.2`;
    const m1OnB = await open(b, 'rt_m1', { rooms: [`demo-room:${room1}`] });
    const m2OnA = await open(a.zx, 'rt_m2', { rooms: [`demo-room:${room1}`] });
    const m3OnB = await open(b, 'rt_m3', { rooms: [`demo-room:${room2}`] });
    const m1NoRoom = await open(b, 'rt_m1');
    assert.equal(b.realtime.roomSize('demo-room', room1), 1);
    await post(room1, '建议增加社区养老床位');
    const onB = await m1OnB.next((e) => e.event === 'demo-room' && e.data.text === '建议增加社区养老床位', 8000);
    assert.equal(onB.data.room, room1);
    assert.equal(onB.data.type, ROOM_POSTED);
    await m2OnA.next((e) => e.event === 'demo-room' && e.data.text === '建议增加社区养老床位', 8000);
    // posted after the first through the same path: once it has arrived, the first would have too
    await post(room2, '第二个议题的发言');
    await m3OnB.next((e) => e.event === 'demo-room' && e.data.text === '第二个议题的发言', 8000);
    assert.deepEqual(texts(m3OnB), ['第二个议题的发言'], 'a client in another room gets only its own room');
    await post(room1, '本议题第二条发言');
    await m1OnB.next((e) => e.data.text === '本议题第二条发言', 8000);
    assert.deepEqual(texts(m1OnB), ['建议增加社区养老床位', '本议题第二条发言'], 'nothing from the other room');
    assert.deepEqual(texts(m1NoRoom), [], 'a stream that joined no room gets no room pushes');
  });

  test('an ephemeral reaction count published on A without the outbox reaches the room on B', async () => {
    const room = `${w.city}.3`;
    const s = await open(b, 'rt_m1', { rooms: [`demo-room:${room}`] });
    await a.zx.ctx.events.publish({ type: ROOM_REACTED, tenantId: w.city, payload: { room, text: '点赞', count: 12 } });
    const e = await s.next((x) => x.event === 'demo-room' && x.data.type === ROOM_REACTED, 8000);
    assert.equal(e.data.count, 12);
    const kept = await a.zx.ctx.db.selectFrom('outbox').select('id').where('type', '=', ROOM_REACTED).execute();
    assert.equal(kept.length, 0, 'an ephemeral push leaves no outbox row');
  });

  test('a join the channel refuses answers 403 with a Chinese message and opens no stream', async () => {
    const before = b.realtime.size;
    const refused = await open(b, 'rt_c1', { rooms: [`demo-room:${w.city}.1`] });
    assert.equal(refused.status, 403);
    assert.equal(refused.events[0].data.error.code, 'FORBIDDEN');
    assert.match(refused.events[0].data.error.message, /无权加入演示讨论室/);
    const oneOfTwo = await open(b, 'rt_c1', { rooms: [`demo-room:${w.county}.1`, `demo-room:${w.city}.1`] });
    assert.equal(oneOfTwo.status, 403, 'one refused room refuses the whole stream');
    const unknown = await open(b, 'rt_m1', { rooms: ['no-such-channel:1'] });
    assert.equal(unknown.status, 404);
    assert.match(unknown.events[0].data.error.message, /讨论室频道/);
    const userChannel = await open(b, 'rt_m1', { rooms: [`worklist:${w.city}.1`] });
    assert.equal(userChannel.status, 404, 'a user channel has no rooms');
    const malformed = await open(b, 'rt_m1', { rooms: ['demo-room'] });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.events[0].data.error.field, 'rooms');
    assert.equal(b.realtime.size, before);
    const own = await open(b, 'rt_c1', { rooms: [`demo-room:${w.county}.1`] });
    assert.equal(own.status, 200, 'the county member may join a room of their own CPPCC');
  });

  test('user pushes keep reaching a stream that joined rooms, across instances', async () => {
    const s = await open(b, 'rt_m1', { rooms: [`demo-room:${w.city}.1`] });
    await a.zx.ctx.notifier.notify({ tenantId: w.city, userIds: [w.m1.id], kind: 'notice', title: '协商会议通知', body: '请按时参加。' });
    const e = await s.next((x) => x.event === 'notification' && x.data.title === '协商会议通知', 8000);
    assert.equal(e.data.readAt, null);
    assert.equal(texts(s).length, 0);
  });

  test('a stream reopened with Last-Event-ID starts afresh: no replay, its rooms joined again, new pushes arrive', async () => {
    const room = `${w.city}.4`;
    const first = await open(b, 'rt_m1', { rooms: [`demo-room:${room}`] });
    await post(room, '断线前的发言');
    const seen = await first.next((e) => e.data.text === '断线前的发言', 8000);
    assert.ok(seen.id, 'frames carry an id');
    first.close();
    await first.ended;
    const again = await open(b, 'rt_m1', { rooms: [`demo-room:${room}`], lastEventId: seen.id });
    assert.equal(again.status, 200);
    await post(room, '重连后的发言');
    await again.next((e) => e.data.text === '重连后的发言', 8000);
    assert.deepEqual(texts(again), ['重连后的发言'], 'the earlier push is not replayed; the page re-reads the room instead');
  });
});

describe('rooms on one instance without Redis (SQLite)', () => {
  let s: StartedApp;
  let w: Awaited<ReturnType<typeof world>>;
  before(async () => {
    s = await startApp('sqlite', { noSeed: true, extraModules: [roomDemoModule] });
    assert.equal(s.config.redisUrl, undefined);
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    w = await world(s.zx);
  });
  after(async () => { await s?.close(); });

  test('a room push reaches the room in-process, and a refused join is 403', async () => {
    const cookie = (await login(s.app, 'rt_m1', PASSWORD)).cookie;
    const stream = await openStream(portOf(s.zx), cookie, { rooms: [`demo-room:${w.city}.1`] });
    try {
      await s.zx.ctx.uow.run((work) => work.emit({ type: ROOM_POSTED, tenantId: w.city, payload: { room: `${w.city}.1`, text: '单实例发言' } }));
      assert.equal((await stream.next((e) => e.event === 'demo-room')).data.text, '单实例发言');
    } finally {
      stream.close();
    }
    const county = (await login(s.app, 'rt_c1', PASSWORD)).cookie;
    const refused = await openStream(portOf(s.zx), county, { rooms: [`demo-room:${w.city}.1`] });
    assert.equal(refused.status, 403);
  });
});
