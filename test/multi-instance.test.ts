// Two real app instances behind one PostgreSQL database, fanned out through the real Redis: pushes and inboxes cross instances.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
import { newId } from '../src/kernel/universal/ids.ts';
import { createUser, loadActor, SESSIONS_CHANGED } from '../src/modules/identity/index.ts';
import { createDemoTable, demoModule, demoSpec, type DemoItem } from '../src/modules/notifications/test/demo-workflow.ts';
import { openStream } from './support/sse-client.ts';
import { startApp, type StartedApp } from './support/fixtures.ts';
import { nextEvent } from './support/factories.ts';
import { login, type Client } from './support/http.ts';
import { REDIS_URL, skipUnless } from './support/services.ts';
import { clock } from '../src/kernel/universal/clock.ts';

const PASSWORD = 'Zx!multi-2025-pass';
const skipPgRedis = (await skipUnless('pg')) || (await skipUnless('redis'));

/** A city CPPCC with a handling unit, a member and the unit's clerk. */
async function smallWorld(zx: Zhengxie) {
  const now = clock.iso();
  const city = newId(), unit = newId();
  const org = (id: string, name: string, kind: string, parent: string | null, level: string | null) =>
    ({ id, parent_id: parent, kind, level, name, short_name: null, code: null, sort: 0, tenant_id: city, active: 1, version: 1, created_at: now, updated_at: now });
  await zx.ctx.db.insertInto('organizations').values([org(city, '长治市政协', 'cppcc', null, 'city'), org(unit, '市教育局', 'gov_unit', city, null)]).execute();
  const member = await createUser(zx.ctx.db, zx.ctx.dialect, { orgId: city, username: 'mi_member', displayName: '周委员', password: PASSWORD, roles: [{ code: 'member' }] });
  const clerk = await createUser(zx.ctx.db, zx.ctx.dialect, { orgId: unit, username: 'mi_clerk', displayName: '教育局经办人', password: PASSWORD, roles: [{ code: 'unit_handler' }] });
  await createDemoTable(zx.ctx.db);
  return { city, unit, member, clerk };
}

const portOf = (zx: Zhengxie) => (zx.app.server.address() as AddressInfo).port;

