// The released reply and the unit's draft kept apart (decision 0032, on SQLite and PostgreSQL): the reply classes of the
// statistics and their lists count released replies, so a re-handled proposal's new draft moves no figure until the
// office releases it; and the proposers see the lead unit's reply only once it is released (decision 0021), as they
// see the 分办 replies. The migration fills the released reply of existing rows from their history.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { fillReleased, releasedFromHistory } from '../server/released-reply-migrations.ts';
import { ok } from './transitions.ts';

const databases = await dialects();

async function docText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('the released reply read back from a proposal\'s history', () => {
  test('the class the office released (its own choice, else the draft\'s) and the text of the draft it released; later drafts do not count', () => {
    const steps = [
      { action: 'reply', data: JSON.stringify({ replyClass: 'A', replyText: '第一稿' }) },
      { action: 'reply', data: JSON.stringify({ replyClass: 'B', replyText: '第二稿' }) },
      { action: 'release', data: null },
      { action: 'request_rehandle', data: JSON.stringify({ reason: '不满意' }) },
      { action: 'reply_sign', data: JSON.stringify({ replyClass: 'C', replyText: '重新办理的答复' }) },
    ];
    assert.deepEqual(releasedFromHistory(steps), { cls: 'B', text: '第二稿' });
    assert.deepEqual(releasedFromHistory([...steps, { action: 'release', data: JSON.stringify({ replyClass: 'A' }) }]), { cls: 'A', text: '重新办理的答复' });
    assert.deepEqual(releasedFromHistory(steps.slice(0, 2)), { cls: null, text: null }, 'nothing released yet');
  });
});

