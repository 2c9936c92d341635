// Exports on SQLite and PostgreSQL: the filtered list and the statistics as Excel, the reply letter as a Word document in official-letter form.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';

for (const d of await dialects()) {
  describe(`proposal exports (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, staff: Client, unit2: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit2] = await Promise.all(['member', 'proposal', 'unit2'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const download = (c: Client, url: string) => s.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
    const sheet = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as any);
      return wb.worksheets[0];
    };

    test('the list export holds exactly the filtered list, whatever the page size', async () => {
      const query = 'year=2025&state=not_filed';
      const list = await staff.get(`/api/proposals?${query}&pageSize=5`);
      assert.ok(list.body.total > 5);
      const r = await download(staff, `/api/proposals/export.xlsx?${query}&pageSize=5`);
      assert.equal(r.statusCode, 200, r.payload.slice(0, 200));
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''/);
      const ws = await sheet(r.rawPayload);
      assert.equal(ws.getRow(2).getCell(4).value, '标题');
      assert.equal(ws.rowCount - 2, list.body.total, 'a header and a caption, then one row per proposal');
      const states = new Set<string>();
      ws.eachRow((row, i) => { if (i > 2) states.add(String(row.getCell(8).value)); });
      assert.deepEqual([...states], ['不予立案']);
      // a member's export is their own visibility: their proposals and the public replied ones, never the office's queue
      const mine = await download(member, '/api/proposals/export.xlsx?mine=true');
      const mineList = await member.get('/api/proposals?mine=true&pageSize=200');
      assert.equal((await sheet(mine.rawPayload)).rowCount - 2, mineList.body.total);
      const bad = await download(staff, '/api/proposals/export.xlsx?state=bogus');
      assert.equal(bad.statusCode, 400);
    });

    test('the statistics export carries the same figures as the statistics page', async () => {
      const stats = (await staff.get('/api/proposals/stats?year=2025')).body;
      const r = await download(staff, '/api/proposals/stats.xlsx?year=2025');
      assert.equal(r.statusCode, 200);
      const ws = await sheet(r.rawPayload);
      const rows: Array<[string, string, number]> = [];
      ws.eachRow((row, i) => { if (i > 2) rows.push([String(row.getCell(1).value), String(row.getCell(2).value), Number(row.getCell(3).value)]); });
      const get = (group: string, label: string) => rows.find(([g, l]) => g === group && l === label)?.[2];
      assert.equal(get('总体', '收到提案'), 546);
      assert.equal(get('总体', '立案'), 464);
      assert.equal(get('总体', '重点提案'), 46);
      for (const f of stats.byType) assert.equal(get('提案类型', f.label), f.value);
      assert.equal((await download(member, '/api/proposals/stats.xlsx?year=2025')).statusCode, 403);
    });

    test('the reply letter is a Word document in official-letter form with the unit, the number, 仿宋 body and 黑体 title', async () => {
      const replied = (await member.get('/api/proposals?mine=true&state=replied')).body.items[0];
      assert.ok(replied, 'the demo member has a replied proposal');
      const detail = (await member.get(`/api/proposals/${replied.id}`)).body;
      const r = await download(member, `/api/proposals/${replied.id}/reply-letter.docx`);
      assert.equal(r.statusCode, 200, r.payload.slice(0, 200));
      assert.equal(r.rawPayload.subarray(0, 2).toString(), 'PK');
      const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      assert.ok(text.includes(detail.leadUnitName), 'the unit heads the letter');
      assert.ok(text.includes(`${detail.number}提案的答复`), 'the title names the proposal number');
      assert.ok(text.includes(`${detail.proposerName}委员：`));
      assert.ok(text.includes(detail.replyText.split('\n')[0].slice(0, 10)));
      assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
      assert.match(xml, /w:eastAsia="黑体"/);
      // a unit that did not handle it may not have the letter; a draft has none
      assert.equal((await download(unit2, `/api/proposals/${replied.id}/reply-letter.docx`)).statusCode === 200, detail.isPublic, 'only a public reply is readable by others');
      const draft = (await member.get('/api/proposals?mine=true&state=draft')).body.items[0];
      assert.equal((await download(member, `/api/proposals/${draft.id}/reply-letter.docx`)).statusCode, 409);
    });
  });
}
