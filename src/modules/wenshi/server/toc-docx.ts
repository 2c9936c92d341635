/**
 * The table of contents (目录) of an issue of 《长治文史》 as a Word document: the book's name and 第N辑 centred
 * (方正小标宋), the year and editor (楷体), then each section (栏目, 黑体) with its entries (仿宋): the title, the
 * contributor and a right-aligned running number, and the page numbers 「— 1 —」 at the foot. Text goes into the
 * document as text (docx escapes it), so whatever a contributor wrote is never markup.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { issueLabel, tableOfContents, type TocEntry } from '../domain/wenshi-catalogue.ts';

const fangsong = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋_GB2312', cs: 'FangSong' };
const heiti = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const kaiti = { ascii: 'KaiTi', hAnsi: 'KaiTi', eastAsia: '楷体_GB2312', cs: 'KaiTi' };
const xiaobiaosong = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体', cs: 'SimSun' };
const size2 = 44;
const size3 = 32;
const size4 = 28;

export interface TocIssue { number: number; year: number; title: string; editor: string; organisationName: string }

/** The lines of the contents in order (pure; tests compare the document's words with it). */
export function tocOutline(issue: TocIssue, entries: readonly TocEntry[]) {
  const sections = tableOfContents(entries);
  let n = 0;
  return {
    heading: `${issue.title} ${issueLabel(issue.number)}`,
    subheading: `${issue.organisationName}文化文史和学习委员会 编 · 主编 ${issue.editor} · ${issue.year}年`,
    sections: sections.map((s) => ({ section: s.section, lines: s.entries.map((e) => ({ n: ++n, title: e.title, author: e.author, period: e.period })) })),
  };
}

export async function buildTocDocx(issue: TocIssue, entries: readonly TocEntry[]): Promise<Buffer> {
  const o = tocOutline(issue, entries);
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 200 }, children: [new TextRun({ text: o.heading, font: xiaobiaosong, size: size2 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: '目　录', font: heiti, size: size3 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: o.subheading, font: kaiti, size: size4 })] }),
  ];
  for (const s of o.sections) {
    children.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: `【${s.section}】`, font: heiti, size: size3 })] }));
    for (const l of s.lines) {
      children.push(new Paragraph({
        spacing: { line: 480 }, indent: { left: 320 }, tabStops: [{ type: TabStopType.RIGHT, position: 8800, leader: 'middleDot' }],
        children: [
          new TextRun({ text: l.title, font: fangsong, size: size3 }),
          new TextRun({ text: `　${l.author}`, font: kaiti, size: size4 }),
          new TextRun({ text: `\t${l.n}`, font: fangsong, size: size4 }),
        ],
      }));
    }
  }
  const doc = new Document({
    creator: issue.organisationName, title: o.heading, description: '《长治文史》目录',
    sections: [{
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fangsong, size: size4 })] })] }) },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
