// The 提案 API through the real server on SQLite and PostgreSQL: the whole path from draft to closed, permissions, errors and statistics.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { fire } from './transitions.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`proposals API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, staff: Client, unit: Client, unit2: Client, county: Client, countyStaff: Client, leader: Client, unitLead: Client;
    let zhujianId: string;
    let jiaoyuId: string;

    before(async () => {
      // webDist: the API alone (app.ts sets the not-found handler twice when a built web app exists)
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, unit2, county, countyStaff, leader, unitLead] = await Promise.all(
        ['member', 'proposal', 'unit', 'unit2', 'county', 'countystaff', 'leader', 'unitlead'].map((u) => s.login(u)),
      );
      const orgs = await s.zx.ctx.db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', ['市住建局', '市教育局']).execute();
      zhujianId = orgs.find((o: any) => o.name === '市住建局')!.id;
      jiaoyuId = orgs.find((o: any) => o.name === '市教育局')!.id;
    });
    after(async () => { await s?.close(); });


    test('the demo data give the article figures for 2025: 546 received, 464 filed, 46 key, each linked to its records', async () => {
      const r = await staff.get('/api/proposals/stats?year=2025');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const fig = (k: string) => r.body.totals.find((f: any) => f.key === `proposals.${k}`);
      assert.equal(fig('received').value, 546);
      assert.equal(fig('filed').value, 464);
      assert.equal(fig('key').value, 46);
      assert.equal(fig('not_filed').value + fig('merged').value + fig('withdrawn').value + fig('pending').value, 546 - 464);
      assert.equal(r.body.byCategory.reduce((n: number, f: any) => n + f.value, 0), 546);
      assert.equal(r.body.byType.reduce((n: number, f: any) => n + f.value, 0), 546);
      for (const k of ['received', 'filed', 'key', 'not_filed', 'merged']) {
        const list = await staff.get(`/api/proposals?${new URLSearchParams(fig(k).list.query)}&pageSize=1`);
        assert.equal(list.status, 200);
        assert.equal(list.body.total, fig(k).value, `list behind ${k}`);
      }
      const session = r.body.byCategory.find((f: any) => f.key === 'proposals.category.session');
      const list = await staff.get(`/api/proposals?${new URLSearchParams(session.list.query)}&pageSize=1`);
      assert.equal(list.body.total, session.value);
      assert.equal((await leader.get('/api/proposals/stats?year=2025')).status, 200);
      assert.equal((await member.get('/api/proposals/stats?year=2025')).status, 403);
    });

    test('the demo accounts find their work: a draft, a returned and a replied proposal for the member; review queue for the office; unit items', async () => {
      const mine = await member.get('/api/proposals?mine=true&pageSize=50');
      const states = mine.body.items.map((i: any) => i.state);
      for (const st of ['draft', 'returned', 'replied']) assert.ok(states.includes(st), `member has a ${st} proposal`);
      const queue = await staff.get('/api/proposals?state=submitted');
      assert.ok(queue.body.total >= 5);
      const unitList = await unit.get(`/api/proposals?state=assigned,in_progress&pageSize=100`);
      assert.ok(unitList.body.items.some((i: any) => i.state === 'assigned'));
      assert.ok(unitList.body.items.some((i: any) => i.state === 'in_progress'));
      const opts = await member.get('/api/proposals/options');
      assert.equal(opts.status, 200);
      assert.equal(opts.body.notFiledReasons.length, 10);
      assert.deepEqual(opts.body.replyClasses.map((c: any) => c.code), ['A', 'B', 'C']);
      assert.match(opts.body.currentSession.label, /^十.届.次会议$/);
      const tasks = await s.zx.ctx.db.selectFrom('tasks').select(['label']).where('status', '=', 'open').where('assignee_org_id', '=', zhujianId).execute();
      assert.ok(tasks.some((t: any) => t.label === '待签收') && tasks.some((t: any) => t.label === '办理中'));
    });

    test('a member creates, submits; the office files and assigns; the unit signs and replies; the office releases; the member rates and it closes', async () => {
      const bad = await member.post('/api/proposals', { background: '无标题' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'title');
      assert.match(bad.body.error.message, /「标题」/);

      const created = await member.post('/api/proposals', {
        title: '关于加快推进城区背街小巷改造提升的建议', background: '背街小巷路面破损', analysis: '资金不足', suggestions: '纳入城市更新计划',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      let p = created.body;
      assert.equal(p.state, 'draft');
      assert.deepEqual(p.actions.map((a: any) => a.name).sort(), ['submit', 'withdraw']);
      assert.equal(p.abilities.edit, true);
      const id = p.id;

      // a draft is the proposer's alone
      assert.equal((await staff.get(`/api/proposals/${id}`)).status, 404);

      const edited = await member.patch(`/api/proposals/${id}`, { version: p.version, suggestions: '纳入城市更新计划，分年实施' });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.suggestions, '纳入城市更新计划，分年实施');
      const staleEdit = await member.patch(`/api/proposals/${id}`, { version: p.version, title: '关于旧版本的修改' });
      assert.equal(staleEdit.status, 409);
      assert.equal(staleEdit.body.error.code, 'VERSION_CONFLICT');
      p = edited.body;

      p = (await fire(member, id, 'submit', p.version)).body;
      assert.equal(p.state, 'submitted');
      assert.ok(p.category === 'session' || p.category === 'recess');
      assert.ok(p.submittedAt);

      const queue = await staff.get('/api/proposals?state=submitted&pageSize=200');
      assert.ok(queue.body.items.some((i: any) => i.id === id));
      const viewed = await staff.get(`/api/proposals/${id}`);
      assert.deepEqual(viewed.body.actions.map((a: any) => a.name).sort(), ['file', 'merge', 'not_file', 'return']);

      const noReason = await fire(staff, id, 'not_file', p.version, {});
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reasonCode');
      assert.match(noReason.body.error.message, /不予立案理由/);
      const wrongReason = await fire(staff, id, 'not_file', p.version, { reasonCode: 'no-such-reason' });
      assert.equal(wrongReason.status, 400);
      assert.equal(wrongReason.body.error.field, 'input.reasonCode');
      const byMember = await fire(member, id, 'file', p.version);
      assert.equal(byMember.status, 403);

      p = (await fire(staff, id, 'file', p.version, { isKey: true })).body;
      assert.equal(p.state, 'filed');
      assert.match(p.number, /^第\d{4}号$/);
      assert.equal(p.isKey, true);

      const badAssign = await fire(staff, id, 'assign', p.version, { mode: 'single', leadUnitId: 'NOPE' });
      assert.equal(badAssign.status, 400);
      assert.equal(badAssign.body.error.field, 'input.leadUnitId');
      p = (await fire(staff, id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId })).body;
      assert.equal(p.state, 'assigned');
      assert.equal(p.leadUnitName, '市住建局');
      assert.deepEqual(p.units.map((u: any) => [u.unitName, u.role]), [['市住建局', 'lead']]);

      // another unit never sees it
      assert.equal((await unit2.get(`/api/proposals/${id}`)).status, 404);
      assert.ok(!(await unit2.get('/api/proposals?pageSize=200')).body.items.some((i: any) => i.id === id));
      assert.equal((await fire(unit2, id, 'sign', p.version)).status, 404);
      // nor does a county
      assert.equal((await county.get(`/api/proposals/${id}`)).status, 404);
      assert.equal((await countyStaff.get(`/api/proposals/${id}`)).status, 404);
      assert.equal((await fire(countyStaff, id, 'reassign', p.version, { mode: 'single', leadUnitId: zhujianId })).status, 404);

      const seen = await unit.get(`/api/proposals/${id}`);
      assert.deepEqual(seen.body.actions.map((a: any) => a.name).sort(), ['object', 'sign']);
      const task = await s.zx.ctx.db.selectFrom('tasks').selectAll().where('entity_id', '=', id).where('status', '=', 'open').executeTakeFirst();
      assert.equal(task!.label, '待签收');
      assert.equal(task!.assignee_org_id, zhujianId);

      // two people act on the same version: the second gets a 409 and nothing of it is written
      const first = await fire(unit, id, 'sign', p.version);
      assert.equal(first.status, 200);
      const second = await fire(unit, id, 'object', p.version, { reason: '不属于本单位职责' });
      assert.equal(second.status, 409);
      assert.equal(second.body.error.code, 'VERSION_CONFLICT');
      p = first.body;
      assert.equal(p.state, 'in_progress');
      assert.ok(p.dueDate);
      const audits = await s.zx.ctx.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', id).orderBy('seq').execute();
      assert.ok(audits.some((a: any) => a.action === 'proposal.sign'));
      assert.ok(!audits.some((a: any) => a.action === 'proposal.object'));

      const missingText = await fire(unit, id, 'reply', p.version, { replyClass: 'A' });
      assert.equal(missingText.status, 400);
      assert.equal(missingText.body.error.field, 'input.replyText');
      p = (await fire(unit, id, 'reply', p.version, { replyClass: 'A', replyText: '已列入今年城市更新计划并开工建设。' })).body;
      assert.equal(p.state, 'reply_signoff');
      assert.equal(p.replyClass, 'A');
      assert.equal(p.signerName, null);
      // the unit's leader signs the reply off (签发); only then does it reach the office's check
      p = (await fire(unitLead, id, 'sign_off', p.version)).body;
      assert.equal(p.state, 'reply_check');
      assert.ok(p.signerName && p.signedAt && p.replySentAt === p.signedAt);

      p = (await fire(staff, id, 'release', p.version)).body;
      assert.equal(p.state, 'replied');
      assert.ok(p.repliedAt);

      const memberView = await member.get(`/api/proposals/${id}`);
      assert.deepEqual(memberView.body.actions.map((a: any) => a.name).sort(), ['evaluate', 'request_rehandle']);
      const unsatisfied = await fire(member, id, 'evaluate', p.version, { satisfaction: 'unsatisfied' });
      assert.equal(unsatisfied.status, 400);
      assert.equal(unsatisfied.body.error.field, 'input.satisfaction');
      p = (await fire(member, id, 'evaluate', p.version, { satisfaction: 'satisfied', comment: '办理认真' })).body;
      assert.equal(p.state, 'closed');
      assert.equal(p.satisfaction, 'satisfied');
      assert.deepEqual(p.actions, []);

      assert.deepEqual(p.history.map((h: any) => h.action), ['create', 'submit', 'file', 'assign', 'sign', 'reply', 'sign_off', 'release', 'evaluate']);
      assert.equal(p.history[2].toStateLabel, '已立案');
      const open = await s.zx.ctx.db.selectFrom('tasks').select('id').where('entity_id', '=', id).where('status', '=', 'open').execute();
      assert.equal(open.length, 0);
      const chain = await verifyAuditChain(s.zx.ctx.db);
      assert.equal(chain.ok, true);
    });

    test('every proposals route is described in the OpenAPI document with Chinese summaries', async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
      const doc = JSON.parse(r.payload);
      for (const [path, method] of [['/api/proposals', 'get'], ['/api/proposals', 'post'], ['/api/proposals/{id}', 'get'], ['/api/proposals/{id}', 'patch'],
        ['/api/proposals/{id}/transitions', 'post'], ['/api/proposals/stats', 'get'], ['/api/proposals/options', 'get'], ['/api/proposals/{id}/cosign', 'post'],
        ['/api/proposals/{id}/mutual-scores', 'post'], ['/api/proposals/{id}/assignments/{assignmentId}/transitions', 'post'],
        ['/api/proposals/{id}/assignments/{assignmentId}/reply-letter.docx', 'get'], ['/api/proposals/{id}/consultations', 'post'],
        ['/api/proposals/board', 'get'], ['/api/proposals/export.xlsx', 'get'], ['/api/proposals/stats.xlsx', 'get'], ['/api/proposals/{id}/reply-letter.docx', 'get'],
        ['/api/proposals/{id}/key/nominate', 'post'], ['/api/proposals/{id}/key/decide', 'post'], ['/api/proposals/{id}/supervision-notes', 'post'],
        ['/api/proposals/{id}/excellent', 'post'], ['/api/proposals/key-leaders', 'get']]) {
        const op = doc.paths?.[path]?.[method];
        assert.ok(op, `${method} ${path}`);
        assert.deepEqual(op.tags, ['proposals']);
        assert.match(op.summary, /[\u4e00-\u9fa5]/);
      }
    });

    test('administrators read no proposals (三员分立)', async () => {
      const admin = await s.login('sysadmin');
      const r = await admin.get('/api/proposals');
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'FORBIDDEN');
    });

    test('bad input is a 400 naming the field, never a 500', async () => {
      const r1 = await staff.get('/api/proposals?state=bogus');
      assert.equal(r1.status, 400);
      assert.equal(r1.body.error.field, 'state');
      const r2 = await staff.get('/api/proposals?year=abc');
      assert.equal(r2.status, 400);
      assert.match(r2.body.error.message, /「年度」/);
      const r3 = await member.post('/api/proposals', { title: '关于测试的建议', type: 'joint', cosignerUserIds: [] });
      assert.equal(r3.status, 400);
      assert.equal(r3.body.error.field, 'cosignerUserIds');
      const r4 = await member.post('/api/proposals/NOPE/transitions', { action: 'submit', version: 1 });
      assert.equal(r4.status, 404);
      const r5 = await member.post('/api/proposals/NOPE/transitions', { action: 'submit', version: 'x' });
      assert.equal(r5.status, 400);
      assert.match(r5.body.error.message, /「版本号」/);
      const own = (await member.get('/api/proposals?mine=true&state=draft')).body.items[0];
      const r6 = await fire(member, own.id, 'evaluate', own.version, { satisfaction: 'satisfied' });
      assert.equal(r6.status, 409);
      assert.equal(r6.body.error.code, 'INVALID_TRANSITION');
      assert.match(r6.body.error.message, /暂存/);
      const r7 = await fire(member, own.id, 'file', own.version);
      assert.equal(r7.status, 403, 'a member may never file');
    });

    test('a 界别 a proposal names is one of the caller\'s CPPCC: an unknown or another CPPCC\'s sector is a 400 naming the field', async () => {
      const draft = await member.post('/api/proposals', { title: '关于界别提案的测试建议' });
      assert.equal(draft.status, 201);
      const tenantId = (await s.zx.ctx.db.selectFrom('proposals').select('tenant_id').where('id', '=', draft.body.id).executeTakeFirstOrThrow()).tenant_id;
      const sectors = await s.zx.ctx.db.selectFrom('sectors').select(['id', 'tenant_id']).execute();
      const own = sectors.find((x: any) => x.tenant_id === tenantId)!;
      const others = sectors.filter((x: any) => x.tenant_id !== tenantId).map((x: any) => x.id as string);
      for (const sectorId of ['NO-SUCH-SECTOR', ...others.slice(0, 1)]) {
        const made = await member.post('/api/proposals', { title: '关于界别提案的测试建议', type: 'sector', sectorId });
        assert.equal(made.status, 400, `${sectorId}: ${JSON.stringify(made.body)}`);
        assert.deepEqual([made.body.error.code, made.body.error.field], ['VALIDATION_FAILED', 'sectorId']);
        assert.match(made.body.error.message, /「界别」/);
        const edited = await member.patch(`/api/proposals/${draft.body.id}`, { version: draft.body.version, sectorId });
        assert.equal(edited.status, 400, `${sectorId}: ${JSON.stringify(edited.body)}`);
        assert.equal(edited.body.error.field, 'sectorId');
      }
      const ok = await member.post('/api/proposals', { title: '关于界别提案的测试建议', type: 'sector', sectorId: own.id });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.equal(ok.body.sectorId, own.id);
    });

    test('a joint proposal counts only after its co-signers confirm', async () => {
      const other = await s.login('m0001');
      const otherId = (await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'm0001').executeTakeFirst())!.id;
      const created = await member.post('/api/proposals', { title: '关于发展社区嵌入式托育服务的建议', type: 'joint', cosignerUserIds: [otherId] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const early = await fire(member, created.body.id, 'submit', created.body.version);
      assert.equal(early.status, 403);
      assert.match(early.body.error.message, /联名委员未确认/);
      const confirmed = await other.post(`/api/proposals/${created.body.id}/cosign`);
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.cosigners[0].confirmedAt !== null, true);
      const ok = await fire(member, created.body.id, 'submit', confirmed.body.version);
      assert.equal(ok.status, 200);
      assert.equal(ok.body.state, 'submitted');
    });

    test('merging keeps the merged proposer on the target, and the unit objection path reassigns', async () => {
      const a = (await member.post('/api/proposals', { title: '关于规范城区共享单车停放的建议' })).body;
      const a2 = (await fire(member, a.id, 'submit', a.version)).body;
      const target = (await staff.get('/api/proposals?year=2025&stage=filed&pageSize=1')).body.items[0];
      const self = await fire(staff, a.id, 'merge', a2.version, { targetId: a.id });
      assert.equal(self.status, 400);
      const merged = await fire(staff, a.id, 'merge', a2.version, { targetId: target.id });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal(merged.body.mergedIntoId, target.id);
      const t = await member.get(`/api/proposals/${target.id}`);
      assert.equal(t.status, 200, 'the merged proposer sees the target');

      const b = (await member.post('/api/proposals', { title: '关于加强城区老旧管网改造的建议' })).body;
      let p = (await fire(member, b.id, 'submit', b.version)).body;
      p = (await fire(staff, b.id, 'file', p.version)).body;
      p = (await fire(staff, b.id, 'assign', p.version, { mode: 'joint', leadUnitId: jiaoyuId, coUnitIds: [zhujianId] })).body;
      // the co-handling unit sees it but may not sign or reply
      const co = await unit.get(`/api/proposals/${b.id}`);
      assert.equal(co.status, 200);
      assert.deepEqual(co.body.actions, []);
      assert.equal((await fire(unit, b.id, 'sign', p.version)).status, 403);
      p = (await fire(unit2, b.id, 'object', p.version, { reason: '主要职责在住建部门' })).body;
      assert.equal(p.state, 'objected');
      p = (await fire(staff, b.id, 'reassign', p.version, { mode: 'single', leadUnitId: zhujianId })).body;
      assert.equal(p.state, 'assigned');
      assert.equal(p.leadUnitId, zhujianId);
      assert.equal((await unit2.get(`/api/proposals/${b.id}`)).status, 404, 'the former unit no longer sees it');
    });

    test('the attachments of a proposal are downloadable by whoever sees the proposal and by no one else', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
      const boundary = 'zxproposalboundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="diaoyan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        pdf, Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const up = await s.app.inject({ method: 'POST', url: '/api/attachments', payload: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: member.cookie, 'x-csrf-token': member.csrf } });
      assert.ok(up.statusCode === 200 || up.statusCode === 201, up.payload);
      const fileId = JSON.parse(up.payload).id;
      const created = await member.post('/api/proposals', { title: '关于完善城区公共厕所布局的建议', attachmentIds: [fileId] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.attachments.map((a: any) => a.filename), ['diaoyan.pdf']);
      await fire(member, created.body.id, 'submit', created.body.version);
      const get = (c: Client) => s.app.inject({ method: 'GET', url: `/api/attachments/${fileId}`, headers: { cookie: c.cookie } });
      assert.equal((await get(staff)).statusCode, 200);
      assert.notEqual((await get(unit2)).statusCode, 200);
      assert.notEqual((await get(countyStaff)).statusCode, 200);
      const reuse = await member.post('/api/proposals', { title: '关于重复使用附件的建议', attachmentIds: ['NOT-MINE'] });
      assert.equal(reuse.status, 400);
      assert.equal(reuse.body.error.field, 'attachmentIds');
    });

    test('the reply classes are a setting: the system administrator changes the scheme and the proposal form offers it', async () => {
      const sysadmin = await s.login('sysadmin');
      const cur = await sysadmin.get('/api/admin/settings/proposals.replyClasses');
      assert.equal(cur.status, 200, JSON.stringify(cur.body));
      assert.deepEqual(cur.body.value.map((c: any) => c.code), ['A', 'B', 'C']);
      const bad = await sysadmin.put('/api/admin/settings/proposals.deadlines', { value: { review: 0 }, version: cur.body.version });
      assert.equal(bad.status, 400);
      const fourClasses = [
        { code: 'A', label: 'A 已解决' }, { code: 'B', label: 'B 正在解决或列入规划' },
        { code: 'C', label: 'C 条件限制以后解决' }, { code: 'D', label: 'D 留作参考' },
      ];
      const ok = await sysadmin.put('/api/admin/settings/proposals.replyClasses', { value: fourClasses, version: cur.body.version });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const options = await staff.get('/api/proposals/options');
      assert.deepEqual(options.body.replyClasses.map((c: any) => c.code), ['A', 'B', 'C', 'D']);
      assert.equal(options.body.notFiledReasons.length, 10, 'the national list of 不予立案 cases is the default');
    });

    test('a page of the list is served from its cached bytes until a proposal changes, then read again at once', async () => {
      const created = await member.post('/api/proposals', { title: '关于规范小区电动车充电设施的建议', background: '充电难', analysis: '飞线充电', suggestions: '统一建设充电桩' });
      assert.equal(created.status, 201);
      const page = async () => member.request('GET', '/api/proposals?mine=true&state=draft&pageSize=50');
      const first = await page();
      assert.equal(first.status, 200);
      assert.match(String(first.headers['content-type']), /application\/json/);
      assert.equal(first.headers['x-content-type-options'], 'nosniff', 'cached bytes go out with the security headers');
      const row = first.body.items.find((i: any) => i.id === created.body.id);
      assert.equal(row?.title, '关于规范小区电动车充电设施的建议');
      assert.deepEqual((await page()).body, first.body, 'a repeated read gives the same page');
      const edited = await member.patch(`/api/proposals/${created.body.id}`, { version: created.body.version, title: '关于加快小区电动车集中充电设施建设的建议' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const after = (await page()).body.items.find((i: any) => i.id === created.body.id);
      assert.equal(after?.title, '关于加快小区电动车集中充电设施建设的建议', 'the edit shows in the list at once');
      assert.equal(after?.version, edited.body.version);
      // another reader's page is not this reader's: the office does not see the member's draft
      const office = await staff.get('/api/proposals?state=draft&pageSize=50');
      assert.equal(office.status, 200);
      assert.ok(!office.body.items.some((i: any) => i.id === created.body.id), 'a draft stays its author\'s');
    });

    test('list totals follow every change at once, though the office\'s shared counts are cached between changes', async () => {
      const total = async (query: string) => (await staff.get(`/api/proposals?${query}&pageSize=1`)).body.total as number;
      const submitted = await total('state=submitted');
      const all = await total('year=' + clock.year());
      assert.equal(await total('state=submitted'), submitted, 'a repeated read gives the same total');
      const created = await member.post('/api/proposals', { title: '关于完善社区养老助餐服务的建议', background: '老年人就餐难', analysis: '网点少', suggestions: '增设助餐点' });
      assert.equal(created.status, 201);
      const sub = await fire(member, created.body.id, 'submit', created.body.version);
      assert.equal(sub.status, 200, JSON.stringify(sub.body));
      assert.equal(await total('state=submitted'), submitted + 1, 'the new submission counts at once');
      // the submitted text reaches the text module, so the office sees it among similar items while reviewing
      await s.zx.ctx.events.drain();
      const similar = await staff.post('/api/text/similar', { text: '关于完善社区养老助餐服务、增设老年助餐点的建议', limit: 5 });
      assert.equal(similar.status, 200, JSON.stringify(similar.body));
      assert.equal(similar.body.items[0]?.refId, created.body.id);
      const filed = await fire(staff, created.body.id, 'file', sub.body.version);
      assert.equal(filed.status, 200, JSON.stringify(filed.body));
      assert.equal(await total('state=submitted'), submitted, 'filing takes it out of the review queue at once');
      assert.ok(await total('year=' + sub.body.year) >= (sub.body.year === clock.year() ? all + 1 : 1));
    });
  });
}
