/**
 * 年度调研视察工作计划 (the plan of the year's investigations and inspections) as a Word document in the official layout
 * (`kernel/server/official-docx.ts`, GB/T 9704): 方正小标宋 二号 title, the approval line, a 仿宋 三号 opening paragraph,
 * then 一、重点课题调研 and 二、专项视察 each as a table (课题, 提出单位, 审定, 牵头专委会, 时间, 地点, 参加委员), the
 * CPPCC's name and the date at the foot, page numbers 「— 1 —」. A cancelled trip is not in the plan.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import {
  bodyParagraph, fangsong, headingParagraph, heiti, officialDate, officialPage, officialStyles, pageNumberFooter, run, signatureParagraphs, sizes, titleParagraph,
} from '../../../kernel/server/official-docx.ts';
import type { InspectionListItem } from '../contract.ts';

const cn = ['一', '二', '三', '四'];
const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
/** column widths in twentieths of a point (the text width of A4 with the official margins is about 8845) */
const widths = [560, 2300, 1100, 1250, 1200, 1150, 1285];
const heads = ['序号', '课题', '提出单位', '牵头专委会', '时间', '地点', '参加委员'];

const cell = (text: string, i: number, head = false) => new TableCell({
  borders, width: { size: widths[i], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER,
  children: text.split('\n').map((t) => new Paragraph({ alignment: head || i !== 1 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(t, { font: head ? heiti : fangsong, size: sizes.xiaoSi })] })),
});

const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const when = (t: Pick<InspectionListItem, 'plannedFrom' | 'plannedTo'>) => (t.plannedFrom === t.plannedTo ? md(t.plannedFrom) : `${md(t.plannedFrom)}—${md(t.plannedTo)}`);

/** The plan's sections and rows as the document shows them (pure; the tests read the document's words through it). */
export function planOutline(trips: InspectionListItem[], year: number, organisationName: string) {
  const live = trips.filter((t) => t.state !== 'cancelled').sort((a, b) => a.plannedFrom.localeCompare(b.plannedFrom) || a.title.localeCompare(b.title, 'zh'));
  const sections = ([['investigation', '重点课题调研'], ['inspection', '专项视察']] as const)
    .map(([kind, label]) => ({ kind, label, rows: live.filter((t) => t.kind === kind) }))
    .filter((s) => s.rows.length);
  const meetings = [...new Set(live.map((t) => t.approvedMeeting).filter((m): m is string => !!m))];
  return {
    title: `${organisationName}${year}年度调研视察工作计划`,
    approval: meetings.length ? `（经${meetings.length > 2 ? `${meetings[0]}等 ${meetings.length} 次主席会议` : meetings.join('、')}审定）` : '（待主席会议审定）',
    opening: `根据年度工作要点，${organisationName}${year}年度安排重点课题调研${live.filter((t) => t.kind === 'investigation').length}项、专项视察${live.filter((t) => t.kind === 'inspection').length}项。各牵头专门委员会要精心组织，深入实际、深入基层，形成高质量的调研视察报告，按时报送党委、政府，并跟踪建议落实。`,
    sections: sections.map((s, i) => ({
      heading: `${cn[i]}、${s.label}（${s.rows.length}项）`,
      rows: s.rows.map((t, k) => [String(k + 1), t.title + (t.approvedOn ? `\n（${md(t.approvedOn)}审定）` : ''), t.proposer, t.leadCommitteeName, when(t), t.places.join('、'), t.participantCount ? `${t.participantCount}人` : '待定']),
    })),
  };
}

export async function buildPlanDocx(trips: InspectionListItem[], year: number, organisationName: string, today: string): Promise<Buffer> {
  const o = planOutline(trips, year, organisationName);
  const children: Array<Paragraph | Table> = [
    titleParagraph(o.title, { after: 120 }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [run(o.approval, { font: fangsong })] }),
    bodyParagraph(o.opening),
  ];
  if (!o.sections.length) children.push(bodyParagraph('本年度尚未安排调研视察。'));
  for (const s of o.sections) {
    children.push(headingParagraph(s.heading, 1));
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths,
      rows: [new TableRow({ tableHeader: true, children: heads.map((h, k) => cell(h, k, true)) }), ...s.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, k) => cell(t, k)) }))],
    }));
  }
  children.push(...signatureParagraphs([organisationName, officialDate(today)], { before: 560 }));
  const doc = new Document({
    creator: organisationName, title: o.title, styles: officialStyles,
    sections: [{ properties: officialPage({ size: true, pageNumbersFrom: 1 }), footers: { default: pageNumberFooter() }, children }],
  });
  return Packer.toBuffer(doc);
}
