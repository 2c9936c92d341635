// Dates the server prints are China dates (Asia/Shanghai, UTC+8), on SQLite and PostgreSQL: the 提案表 Word, the list
// export and the 面商 date check, at times when the UTC date is another day (early on 1 January, late on 31 December).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { periodBounds } from '../../opinions/server/report-repository.ts';
import { makeProposal } from './factories.ts';
import { ok } from './transitions.ts';

const xmlText = (xml: string) => xml.replace(/<[^>]+>/g, '');

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  return xmlText(await zip.file('word/document.xml')!.async('string'));
}

for (const d of await dialects()) {
  describe(`China dates in what the server prints (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    const download = async (username: string, url: string) => {
      const c = await s.as(username);
      return s.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
    };

    before(async () => {
      // 07:30 on 1 January in China is still 31 December in UTC
      clock.set('2027-01-01T07:30:00+08:00');
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
    });
    after(async () => { await s?.close(); });

    test('early on 1 January the 提案表 and the list export print the China date of submission', async () => {
      assert.equal(clock.iso().slice(0, 10), '2026-12-31', 'the UTC date is the day before');
      const p = await makeProposal(s, 'submitted', { title: '关于元旦清晨提交日期的建议' });
      const form = await download('proposal', `/api/proposals/${p.id}/form.docx`);
      assert.equal(form.statusCode, 200, form.payload.slice(0, 200));
      const text = await docxText(form.rawPayload);
      assert.ok(text.includes('2027年1月1日'), `the form prints the China date: ${text.slice(0, 400)}`);
      assert.ok(!text.includes('2026-12-31') && !text.includes('2026年12月31日'), 'not the UTC date');

      const xlsx = await download('proposal', '/api/proposals/export.xlsx?q=' + encodeURIComponent('元旦清晨'));
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const rows: string[][] = [];
      ws.eachRow((row, i) => { if (i > 2) rows.push([String(row.getCell(4).value), String(row.getCell(16).value)]); });
      const mine = rows.find(([title]) => title === '关于元旦清晨提交日期的建议');
      assert.ok(mine, `the export lists the proposal: ${JSON.stringify(rows.slice(0, 3))}`);
      assert.equal(mine[1], '2027-01-01', 'the 提交日期 column is the China date');
    });

    test('a 面商 dated the China day before 立案 is refused, even when that is the UTC date of 立案', async () => {
      const p = await makeProposal(s, 'filed', { title: '关于元旦立案面商日期的建议' });
      const staff = await s.as('proposal');
      const unit = await s.as('unit');
      const assigned = await ok(staff, p.id, 'assign', (await staff.get(`/api/proposals/${p.id}`)).body.version, { mode: 'single', leadUnitId: s.ids.unitIds['市住建局'] });
      await ok(unit, p.id, 'sign', assigned.version);
      const url = `/api/proposals/${p.id}/consultations`;
      const before = await unit.post(url, { method: 'phone', date: '2026-12-31', people: '提案人', notes: '电话沟通' });
      assert.equal(before.status, 400, JSON.stringify(before.body));
      assert.equal(before.body.error.field, 'date');
      const sameDay = await unit.post(url, { method: 'phone', date: '2027-01-01', people: '提案人', notes: '电话沟通' });
      assert.equal(sameDay.status, 201, JSON.stringify(sameDay.body));
    });

    test('the 社情民意 statistics period of "this year" is the working year of the China day', () => {
      // 00:30 on 6 December in China is still 5 December in UTC: the China day is past the 12-05 cut-off, so "this
      // year" is working year 2027 (decision 0041), which the UTC date would have put in 2026
      clock.set('2026-12-06T00:30:00+08:00');
      const p = periodBounds({});
      assert.equal(p.from, '2026-12-06');
      assert.equal(p.to, '2027-12-05');
    });

    test('late on 31 December the 提案表 prints 31 December', async () => {
      clock.set('2026-12-31T23:30:00+08:00');
      const p = await makeProposal(s, 'submitted', { title: '关于岁末深夜提交日期的建议' });
      const text = await docxText((await download('proposal', `/api/proposals/${p.id}/form.docx`)).rawPayload);
      assert.ok(text.includes('2026年12月31日'), 'the form prints the China date');
    });
  });
}
