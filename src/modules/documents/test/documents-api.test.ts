// The 公文 API through the real server on SQLite and PostgreSQL: drafting from a template, the chain 核稿 → 会签 → 签发
// with comments and a return, versions and their diff, 文号 per type and year (also with signers at once), the Word
// file, distribution with read receipts and reminders, the archive's filters, the figures agreeing with their lists,
// bad input, a stale version and who may see what.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { documentSeedFigures } from '../server/seed.ts';

const API = '/api/office/documents';

for (const d of await dialects()) {
  describe(`公文 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, secgen: Client, leader: Client, committee: Client, proposal: Client, member: Client, other: Client, county: Client, sysadmin: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, secgen, leader, committee, proposal, member, other, county, sysadmin] = await Promise.all(
        ['office', 'secgen', 'leader', 'committee', 'proposal', 'member', 'm0001', 'county', 'sysadmin'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const act = (c: Client, id: string, action: string, version: number, extra: Record<string, unknown> = {}) => c.post(`${API}/${id}/actions`, { action, version, ...extra });
    const draft = async (docType: string, title: string, body = '各专门委员会：\n请于本周五前报送年度工作总结。') => {
      const r = await office.post(API, { docType, title, body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    };
    /** a draft brought to 待签发 through 核稿 (and 会签 where the type has it) */
    const toSigning = async (docType: string, title: string) => {
      let r = await draft(docType, title);
      r = (await act(office, r.id, 'submit', r.version)).body;
      r = (await act(secgen, r.id, 'approve', r.version)).body;
      if (r.state === 'countersigning') {
        r = (await act(committee, r.id, 'countersign', r.version)).body;
        r = (await act(proposal, r.id, 'countersign', r.version)).body;
      }
      assert.equal(r.state, 'signing', JSON.stringify(r));
      return r;
    };

    test('a draft starts from its type\'s template; bad input is a 400 naming the field in Chinese', async () => {
      const r = await office.post(API, { docType: 'notice' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.title, '关于……的通知');
      assert.match(r.body.body, /请认真贯彻执行/);
      assert.equal(r.body.state, 'draft');
      assert.deepEqual(r.body.actions.map((a: any) => a.name), ['edit', 'submit', 'comment']);
      assert.equal(r.body.number, null);
      assert.equal(r.body.chars, (r.body.title + r.body.body).replace(/\s+/g, '').length);

      const badType = await office.post(API, { docType: 'memo', title: '标题' });
      assert.equal(badType.status, 400);
      assert.equal(badType.body.error.field, 'docType');
      assert.match(badType.body.error.message, /文种/);
      const shortTitle = await office.post(API, { docType: 'letter', title: '函' });
      assert.equal(shortTitle.body.error.field, 'title');
      assert.match(shortTitle.body.error.message, /标题/);
      assert.equal((await office.get(`${API}?state=nonsense`)).body.error.field, 'state');
      assert.equal((await office.get(`${API}?docType=memo`)).body.error.field, 'docType');
      assert.equal((await member.post(API, { docType: 'notice' })).status, 403, 'a member does not draft');
      assert.equal((await sysadmin.get(API)).status, 403, 'administrators do not read documents');
    });

    test('请示 runs 拟稿 → 核稿 → 会签 (all parties) → 退回 → again → 签发 with a 文号, comments and versions kept', async () => {
      let r = await draft('request', '关于召开专题协商会的请示');
      assert.equal((await act(committee, r.id, 'countersign', r.version)).status, 404, 'a countersigner does not see the draft yet');
      assert.equal((await act(secgen, r.id, 'approve', r.version)).status, 403, 'the office reads the draft but may not review it before it is sent');
      r = (await act(office, r.id, 'submit', r.version, { comment: '请核稿' })).body;
      assert.equal(r.state, 'reviewing');
      assert.ok(!r.actions.some((a: any) => a.name === 'approve'), 'the drafter does not review their own draft');
      // the reviewer sees it waiting on their worklist
      const tasks = await secgen.get('/api/worklist?pageSize=200');
      assert.ok(JSON.stringify(tasks.body).includes(r.id), 'the document waits for 核稿 on the worklist');

      // the reviewer edits the text: a new version, and the diff shows the insertion
      const edited = await secgen.patch(`${API}/${r.id}`, { version: r.version, body: '各专门委员会：\n请于本周五下班前报送年度工作总结。' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.versionNo, 2);
      const diff = await secgen.get(`${API}/${r.id}/diff?from=1&to=2`);
      assert.equal(diff.status, 200, JSON.stringify(diff.body));
      assert.deepEqual(diff.body.body.filter((p: any) => p.op === 'ins').map((p: any) => p.text), ['下班']);
      assert.equal(diff.body.body.filter((p: any) => p.op === 'del').length, 0);
      assert.equal((await secgen.get(`${API}/${r.id}/diff?from=1&to=9`)).body.error.field, 'to');

      const stale = await act(secgen, r.id, 'approve', r.version);
      assert.equal(stale.status, 409, 'the version read before the edit is stale');
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      r = (await act(secgen, r.id, 'approve', edited.body.version, { comment: '文字已核' })).body;
      assert.equal(r.state, 'countersigning');
      assert.deepEqual(r.chain.countersign.map((p: any) => p.agreed), [false, false]);

      // one party agrees: still countersigning; the same party cannot agree twice
      r = (await act(proposal, r.id, 'countersign', r.version, { comment: '同意' })).body;
      assert.equal(r.state, 'countersigning');
      assert.equal((await act(proposal, r.id, 'countersign', r.version)).status, 403);
      // the other party returns it: a reason is required
      const noReason = await act(committee, r.id, 'return', r.version);
      assert.equal(noReason.status, 400);
      assert.match(noReason.body.error.message, /退回理由/);
      r = (await act(committee, r.id, 'return', r.version, { comment: '请补充经费预算' })).body;
      assert.equal(r.state, 'returned');
      assert.equal(r.returnReason, '请补充经费预算');

      // the drafter revises and sends it again; the countersign starts over
      const again = await office.patch(`${API}/${r.id}`, { version: r.version, body: '各专门委员会：\n请于本周五下班前报送年度工作总结，并附经费预算。' });
      r = (await act(office, r.id, 'submit', again.body.version)).body;
      r = (await act(secgen, r.id, 'approve', r.version)).body;
      assert.deepEqual(r.chain.countersign.map((p: any) => p.agreed), [false, false], 'a new round after the return');
      r = (await act(proposal, r.id, 'countersign', r.version)).body;
      r = (await act(committee, r.id, 'countersign', r.version)).body;
      assert.equal(r.state, 'signing');
      assert.equal((await act(office, r.id, 'sign', r.version)).status, 403, 'office staff do not sign');

      const year = Number(clock.today().slice(0, 4));
      r = (await act(leader, r.id, 'sign', r.version, { comment: '同意' })).body;
      assert.equal(r.state, 'signed');
      assert.match(r.number, new RegExp(`^长政协请〔${year}〕\\d+号$`));
      assert.equal(r.versions.length, 3);
      assert.deepEqual(r.comments.map((c: any) => [c.step, c.decision]).filter((x: any) => x[1]), [
        ['reviewing', 'agree'], ['countersigning', 'agree'], ['countersigning', 'return'], ['reviewing', 'agree'], ['countersigning', 'agree'], ['countersigning', 'agree'], ['signing', 'agree'],
      ]);
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('the 文号 runs per type and year without gaps or duplicates, also with signers at once', async () => {
      const year = Number(clock.today().slice(0, 4));
      const docs = await Promise.all(Array.from({ length: 6 }, (_, i) => toSigning('letter', `关于商请支持第${i + 1}项工作的函`)));
      const before = (await office.get(`${API}?docType=letter&year=${year}&state=signed,distributed&pageSize=200`)).body.total;
      // two signers (the leader and the 秘书长, who is a leader too) sign six letters at the same moment
      const signed = await Promise.all(docs.map((r, i) => act(i % 2 ? secgen : leader, r.id, 'sign', r.version)));
      for (const x of signed) assert.equal(x.status, 200, JSON.stringify(x.body));
      const seqs = signed.map((x) => Number(/〔\d+〕(\d+)号/.exec(x.body.number)![1])).sort((a, b) => a - b);
      assert.equal(new Set(seqs).size, 6, 'no duplicate numbers');
      assert.equal(seqs[5] - seqs[0], 5, 'no gaps');
      assert.equal(seqs[5], before + 6, 'the next numbers of the year');
      // another type has its own sequence
      const notice = await toSigning('notice', '关于做好年终工作的通知');
      const n = (await act(leader, notice.id, 'sign', notice.version)).body;
      assert.match(n.number, new RegExp(`^长政协发〔${year}〕\\d+号$`));
      // the same document signed twice at once: one wins, the other is a conflict
      const one = await toSigning('report', '关于年度履职情况的报告');
      const both = await Promise.all([act(leader, one.id, 'sign', one.version), act(secgen, one.id, 'sign', one.version)]);
      assert.deepEqual(both.map((x) => x.status).sort(), [200, 409]);
    });

    test('the signed document downloads as Word in the official layout, with its 版头 and 文号', async () => {
      const r = await toSigning('report', '关于政协委员履职情况的报告');
      const signed = (await act(leader, r.id, 'sign', r.version)).body;
      const res = await s.app.inject({ method: 'GET', url: `${API}/${r.id}/document.docx`, headers: { cookie: office.cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /wordprocessingml/);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      assert.ok(text.includes(signed.number), '文号');
      assert.ok(text.includes('关于政协委员履职情况的报告'));
      assert.ok(text.includes('签发人：') && text.includes(signed.signerName), 'a 报告 names its signer');
      assert.ok(text.includes('政协长治市委员会'), '发文机关标志');
      assert.match(xml, /w:eastAsia="方正小标宋简体"/);
      assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
      assert.match(xml, /<w:sz w:val="44"\/>/, 'title 二号');
      assert.match(xml, /<w:sz w:val="32"\/>/, 'body 三号');
      assert.match(xml, /<w:color w:val="C00000"\/>/, 'red 版头');
      assert.match(xml, /w:top="2098"/);
      assert.match(xml, /w:left="1587"/);
      assert.match(xml, /w:line="560"/);
      const footer = Object.keys(zip.files).find((f) => /footer\d*\.xml$/.test(f));
      assert.ok(footer && (await zip.file(footer)!.async('string')).includes('PAGE'), 'page numbers');
    });

    test('distribution to a committee and a member records read receipts on opening; reminders reach those who have not read', async () => {
      const options = (await office.get(`${API}/options`)).body;
      const agri = options.orgs.find((o: any) => o.name.includes('农业和农村'));
      const other2 = options.orgs.find((o: any) => o.kind === 'gov_unit');
      assert.ok(agri && other2, JSON.stringify(options.orgs.slice(0, 3)));
      const memberId = (await member.get('/api/auth/me')).body.user.id;
      const r0 = await toSigning('notice', '关于参加全委会的通知');
      let r = (await act(leader, r0.id, 'sign', r0.version)).body;
      assert.equal((await member.get(`${API}/${r.id}`)).status, 404, 'not yet distributed');
      const none = await act(office, r.id, 'distribute', r.version, {});
      assert.equal(none.status, 400);
      assert.match(none.body.error.message, /分发单位/);
      const bad = await act(office, r.id, 'distribute', r.version, { orgIds: ['nope'] });
      assert.equal(bad.body.error.field, 'orgIds');
      // a member, or a unit, of another CPPCC is no recipient of this CPPCC's document: 400 naming the field, nothing written
      const countyMemberId = (await county.get('/api/auth/me')).body.user.id;
      const foreign = await act(office, r.id, 'distribute', r.version, { orgIds: [agri.id], userIds: [memberId, countyMemberId] });
      assert.equal(foreign.status, 400, JSON.stringify(foreign.body));
      assert.equal(foreign.body.error.field, 'userIds');
      assert.match(foreign.body.error.message, /分发委员/);
      const staffId = (await office.get('/api/auth/me')).body.user.id;
      assert.equal((await act(office, r.id, 'distribute', r.version, { userIds: [staffId] })).body.error?.field, 'userIds', 'staff are no 委员');
      const countyOrgId = (await county.get('/api/auth/me')).body.user.orgId;
      assert.ok(countyOrgId);
      assert.equal((await act(office, r.id, 'distribute', r.version, { orgIds: [countyOrgId] })).body.error?.field, 'orgIds', 'an organisation of another CPPCC');
      assert.equal((await office.get(`${API}/${r.id}`)).body.state, 'signed', 'nothing distributed');
      r = (await act(office, r.id, 'distribute', r.version, { orgIds: [agri.id, other2.id], userIds: [memberId] })).body;
      assert.equal(r.state, 'distributed');
      assert.equal(r.receipts.length, 3);
      assert.ok(r.receipts.every((x: any) => x.readAt === null));

      // the member finds it in their inbox, unread; opening it records the receipt
      const inbox = (await member.get(`${API}?inbox=true&pageSize=200`)).body;
      assert.equal(inbox.items.find((i: any) => i.id === r.id)?.readAt, null);
      assert.equal((await member.get(`${API}/${r.id}`)).status, 200);
      assert.ok((await member.get(`${API}?inbox=true&pageSize=200`)).body.items.find((i: any) => i.id === r.id).readAt);
      // the committee's staff open it for their committee
      assert.equal((await committee.get(`${API}/${r.id}`)).status, 200);
      assert.equal((await other.get(`${API}/${r.id}`)).status, 404, 'a member it was not sent to');
      assert.equal((await county.get(`${API}/${r.id}`)).status, 404, 'another CPPCC');

      r = (await office.get(`${API}/${r.id}`)).body;
      const unread = r.receipts.filter((x: any) => !x.readAt).map((x: any) => x.name);
      assert.deepEqual(unread, [other2.name]);
      assert.ok(r.receipts.find((x: any) => x.name === agri.name).readByName);
      r = (await act(office, r.id, 'remind', r.version)).body;
      assert.deepEqual(r.receipts.filter((x: any) => x.reminders > 0).map((x: any) => x.name), [other2.name]);
      assert.equal((await act(member, r.id, 'remind', r.version)).status, 403);
    });

    test('the archive searches by 文号, type, year and title; the cross-module search finds a document by its text', async () => {
      const year = documentSeedFigures.year;
      const all = (await office.get(`${API}?year=${year}&pageSize=1`)).body.total;
      assert.ok(all >= documentSeedFigures.signed - 5, `demo documents of ${year}: ${all}`);
      const notices = (await office.get(`${API}?year=${year}&docType=notice&pageSize=200`)).body;
      assert.ok(notices.total > 0 && notices.items.every((i: any) => i.docType === 'notice' && i.number.includes(`〔${year}〕`)));
      const byNumber = await office.get(`${API}?number=${encodeURIComponent(`长政协发〔${year}〕1号`)}`);
      assert.ok(byNumber.body.items.some((i: any) => i.number === `长政协发〔${year}〕1号`), JSON.stringify(byNumber.body.items.map((i: any) => i.number)));
      const byTitle = (await office.get(`${API}?q=${encodeURIComponent('老旧小区改造')}&year=${year}&pageSize=5`)).body;
      assert.ok(byTitle.total > 0 && byTitle.items.every((i: any) => i.title.includes('老旧小区改造')));
      // the cross-module search: a sentence of a new document's body
      const r = await draft('letter', '关于商请协助开展古建筑保护调研的函', '市文旅局：\n为摸清全市元代木构建筑保存现状，拟开展专题调研。');
      let hit = false;
      for (let i = 0; i < 40 && !hit; i++) {
        const found = await office.get(`/api/text/search?q=${encodeURIComponent('元代木构建筑')}`);
        hit = JSON.stringify(found.body).includes(r.id);
        if (!hit) await new Promise((ok) => setTimeout(ok, 100));
      }
      assert.ok(hit, 'the search finds the document by its text');
    });

    test('the year\'s figures (signed documents, characters) equal the lists they open; the demo year gives 250余篇 约160万字', async () => {
      const { year } = documentSeedFigures;
      const r = await office.get(`/api/figures?from=${year}-01-01&to=${year}-12-31&modules=documents`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups.find((g: any) => g.module === 'documents')?.figures ?? [];
      assert.deepEqual(figures.map((f: any) => f.key), ['documents.signed', 'documents.chars']);
      if (clock.today() > `${year}-12-31`) {
        assert.equal(figures[0].value, documentSeedFigures.signed);
        assert.equal(figures[1].value, documentSeedFigures.chars);
      }
      for (const f of figures) {
        const items: any[] = [];
        let total = 0;
        for (let page = 1; page === 1 || items.length < total; page++) {
          const list = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=200&page=${page}`);
          assert.equal(list.status, 200, JSON.stringify(list.body));
          total = list.body.total;
          items.push(...list.body.items);
          if (list.body.items.length === 0) break;
        }
        if (f.list.sum) assert.equal(items.reduce((a: number, i: any) => a + i[f.list.sum], 0), f.value, `sum behind ${f.key}`);
        else assert.equal(total, f.value, `list behind ${f.key}`);
      }
      assert.deepEqual((await member.get(`/api/figures?from=${year}-01-01&to=${year}-12-31&modules=documents`)).body.groups, [], 'a member reads no organisation figures');
    });
  });
}
