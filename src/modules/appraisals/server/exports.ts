/**
 * The results as documents: an Excel workbook (排名 with the items' scores, and the counts per department and item) and
 * a Word report (民主评议结果报告) in official form: 宋体/仿宋/黑体 on A4, the ranking table, each department's item
 * scores and its rectification items. Both hold aggregates only: there is no ballot in them.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { a4, fangsong, heiti, officialMargins, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import { chineseNumber } from '../../../kernel/universal/work-year.ts';
import type { AppraisalDetail, UnitResultView } from '../contract.ts';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const pct = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}%`);

export async function resultsWorkbook(a: AppraisalDetail, results: UnitResultView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('测评结果');
  ws.columns = [
    { header: '排名', key: 'rank', width: 6 }, { header: '被评议单位', key: 'unit', width: 22 }, { header: '综合得分', key: 'score', width: 10 },
    { header: '满意率', key: 'rate', width: 10 }, { header: '参评票数', key: 'ballots', width: 10 },
    ...a.items.map((it) => ({ header: `${it.name}（权重${it.weight}）`, key: `i${it.seq}`, width: 16 })),
  ];
  for (const r of results) {
    const row: Record<string, unknown> = { rank: r.rank ?? '—', unit: r.unitName, score: r.score, rate: r.satisfactionRate, ballots: r.ballots };
    for (const it of r.items) row[`i${it.seq}`] = it.score;
    ws.addRow(row);
  }
  ws.getRow(1).font = { bold: true };
  const detail = wb.addWorksheet('选项统计');
  detail.columns = [
    { header: '被评议单位', key: 'unit', width: 22 }, { header: '测评项目', key: 'item', width: 14 }, { header: '权重', key: 'weight', width: 8 },
    { header: '满意', key: 's', width: 8 }, { header: '基本满意', key: 'b', width: 10 }, { header: '不满意', key: 'd', width: 8 }, { header: '得分', key: 'score', width: 10 },
  ];
  for (const r of results) for (const it of r.items) detail.addRow({ unit: r.unitName, item: it.name, weight: it.weight, s: it.counts.satisfied, b: it.counts.basic, d: it.counts.dissatisfied, score: it.score });
  detail.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}


const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const cell = (text: string, head = false) => new TableCell({
  borders, verticalAlign: VerticalAlign.CENTER,
  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: head ? heiti : fangsong, size: 24 })] })],
});
const para = (text: string, o: { font?: typeof fangsong; size?: number; center?: boolean; before?: number; after?: number; indent?: boolean } = {}) => new Paragraph({
  alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 560 },
  indent: o.indent ? { firstLine: 640 } : undefined,
  children: [new TextRun({ text, font: o.font ?? fangsong, size: o.size ?? 32 })],
});

export async function resultsReport(a: AppraisalDetail, results: UnitResultView[], organisationName: string, turnout: { ballots: number; members: number; representatives: number }): Promise<Buffer> {
  const names = results.map((r) => r.unitName).join('、');
  const children: Array<Paragraph | Table> = [
    para(`关于${a.title}结果的报告`, { font: xiaobiaosong, size: 44, center: true, before: 240, after: 360 }),
    para(`${organisationName}${a.leadCommitteeName ? `（${a.leadCommitteeName}牵头）` : ''}于${a.plannedOn}${a.place ? `在${a.place}` : ''}对${names}的${a.scopeLabel}开展民主评议，`
      + `组织委员和特邀代表现场进行满意度测评。共收回有效测评票${turnout.ballots}张，其中委员${turnout.members}张、特邀代表${turnout.representatives}张。`
      + `测评设${a.items.map((i) => `${i.name}（权重${i.weight}）`).join('、')}${a.items.length}个项目，选项“满意”“基本满意”“不满意”分别计${a.choiceScores.satisfied}分、${a.choiceScores.basic}分、${a.choiceScores.dissatisfied}分，综合得分为各项目得分的加权平均。测评结果如下。`, { indent: true, after: 240 }),
    para('一、测评结果排名', { font: heiti, before: 240, after: 120 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['排名', '被评议单位', '综合得分', '满意率', ...a.items.map((i) => i.name)].map((t) => cell(t, true)) }),
        ...results.map((r) => new TableRow({ children: [cell(r.rank === null ? '—' : String(r.rank)), cell(r.unitName), cell(fmt(r.score)), cell(pct(r.satisfactionRate)), ...r.items.map((i) => cell(fmt(i.score)))] })),
      ],
    }),
  ];
  const recs = a.rectifications;
  if (recs.length) {
    children.push(para('二、整改意见', { font: heiti, before: 360, after: 120 }));
    results.forEach((r, k) => {
      const mine = recs.filter((x) => x.unitId === r.unitId);
      if (!mine.length) return;
      children.push(para(`（${chineseNumber(k + 1)}）${r.unitName}`, { font: heiti, after: 60 }));
      mine.forEach((x, i) => children.push(para(`${i + 1}. ${x.text}（${x.dueWorkingDays}个工作日内反馈）`, { indent: true })));
    });
  }
  children.push(para(`请各被评议单位认真研究测评结果和评议意见，制定整改方案，按期反馈整改落实情况。`, { indent: true, before: 240 }));
  children.push(para(organisationName, { before: 480, center: false }));
  const doc = new Document({
    styles: { default: { document: { run: { font: fangsong, size: 32 } } } },
    sections: [{ properties: { page: { size: { ...a4 }, margin: { ...officialMargins } } }, children }],
  });
  return Packer.toBuffer(doc);
}
