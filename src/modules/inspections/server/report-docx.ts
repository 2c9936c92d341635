/**
 * The 调研报告/视察报告 as a Word document in the official layout (党政机关公文格式, GB/T 9704): 方正小标宋 二号 title, the
 * sender line, 仿宋 三号 body with two-character indent and 28-point lines, 黑体 headings numbered 一、二、三、 (the
 * trip, the problems found, the recommendations with their responsible departments), the leaders' instructions when
 * any, the CPPCC's name and the date at the foot of the text, page numbers 「— 1 —」.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { bodyLine, fangsong, heiti, kaiti, officialMargins, pageNumberFooter, sizes, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import type { InspectionDetail } from '../contract.ts';

const size2 = sizes.er;
const size3 = sizes.san;
const cn = ['一', '二', '三', '四', '五', '六'];

const body = (text: string, font = fangsong) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text, font, size: size3 })] });
const heading = (text: string) => new Paragraph({ spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text, font: heiti, size: size3 })] });
const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right: 640 }, children: [new TextRun({ text, font: fangsong, size: size3 })] });
const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The paragraphs' texts in order (pure; the tests read the document's words through it). */
export function reportOutline(d: InspectionDetail, organisationName: string, committeeName: string) {
  const r = d.report;
  const sections: Array<{ heading: string; paragraphs: string[] }> = [];
  const places = d.places.join('、');
  sections.push({
    heading: `${d.kindLabel}基本情况`,
    paragraphs: [
      `${d.plannedFrom === d.plannedTo ? chineseDate(d.plannedFrom) : `${chineseDate(d.plannedFrom)}至${chineseDate(d.plannedTo)}`}，${committeeName}组织${d.participantCount}名政协委员，围绕“${d.title}”赴${places}开展${d.kindLabel}${d.approvedMeeting ? `（经${d.approvedMeeting}审定）` : ''}。`,
      ...(r?.body ?? '').split(/\n+/).map((s) => s.trim()).filter(Boolean),
    ],
  });
  if (r?.problems.length) sections.push({ heading: `存在的主要问题（${r.problems.length}个方面）`, paragraphs: r.problems.map((p) => `（${p.seq}）${p.text}`) });
  if (r?.recommendations.length) {
    sections.push({ heading: `意见建议（${r.recommendations.length}条）`, paragraphs: r.recommendations.map((x) => `${x.seq}. ${x.text}${x.unitNames.length ? `（责任单位：${x.unitNames.join('、')}）` : ''}`) });
  }
  return { title: r?.title ?? d.title, sections, instructions: d.instructions.map((i) => `${i.by}（${chineseDate(i.onDate)}）：${i.text}`), organisationName, date: d.sentOn ?? d.endedOn ?? d.plannedTo };
}

export async function buildReportDocx(d: InspectionDetail, organisationName: string, committeeName: string): Promise<Buffer> {
  const o = reportOutline(d, organisationName, committeeName);
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 200 }, children: [new TextRun({ text: o.title, font: xiaobiaosong, size: size2 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: `${organisationName}${committeeName}`, font: kaiti, size: size3 })] }),
    body(`市委、市政府：`, fangsong),
  ];
  o.sections.forEach((s, i) => {
    children.push(heading(`${cn[i] ?? String(i + 1)}、${s.heading}`));
    for (const p of s.paragraphs) children.push(body(p));
  });
  if (o.instructions.length) {
    children.push(heading(`${cn[o.sections.length] ?? ''}、领导批示`));
    for (const p of o.instructions) children.push(body(p, kaiti));
  }
  children.push(new Paragraph({ spacing: { before: 600 }, children: [] }));
  children.push(right(organisationName));
  children.push(right(chineseDate(o.date)));
  const footer = pageNumberFooter();
  const doc = new Document({
    creator: organisationName, title: o.title,
    styles: { default: { document: { run: { font: fangsong, size: size3 } } } },
    sections: [{ properties: { page: { margin: { ...officialMargins } } }, footers: { default: footer }, children }],
  });
  return Packer.toBuffer(doc);
}
