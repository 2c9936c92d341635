/**
 * The CPPCCs side by side as an Excel workbook (统计数字对比表): a row per figure (by module, in the catalogue's order)
 * and a column per CPPCC the reader may see, the reader's own first; an empty cell where that CPPCC's sources answered
 * nothing to the reader.
 */
import ExcelJS from 'exceljs';
import type { Counties } from '../contract.ts';

export async function countiesXlsx(c: Counties): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${c.year}年度`);
  ws.addRow(['模块', '统计数字', '单位', ...c.organisations.map((o) => o.name)]).font = { bold: true };
  const byOrg = new Map(c.rows.map((r) => [r.organisation.id, r.values]));
  for (const f of c.figures) {
    ws.addRow([f.moduleLabel, f.label, f.unit, ...c.organisations.map((o) => byOrg.get(o.id)?.[f.key]?.value ?? null)]);
  }
  ws.columns.forEach((col, i) => { col.width = i === 0 ? 14 : i === 1 ? 30 : i === 2 ? 6 : 14; });
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
