// An issue (期) as a Word document in official form, on SQLite and PostgreSQL: masthead, every piece and every source
// submitter, the distribution lines, page numbers; who may have it (editors, leaders, the recipients of a distributed issue).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { buildIssueDocx, creditLine } from '../server/issue-docx.ts';

// the dialects are known before any test starts, so a quick first test cannot end the run before the suites exist
const dialectList = await dialects();

async function xmlOf(buf: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const f = zip.file(part);
  assert.ok(f, `${part} in the package`);
  return f.async('string');
}
/** The text of a WordprocessingML part, runs joined (so a phrase split over runs still reads whole). */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

test('the builder takes plain data: ten pieces, each title, body and credit line in the document, page numbers in the footer', async () => {
  const pieces = Array.from({ length: 10 }, (_, i) => ({
    seq: i + 1, kind: (i % 3 === 2 ? 'composite' : 'single') as 'single' | 'composite', title: `关于第${i + 1}个问题的建议`,
    body: `一、存在的问题\n第${i + 1}篇正文第一段。\n二、建议\n第${i + 1}篇正文第二段。`,
    sources: i % 3 === 2
      ? [{ submitterName: `甲${i}`, member: true }, { submitterName: `乙${i}`, member: true }, { submitterName: `丙${i}`, unitName: '民建长治市委员会' }]
      : [{ submitterName: `丁${i}`, member: i % 2 === 0 }],
  }));
  const buf = await buildIssueDocx({
    title: '社情民意', year: 2026, number: '第37期', editorUnit: '政协长治市委员会研究中心', date: '2026-05-08', signedBy: '王秘书长',
    pieces, distribution: { report: ['市委', '市政府'], send: ['省政协'], issue: ['有关部门'] },
  });
  const text = textOf(await xmlOf(buf));
  assert.match(text, /政协社情民意/);
  assert.match(text, /第37期/);
  assert.match(text, /政协长治市委员会研究中心编/);
  assert.match(text, /2026年5月8日/);
  for (const p of pieces) {
    assert.ok(text.includes(p.title), p.title);
    assert.ok(text.includes(`第${p.seq}篇正文第二段。`), `body of ${p.seq}`);
    assert.ok(text.includes(creditLine(p.kind, p.sources)), `credit of ${p.seq}`);
    for (const s of p.sources) assert.ok(text.includes(s.submitterName), s.submitterName);
  }
  assert.ok(text.includes('（根据甲2、乙2委员，民建长治市委员会 丙2反映综合整理）'));
  assert.ok(text.includes('（丁1反映）'), 'a non-member is not called 委员');
  assert.ok(text.includes('（丁0委员反映）'));
  assert.ok(text.includes('报：市委，市政府。') && text.includes('送：省政协。') && text.includes('发：有关部门。'));
  const xml = await xmlOf(buf);
  assert.match(xml, /仿宋_GB2312/, 'body in 仿宋');
  assert.match(xml, /方正小标宋简体/, 'titles in 小标宋');
  assert.match(xml, /w:color w:val="C00000"/, 'the red masthead');
  const zip = await JSZip.loadAsync(buf);
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  assert.ok(footers.some((f) => /PAGE/.test(f)), 'a page-number field in the footer');
});