for (const d of databases) {
  describe(`released replies and drafts (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client, unit: Client, unitLead: Client;
    let zhujianId: string;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, unitLead] = await Promise.all(['member', 'proposal', 'unit', 'unitlead'].map((u) => s.login(u)));
      zhujianId = (await s.zx.ctx.db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id;
    });
    after(async () => { await s?.close(); });

    async function inProgress(title: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staff, p.id, 'file', p.version);
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId });
      return ok(unit, p.id, 'sign', p.version);
    }
    const classes = async (year: number) => Object.fromEntries((await staff.get(`/api/proposals/stats?year=${year}`)).body.byReplyClass.map((f: any) => [f.key.split('.').pop(), f.value]));
    const listed = async (year: number, replyClass: string) => {
      // list pages are cached until the events of a change are delivered (after commit, from the outbox)
      await s.zx.ctx.events.drain();
      const r = (await staff.get(`/api/proposals?year=${year}&stage=replied&replyClass=${replyClass}&pageSize=100`)).body;
      return { total: r.total as number, items: r.items as any[] };
    };
    const letter = (c: Client, id: string) => s.app.inject({ method: 'GET', url: `/api/proposals/${id}/reply-letter.docx`, headers: { cookie: c.cookie } });
    /** what the proposer is shown of the reply: the detail, its history, the form and the letter */
    async function proposerSees(id: string) {
      const p = (await member.get(`/api/proposals/${id}`)).body;
      const inHistory = p.history.filter((h: any) => h.data && ('replyText' in h.data || 'replyClass' in h.data));
      const form = (await member.get(`/api/proposals/${id}/form`)).body;
      const l = await letter(member, id);
      return { replyClass: p.replyClass, replyText: p.replyText, signerName: p.signerName, inHistory, formClass: form.replyClassLabel, letter: l.statusCode === 200 ? await docText(l.rawPayload) : l.statusCode };
    }

    test('the proposer sees no reply while it waits for sign-off and the office\'s check; the unit and the office see the draft', async () => {
      let p = await inProgress('关于规范城区共享单车停放的建议');
      p = await ok(unit, p.id, 'reply', p.version, { replyClass: 'B', replyText: '草稿：拟划设停放区。' });
      assert.equal(p.state, 'reply_signoff');
      assert.deepEqual(await proposerSees(p.id), { replyClass: null, replyText: null, signerName: null, inHistory: [], formClass: null, letter: 409 });
      p = await ok(unitLead, p.id, 'sign_off', p.version);
      assert.equal(p.state, 'reply_check');
      assert.deepEqual(await proposerSees(p.id), { replyClass: null, replyText: null, signerName: null, inHistory: [], formClass: null, letter: 409 });
      for (const c of [unit, unitLead, staff]) {
        const seen = (await c.get(`/api/proposals/${p.id}`)).body;
        assert.deepEqual([seen.replyClass, seen.replyText], ['B', '草稿：拟划设停放区。'], c.username);
        assert.ok(seen.history.some((h: any) => h.data?.replyText === '草稿：拟划设停放区。'), `${c.username} sees the draft in the history`);
        assert.equal((await letter(c, p.id)).statusCode, 200, c.username);
      }
      // the office changes the class as it releases: now the proposer sees the released reply
      p = await ok(staff, p.id, 'release', p.version, { replyClass: 'A' });
      const seen = await proposerSees(p.id);
      assert.equal(seen.replyClass, 'A');
      assert.equal(seen.replyText, '草稿：拟划设停放区。');
      assert.ok(seen.signerName);
      assert.match(String(seen.letter), /拟划设停放区/);
    });

    test('after 不满意 → 重新办理 the released class counts until the new reply is released, in the figures and their lists alike', async () => {
      let p = await inProgress('关于增设社区养老食堂的建议');
      p = await ok(unitLead, p.id, 'reply_sign', p.version, { replyClass: 'A', replyText: '已在十个社区开设养老食堂。' });
      const year = p.year as number;
      const before = await classes(year);
      p = await ok(staff, p.id, 'release', p.version);
      const released = await classes(year);
      assert.equal(released.A, before.A + 1);
      p = await ok(member, p.id, 'request_rehandle', p.version, { reason: '只开设了试点，覆盖面不够' });
      assert.equal(p.state, 'rehandle');

      // the unit's new reply waits for its leader, then for the office: a draft of class C
      p = await ok(unit, p.id, 'reply', p.version, { replyClass: 'C', replyText: '受场地所限，留作参考。' });
      for (const state of ['reply_signoff', 'reply_check']) {
        assert.equal(p.state, state);
        assert.deepEqual(await classes(year), released, `${state}: the figures do not move`);
        const a = await listed(year, 'A');
        const c = await listed(year, 'C');
        assert.equal(a.total, released.A, 'the A list has as many rows as the A figure');
        assert.equal(c.total, released.C, 'the C list has as many rows as the C figure');
        const row = a.items.find((x) => x.id === p.id);
        assert.ok(row, `${state}: the proposal is still listed as A`);
        assert.equal(row.replyClass, 'A');
        assert.ok(!c.items.some((x) => x.id === p.id), `${state}: the draft's class lists nothing`);
        // the proposer keeps the released reply and its letter; the draft stays with the unit and the office
        const seen = await proposerSees(p.id);
        assert.deepEqual([seen.replyClass, seen.replyText, seen.inHistory], ['A', '已在十个社区开设养老食堂。', []], state);
        assert.ok(String(seen.formClass).length > 1 && !/参考/.test(String(seen.formClass)), `${state}: the form shows the released class (${seen.formClass})`);
        assert.match(String(seen.letter), /已在十个社区开设养老食堂/);
        assert.doesNotMatch(String(seen.letter), /留作参考/);
        const office = (await staff.get(`/api/proposals/${p.id}`)).body;
        assert.deepEqual([office.replyClass, office.replyText], ['C', '受场地所限，留作参考。']);
        if (state === 'reply_signoff') p = await ok(unitLead, p.id, 'sign_off', p.version);
      }
      p = await ok(staff, p.id, 'release', p.version);
      const after = await classes(year);
      assert.deepEqual([after.A, after.C], [released.A - 1, released.C + 1], 'the released C counts once released');
      assert.equal((await listed(year, 'C')).items.find((x) => x.id === p.id)?.replyClass, 'C');
      assert.equal((await proposerSees(p.id)).replyText, '受场地所限，留作参考。');
    });

    test('the migration fills a re-handled proposal\'s released reply from its history, and a plain one from the row', async () => {
      let p = await inProgress('关于完善老旧小区雨污分流的建议');
      p = await ok(unitLead, p.id, 'reply_sign', p.version, { replyClass: 'B', replyText: '列入明年计划。' });
      p = await ok(staff, p.id, 'release', p.version);
      const plain = (await inProgress('关于加强校园周边交通管理的建议'));
      let q = await ok(unitLead, plain.id, 'reply_sign', plain.version, { replyClass: 'A', replyText: '已增设护学岗。' });
      q = await ok(staff, q.id, 'release', q.version);
      p = await ok(member, p.id, 'request_rehandle', p.version, { reason: '计划不具体' });
      p = await ok(unitLead, p.id, 'reply_sign', p.version, { replyClass: 'C', replyText: '留作参考。' });
      // rows as they were before the released reply had columns of its own
      const db = s.zx.ctx.db;
      await db.updateTable('proposals').set({ released_class: null, released_text: null }).where('id', 'in', [p.id, q.id]).execute();
      await fillReleased(db);
      const rows = await db.selectFrom('proposals').select(['id', 'released_class', 'released_text', 'reply_class']).where('id', 'in', [p.id, q.id]).execute();
      const byId = new Map(rows.map((r: any) => [r.id, r]));
      assert.deepEqual([byId.get(p.id).released_class, byId.get(p.id).released_text, byId.get(p.id).reply_class], ['B', '列入明年计划。', 'C']);
      assert.deepEqual([byId.get(q.id).released_class, byId.get(q.id).released_text], ['A', '已增设护学岗。']);
    });
  });
}
