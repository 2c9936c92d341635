// Later 批示 and a department's 待落实, through the real server on SQLite and PostgreSQL: a leader's instruction recorded
// after the recommendations were sent (on one recommendation with its document, or on the whole report) shows on every
// part it concerns and tells their departments once; a source module's `recommendations.instructed` event does the same
// once however often it is delivered; bad input is a 400 naming the field, a stale version a 409, a department may not
// record one. A department's open parts come overdue first, then by due date, and a delivery that arrives late counts
// its due date from the day the source sent it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { multipart } from '../../attachments/test/harness.ts';
import {
  recommendationsInstructedEvent, recommendationsRequestedEvent, type RecommendationsInstructedPayload, type RecommendationsRequestedPayload,
} from '../contract.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

for (const d of await dialects()) {
  describe(`建议落实 批示 and 待落实 (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let office: Client, leader: Client, unit: Client, unitlead: Client, unit2: Client;
    let housing: string, education: string;

    before(async () => {
      w = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, leader, unit, unitlead, unit2] = await Promise.all(['office', 'leader', 'unit', 'unitlead', 'unit2'].map((u) => w.as(u)));
      housing = w.ids.unitIds['市住建局'];
      education = w.ids.unitIds['市教育局'];
    });
    after(async () => { await w?.close(); });

    const list = async (c: Client, q = '') => (await c.get(`/api/recommendations?pageSize=200${q}`)).body;
    const emit = async (type: string, sourceId: string, payload: Record<string, unknown>, at?: string) => {
      await w.zx.ctx.uow.run(async (work) => {
        await work.emit({ type, tenantId: w.ids.cityId, entityType: 'inspection', entityId: sourceId, actorId: w.ids.demoUsers.office.userId, payload, ...(at ? { at } : {}) });
      });
      await drained(w.zx);
    };
    async function request(sourceId: string, items: RecommendationsRequestedPayload['items'], at?: string) {
      const payload: RecommendationsRequestedPayload = {
        tenantId: w.ids.cityId, requestedBy: w.ids.demoUsers.office.userId,
        source: { module: 'inspections', type: 'inspection', id: sourceId, title: `视察报告 ${sourceId}`, link: `/inspections/${sourceId}` }, items,
      };
      await emit(recommendationsRequestedEvent, sourceId, payload as unknown as Record<string, unknown>, at);
    }
    const noticesOf = async (c: Client, title: string) => ((await c.get('/api/notifications?pageSize=100')).body.items as any[]).filter((n) => n.title.includes(title));

    test('a leader records a 批示 with its document on one recommendation: every department\'s part shows it, each is told once', async () => {
      await request('i-1', [
        { key: '1', text: '加快雨污分流管网改造', unitIds: [housing, education], dueInWorkingDays: 30 },
        { key: '2', text: '完善水质监测站点布局', unitIds: [housing], dueInWorkingDays: 30 },
      ]);
      const parts = (await list(office, '&sourceId=i-1')).items;
      const r1 = parts.find((p: any) => p.itemKey === '1' && p.unitName === '市住建局');
      const r2 = parts.find((p: any) => p.itemKey === '2');
      let detail = (await leader.get(`/api/recommendations/${r1.id}`)).body;
      assert.equal(detail.abilities.recordInstruction, true);
      assert.deepEqual(detail.instructions, []);
      assert.equal((await unit.get(`/api/recommendations/${r1.id}`)).body.abilities.recordInstruction, false);

      const m = multipart('市长批示件.pdf', PDF, 'application/pdf');
      const up = await w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: leader.cookie, 'x-csrf-token': leader.csrf } });
      assert.equal(up.statusCode, 201, up.payload);
      const documentId = JSON.parse(up.payload).id;
      const today = clock.today();
      const body = { version: detail.version, by: '市长', text: '请市住建局牵头，年底前拿出改造方案。', onDate: today, documentId };

      // bad input names the field; a department may not record one; a stale version is a 409
      const future = await leader.post(`/api/recommendations/${r1.id}/instructions`, { ...body, onDate: w.zx.ctx.calendar.addWorkingDays(today, 5) });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.field, 'onDate');
      assert.match(future.body.error.message, /批示日期/);
      const noText = await leader.post(`/api/recommendations/${r1.id}/instructions`, { ...body, text: '' });
      assert.equal(noText.status, 400);
      assert.match(noText.body.error.message, /批示内容/);
      assert.equal((await unit.post(`/api/recommendations/${r1.id}/instructions`, body)).status, 403);
      assert.equal((await unit2.post(`/api/recommendations/${r1.id}/instructions`, body)).status, 404, 'another department does not see it');

      const res = await leader.post(`/api/recommendations/${r1.id}/instructions`, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      detail = res.body;
      assert.equal(detail.version, body.version + 1);
      assert.equal(detail.hasInstruction, true);
      assert.deepEqual(detail.instructions.map((i: any) => [i.by, i.onDate, i.scope, i.documentId]), [['市长', today, 'recommendation', documentId]]);
      assert.equal(detail.history.at(-1).actionLabel, '领导批示');
      const stale = await leader.post(`/api/recommendations/${r1.id}/instructions`, body);
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

      // the other department's part of the same recommendation shows it; the report's other recommendation does not
      const other = parts.find((p: any) => p.itemKey === '1' && p.unitName === '市教育局');
      const otherDetail = (await unit2.get(`/api/recommendations/${other.id}`)).body;
      assert.deepEqual(otherDetail.instructions.map((i: any) => i.text), [body.text]);
      assert.equal(otherDetail.version, other.version, 'only the part it was recorded on moves its version');
      assert.deepEqual((await office.get(`/api/recommendations/${r2.id}`)).body.instructions, []);
      // the document is the recommendation's: its department reads it
      assert.equal((await unit.get(`/api/attachments/${documentId}`)).status, 200);

      // each department concerned is told once (clerk and leader of 市住建局, clerk of 市教育局)
      for (const c of [unit, unitlead, unit2]) assert.equal((await noticesOf(c, '领导批示')).length, 1);
    });

    test('a 批示 on the whole report reaches every recommendation of it', async () => {
      const r2 = (await list(office, '&sourceId=i-1')).items.find((p: any) => p.itemKey === '2');
      const res = await office.post(`/api/recommendations/${r2.id}/instructions`, { version: r2.version, by: '市委书记', text: '报告很有价值，请逐条落实。', onDate: clock.today(), scope: 'source' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      for (const p of (await list(office, '&sourceId=i-1')).items) {
        const det = (await office.get(`/api/recommendations/${p.id}`)).body;
        assert.ok(det.instructions.some((i: any) => i.by === '市委书记' && i.scope === 'source' && i.scopeLabel === '整份报告'), p.id);
      }
      assert.equal((await noticesOf(unit2, '领导批示')).length, 2, 'one more notice for the report\'s 批示');
    });

    test('a source module\'s 批示 event is recorded once however often it is delivered, on the keys it names', async () => {
      const payload: RecommendationsInstructedPayload = {
        tenantId: w.ids.cityId, source: { type: 'inspection', id: 'i-1' }, itemKeys: ['2'],
        instruction: { by: '市政府分管领导', text: '请抓紧落实监测站点建设。', onDate: clock.today() }, recordedBy: w.ids.demoUsers.office.userId,
      };
      await emit(recommendationsInstructedEvent, 'i-1', payload as unknown as Record<string, unknown>);
      const rows = await w.zx.ctx.db.selectFrom('outbox').select('id').where('type', '=', recommendationsInstructedEvent).execute();
      await w.zx.ctx.outbox.redeliver({ entityId: 'i-1', type: recommendationsInstructedEvent });
      await drained(w.zx);
      assert.equal(rows.length, 1);
      const parts = (await list(office, '&sourceId=i-1')).items;
      const r2 = parts.find((p: any) => p.itemKey === '2');
      const det = (await office.get(`/api/recommendations/${r2.id}`)).body;
      assert.equal(det.instructions.filter((i: any) => i.by === '市政府分管领导').length, 1, 'recorded once');
      const r1 = parts.find((p: any) => p.itemKey === '1' && p.unitName === '市住建局');
      assert.ok(!(await office.get(`/api/recommendations/${r1.id}`)).body.instructions.some((i: any) => i.by === '市政府分管领导'), 'not on the other recommendation');
    });

    test('待落实: a department\'s open parts come overdue first, then by due date; a late delivery counts from the day it was sent', async () => {
      // sent 120 days ago (delivered only now): due 30 working days after that day, so overdue now
      const sentAt = new Date(clock.nowMs() - 120 * 86_400_000).toISOString();
      await request('i-2', [{ key: '1', text: '规范沿河畜禽养殖废弃物处理', unitIds: [housing], dueInWorkingDays: 30 }], sentAt);
      const late = (await list(unit, '&sourceId=i-2')).items[0];
      const sentDay = new Date(Date.parse(sentAt) + 8 * 3600_000).toISOString().slice(0, 10);
      assert.equal(late.dueDate, w.zx.ctx.calendar.addWorkingDays(sentDay, 30));
      assert.equal(late.overdue, true);
      assert.equal(late.createdAt, sentAt, 'handed over when it was sent');
      const page = await list(unit, '&open=true&sort=due');
      assert.ok(page.items.length >= 3);
      assert.ok(page.items.every((i: any) => i.unitName === '市住建局'), 'its own unit\'s only');
      const firstOnTime = page.items.findIndex((i: any) => !i.overdue);
      assert.ok(page.items.slice(0, firstOnTime).every((i: any) => i.overdue) && page.items.slice(firstOnTime).every((i: any) => !i.overdue), 'overdue first');
      const dues = page.items.slice(firstOnTime).map((i: any) => i.dueDate);
      assert.deepEqual(dues, [...dues].sort(), 'then by due date');
      assert.equal(page.items[0].id, late.id);
      const bad = await unit.get('/api/recommendations?sort=oldest');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'sort');
    });
  });
}
