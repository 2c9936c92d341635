/** 积分排名 as Excel: one row per member of the ranking as filtered, then the grade distribution. */
import ExcelJS from 'exceljs';
import type { RankingRow } from '../contract.ts';

export async function buildRankingXlsx(year: number, rows: readonly RankingRow[], distribution: ReadonlyArray<{ label: string; count: number }>, ruleVersion: number | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年度履职积分`);
  ws.columns = [
    { header: '名次', key: 'rank', width: 8 }, { header: '姓名', key: 'name', width: 14 }, { header: '界别', key: 'sector', width: 20 },
    { header: '积分', key: 'total', width: 10 }, { header: '等次', key: 'grade', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow({ rank: r.rank, name: r.name, sector: r.sectorName ?? '', total: r.total, grade: r.grade });
  const d = wb.addWorksheet('等次分布');
  d.columns = [{ header: '等次', key: 'label', width: 12 }, { header: '人数', key: 'count', width: 10 }];
  d.getRow(1).font = { bold: true };
  for (const x of distribution) d.addRow(x);
  d.addRow({});
  d.addRow({ label: `规则版本：第${ruleVersion ?? '-'}版` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
