/** The worklist over HTTP: each person's 待办 follows every workflow step at once, even though it is cached between steps. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { makeProposal } from '../../proposals/test/factories.ts';

for (const d of await dialects()) {
  describe(`worklist API (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let staff: Client, unit: Client, unit2: Client;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [staff, unit, unit2] = await Promise.all(['proposal', 'unit', 'unit2'].map((u) => s.login(u)));
      // proposals waiting for review (待审查) in the office's worklist, enough of them for a page worth compressing
      for (let i = 1; i <= 8; i++) await makeProposal(s, 'submitted', { title: `关于改善城区第${i}片区人居环境的建议` });
      // and one already with the unit, so its worklist is not empty before the new assignment
      await makeProposal(s, 'assigned', { title: '关于加快老旧管网改造的建议' });
    });
    after(async () => { await s?.close(); });

    test('an item leaves the office worklist and reaches the unit worklist as soon as it is filed and assigned', async () => {
      const before = await staff.get('/api/worklist?pageSize=200');
      assert.equal(before.status, 200, JSON.stringify(before.body));
      const review = before.body.items.find((i: any) => i.label === '待审查');
      assert.ok(review, 'the proposal office has proposals waiting for review');
      const unitBefore = await unit.get('/api/worklist?pageSize=200');
      const unit2Before = await unit2.get('/api/worklist?pageSize=200');
      assert.ok(!unitBefore.body.items.some((i: any) => i.entityId === review.entityId));

      const p = (await staff.get(`/api/proposals/${review.entityId}`)).body;
      const filed = await staff.post(`/api/proposals/${p.id}/transitions`, { action: 'file', version: p.version, input: {} });
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
      const afterFile = await staff.get('/api/worklist?pageSize=200');
      assert.ok(!afterFile.body.items.some((i: any) => i.entityId === p.id && i.label === '待审查'), 'the review item is gone at once');

      const units = (await staff.get('/api/organizations/units')).body.items as Array<{ id: string; name: string }>;
      const zhujian = units.find((u) => u.name === '市住建局')!;
      const assigned = await staff.post(`/api/proposals/${p.id}/transitions`, { action: 'assign', version: filed.body.version, input: { mode: 'single', leadUnitId: zhujian.id } });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      const unitAfter = await unit.get('/api/worklist?pageSize=200');
      const item = unitAfter.body.items.find((i: any) => i.entityId === p.id);
      assert.ok(item, 'the unit sees the new assignment at once');
      assert.equal(item.label, '待签收');
      assert.equal(unitAfter.body.total, unitBefore.body.total + 1);
      assert.ok(typeof item.daysLeft === 'number' && item.daysLeft > 0);
      const unit2After = await unit2.get('/api/worklist?pageSize=200');
      assert.equal(unit2After.body.total, unit2Before.body.total, 'another unit does not get it');
    });

    test('a client that accepts gzip gets the same worklist compressed, once made; one that refuses gzip gets it plain', async () => {
      const url = '/api/worklist?pageSize=200';
      const get = (encoding?: string) => s.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) } });
      const plain = await get();
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.rawPayload.length >= 1024, `the office worklist is large enough to compress (${plain.rawPayload.length} bytes)`);
      const zipped = await get('gzip, deflate, br');
      assert.equal(zipped.statusCode, 200);
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.match(String(zipped.headers.vary), /accept-encoding/i);
      assert.ok(zipped.rawPayload.length < plain.rawPayload.length / 2, `${zipped.rawPayload.length} of ${plain.rawPayload.length} bytes`);
      assert.deepEqual(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')), JSON.parse(plain.payload));
      assert.equal((await get('gzip;q=0, identity')).headers['content-encoding'], undefined, 'q=0 refuses gzip');
      assert.equal((await get('br')).headers['content-encoding'], undefined, 'only gzip is offered');
    });

    test('without a session the worklist is a 401 in the error format', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/worklist' });
      assert.equal(r.statusCode, 401);
      assert.equal(JSON.parse(r.payload).error.code, 'UNAUTHENTICATED');
    });

    test('a page size beyond the limit is a 400 naming the field', async () => {
      const r = await unit.get('/api/worklist?pageSize=1000');
      assert.equal(r.status, 400);
      assert.match(r.body.error.message, /「每页条数」/);
    });
  });
}
