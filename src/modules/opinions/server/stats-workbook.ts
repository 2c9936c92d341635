/** 社情民意统计 as an Excel workbook (exceljs): a sheet of totals, then one sheet per breakdown (专委会, 界别, 报送单位, 县区政协). */
import ExcelJS from 'exceljs';
import { breakdownColumnLabels, breakdownColumns, type OpinionStats } from '../contract.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true, name: '宋体' };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => { c.fill = headerFill; c.border = { bottom: { style: 'thin' } }; });
}

function caption(ws: ExcelJS.Worksheet, text: string, columns: number) {
  ws.mergeCells(1, 1, 1, columns);
  ws.getCell(1, 1).value = text;
  ws.getCell(1, 1).font = { bold: true, size: 14, name: '黑体' };
}

export async function opinionStatsWorkbook(stats: OpinionStats, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  wb.created = clock.now();
  const period = `${stats.from} 至 ${stats.to}`;

  const totals = wb.addWorksheet('总体', { views: [{ state: 'frozen', ySplit: 2 }] });
  totals.columns = [{ key: 'group', width: 12 }, { key: 'label', width: 30 }, { key: 'count', width: 10 }, { key: 'share', width: 10 }];
  caption(totals, `${title}（${period}）`, 4);
  styleHeader(totals.addRow(['分类', '项目', '数量', '占比(%)']));
  const sections: Array<[string, OpinionStats['totals']]> = [
    ['总体', stats.totals], ['委员参与', stats.members], ['各级采用', stats.adoptedByLevel], ['领导批示', stats.instructionsByLevel],
  ];
  for (const [group, figs] of sections) for (const f of figs) totals.addRow([group, f.label, f.value, f.share?.percent ?? '']);

  for (const b of stats.breakdowns) {
    const ws = wb.addWorksheet(b.label.replace(/^按/, ''), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = [{ key: 'name', width: 28 }, ...breakdownColumns.map((c) => ({ key: c, width: 10 }))];
    caption(ws, `${title}·${b.label}（${period}）`, breakdownColumns.length + 1);
    styleHeader(ws.addRow([b.kind === 'county' ? '县区政协' : b.kind === 'unit' ? '报送单位' : b.kind === 'sector' ? '界别' : '专委会', ...breakdownColumns.map((c) => breakdownColumnLabels[c])]));
    for (const r of b.rows) ws.addRow([r.name, ...r.figures.map((f) => f.value)]);
    if (b.rows.length === 0) ws.addRow(['（无）']);
    if (b.kind === 'committee') ws.addRow(['注：委员可同时属于两个专委会，各行之和可大于总数。']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
