// Two deployments exchanging 社情民意 through the export/import file: reports go up into the other's queue, adoptions come back down.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';

const kinds = await dialects();
const other = kinds.find((k) => k.kind === 'postgres' && !k.skip) ? 'postgres' : 'sqlite';

describe(`opinions exchange file (sqlite → ${other})`, () => {
  let a: World, b: World;
  let editorA: Client, memberA: Client, editorB: Client;

  before(async () => {
    [a, b] = await Promise.all([
      startWorld('sqlite', { config: { webDist: '/nonexistent-web-dist' } }),
      startWorld(other, { config: { webDist: '/nonexistent-web-dist' } }),
    ]);
    [editorA, memberA, editorB] = await Promise.all([a.login('editor'), a.login('member'), b.login('editor')]);
  });
  after(async () => { await Promise.all([a?.close(), b?.close()]); });

  test('a report exported from one deployment lands in the other deployment\'s queue with its lineage, and the adoption there comes back to the submitter', async () => {
    let r = (await memberA.post('/api/opinions', { title: '关于跨区域医保结算的建议', body: '异地就医结算手续繁琐，建议推行一站式结算。' })).body;
    const early = await editorA.post('/api/opinions/exchange/export', { reportIds: [r.id] });
    assert.equal(early.status, 400, 'only accepted reports are sent up');
    r = (await editorA.post(`/api/opinions/${r.id}/transitions`, { action: 'accept', version: r.version })).body;

    const file = await editorA.post('/api/opinions/exchange/export', { reportIds: [r.id] });
    assert.equal(file.status, 200, JSON.stringify(file.body));
    assert.equal(file.body.format, 'zhengxie.opinions.v1');
    assert.equal(file.body.reports.length, 1);
    assert.ok((await memberA.get(`/api/opinions/${r.id}`)).body.sentUpAt);
    assert.equal((await memberA.post('/api/opinions/exchange/export', { reportIds: [r.id] })).status, 403);

    const imported = await editorB.post('/api/opinions/exchange/import', file.body);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual(imported.body, { reports: 1, events: 0, skipped: 0 });
    assert.deepEqual((await editorB.post('/api/opinions/exchange/import', file.body)).body, { reports: 0, events: 0, skipped: 1 }, 'importing twice adds nothing');
    const queue = await editorB.get('/api/opinions?incoming=true&state=submitted&pageSize=50');
    const copy = queue.body.items.find((i: any) => i.sourceReportId === r.id);
    assert.ok(copy, 'the copy waits in the other deployment\'s queue');
    assert.equal(copy.sourceTenantName, file.body.from.name);

    const cp = (await editorB.post(`/api/opinions/${copy.id}/transitions`, { action: 'accept', version: copy.version })).body;
    assert.equal((await editorB.post(`/api/opinions/${cp.id}/events`, { kind: 'adoption', level: 'province', adoptionType: 'single' })).status, 201);
    assert.equal((await editorB.post(`/api/opinions/${cp.id}/events`, { kind: 'instruction', level: 'province', leaderLevel: 'province', text: '请省医保局研究。' })).status, 201);

    const back = await editorB.post('/api/opinions/exchange/export', { eventsForTenantId: file.body.from.tenantId });
    assert.equal(back.status, 200);
    assert.equal(back.body.events.length, 2);
    const tampered = { ...back.body, format: 'other' };
    assert.equal((await editorA.post('/api/opinions/exchange/import', tampered)).status, 400);
    assert.deepEqual((await editorA.post('/api/opinions/exchange/import', back.body)).body, { reports: 0, events: 2, skipped: 0 });
    assert.deepEqual((await editorA.post('/api/opinions/exchange/import', back.body)).body, { reports: 0, events: 0, skipped: 2 });

    const seen = (await memberA.get(`/api/opinions/${r.id}`)).body;
    assert.deepEqual(seen.events.map((e: any) => `${e.levelLabel}${e.kindLabel}`), ['省级单篇采用', '省级领导批示']);
    assert.equal(seen.events[1].text, '请省医保局研究。');
    assert.equal(seen.events[0].points, 5);
    const inbox = (await memberA.get('/api/notifications?pageSize=20')).body.items.map((n: any) => n.title).join(',');
    assert.match(inbox, /信息有新的反馈/);
  });
});
