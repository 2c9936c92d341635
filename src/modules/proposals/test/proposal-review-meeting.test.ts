// 审查会议 batch decisions and duplicate groups in the review queue, through the API on SQLite and PostgreSQL.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';

for (const d of await dialects()) {
  describe(`review meeting batch decisions (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, other: Client, staff: Client, leader: Client;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, other, staff, leader] = await Promise.all(['member', 'm0002', 'proposal', 'leader'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    async function submitted(title: string, text = { background: '情况', analysis: '分析', suggestions: '建议' }, by?: Client) {
      const who = by ?? member;
      const created = await who.post('/api/proposals', { title, ...text });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const r = await who.post(`/api/proposals/${created.body.id}/transitions`, { action: 'submit', version: created.body.version, input: {} });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body as { id: string; version: number };
    }

    test('a meeting files, declines, returns and merges at once; a stale version fails that item alone with 409', async () => {
      const [a, b, c, f] = await Promise.all(['甲', '乙', '丙', '戊'].map((x) => submitted(`关于审查会议测试提案${x}的建议`)));
      // another member's proposal on the same topic, merged into a
      const e = await submitted('关于审查会议测试提案丁的建议', undefined, other);
      // someone else edits proposal c meanwhile: the meeting holds an old version of it
      const moved = await staff.post(`/api/proposals/${c.id}/transitions`, { action: 'return', version: c.version, input: { reason: '请补充' } });
      assert.equal(moved.status, 200);
      const r = await staff.post('/api/proposals/batch-transitions', {
        meeting: { date: '2026-03-02', note: '第三次提案审查会议' },
        items: [
          { id: a.id, version: a.version, transition: 'file', isKey: false },
          { id: b.id, version: b.version, transition: 'not_file', reasonCode: 'vague' },
          { id: c.id, version: c.version, transition: 'file' },
          { id: e.id, version: e.version, transition: 'merge', targetId: a.id },
          { id: f.id, version: f.version, transition: 'return', reason: '请补充具体建议' },
        ],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.succeeded, 4);
      assert.equal(r.body.failed, 1);
      const byId = new Map(r.body.results.map((x: any) => [x.id, x]));
      assert.deepEqual([a, b, e, f].map((p) => (byId.get(p.id) as any).state), ['filed', 'not_filed', 'merged', 'returned']);
      const stale = byId.get(c.id) as any;
      assert.equal(stale.ok, false);
      assert.equal(stale.status, 409);
      assert.equal(stale.code, 'VERSION_CONFLICT');
      assert.equal((await staff.get(`/api/proposals/${c.id}`)).body.state, 'returned', 'the stale item was not touched');
      // the meeting is in each decided proposal's history
      const filed = (await staff.get(`/api/proposals/${a.id}`)).body;
      const h = filed.history.find((x: any) => x.action === 'file');
      assert.deepEqual(h.data.meeting, { date: '2026-03-02', note: '第三次提案审查会议' });
      assert.ok(filed.number, 'filing numbered it as a single 立案 does');
      const merged = (await staff.get(`/api/proposals/${e.id}`)).body;
      assert.equal(merged.mergedIntoId, a.id);
      // the merged proposal's proposer keeps credit on the target, and so will be asked to rate its reply
      const credited = filed.cosigners.find((x: any) => x.userId === merged.proposerUserId);
      assert.ok(credited && credited.confirmedAt, 'the merged proposer is a confirmed proposer of the target');
      assert.equal((await other.get(`/api/proposals/${a.id}`)).status, 200, 'and sees the target proposal');
    });

    test('each item is checked like a single transition: missing reason code, an unlisted one, a not found proposal', async () => {
      const p = await submitted('关于逐件校验审查决定的建议');
      // an item without a field its decision requires fails the request's shape, as a single transition's body does
      const noCode = await staff.post('/api/proposals/batch-transitions', { items: [{ id: p.id, version: p.version, transition: 'not_file' }] });
      assert.equal(noCode.status, 400);
      assert.equal(noCode.body.error.field, 'items.0.reasonCode');
      assert.match(noCode.body.error.message, /不予立案理由/);
      const r = await staff.post('/api/proposals/batch-transitions', {
        items: [
          { id: p.id, version: p.version, transition: 'not_file', reasonCode: 'no-such-reason' },
          { id: 'nonexistent-proposal', version: 1, transition: 'file' },
        ],
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const [missing, unknown] = r.body.results;
      assert.equal(missing.status, 400);
      assert.equal(missing.field, 'reasonCode');
      assert.match(missing.message, /不予立案理由/);
      assert.equal(unknown.status, 404);
      assert.equal((await staff.get(`/api/proposals/${p.id}`)).body.state, 'submitted');
      const again = await staff.post('/api/proposals/batch-transitions', { items: [{ id: p.id, version: p.version, transition: 'file' }, { id: p.id, version: p.version, transition: 'return', reason: 'x' }] });
      assert.equal(again.status, 400);
      assert.equal(again.body.error.field, 'items.1.id');
      assert.equal((await staff.get(`/api/proposals/${p.id}`)).body.state, 'submitted', 'a rejected batch changes nothing');
    });

    test('bad input: an unknown transition is a 400 naming the field; an empty batch too', async () => {
      const p = await submitted('关于审查决定校验的建议');
      const r = await staff.post('/api/proposals/batch-transitions', { items: [{ id: p.id, version: p.version, transition: 'assign' }] });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'VALIDATION_FAILED');
      assert.equal(r.body.error.field, 'items.0.transition');
      assert.match(r.body.error.message, /审查决定/);
      const empty = await staff.post('/api/proposals/batch-transitions', { items: [] });
      assert.equal(empty.status, 400);
      assert.match(empty.body.error.message, /审查事项/);
      const badDate = await staff.post('/api/proposals/batch-transitions', { items: [{ id: p.id, version: p.version, transition: 'file' }], meeting: { date: '3月2日' } });
      assert.equal(badDate.status, 400);
      assert.equal(badDate.body.error.field, 'meeting.date');
      assert.equal((await staff.get(`/api/proposals/${p.id}`)).body.state, 'submitted');
    });

    test('permissions: a member or a leader cannot batch-decide (403), and nothing changes', async () => {
      const p = await submitted('关于审查权限的建议');
      for (const c of [member, leader]) {
        const r = await c.post('/api/proposals/batch-transitions', { items: [{ id: p.id, version: p.version, transition: 'file' }] });
        assert.equal(r.status, 403, JSON.stringify(r.body));
      }
      assert.equal((await staff.get(`/api/proposals/${p.id}`)).body.state, 'submitted');
      assert.equal((await member.get('/api/proposals/review-queue/duplicate-groups')).status, 403);
    });

    test('duplicate groups: near-identical submissions are grouped with scores and shared keywords, and merged in one batch', async () => {
      const text = {
        background: '本市地下停车场充电桩数量严重不足，新能源汽车车主普遍反映充电难、排队久，老旧小区电力容量有限难以安装私人充电桩。',
        analysis: '公共充电设施规划滞后，建设主体积极性不高，电网增容审批程序复杂，运营维护缺乏统一标准。',
        suggestions: '将充电基础设施纳入国土空间规划，简化报装流程，对老旧小区公共充电桩建设给予补贴，建立统一的运营监管平台。',
      };
      const first = await submitted('关于加快新能源汽车充电桩建设的建议', text);
      const second = await submitted('关于加快推进新能源汽车充电桩建设的建议', { ...text, background: `${text.background}群众呼声较高。` });
      const other = await submitted('关于加强中小学生近视防控工作的建议', {
        background: '我市中小学生近视率逐年上升，电子产品使用时间长，户外活动不足。',
        analysis: '学校课业负担重，家长重视不够，眼健康筛查覆盖面不全。',
        suggestions: '保障每天两小时户外活动，建立视力健康档案，开展护眼科普进校园。',
      });
      await s.zx.ctx.events.drain();
      const r = await staff.get('/api/proposals/review-queue/duplicate-groups');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.compared >= 3);
      const group = r.body.groups.find((g: any) => g.members.some((m: any) => m.id === first.id));
      assert.ok(group, 'the two charging-pile proposals form a group');
      const ids = group.members.map((m: any) => m.id);
      assert.ok(ids.includes(second.id));
      assert.ok(!ids.includes(other.id), 'an unrelated proposal is not in it');
      assert.equal(group.suggestedTargetId, first.id, 'the earliest submitted is the suggested target');
      assert.ok(group.pairs.every((p: any) => p.score >= r.body.threshold && p.score <= 1));
      assert.ok(group.sharedKeywords.some((k: string) => /充电/.test(k)), JSON.stringify(group.sharedKeywords));
      assert.ok(!r.body.groups.some((g: any) => g.members.some((m: any) => m.id === other.id) && g.members.some((m: any) => m.id === first.id)));
      // 并案 from the group: file the target, merge the rest into it
      const target = group.members[0];
      const merged = await staff.post('/api/proposals/batch-transitions', {
        items: [{ id: target.id, version: target.version, transition: 'file' }, ...group.members.slice(1).map((m: any) => ({ id: m.id, version: m.version, transition: 'merge', targetId: target.id }))],
      });
      assert.equal(merged.body.failed, 0, JSON.stringify(merged.body));
      await s.zx.ctx.events.drain();
      const after = await staff.get('/api/proposals/review-queue/duplicate-groups');
      assert.ok(!after.body.groups.some((g: any) => g.members.some((m: any) => m.id === first.id)), 'decided proposals leave the queue');
    });

    test('同一事项: two members on the flooding of one road in their own words are grouped for 并案 with the shared place, problem and demand; the lights of that road stay apart', async () => {
      const flood = await submitted('关于解决潞州区英雄南路西段积水问题的建议', {
        background: '潞州区英雄南路西段每逢雨天积水严重，最深处没过膝盖。', analysis: '该路段排水管网建成年代早，管径偏小且老化淤堵，行人车辆通行困难。',
        suggestions: '建议住建部门改造英雄南路西段排水管网，汛期前完成清淤疏通。',
      });
      const rain = await submitted('英雄南路一下雨就淹的问题', {
        background: '潞州区英雄南路靠西边那一截，下大雨后路面成了河，车子熄火，人只能蹚水。', analysis: '地下排水管道太细太旧，雨水排不出去。',
        suggestions: '请尽快把英雄南路地下排水管道换新。',
      }, other);
      const lights = await submitted('关于英雄南路西段路灯不亮的建议', {
        background: '潞州区英雄南路西段路灯坏了一个多月，夜里漆黑一片。', analysis: '照明设施缺乏日常巡检。', suggestions: '请城管部门尽快维修路灯并建立巡检制度。',
      });
      await s.zx.ctx.events.drain();
      const r = await staff.get('/api/proposals/review-queue/duplicate-groups');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const group = r.body.groups.find((g: any) => g.members.some((m: any) => m.id === flood.id));
      assert.ok(group, `the two flooding proposals form a group: ${JSON.stringify(r.body.groups.map((g: any) => g.members.map((m: any) => m.title)))}`);
      assert.deepEqual(new Set(group.members.map((m: any) => m.id)), new Set([flood.id, rain.id]), 'the street-light proposal on the same road is another matter');
      assert.equal(group.kind, 'same_matter', 'worded differently: not a copy');
      assert.ok(group.pairs.every((p: any) => p.kind === 'same_matter'));
      assert.ok(group.reason.places.some((p: string) => p.includes('英雄南路')), JSON.stringify(group.reason));
      assert.ok(group.reason.problems.includes('积水内涝'), JSON.stringify(group.reason));
      assert.ok(!r.body.groups.some((g: any) => g.members.some((m: any) => m.id === lights.id) && g.members.some((m: any) => m.id === flood.id)));
      // 并案 from the group
      const merged = await staff.post('/api/proposals/batch-transitions', {
        items: [{ id: group.members[0].id, version: group.members[0].version, transition: 'file' }, { id: group.members[1].id, version: group.members[1].version, transition: 'merge', targetId: group.members[0].id }],
      });
      assert.equal(merged.body.failed, 0, JSON.stringify(merged.body));
      assert.equal((await staff.get(`/api/proposals/${rain.id}`)).body.state, 'merged');
    });
  });
}
