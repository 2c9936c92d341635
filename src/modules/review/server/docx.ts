/**
 * The annual review as a Word file in the official layout (党政机关公文格式, GB/T 9704): 方正小标宋 title, 黑体 section
 * headings numbered 一、二、…, 仿宋 三号 body with two-character indent and 28-point lines, page numbers 「— 1 —」 at the
 * foot. Each section is its wording with the live figures, then a table-like list of its figures with the change, then
 * its notable records (重点记录).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { bodyLine, fangsong, heiti, kaiti, officialMargins, pageNumberFooter, sizes, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import { chineseNumber } from '../../../kernel/universal/work-year.ts';
import type { ReviewDocument } from '../contract.ts';
import { changeText } from '../domain/review-document.ts';

/** sizes in half-points: 二号 22 pt, 三号 16 pt */
const size2 = sizes.er;
const size3 = sizes.san;

const body = (text: string) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text, font: fangsong, size: size3 })] });

export async function reviewDocx(d: ReviewDocument, date: string): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 600 }, children: [new TextRun({ text: d.title, font: xiaobiaosong, size: size2 })] }),
  ];
  d.sections.forEach((s, i) => {
    children.push(new Paragraph({ spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text: `${chineseNumber(i + 1)}、${s.heading}`, font: heiti, size: size3 })] }));
    const text = s.pieces.map((p) => p.text).join('').trim();
    if (text) for (const para of text.split(/\n+/)) children.push(body(para));
    if (s.figures.length) {
      children.push(new Paragraph({ spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text: '主要数据：', font: kaiti, size: size3 })] }));
      for (const f of s.figures) children.push(body(`${f.label}${f.value}${f.unit}，${changeText(f.value, f.previous, f.unit)}。`));
    }
    if (s.highlights.length) {
      children.push(new Paragraph({ spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text: '重点记录：', font: kaiti, size: size3 })] }));
      s.highlights.forEach((h, j) => children.push(body(`${j + 1}．【${h.kind}】${h.title}。${h.outcome}。`)));
    }
  });
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600, ...bodyLine }, indent: { right: 640 }, children: [new TextRun({ text: d.organisation.name, font: fangsong, size: size3 })] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right: 640 }, children: [new TextRun({ text: `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`, font: fangsong, size: size3 })] }));
  const footer = pageNumberFooter();
  const doc = new Document({
    creator: d.organisation.name, title: d.title,
    styles: { default: { document: { run: { font: fangsong, size: size3 } } } },
    sections: [{ properties: { page: { margin: { ...officialMargins } } }, footers: { default: footer }, children }],
  });
  return Packer.toBuffer(doc);
}