describe('two instances, one PostgreSQL, Redis fan-out', { skip: skipPgRedis }, () => {
  let a: StartedApp;
  let b: Zhengxie;
  let world: Awaited<ReturnType<typeof smallWorld>>;

  before(async () => {
    a = await startApp('postgres', { noSeed: true, config: { redisUrl: REDIS_URL }, extraModules: [demoModule] });
    b = await buildApp(a.config, { extraModules: [demoModule] }); // same database (already migrated), its own event bus and Redis connections
    await a.zx.app.listen({ port: 0, host: '127.0.0.1' });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    world = await smallWorld(a.zx);
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  test('the two instances are distinct apps sharing one database', async () => {
    const ha = await a.app.inject({ url: '/api/health' });
    const hb = await b.app.inject({ url: '/api/health' });
    assert.equal(ha.json().database, 'postgres');
    assert.notEqual(ha.json().instance, hb.json().instance);
  });

  test('signing out on instance A ends the session on instance B at once, though B had just read it', async () => {
    const onA = await login(a.app, 'mi_member', PASSWORD);
    const me = async (app: typeof b.app) => (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: onA.cookie } })).statusCode;
    const started = performance.now();
    assert.equal(await me(b.app), 200, 'B serves the session (and keeps it for a moment)');
    const told = nextEvent(b, SESSIONS_CHANGED, (e) => e.origin === a.zx.ctx.events.instanceId);
    assert.equal((await onA.post('/api/auth/logout')).status, 200);
    // B hears of it through Redis and forgets its cached sessions (a subscriber of the event)
    await told;
    await b.ctx.events.drain();
    const status = await me(b.app);
    const took = performance.now() - started;
    assert.equal(status, 401, 'B refuses the ended session');
    // within B's one-second session cache, so only the event can have made B forget it
    assert.ok(took < 1000, `B refused it ${Math.round(took)} ms after it had read the session`);
  });

  test('a member connected to instance B gets the push for a notification committed on instance A, and B serves it from the inbox', async () => {
    const memberOnB: Client = await login(b.app, 'mi_member', PASSWORD);
    const stream = await openStream(portOf(b), memberOnB.cookie);
    try {
      await a.zx.ctx.notifier.notify({ tenantId: world.city, userIds: [world.member.id], kind: 'notice', title: '跨实例通知：请审阅提案办理答复', body: '答复已送达。', link: '/proposals/P1' });
      const e = await stream.next((x) => x.event === 'notification' && x.data.title === '跨实例通知：请审阅提案办理答复', 8000);
      assert.equal(e.data.link, '/proposals/P1');
      const inbox = await memberOnB.get('/api/notifications');
      assert.equal(inbox.status, 200);
      assert.equal(inbox.body.items[0].id, e.data.id);
      const read = await memberOnB.post(`/api/notifications/${e.data.id}/read`);
      assert.equal(read.status, 200);
      const onA = await login(a.app, 'mi_member', PASSWORD);
      assert.equal((await onA.get('/api/notifications/unread-count')).body.count, 0, 'read on B, seen read on A');
    } finally {
      stream.close();
    }
  });

  test('a transition committed on A reaches the unit clerk connected to B: worklist push and one task notification', async () => {
    const clerkOnB = await login(b.app, 'mi_clerk', PASSWORD);
    const stream = await openStream(portOf(b), clerkOnB.cookie);
    try {
      const actor = await loadActor(a.zx.ctx.db, world.member.id);
      const item = await a.zx.ctx.workflows.create(demoSpec, {
        id: newId(), tenant_id: world.city, title: '关于推进义务教育优质均衡发展的建议', owner_id: world.member.id, unit_id: world.unit,
      } as Omit<DemoItem, 'state' | 'version' | 'created_at' | 'updated_at'>, actor);
      await a.zx.ctx.workflows.fire(demoSpec, { id: item.id, action: 'send', expectedVersion: 1, actor });
      const wl = await stream.next((x) => x.event === 'worklist' && x.data.entityId === item.id, 8000);
      assert.equal(wl.data.to, 'at_unit');
      const n = await stream.next((x) => x.event === 'notification' && x.data.kind === 'task', 8000);
      assert.equal(n.data.link, `/demos/${item.id}`);
      await a.zx.ctx.events.drain();
      await b.ctx.events.drain();
      const tasks = await clerkOnB.get('/api/notifications');
      assert.equal(tasks.body.items.filter((i: any) => i.kind === 'task').length, 1, 'notified once, by the committing instance only');
    } finally {
      stream.close();
    }
  });
});

describe('one instance without Redis (SQLite)', () => {
  let s: StartedApp;
  let world: Awaited<ReturnType<typeof smallWorld>>;
  before(async () => {
    s = await startApp('sqlite', { noSeed: true });
    assert.equal(s.config.redisUrl, undefined);
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    world = await smallWorld(s.zx);
  });
  after(async () => { await s?.close(); });

  test('pushes and the inbox work in-process', async () => {
    const clerk = await login(s.app, 'mi_clerk', PASSWORD);
    const stream = await openStream(portOf(s.zx), clerk.cookie);
    try {
      const actor = await loadActor(s.zx.ctx.db, world.member.id);
      const item = await s.zx.ctx.workflows.create(demoSpec, {
        id: newId(), tenant_id: world.city, title: '关于改善校园周边交通秩序的建议', owner_id: world.member.id, unit_id: world.unit,
      } as Omit<DemoItem, 'state' | 'version' | 'created_at' | 'updated_at'>, actor);
      await s.zx.ctx.workflows.fire(demoSpec, { id: item.id, action: 'send', expectedVersion: 1, actor });
      await stream.next((x) => x.event === 'worklist' && x.data.entityId === item.id);
      const n = await stream.next((x) => x.event === 'notification');
      const inbox = await clerk.get('/api/notifications');
      assert.equal(inbox.body.items[0].id, n.data.id);
    } finally {
      stream.close();
    }
  });
});