for (const d of dialectList) {
  describe(`opinion issue as Word (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, informant: Client, editor: Client, leader: Client, unit: Client, countyEditor: Client, m2: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, informant, editor, leader, unit, countyEditor, m2] = await Promise.all(
        ['member', 'informant', 'editor', 'leader', 'unit', 'countyeditor', 'm0002'].map((u) => s.login(u)),
      );
    });
    after(async () => { await s?.close(); });

    const download = (c: Client, url: string) => s.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
    const verified = async (c: Client, title: string) => {
      let r = (await c.post('/api/opinions', { title, body: `${title}。近期群众反映问题突出，建议有关部门研究解决。` })).body;
      r = (await editor.post(`/api/opinions/${r.id}/transitions`, { action: 'accept', version: r.version })).body;
      r = (await editor.post(`/api/opinions/${r.id}/transitions`, { action: 'verify', version: r.version })).body;
      assert.equal(r.state, 'verified');
      return r;
    };
    const move = async (issue: any, who: Client, action: string, input: Record<string, unknown> = {}) => {
      const r = await who.post(`/api/opinions/issues/${issue.id}/transitions`, { action, version: issue.version, input });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    test('an issue of a single and a composite piece exports with 第X期, every title and every source submitter; recipients get it once distributed', async () => {
      const a = await verified(member, '关于规范校外培训机构收费的建议');
      const b = await verified(member, '关于增设社区便民菜市场的建议');
      const c = await verified(informant, '关于社区菜市场周边交通疏导的建议');
      const e = await verified(m2, '关于菜市场食品安全快检的建议');
      let issue = (await editor.post('/api/opinions/issues', {
        pieces: [{ kind: 'single', reportIds: [a.id] }, { kind: 'composite', title: '关于社区菜市场建设管理的综合反映', reportIds: [b.id, c.id, e.id] }],
      })).body;
      assert.match(issue.number, /^第\d+期$/);

      const first = await download(editor, `/api/opinions/issues/${issue.id}/issue.docx`);
      assert.equal(first.statusCode, 200, first.payload.slice(0, 300));
      assert.match(String(first.headers['content-type']), /wordprocessingml/);
      assert.match(String(first.headers['content-disposition']), /filename\*=UTF-8''/);
      const text = textOf(await xmlOf(first.rawPayload));
      assert.ok(text.includes(issue.number), '第X期 in the masthead');
      assert.ok(text.includes('政协社情民意'));
      assert.ok(text.includes('政协长治市委员会研究中心编'), 'the compiling office under the CPPCC name');
      for (const p of issue.pieces) assert.ok(text.includes(p.title), p.title);
      for (const name of [a.submitterName, b.submitterName, c.submitterName, e.submitterName]) assert.ok(text.includes(name), `source submitter ${name}`);
      assert.ok(text.includes(`（根据${b.submitterName}、${e.submitterName}委员，${c.submitterName}反映综合整理）`), 'the composite credits every source; the informant is not called 委员');
      assert.ok(text.includes(`（${a.submitterName}委员反映）`));
      assert.ok(text.includes('报：市委，市政府。'), 'before distribution, the configured recipients');

      // before distribution: editors and leaders only
      assert.equal((await download(leader, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 200);
      for (const c2 of [unit, informant, member, countyEditor]) assert.equal((await download(c2, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 404, c2.username);

      issue = await move(issue, editor, 'send_for_sign');
      issue = await move(issue, leader, 'sign');
      issue = await move(issue, editor, 'distribute', { recipients: ['party_committee', 'departments'] });
      assert.equal(issue.state, 'distributed');

      const sent = await download(unit, `/api/opinions/issues/${issue.id}/issue.docx`);
      assert.equal(sent.statusCode, 200, 'a department distributed to may have it');
      const sentText = textOf(await xmlOf(sent.rawPayload));
      assert.ok(sentText.includes('报：市委。') && sentText.includes('发：有关部门。'), 'the distribution lines of what was chosen');
      assert.ok(!sentText.includes('市政府'), 'recipients not chosen are not listed');
      assert.ok(sentText.includes(`签发：${issue.signedBy}`));
      assert.equal((await download(informant, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 404, 'an informant is no recipient');
      assert.equal((await download(member, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 404);
      assert.equal((await download(countyEditor, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 404, 'another CPPCC never');
    });

    test('an issue sent only to the party committee is not the departments\' to download; unknown issues are 404', async () => {
      const r = await verified(member, '关于完善城区公厕布局的建议');
      let issue = (await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [r.id] }] })).body;
      issue = await move(issue, editor, 'send_for_sign');
      issue = await move(issue, leader, 'sign');
      issue = await move(issue, editor, 'distribute', { recipients: ['party_committee'] });
      assert.equal((await download(unit, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 404);
      assert.equal((await download(editor, `/api/opinions/issues/${issue.id}/issue.docx`)).statusCode, 200);
      const none = await download(editor, '/api/opinions/issues/no-such-issue/issue.docx');
      assert.equal(none.statusCode, 404);
      assert.equal(JSON.parse(none.payload).error.code, 'NOT_FOUND');
    });

    test('a demo issue of 2025 exports with its pieces', async () => {
      const list = (await editor.get('/api/opinions/issues?year=2025&pageSize=1')).body.items;
      const issue = (await editor.get(`/api/opinions/issues/${list[0].id}`)).body;
      const r = await download(leader, `/api/opinions/issues/${issue.id}/issue.docx`);
      assert.equal(r.statusCode, 200);
      const text = textOf(await xmlOf(r.rawPayload));
      assert.ok(text.includes(issue.number));
      for (const p of issue.pieces) {
        assert.ok(text.includes(p.title));
        for (const src of p.sources) assert.ok(text.includes(src.submitterName));
      }
    });
  });
}
