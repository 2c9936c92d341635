// Two app instances on one PostgreSQL database with Redis between them: a write committed on instance A drops the list
// page instance B keeps, well within the pages' time limit.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import { startWorld, nextEvent, type World } from '../../../../test/support/factories.ts';
import { login, type Client } from '../../../../test/support/http.ts';
import { REDIS_URL, skipUnless } from '../../../../test/support/services.ts';

const skipPgRedis = (await skipUnless('pg')) || (await skipUnless('redis'));

describe('opinions list pages across two instances (PostgreSQL, Redis)', { skip: skipPgRedis }, () => {
  let a: World;
  let b: Zhengxie;
  let editorA: Client, editorB: Client, memberA: Client;

  before(async () => {
    a = await startWorld('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent-web-dist' } });
    b = await buildApp(a.config); // the same database, its own event bus, caches and Redis connections
    editorA = await a.login('editor');
    memberA = await a.login('member');
    const acc = a.account('editor');
    editorB = await login(b.app, 'editor', acc.password);
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  /** B's page after B has been handed the event that `arrived` waits for (through Redis), within `ms`: no polling, no sleeps. */
  const afterArrival = async (arrived: Promise<unknown>, query: string, ms: number) => {
    const started = performance.now();
    await arrived;
    const took = performance.now() - started;
    const r = await editorB.get(`/api/opinions?pageSize=50&${query}`);
    assert.equal(r.status, 200);
    return { items: r.body.items as any[], took, inTime: took <= ms };
  };
  /** the next event B receives from A (through Redis) about a 社情民意 report, matching `where` */
  const fromA = (where: (e: { type: string; entityId?: string; payload: any }) => boolean) =>
    nextEvent(b, '*', (e) => e.origin === a.zx.ctx.events.instanceId && e.type.startsWith('opinion') && where(e), 10_000);

  test('B keeps a page; A commits a submission and an edit; B drops its page as the events arrive through Redis', async () => {
    const t = '双实例缓存核对';
    const q = `q=${encodeURIComponent(t)}`;
    const first = await editorB.get(`/api/opinions?pageSize=50&${q}`);
    assert.equal(first.body.total, 0);
    // B's page is cached: the same answer again
    assert.equal((await editorB.get(`/api/opinions?pageSize=50&${q}`)).body.total, 0);

    const submitted = fromA((e) => e.payload?.action === 'create');
    const r = (await memberA.post('/api/opinions', { title: `${t}：关于老旧小区加装电梯的建议`, body: '老旧小区加装电梯推进缓慢，建议简化审批。' })).body;
    assert.ok(r.id, JSON.stringify(r));
    const seen = await afterArrival(submitted, q, 3000);
    assert.ok(seen.items.some((i) => i.id === r.id), 'B shows the report submitted on A once the event reaches it');
    assert.ok(seen.inTime, `the event reached B within 3 s (its pages live 15 s); took ${Math.round(seen.took)} ms`);

    const editedOnA = fromA((e) => e.type === 'opinion.edited' && e.entityId === r.id);
    const edited = await editorA.patch(`/api/opinions/${r.id}`, { title: `${t}：关于老旧小区加装电梯的再建议`, version: r.version });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const renamed = await afterArrival(editedOnA, q, 3000);
    assert.ok(renamed.items.some((i) => i.id === r.id && i.title.endsWith('再建议')), 'B shows the title edited on A once the event reaches it');
    assert.ok(renamed.inTime, `the edit reached B within 3 s; took ${Math.round(renamed.took)} ms`);
  });
});
