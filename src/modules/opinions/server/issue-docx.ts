/**
 * 期刊 Word 版: one issue (期) of 《政协社情民意》 in the official form of GB/T 9704-2012 — the masthead (红头: the red
 * title, 第X期, 编发单位 and date over a red rule), each piece (篇) with its 小标宋 title, 仿宋 三号 body and the credit
 * line naming every source submitter (a composite piece lists them all), the distribution block (报/送/发) at the foot,
 * and page numbers (— 1 —) at the bottom. Takes plain data, so it can be built and measured without a database.
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { type OfficialFont, a4, bodyLine, fangsong, heiti, kaiti, officialMargins, sizes, songti, xiaobiaosong } from '../../../kernel/server/official-docx.ts';

/** One source report of a piece: who is credited (委员 name, or the unit that submitted it). */
export interface IssueDocxSource {
  submitterName: string;
  /** the unit in whose name it came (民主党派, 人民团体, 专委会, 县区政协), when not a member's own report */
  unitName?: string | null;
  /** whether the submitter is a CPPCC member (credited as 委员); false for 特邀信息员 and staff */
  member?: boolean;
}

/** 篇: one report (单篇) or several combined (综合). */
export interface IssueDocxPiece {
  seq: number;
  kind: 'single' | 'composite';
  title: string;
  body: string;
  sources: IssueDocxSource[];
}

/** 报/送/发: the distribution lines at the foot, each a list of recipient names. */
export interface IssueDocxDistribution {
  /** 报: the party committee and government leaders */
  report: string[];
  /** 送: higher CPPCCs and others informed */
  send: string[];
  /** 发: departments */
  issue: string[];
}

/** Everything the Word document of an issue needs. */
export interface IssueDocxInput {
  /** the periodical's name, e.g. 社情民意 (the masthead reads 政协社情民意) */
  title: string;
  year: number;
  /** 第X期 */
  number: string;
  /** 编发单位, e.g. 政协长治市委员会研究中心 */
  editorUnit: string;
  /** the issue date, YYYY-MM-DD */
  date: string;
  /** 签发人 (shown beside the masthead when signed) */
  signedBy?: string | null;
  pieces: IssueDocxPiece[];
  distribution: IssueDocxDistribution;
  /** the count printed in the foot: 共印 N 份 (optional) */
  copies?: number | null;
}

/* Fonts of an official document: 小标宋 for titles, 黑体 for headings, 仿宋 for the body, 楷体 for the credit line. */
/** sizes in half-points: 初号 42 pt, 二号 22 pt, 三号 16 pt, 四号 14 pt */
const size = sizes;
const red = 'C00000';
/** body line spacing: fixed 28 pt (560 twentieths): 22 lines a page as GB/T 9704 sets */
const line = bodyLine;

/** 2026-05-08 → 2026年5月8日 */
export function chineseDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/**
 * The credit line under a piece: a member's report reads （张三委员反映）; a unit's （民建长治市委员会 张三反映）; a composite
 * piece names every source: （根据张三、李四委员，民建长治市委员会反映综合整理）.
 */
export function creditLine(kind: 'single' | 'composite', sources: IssueDocxSource[]): string {
  const names: string[] = [];
  const members = sources.filter((s) => !s.unitName && s.member !== false).map((s) => s.submitterName);
  const uniq = (xs: string[]) => [...new Set(xs)];
  if (members.length) names.push(`${uniq(members).join('、')}委员`);
  for (const s of sources.filter((x) => !x.unitName && x.member === false)) names.push(s.submitterName);
  for (const s of sources.filter((x) => x.unitName)) names.push(`${s.unitName} ${s.submitterName}`);
  const who = uniq(names).join('，');
  return kind === 'composite' ? `（根据${who}反映综合整理）` : `（${who}反映）`;
}

const run = (text: string, f: OfficialFont, sz: number, extra: { bold?: boolean; color?: string } = {}) => new TextRun({ text, font: f, size: sz, ...extra });

function bodyParagraphs(text: string): Paragraph[] {
  return text.split(/\n+/).map((x) => x.trim()).filter(Boolean).map((x) => new Paragraph({
    alignment: AlignmentType.JUSTIFIED, spacing: line, indent: { firstLine: 640 },
    // 一、二、 headings inside a report read in 黑体, as official documents set their first-level headings
    children: [run(x, /^[一二三四五六七八九十]+、/.test(x) && x.length < 40 ? heiti : fangsong, size.san)],
  }));
}

/** The issue as a .docx (GB/T 9704 page: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm). */
export async function buildIssueDocx(input: IssueDocxInput): Promise<Buffer> {
  const masthead = [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 },
      children: [run(`政协${input.title}`, xiaobiaosong, size.chu, { color: red })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(`${input.number}`, fangsong, size.san)] }),
    // 编发单位 at the left, date at the right, over the red rule
    new Paragraph({
      spacing: { after: 360 }, tabStops: [{ type: 'right', position: 9000 }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: red, space: 6 } },
      children: [
        run(`${input.editorUnit}编`, fangsong, size.san),
        ...(input.signedBy ? [run(`　　签发：${input.signedBy}`, fangsong, size.san)] : []),
        run(`\t${chineseDate(input.date)}`, fangsong, size.san),
      ],
    }),
  ];
  const pieces = input.pieces.flatMap((p, i) => [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 120 : 480, after: 240, line: 700, lineRule: 'exact' },
      children: [run(p.title, xiaobiaosong, size.er)],
    }),
    ...bodyParagraphs(p.body),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, children: [run(creditLine(p.kind, p.sources), kaiti, size.san)] }),
  ]);
  const lines = ([['报', input.distribution.report], ['送', input.distribution.send], ['发', input.distribution.issue]] as const)
    .filter(([, names]) => names.length > 0);
  const rule = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } as const;
  const foot = [
    new Paragraph({ spacing: line, children: [] }),
    ...lines.map(([k, names], i) => new Paragraph({
      spacing: line, indent: { left: 280, hanging: 0 },
      border: { top: i === 0 ? rule : undefined, bottom: rule },
      children: [run(`${k}：${names.join('，')}。`, fangsong, size.si)],
    })),
    new Paragraph({
      spacing: line, tabStops: [{ type: 'right', position: 9000 }], border: { bottom: rule },
      children: [run(`${input.editorUnit}`, fangsong, size.si), run(`\t${chineseDate(input.date)}印发${input.copies ? `（共印${input.copies}份）` : ''}`, fangsong, size.si)],
    }),
  ];
  const doc = new Document({
    creator: input.editorUnit,
    title: `${input.title}${input.year}年${input.number}`,
    styles: { default: { document: { run: { font: fangsong, size: size.san } } } },
    sections: [{
      properties: { page: { size: { ...a4 }, margin: { ...officialMargins, footer: 992 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: songti, size: size.si })],
          })],
        }),
      },
      children: [...masthead, ...pieces, ...foot],
    }],
  });
  return Packer.toBuffer(doc);
}
