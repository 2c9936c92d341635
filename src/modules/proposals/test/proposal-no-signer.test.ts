// 承办单位无签发人 (setting proposals.noSigner): with sign-off required, a clerk's reply in a unit that has no active
// leader account is not trapped in 待签发. By default the office gets a work item saying the unit has no signer (and
// the leader, once the unit has one, finds the reply to sign); with office_check the reply goes to the office's check
// unsigned. The same holds for a 分办 unit's own reply (会办 units send opinions, which no one signs off). On SQLite and
// PostgreSQL, with 市住建局's leader account switched off, and 市教育局 (a 分办 unit) without a leader account.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { fire, ok, okUnit } from './transitions.ts';
import { makeProposal } from './factories.ts';
import { unitLeaderOf } from './unit-leader.ts';

const reply = { replyClass: 'A', replyText: '经研究，已列入本年度计划。' };

for (const d of await dialects()) {
  describe(`a unit without a signer does not trap a reply (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let unit: Client, unit2: Client, unitLead: Client, staff: Client, sysadmin: Client, member: Client;
    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [unit, unit2, unitLead, staff, sysadmin, member] = await Promise.all(['unit', 'unit2', 'unitlead', 'proposal', 'sysadmin', 'member'].map((u) => s.as(u)));
    });
    after(async () => { await s?.close(); });

    const leaderActive = (on: boolean) => s.zx.ctx.db.updateTable('users').set({ active: on ? 1 : 0 }).where('username', '=', 'unitlead').execute();
    const officeItems = async (id: string) => {
      await s.zx.ctx.events.drain();
      const r = await staff.get('/api/worklist?pageSize=100');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return (r.body.items as Array<{ entityId: string; label: string; link: string }>)
        .filter((x) => (x.entityId === id || x.link === `/proposals/${id}`) && x.label.endsWith('无签发人'));
    };
    /** a proposal led by 市住建局 with 市教育局 as 分办 unit, its part signed for by 市教育局's clerk */
    async function splitPart(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staff, p.id, 'file', p.version);
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'split', leadUnitId: s.ids.unitIds['市住建局'], coUnitIds: [s.ids.unitIds['市教育局']] });
      const part = p.assignments.find((a: any) => a.unitId === s.ids.unitIds['市教育局']);
      return { id: String(p.id), part: await okUnit(unit2, p.id, part.id, 'sign', part.version) };
    }
    const partHistory = (partId: string) => s.zx.ctx.db.selectFrom('workflow_history').select(['action', 'note'])
      .where('entity_type', '=', 'proposal_assignment').where('entity_id', '=', partId).orderBy('at').execute();
    const history = async (id: string) => ((await staff.get(`/api/proposals/${id}`)).body.history as Array<{ action: string; note: string | null }>);
    const setMode = async (value: string) => {
      const url = '/api/admin/settings/proposals.noSigner';
      const cur = await sysadmin.get(url);
      assert.equal(cur.status, 200, JSON.stringify(cur.body));
      const put = await sysadmin.put(url, { value, version: cur.body.version ?? 0 });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      return cur.body.value;
    };

    test('with a leader the clerk\'s reply waits for sign-off and the office is told nothing', async () => {
      const p = await makeProposal(s, 'in_progress', { title: '关于有签发人时答复照常签发的建议' });
      const r = await fire(unit, p.id, 'reply', p.detail.version, reply);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.state, 'reply_signoff');
      assert.deepEqual(await officeItems(p.id), []);
    });

    test('by default (notify_office) the office gets a work item 「…无签发人」; a leader added later signs off and it closes', async () => {
      assert.equal((await sysadmin.get('/api/admin/settings/proposals.noSigner')).body.value, 'notify_office', 'the default');
      const p = await makeProposal(s, 'in_progress', { title: '关于无签发人时通知提案委的建议' });
      await leaderActive(false);
      try {
        const r = await fire(unit, p.id, 'reply', p.detail.version, reply);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.state, 'reply_signoff', 'nothing leaves the unit unsigned');
        const items = await officeItems(p.id);
        assert.equal(items.length, 1, 'the office has one work item');
        assert.equal(items[0].label, '市住建局无签发人');
        assert.equal(items[0].link, `/proposals/${p.id}`);
        assert.ok((await history(p.id)).some((h) => h.action === 'no_signer' && /已通知提案委/.test(h.note ?? '')));
      } finally { await leaderActive(true); }
      // the unit has a leader again: they find the reply and sign it off; the office's item ends
      const cur = (await unitLead.get(`/api/proposals/${p.id}`)).body;
      const signed = await fire(unitLead, p.id, 'sign_off', cur.version, {});
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      assert.equal(signed.body.state, 'reply_check');
      assert.deepEqual(await officeItems(p.id), []);
    });

    test('with office_check the reply goes to the office\'s check unsigned, and the history says so', async () => {
      const p = await makeProposal(s, 'in_progress', { title: '关于无签发人时转提案委审核的建议' });
      const was = await setMode('office_check');
      await leaderActive(false);
      try {
        const r = await fire(unit, p.id, 'reply', p.detail.version, reply);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.state, 'reply_check', 'not trapped in 待签发');
        assert.equal(r.body.signerName, null);
        assert.ok(r.body.replySentAt, 'the reply left the unit when it was sent');
        assert.ok((await history(p.id)).some((h) => h.action === 'no_signer' && /未经签发/.test(h.note ?? '')));
        assert.deepEqual(await officeItems(p.id), [], 'no work item beside the check itself');
      } finally {
        await leaderActive(true);
        await setMode(was);
      }
      // with the leader back, a reply waits for sign-off again
      const q = await makeProposal(s, 'in_progress', { title: '关于签发人恢复后照常签发的建议' });
      assert.equal((await fire(unit, q.id, 'reply', q.detail.version, reply)).body.state, 'reply_signoff');
    });

    test('a 分办 unit without a leader (notify_office): its reply waits 待签发 with the office told; a leader added later signs it off and the item closes', async () => {
      const { id, part } = await splitPart('关于分办单位无签发人时通知提案委的建议');
      const replied = await okUnit(unit2, id, part.id, 'reply', part.version, reply);
      assert.equal(replied.state, 'reply_signoff', 'nothing leaves the unit unsigned');
      const items = await officeItems(id);
      assert.equal(items.length, 1, `the office has one work item: ${JSON.stringify(items)}`);
      assert.equal(items[0].label, '市教育局无签发人');
      assert.equal(items[0].link, `/proposals/${id}`);
      assert.ok((await partHistory(part.id)).some((h) => h.action === 'no_signer' && /市教育局没有可签发答复的单位领导账号，已通知提案委/.test(h.note ?? '')));
      // 市教育局 gets a leader: they find the part in their worklist and sign it off; the office's item ends
      const lead2 = await unitLeaderOf(s, '市教育局', `jiaoyulead${d.kind}`);
      const mine = (await lead2.get('/api/worklist?pageSize=100')).body.items as Array<{ entityId: string; label: string }>;
      assert.ok(mine.some((x) => x.entityId === part.id && x.label === '分办待签发'), JSON.stringify(mine));
      const signed = await okUnit(lead2, id, part.id, 'sign_off', replied.version);
      assert.equal(signed.state, 'replied');
      assert.ok(signed.signerName);
      assert.deepEqual(await officeItems(id), []);
    });

    test('a 分办 unit without a leader (office_check): its reply leaves the unit unsigned, for the office\'s check with the proposal\'s reply', async () => {
      const { id, part } = await splitPart('关于分办单位无签发人时转提案委审核的建议');
      const pendingBefore = Number((await s.zx.ctx.db.selectFrom('proposals').select('units_pending').where('id', '=', id).executeTakeFirstOrThrow()).units_pending);
      const was = await setMode('office_check');
      // the leader the test before added is switched off: 市教育局 has no signer again
      const lead2Active = (on: boolean) => s.zx.ctx.db.updateTable('users').set({ active: on ? 1 : 0 }).where('username', '=', `jiaoyulead${d.kind}`).execute();
      await lead2Active(false);
      try {
        const replied = await okUnit(unit2, id, part.id, 'reply', part.version, reply);
        assert.equal(replied.state, 'replied', 'not trapped in 待签发');
        assert.equal(replied.signerName, null);
        assert.ok((await partHistory(part.id)).some((h) => h.action === 'no_signer' && /未经签发报出，由提案委审核/.test(h.note ?? '')));
        assert.deepEqual(await officeItems(id), [], 'no work item beside the check itself');
        const pendingAfter = Number((await s.zx.ctx.db.selectFrom('proposals').select('units_pending').where('id', '=', id).executeTakeFirstOrThrow()).units_pending);
        assert.equal(pendingAfter, pendingBefore - 1, 'the proposal stops waiting for the unit');
      } finally {
        await lead2Active(true);
        await setMode(was);
      }
    });

    test('a 分办 unit with a leader is not affected: the clerk\'s reply waits for its sign-off and the office is told nothing', async () => {
      const { id, part } = await splitPart('关于分办单位有签发人时照常签发的建议');
      // 市教育局 has a leader by now (the first 分办 test added one) or gets one here
      const has = await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', `jiaoyulead${d.kind}`).executeTakeFirst();
      if (!has) await unitLeaderOf(s, '市教育局', `jiaoyulead${d.kind}`);
      const replied = await okUnit(unit2, id, part.id, 'reply', part.version, reply);
      assert.equal(replied.state, 'reply_signoff');
      assert.deepEqual(await officeItems(id), []);
      assert.ok(!(await partHistory(part.id)).some((h) => h.action === 'no_signer'));
    });

    test('a setting that is not one of the two choices is refused naming it', async () => {
      const cur = await sysadmin.get('/api/admin/settings/proposals.noSigner');
      const bad = await sysadmin.put('/api/admin/settings/proposals.noSigner', { value: 'wait', version: cur.body.version ?? 0 });
      assert.equal(bad.status, 400, JSON.stringify(bad.body));
    });
  });
}
