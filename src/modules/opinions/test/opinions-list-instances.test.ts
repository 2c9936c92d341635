// Two app instances on one PostgreSQL database with Redis between them: a write committed on instance A drops the list
// page instance B keeps, well within the pages' time limit.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { login, type Client } from '../../../../test/support/http.ts';
import { REDIS_URL, skipUnless } from '../../../../test/support/services.ts';

const skipPgRedis = (await skipUnless('pg')) || (await skipUnless('redis'));

describe('opinions list pages across two instances (PostgreSQL, Redis)', { skip: skipPgRedis }, () => {
  let a: StartedApp;
  let b: Zhengxie;
  let editorA: Client, editorB: Client, memberA: Client;

  before(async () => {
    a = await startApp('postgres', { config: { redisUrl: REDIS_URL, webDist: '/nonexistent-web-dist' } });
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

  /** Read B's page until it shows what `ok` asks for, or the time is up; returns how long it took. */
  const until = async (query: string, ok: (items: any[]) => boolean, ms: number) => {
    const started = performance.now();
    for (;;) {
      const r = await editorB.get(`/api/opinions?pageSize=50&${query}`);
      assert.equal(r.status, 200);
      if (ok(r.body.items)) return performance.now() - started;
      if (performance.now() - started > ms) return -1;
      await new Promise((res) => setTimeout(res, 20));
    }
  };

  test('B keeps a page; A commits a submission and an edit; B drops its page as the events arrive through Redis', async () => {
    const t = '双实例缓存核对';
    const q = `q=${encodeURIComponent(t)}`;
    const first = await editorB.get(`/api/opinions?pageSize=50&${q}`);
    assert.equal(first.body.total, 0);
    // B's page is cached: the same answer again
    assert.equal((await editorB.get(`/api/opinions?pageSize=50&${q}`)).body.total, 0);

    const r = (await memberA.post('/api/opinions', { title: `${t}：关于老旧小区加装电梯的建议`, body: '老旧小区加装电梯推进缓慢，建议简化审批。' })).body;
    assert.ok(r.id, JSON.stringify(r));
    const seenIn = await until(q, (items) => items.some((i) => i.id === r.id), 3000);
    assert.ok(seenIn >= 0, 'B shows the report submitted on A within 3 s (its pages live 15 s)');

    const edited = await editorA.patch(`/api/opinions/${r.id}`, { title: `${t}：关于老旧小区加装电梯的再建议`, version: r.version });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const renamedIn = await until(q, (items) => items.some((i) => i.id === r.id && i.title.endsWith('再建议')), 3000);
    assert.ok(renamedIn >= 0, 'B shows the title edited on A within 3 s');
  });
});
