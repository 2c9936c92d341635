// Two app instances on one PostgreSQL database with Redis between them: both serve the portal's home page from their
// own cache; a section's event written through the outbox on one instance drops the page on the other too.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type Zhengxie } from '../../../server/app.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { drained, nextEvent } from '../../../../test/support/factories.ts';
import { REDIS_URL, skipUnless } from '../../../../test/support/services.ts';
import { portalSiteOf } from '../server/site.ts';
import { CHANGED, testModule } from './test-section.ts';

const skip = (await skipUnless('pg')) || (await skipUnless('redis'));

describe('门户 on two instances (PostgreSQL, Redis)', { skip }, () => {
  let a: StartedApp;
  let b: Zhengxie;
  const t = testModule();
  let city: string;

  before(async () => {
    a = await startApp('postgres', { noSeed: true, config: { redisUrl: REDIS_URL }, extraModules: [t.manifest] });
    b = await buildApp(a.config, { extraModules: [t.manifest] });
    const now = clock.iso();
    city = newId();
    await a.zx.ctx.db.insertInto('organizations').values({ id: city, parent_id: null, kind: 'cppcc', level: 'city', name: '政协长治市委员会', short_name: '长治市政协', code: '140400', sort: 0, tenant_id: city, active: 1, version: 1, created_at: now, updated_at: now }).execute();
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  test('an event on instance A drops the cached home page on instance B', async () => {
    const home = async (zx: Zhengxie) => (await zx.app.inject({ url: '/portal', headers: { host: 'zx.example.cn' } })).payload;
    assert.ok((await home(a.zx)).includes('长治市政协门户网站'));
    assert.ok((await home(b)).includes('测试要闻第25条'));
    const renders = portalSiteOf(b.ctx).renders;
    await home(b);
    assert.equal(portalSiteOf(b.ctx).renders, renders, 'B serves its cached page');

    t.items.push({ id: 'both', title: '两个实例都看到的要闻', date: '2026-12-07' });
    const reachedB = nextEvent(b, CHANGED);
    await a.zx.ctx.uow.run((w) => w.emit({ type: CHANGED, tenantId: city, payload: {} }));
    await drained(a.zx);
    await reachedB;
    await b.ctx.events.drain();
    assert.ok((await home(b)).includes('两个实例都看到的要闻'), 'B rendered the page again');
    assert.ok((await home(a.zx)).includes('两个实例都看到的要闻'));
  });
});
