/**
 * 年度履职报告 (a member's annual duty report) as Word, in the official layout (仿宋 三号 body, 黑体 headings numbered
 * 一、二、三、, 方正小标宋 title, page numbers 「— 1 —」): the profile, each scoring item with its count and points and
 * the titles of the records it counts, the total and the grade.
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { MemberScore } from '../contract.ts';

const fangsong = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋_GB2312', cs: 'FangSong' };
const heiti = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const xiaobiaosong = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体', cs: 'SimSun' };
const size2 = 44;
const size3 = 32;
const size4 = 28;
const bodyLine = { line: 560, lineRule: 'exact' as const };
const cn = ['一', '二', '三', '四', '五', '六', '七', '八'];
const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The record titles of each item, by figure key (read through the lists the figures open). */
export type RecordTitles = Record<string, string[]>;

/** The report's texts in order (pure; the tests read the document's words through it). */
export function reportOutline(s: MemberScore, titles: RecordTitles, organisationName: string, today: string) {
  const profile = [
    `${s.name}${s.sectorName ? `，${s.sectorName}界别` : ''}，${organisationName}委员。`,
    `本报告统计期间为${chineseDate(s.from)}至${chineseDate(s.to)}（${s.year}年度），按${s.year}年度履职积分规则第${s.ruleVersion || 1}版${s.ruleSource ? `（参照${s.ruleSource}）` : ''}计分。`,
  ];
  const items = s.items.map((it) => ({
    line: `${it.label}：${it.count}${it.hasSource ? '' : '（暂无数据来源）'}，每次${signed(it.pointsEach)}分${it.cap !== null ? `，上限${it.cap}分` : ''}，计${signed(it.points)}分${it.capped ? '（已达上限）' : ''}${it.minCount !== null ? `；最低要求${it.minCount}次，${it.minMet ? '已达到' : '未达到'}` : ''}。`,
    records: titles[it.figure] ?? [],
  }));
  const summary = [
    `基础分${s.base}分，积分项合计${signed(Math.round((s.total - s.base) * 10) / 10)}分${s.maxTotal !== null ? `（总分上限${s.maxTotal}分）` : ''}，年度履职积分${s.total}分，等次为「${s.grade}」。`,
    ...(s.rank !== null && s.members !== null ? [`在本级${s.members}名委员中排第${s.rank}名。`] : []),
    ...(s.unmet.length ? [`未达到最低要求的项目：${s.unmet.join('、')}。`] : []),
  ];
  return { title: `${s.name}委员${s.year}年度履职报告`, profile, items, summary, organisationName, date: today };
}

const para = (text: string, opts: { font?: typeof fangsong; size?: number; indent?: boolean } = {}) => new Paragraph({
  alignment: AlignmentType.JUSTIFIED, spacing: bodyLine, indent: opts.indent === false ? undefined : { firstLine: 640 },
  children: [new TextRun({ text, font: opts.font ?? fangsong, size: opts.size ?? size3 })],
});
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, font: bold ? heiti : fangsong, size: size4 })] })] });

export async function buildScoreReportDocx(s: MemberScore, titles: RecordTitles, organisationName: string, today: string): Promise<Buffer> {
  const o = reportOutline(s, titles, organisationName, today);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400 }, children: [new TextRun({ text: o.title, font: xiaobiaosong, size: size2 })] }),
  ];
  let n = 0;
  const heading = (text: string) => children.push(new Paragraph({ spacing: bodyLine, indent: { firstLine: 640 }, children: [new TextRun({ text: `${cn[n++]}、${text}`, font: heiti, size: size3 })] }));
  heading('基本情况');
  for (const p of o.profile) children.push(para(p));
  heading('履职积分明细');
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  children.push(new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: [cell('积分项', true), cell('次数', true), cell('每次分值', true), cell('得分', true)] }),
      ...s.items.map((it) => new TableRow({ children: [cell(it.label), cell(String(it.count)), cell(signed(it.pointsEach)), cell(signed(it.points))] })),
      new TableRow({ children: [cell('基础分', true), cell(''), cell(''), cell(String(s.base))] }),
      new TableRow({ children: [cell('年度积分', true), cell(''), cell(''), cell(String(s.total), true)] }),
    ],
  }));
  heading('履职记录');
  for (const it of o.items) {
    children.push(para(it.line));
    for (const t of it.records) children.push(para(`· ${t}`, { size: size4 }));
  }
  heading('总分与等次');
  for (const p of o.summary) children.push(para(p));
  children.push(new Paragraph({ spacing: { before: 600 }, children: [] }));
  for (const t of [organisationName, chineseDate(today)]) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodyLine, indent: { right: 640 }, children: [new TextRun({ text: t, font: fangsong, size: size3 })] }));
  }
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fangsong, size: 28 })] })] });
  const doc = new Document({
    creator: organisationName, title: o.title,
    styles: { default: { document: { run: { font: fangsong, size: size3 } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, footers: { default: footer }, children }],
  });
  return Packer.toBuffer(doc);
}

/** A list row's title, whatever module listed it: its title, the activity's or meeting's, or its name. */
export function rowTitle(row: Record<string, unknown>): string {
  for (const k of ['title', 'activityTitle', 'activity_title', 'consultationTitle', 'inspectionTitle', 'meetingTitle', 'subject', 'name']) {
    const v = row[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  const any = Object.entries(row).find(([k, v]) => /title/i.test(k) && typeof v === 'string' && v.trim());
  return any ? String(any[1]) : '（无标题）';
}
