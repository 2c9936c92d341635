// Whom a work item is for, on two app instances sharing PostgreSQL and Redis: for each kind of addressee (a person, a
// role in an office, a role in the whole CPPCC, a handling unit) the people it is for see it in their worklist, get an
// inbox notice and receive the live push on the other instance's stream; the people it is not for get none of the three.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
import { DEMO_PASSWORD } from '../src/server/seed.ts';
import { loadActor } from '../src/modules/identity/index.ts';
import { makeProposal } from '../src/modules/proposals/test/factories.ts';
import { ok } from '../src/modules/proposals/test/transitions.ts';
import { makeReport } from '../src/modules/opinions/test/factories.ts';
import { openStream, type SseClient } from './support/sse-client.ts';
import { startWorld, type World } from './support/factories.ts';
import { login, type Client } from './support/http.ts';
import { REDIS_URL, skipUnless } from './support/services.ts';

const skipPgRedis = (await skipUnless('pg')) || (await skipUnless('redis'));
const portOf = (zx: Zhengxie) => (zx.app.server.address() as AddressInfo).port;

describe('whom a work item is for, across two instances', { skip: skipPgRedis }, () => {
  let world: World;
  let b: Zhengxie;
  const onB = new Map<string, Client>();
  const userId = (username: string) => world.people.get(username)!.userId;

  before(async () => {
    world = await startWorld('postgres', { config: { redisUrl: REDIS_URL } });
    b = await buildApp(world.config); // same database and Redis, its own event bus and push hub
    await world.zx.app.listen({ port: 0, host: '127.0.0.1' });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await b?.close();
    await world?.close();
  });

  async function clientOnB(username: string): Promise<Client> {
    let c = onB.get(username);
    if (!c) { c = await login(b.app, username, DEMO_PASSWORD); onB.set(username, c); }
    return c;
  }

  /**
   * Bring a record to the step before (`prepare`), open the streams on instance B of the people the work item will be
   * for (`yes`) and of those it will not (`no`), take the step on instance A (`act`), then check the worklist, the inbox
   * and the pushes of each. `entityId` is the record the work item is about, `link` its page, `label` the item's label.
   */
  async function expectAddressees<T>(o: { yes: string[]; no: string[]; label: string; prepare: () => Promise<T>; act: (t: T) => Promise<{ entityId: string; link: string }> }) {
    const ready = await o.prepare();
    const streams = new Map<string, SseClient>();
    for (const u of [...o.yes, ...o.no]) streams.set(u, await openStream(portOf(b), (await clientOnB(u)).cookie));
    try {
      const { entityId, link } = await o.act(ready);
      const isNotice = (x: { event: string; data: any }) => x.event === 'notification' && x.data.kind === 'task' && x.data.link === link && x.data.title === `新待办：${o.label}`;
      const isWork = (x: { event: string; data: any }) => x.event === 'worklist' && x.data.entityId === entityId;
      for (const u of o.yes) {
        const s = streams.get(u)!;
        await s.next(isWork, 10_000).catch((e) => { throw new Error(`${u} got no worklist push: ${e.message}`); });
        const pushed = await s.next(isNotice, 10_000).catch((e) => { throw new Error(`${u} got no notice push: ${e.message}`); });
        const c = await clientOnB(u);
        const wl = await c.get('/api/worklist?pageSize=100');
        assert.ok(wl.body.items.some((i: any) => i.entityId === entityId && i.label === o.label), `${u} sees 「${o.label}」 in the worklist`);
        const inbox = await c.get('/api/notifications?pageSize=100');
        const mine = inbox.body.items.filter((i: any) => i.kind === 'task' && i.link === link && i.title === `新待办：${o.label}`);
        assert.equal(mine.length, 1, `${u} is told once`);
        assert.equal(mine[0].id, pushed.data.id, 'the pushed notice is the inbox row');
      }
      // a later event that travels behind the pushes: once it reaches someone's stream, anything for them came before it
      for (const u of o.no) {
        await world.zx.ctx.notifier.notify({ tenantId: world.ids.cityId, userIds: [userId(u)], kind: 'probe', title: `探针 ${entityId}`, body: '—' });
        const s = streams.get(u)!;
        await s.next((x) => x.event === 'notification' && x.data.title === `探针 ${entityId}`, 10_000);
        assert.equal(s.events.filter((x) => isWork(x) || isNotice(x)).length, 0, `${u} receives no push of it`);
        const c = await clientOnB(u);
        const wl = await c.get('/api/worklist?pageSize=100');
        assert.ok(!wl.body.items.some((i: any) => i.entityId === entityId && i.label === o.label), `${u} does not see it in the worklist`);
        const inbox = await c.get('/api/notifications?pageSize=100');
        assert.ok(!inbox.body.items.some((i: any) => i.kind === 'task' && i.link === link), `${u} gets no notice of it`);
      }
    } finally {
      for (const s of streams.values()) s.close();
    }
  }

  test('a person: a proposal returned for revision is for its proposer, not for another member', async () => {
    await expectAddressees({
      yes: ['member'], no: ['m0001'], label: '退回修改',
      prepare: () => makeProposal(world, 'submitted', { title: '关于规范共享单车停放秩序的建议' }),
      act: async (p) => {
        await ok(await world.as('proposal'), p.id, 'return', p.detail.version, { reason: '请补充停放点位的调查数据' });
        return { entityId: p.id, link: `/proposals/${p.id}` };
      },
    });
  });

  test('a role in the whole CPPCC: a submitted proposal is for the proposal office staff of that CPPCC, not for a county\'s', async () => {
    await expectAddressees({
      yes: ['proposal'], no: ['countystaff', 'unit'], label: '待审查',
      prepare: () => makeProposal(world, 'draft', { title: '关于完善城区停车设施的建议' }),
      act: async (p) => {
        await ok(await world.as('member'), p.id, 'submit', p.detail.version);
        return { entityId: p.id, link: `/proposals/${p.id}` };
      },
    });
  });

  test('a role in the whole CPPCC: a county report sent up is for the city\'s editors in the research centre', async () => {
    await expectAddressees({
      yes: ['editor'], no: ['office', 'proposal'], label: '社情民意待处理',
      prepare: async () => {
        const made = await (await world.as('county')).post('/api/opinions', { title: '关于潞州区老旧管网改造的建议', body: '城区部分供水管网老化，跑冒滴漏严重，建议纳入改造计划。' });
        assert.equal(made.status, 201, JSON.stringify(made.body));
        const accepted = await (await world.as('countyeditor')).post(`/api/opinions/${made.body.id}/transitions`, { action: 'accept', version: made.body.version, input: {} });
        assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
        return accepted.body;
      },
      act: async (r) => {
        const sent = await (await world.as('countyeditor')).post(`/api/opinions/${r.id}/send-up`, { version: r.version });
        assert.equal(sent.status, 200, JSON.stringify(sent.body));
        const copyId = String(sent.body.upCopyId);
        return { entityId: copyId, link: `/opinions/${copyId}` };
      },
    });
  });

  test('a role in an office: a work item for the research centre\'s editors is not for the same role in a county', async () => {
    await expectAddressees({
      yes: ['editor'], no: ['countyeditor', 'office'], label: '信息复核',
      prepare: () => makeReport(world, 'submitted', { title: '关于加强校外培训机构监管的建议' }),
      act: async (r) => {
        const actor = await loadActor(world.zx.ctx.db, userId('leader'));
        await world.zx.ctx.uow.run((w) => w.openTask({
          tenantId: world.ids.cityId, entityType: 'opinion-check', entityId: r.id, recordType: 'opinion', state: 'submitted',
          title: '关于加强校外培训机构监管的建议', label: '信息复核', orgId: world.ids.researchId, role: 'info_editor', actor,
        }));
        return { entityId: r.id, link: `/opinions/${r.id}` };
      },
    });
  });

  test('a handling unit: a proposal assigned to one unit is for that unit\'s clerks, not another unit\'s', async () => {
    await expectAddressees({
      yes: ['unit'], no: ['unit2'], label: '待签收',
      prepare: () => makeProposal(world, 'filed', { title: '关于加快城中村改造的建议' }),
      act: async (p) => {
        await ok(await world.as('proposal'), p.id, 'assign', p.detail.version, { mode: 'single', leadUnitId: world.ids.unitIds['市住建局'] });
        return { entityId: p.id, link: `/proposals/${p.id}` };
      },
    });
  });
});
