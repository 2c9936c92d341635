/**
 * The official layout of Word documents (党政机关公文格式, GB/T 9704-2012) in one place, for every module that writes
 * a .docx: the fonts (方正小标宋简体 title, 仿宋_GB2312 body, 黑体 and 楷体_GB2312 headings, 宋体), the sizes (二号 22 pt,
 * 三号 16 pt, 四号 14 pt), the A4 page with its margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the fixed
 * 28-point body line, page numbers 「— 1 —」 in 四号, and the red 版头 (发文机关标志, 发文字号 and the red rule) of a
 * signed 公文. Word has no 方正/GB2312 fonts everywhere: each font names a Windows fallback for Latin text and machines
 * without it, as far as Word allows.
 */
import { AlignmentType, BorderStyle, Footer, PageNumber, Paragraph, TabStopPosition, TabStopType, TextRun, type IParagraphOptions, type ISectionOptions } from 'docx';

/** A run font: East Asian face with its Latin fallback. */
export interface OfficialFont { ascii: string; hAnsi: string; eastAsia: string; cs: string }
const font = (latin: string, eastAsia: string): OfficialFont => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

/** 仿宋_GB2312: the body */
export const fangsong = font('FangSong', '仿宋_GB2312');
/** 黑体: first-level headings (一、) */
export const heiti = font('SimHei', '黑体');
/** 楷体_GB2312: second-level headings (（一）), 签发人 */
export const kaiti = font('KaiTi', '楷体_GB2312');
/** 方正小标宋简体: the title */
export const xiaobiaosong = font('SimSun', '方正小标宋简体');
/** 宋体 */
export const songti = font('SimSun', '宋体');

/** Sizes in half-points (docx `size`): 初号 42 pt, 二号 22 pt, 小二 18 pt, 三号 16 pt, 小三 15 pt, 四号 14 pt, 小四 12 pt. */
export const sizes = { chu: 84, er: 44, xiaoEr: 36, san: 32, xiaoSan: 30, si: 28, xiaoSi: 24 } as const;

/** A4 in twentieths of a point, and the GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const a4 = { width: 11906, height: 16838 } as const;
export const officialMargins = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
/** The body's fixed line spacing: 28 pt (GB/T 9704: 22 lines of 28 characters a page). */
export const bodyLine = { line: 560, lineRule: 'exact' as const };
/** A body paragraph's first-line indent: two 三号 characters. */
export const firstLineIndent = { firstLine: 640 } as const;
/** 版头 red */
export const officialRed = 'C00000';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A run in the given font and size (三号 仿宋 by default). */
export function run(text: string, o: { font?: OfficialFont; size?: number; bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({ text, font: o.font ?? fangsong, size: o.size ?? sizes.san, bold: o.bold, color: o.color });
}

/** A body paragraph: 仿宋 三号, justified, two-character indent, 28-pt lines. */
export function bodyParagraph(text: string, o: { font?: OfficialFont; size?: number; bold?: boolean; indent?: boolean; align?: Align } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: bodyLine, indent: o.indent === false ? undefined : firstLineIndent,
    children: [run(text, { font: o.font, size: o.size, bold: o.bold })],
  });
}

/** The title: 方正小标宋简体 二号, centred. */
export function titleParagraph(text: string, o: { before?: number; after?: number; size?: number; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: o.before ?? 400, after: o.after ?? 600 }, children: [run(text, { font: xiaobiaosong, size: o.size ?? sizes.er, bold: o.bold })] });
}

/** A heading in the body: level 1 黑体 (一、), level 2 楷体 (（一）), level 3 仿宋 bold (1.); 三号, indented like the body. */
export function headingParagraph(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  const f = level === 1 ? heiti : level === 2 ? kaiti : fangsong;
  return new Paragraph({ spacing: bodyLine, indent: firstLineIndent, keepNext: true, children: [run(text, { font: f, bold: level === 3 })] });
}

/** Lines at the right margin (落款, 成文日期), each indented four characters from the right as GB/T 9704 shows. */
export function signatureParagraphs(lines: string[], o: { before?: number } = {}): Paragraph[] {
  return lines.map((text, i) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { ...(i === 0 && o.before ? { before: o.before } : {}), ...bodyLine }, indent: { right: 640 }, children: [run(text)] }));
}

/** 2026-05-08 → 2026年5月8日 (成文日期 in Arabic numerals, GB/T 9704-2012). */
export function officialDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** The page footer: the page number as 「— 1 —」, 四号, centred. */
export function pageNumberFooter(o: { font?: OfficialFont; size?: number } = {}): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: o.font ?? fangsong, size: o.size ?? sizes.si })] })] });
}

/** A section's page: A4 with the official margins (and, when asked, numbering from 1). */
export function officialPage(o: { pageNumbersFrom?: number; size?: boolean } = {}): NonNullable<ISectionOptions['properties']> {
  return { page: { ...(o.size ? { size: { ...a4 } } : {}), margin: { ...officialMargins }, ...(o.pageNumbersFrom ? { pageNumbers: { start: o.pageNumbersFrom } } : {}) } };
}

/** The document's default run (仿宋 三号), for `new Document({ styles })`. */
export const officialStyles = { default: { document: { run: { font: fangsong, size: sizes.san } } } };

/**
 * The 版头 of a signed 公文: the 发文机关标志 in red, the 发文字号 (with 签发人 in 楷体 at the right margin for a 上行文
 * such as a 请示 or 报告), and the red rule under them.
 */
export function redHeader(o: { issuer: string; number: string; signer?: string | null; issuerSize?: number; issuerFont?: OfficialFont }): Paragraph[] {
  const numberLine: IParagraphOptions = o.signer
    ? {
      spacing: bodyLine, tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
      children: [run(o.number), run('\t签发人：'), run(o.signer, { font: kaiti })],
    }
    : { alignment: AlignmentType.CENTER, spacing: bodyLine, children: [run(o.number)] };
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480 }, children: [run(o.issuer, { font: o.issuerFont ?? xiaobiaosong, size: o.issuerSize ?? 72, color: officialRed })] }),
    new Paragraph({ ...numberLine, border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: officialRed, space: 8 } } }),
    new Paragraph({ spacing: bodyLine, children: [] }),
  ];
}
