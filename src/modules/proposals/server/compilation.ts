/**
 * 提案汇编 (compilation) as a Word document: a cover page (organisation, session, 《…提案汇编》), a table of contents that
 * Word fills in when the file opens (a TOC field over the heading styles), then the proposals grouped (by lead unit,
 * proposal type or topic area) and ordered by number, each with its proposers, body sections, handling units and,
 * once released, the reply and its class. The input is plain data, so the builder is measured on its own.
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TableOfContents, TextRun } from 'docx';
import { fangsong, heiti, kaiti, sizes, xiaobiaosong } from '../../../kernel/server/official-docx.ts';

export interface CompilationProposal {
  /** 提案编号, e.g. 第0001号 */
  number: string | null;
  title: string;
  proposerName: string;
  /** 联名（附议）委员 */
  cosignerNames: string[];
  typeLabel: string;
  background: string;
  analysis: string;
  suggestions: string;
  leadUnitName: string | null;
  /** 会办 / 分办 units */
  coUnitNames: string[];
  /** only when the reply has been released */
  replyClassLabel: string | null;
  replyText: string | null;
  /** the group heading it is filed under (e.g. the lead unit's name) */
  group: string;
}

export interface CompilationInput {
  /** e.g. 中国人民政治协商会议长治市委员会 */
  organisationName: string;
  year: number;
  /** e.g. 十四届五次会议 */
  sessionLabel: string;
  /** the document title without 《》, e.g. 长治市政协十四届五次会议提案汇编 */
  title: string;
  /** how the groups are named in the foreword, e.g. 按主办单位分类 */
  groupingLabel: string;
  /** the office's name on the cover, e.g. 政协长治市委员会提案委员会 */
  compiledBy: string;
  /** 'YYYY-MM-DD' */
  date: string;
  proposals: CompilationProposal[];
}

/** sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt */
const size2 = sizes.er;
const size3 = sizes.san;
const size4 = sizes.si;
const bodyLine = { line: 500, lineRule: 'exact' as const };

function dateCn(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月`;
}

const paragraphsOf = (text: string) => text.split(/\n+/).map((x) => x.trim()).filter(Boolean);

// body, labelled lines and sub-headings carry named styles, so that each of the thousands of paragraphs is just its text
function bodyParas(text: string): Paragraph[] {
  const parts = paragraphsOf(text);
  if (!parts.length) return [new Paragraph({ style: 'ZxBody', children: [new TextRun({ text: '（未填写）', color: '808080' })] })];
  return parts.map((p) => new Paragraph({ style: 'ZxBody', text: p }));
}

const subHeading = (text: string) => new Paragraph({ style: 'ZxSub', text });
const meta = (label: string, value: string) => new Paragraph({ style: 'ZxMeta', children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)] });

/** The proposals in their groups, groups in order of first appearance after sorting by group name, each by number. */
export function groupProposals(list: CompilationProposal[]): Array<{ group: string; items: CompilationProposal[] }> {
  const seq = (p: CompilationProposal) => Number(/\d+/.exec(p.number ?? '')?.[0] ?? Number.MAX_SAFE_INTEGER);
  const groups = new Map<string, CompilationProposal[]>();
  for (const p of list) {
    const g = groups.get(p.group) ?? [];
    g.push(p);
    groups.set(p.group, g);
  }
  return [...groups.entries()]
    .map(([group, items]) => ({ group, items: items.sort((a, b) => seq(a) - seq(b) || a.title.localeCompare(b.title, 'zh')) }))
    .sort((a, b) => seq(a.items[0]) - seq(b.items[0]));
}

export async function buildCompilationDocx(input: CompilationInput): Promise<Buffer> {
  const groups = groupProposals(input.proposals);
  const cover = [
    new Paragraph({ spacing: { before: 2400, after: 600 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: input.organisationName, font: heiti, size: size3 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: `${input.year}年 ${input.sessionLabel}`, font: kaiti, size: size3 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 600, after: 2400 }, children: [new TextRun({ text: `《${input.title}》`, font: xiaobiaosong, size: 56, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: input.compiledBy, font: kaiti, size: size3 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: dateCn(input.date), font: kaiti, size: size3 })] }),
  ];
  const toc = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: '目　　录', font: heiti, size: size2 })] }),
    new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  const foreword = new Paragraph({
    alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: { firstLine: 560 },
    children: [new TextRun({
      text: `本汇编收录${input.year}年度（${input.sessionLabel}）立案的提案${input.proposals.length}件，${input.groupingLabel}编排，同一类中按提案编号排序；已答复的提案附承办单位答复意见及答复类别。`,
      font: fangsong, size: size4,
    })],
  });
  const body: Paragraph[] = [foreword];
  for (const g of groups) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(`${g.group}（${g.items.length}件）`)] }));
    for (const p of g.items) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${p.number ? `${p.number}　` : ''}${p.title}`)] }));
      body.push(meta('提案人', p.proposerName));
      if (p.cosignerNames.length) body.push(meta('附议人', p.cosignerNames.join('、')));
      body.push(meta('提案类型', p.typeLabel));
      if (p.leadUnitName) body.push(meta(p.coUnitNames.length ? '主办单位' : '办理单位', p.leadUnitName));
      if (p.coUnitNames.length) body.push(meta('会办（分办）单位', p.coUnitNames.join('、')));
      body.push(subHeading('一、背景情况'), ...bodyParas(p.background));
      body.push(subHeading('二、问题分析'), ...bodyParas(p.analysis));
      body.push(subHeading('三、具体建议'), ...bodyParas(p.suggestions));
      if (p.replyText) {
        body.push(subHeading(`答复意见${p.replyClassLabel ? `（${p.replyClassLabel}）` : ''}`));
        body.push(...bodyParas(p.replyText));
      }
    }
  }
  const pageFooter = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fangsong, size: size4 })] })],
  });
  const margin = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
  const doc = new Document({
    creator: input.compiledBy,
    title: input.title,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: fangsong, size: size4 } },
        heading1: { run: { font: heiti, size: size3, bold: false }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
        heading2: { run: { font: xiaobiaosong, size: 30, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 360, after: 200 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'ZxBody', name: 'ZX Body', basedOn: 'Normal', run: { font: fangsong, size: size4 }, paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: { firstLine: 560 } } },
        { id: 'ZxMeta', name: 'ZX Meta', basedOn: 'Normal', run: { font: kaiti, size: size4 }, paragraph: { spacing: bodyLine } },
        { id: 'ZxSub', name: 'ZX Subheading', basedOn: 'Normal', run: { font: heiti, size: size4 }, paragraph: { spacing: { before: 120, ...bodyLine }, keepNext: true } },
      ],
    },
    sections: [
      { properties: { page: { margin } }, children: cover },
      { properties: { page: { margin } }, children: toc },
      { properties: { page: { margin, pageNumbers: { start: 1 } } }, footers: { default: pageFooter }, children: body },
    ],
  });
  return Packer.toBuffer(doc);
}
