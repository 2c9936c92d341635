/**
 * Exports: the filtered proposal list and a year's statistics as Excel workbooks (exceljs), and a reply letter (答复函)
 * as a Word document in official-letter form (docx): 发文机关标志, 文号, 标题 in 黑体, body in 仿宋 三号, signature and date.
 */
import ExcelJS from 'exceljs';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TabStopPosition, TabStopType, TextRun } from 'docx';
import { bodyLine, fangsong, heiti, kaiti, officialMargins, sizes, songti } from '../../../kernel/server/official-docx.ts';
import type { ProposalListItem, ProposalStats } from '../contract.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import type { CodeLabel } from '../domain/proposal-settings.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { formatDate } from '../../../kernel/universal/china-time.ts';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true, name: '宋体' };
  row.alignment = { vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => { c.fill = headerFill; c.border = { bottom: { style: 'thin' } }; });
}

/** The list as an .xlsx: one row per proposal, the columns a person filters and reads by. */
export async function proposalListWorkbook(items: ProposalListItem[], labels: {
  types: Record<string, string>; categories: Record<string, string>; modes: Record<string, string>; satisfaction: Record<string, string>; replyClasses: CodeLabel[];
}, caption: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  wb.created = clock.now();
  const ws = wb.addWorksheet('提案列表', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [
    { key: 'number', width: 12 }, { key: 'year', width: 8 }, { key: 'session', width: 16 }, { key: 'title', width: 48 },
    { key: 'proposer', width: 12 }, { key: 'type', width: 14 }, { key: 'category', width: 10 }, { key: 'state', width: 10 },
    { key: 'unit', width: 16 }, { key: 'mode', width: 8 }, { key: 'replyClass', width: 10 }, { key: 'satisfaction', width: 10 },
    { key: 'key', width: 8 }, { key: 'excellent', width: 8 }, { key: 'due', width: 12 }, { key: 'submitted', width: 12 },
  ];
  ws.mergeCells(1, 1, 1, 16);
  ws.getCell(1, 1).value = caption;
  ws.getCell(1, 1).font = { bold: true, size: 14, name: '黑体' };
  const head = ws.addRow(['编号', '年度', '会议', '标题', '提案人', '类型', '类别', '状态', '主办单位', '办理方式', '答复类别', '满意度', '重点', '优秀', '办理期限', '提交日期']);
  styleHeader(head);
  const rc = new Map(labels.replyClasses.map((c) => [c.code, c.code]));
  for (const p of items) {
    ws.addRow([
      p.number ?? '', p.year, p.sessionLabel, p.title, p.proposerName, labels.types[p.type] ?? p.type,
      p.category ? labels.categories[p.category] ?? p.category : '', p.stateLabel, p.leadUnitName ?? '',
      p.handlingMode ? labels.modes[p.handlingMode] ?? p.handlingMode : '', p.replyClass ? rc.get(p.replyClass) ?? p.replyClass : '',
      p.satisfaction ? labels.satisfaction[p.satisfaction] ?? p.satisfaction : '', p.isKey ? '是' : '', p.isExcellent ? '是' : '',
      p.dueDate ?? '', p.submittedAt ? formatDate(p.submittedAt) : '',
    ]);
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 16 } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The statistics (of a year or a session) as an .xlsx: the first sheet lists every figure by section (分类, 项目, 件数,
 * 比例), the second is the handling units' table (承办单位办理情况), one row per unit.
 */
export async function proposalStatsWorkbook(stats: ProposalStats, caption: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  wb.created = clock.now();
  const ws = wb.addWorksheet('提案统计', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ key: 'group', width: 16 }, { key: 'label', width: 40 }, { key: 'count', width: 10 }, { key: 'share', width: 12 }];
  ws.mergeCells(1, 1, 1, 4);
  ws.getCell(1, 1).value = caption;
  ws.getCell(1, 1).font = { bold: true, size: 14, name: '黑体' };
  styleHeader(ws.addRow(['分类', '项目', '件数', '比例（%）']));
  const share = (n: number, whole: number) => (whole > 0 ? Math.round((n / whole) * 1000) / 10 : null);
  const section = (name: string, figures: Figure[], whole?: number) => {
    for (const f of figures) ws.addRow([name, f.label, f.value, whole === undefined ? null : share(f.value, whole)]);
  };
  const received = stats.totals.find((f) => f.key === 'proposals.received')?.value ?? 0;
  const rated = stats.bySatisfaction.reduce((n, f) => n + f.value, 0);
  const replied = stats.replies.replied.value;
  section('总体', stats.totals, received);
  ws.addRow(['总体', '立案率', null, stats.filedRate]);
  section('提案类别', stats.byCategory, received);
  section('提案类型', stats.byType, received);
  section('办理状态', stats.byState, received);
  section('界别', stats.bySector, received);
  section('专委会', stats.byCommittee, received);
  const p = stats.participation;
  section('委员参与', [p.members, p.participants, p.absent]);
  ws.addRow(['委员参与', '参与率', null, p.percent]);
  section('答复', [stats.replies.replied, stats.replies.onTime, stats.replies.late], replied);
  section('答复', [stats.replies.overdue]);
  ws.addRow(['答复', '按期答复率', null, stats.replies.onTimeRate]);
  section('答复类别', stats.byReplyClass, replied);
  section('满意度', stats.bySatisfaction, rated);
  ws.addRow(['满意度', '满意率（满意和基本满意）', null, stats.satisfactionRate]);

  const us = wb.addWorksheet('承办单位办理情况', { views: [{ state: 'frozen', ySplit: 2 }] });
  const heads = ['承办单位', '交办', '已答复', '按期答复', '逾期答复', '当前超期', '满意', '基本满意', '不满意', '满意率（%）'];
  us.columns = heads.map((_, i) => ({ width: i === 0 ? 24 : 11 }));
  us.mergeCells(1, 1, 1, heads.length);
  us.getCell(1, 1).value = caption;
  us.getCell(1, 1).font = { bold: true, size: 14, name: '黑体' };
  styleHeader(us.addRow(heads));
  for (const u of stats.units) {
    us.addRow([u.unitName, u.assigned.value, u.replied.value, u.onTime.value, u.late.value, u.overdue.value,
      u.satisfied.value, u.basicallySatisfied.value, u.unsatisfied.value, u.satisfactionRate]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Fonts of an official document: 仿宋 for the body, 黑体 for headings, the letterhead in 宋体 bold red. */
/** 三号 = 16 pt = 32 half-points; 二号 = 22 pt */
const size3 = sizes.san;
const size2 = sizes.er;
/** body line spacing: fixed 28 pt (560 twentieths) */
const line = bodyLine;

export interface ReplyLetter {
  unitName: string;
  /** 文号, e.g. 长住建提字〔2026〕12号 */
  docNumber: string;
  sessionLabel: string;
  proposalNumber: string | null;
  proposalTitle: string;
  proposerName: string;
  replyClassLabel: string | null;
  replyText: string;
  /** 'YYYY-MM-DD': the day the reply was signed off (签发), or sent where no sign-off is required */
  date: string;
  cityName: string;
  /** 签发人: the unit leader who signed the reply off (none when the tenant requires no sign-off) */
  signerName?: string | null;
}

/** What a reply letter (答复函) takes from the proposal it answers. */
export interface LetterProposal {
  year: number;
  number_seq: number | null;
  number: string | null;
  session_label: string;
  title: string;
  proposer_name: string;
}

/** One unit's reply to the proposer: the lead unit's (主办, on the proposal) or a 分办 unit's own (承办任务). */
export interface LetterReply {
  unitName: string;
  replyClass: string | null;
  replyText: string;
  /** 签发人 */
  signerName: string | null;
  /** ISO time the reply left the unit (报出), or the nearest later stamp for older rows: the letter's date */
  sentAt: string;
}

/**
 * The letter of one unit's reply: the unit heads and signs it (发文机关标志, 落款), its 文号 is
 * 「unit without 市 + 提字〔year〕N号」, its date is the China date of the 报出, its class label is the tenant's.
 */
export function replyLetterFor(p: LetterProposal, r: LetterReply, o: { tenantName: string; replyClasses: CodeLabel[] }): ReplyLetter {
  return {
    unitName: r.unitName, docNumber: `${r.unitName.replace(/^市/, '')}提字〔${p.year}〕${p.number_seq ?? 0}号`, sessionLabel: `${o.tenantName}${p.session_label}`,
    proposalNumber: p.number, proposalTitle: p.title, proposerName: p.proposer_name,
    replyClassLabel: r.replyClass ? (o.replyClasses.find((c) => c.code === r.replyClass)?.label ?? r.replyClass) : null,
    replyText: r.replyText, date: chinaToday(new Date(r.sentAt)), cityName: o.tenantName.replace(/政协.*$/, ''),
    signerName: r.signerName,
  };
}

/** 2026-05-08 → 2026年5月8日 (the date under the signature, in Arabic numerals per GB/T 9704-2012) */
export function letterDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** The reply letter (答复函) as a .docx in official-letter form. */
export async function replyLetterDocx(l: ReplyLetter): Promise<Buffer> {
  const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; font?: typeof fangsong; bold?: boolean } = {}) =>
    new Paragraph({
      alignment: opts.align ?? AlignmentType.JUSTIFIED, spacing: line, indent: opts.indent === false ? undefined : { firstLine: 640 },
      children: [new TextRun({ text, font: opts.font ?? fangsong, size: size3, bold: opts.bold })],
    });
  const numberText = l.proposalNumber ? `${l.sessionLabel}${l.proposalNumber}提案` : `${l.sessionLabel}提案`;
  const paragraphs = l.replyText.split(/\n+/).map((x) => x.trim()).filter(Boolean);
  const doc = new Document({
    creator: l.unitName,
    title: `关于${numberText}的答复`,
    styles: { default: { document: { run: { font: fangsong, size: size3 } } } },
    sections: [{
      // GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm
      properties: { page: { margin: { ...officialMargins } } },
      children: [
        // 发文机关标志 with the red rule under it
        new Paragraph({
          alignment: AlignmentType.CENTER, spacing: { after: 240 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 8 } },
          children: [new TextRun({ text: `${l.unitName}`, font: songti, size: 64, bold: true, color: 'C00000' })],
        }),
        // 发文字号, with 签发人 on the same line at the right margin (GB/T 9704: 签发人 in 楷体 after 「签发人：」)
        l.signerName
          ? new Paragraph({
            spacing: line, tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
            children: [
              new TextRun({ text: l.docNumber, font: fangsong, size: size3 }),
              new TextRun({ text: '\t签发人：', font: fangsong, size: size3 }),
              new TextRun({ text: l.signerName, font: kaiti, size: size3 }),
            ],
          })
          : new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, children: [new TextRun({ text: l.docNumber, font: fangsong, size: size3 })] }),
        ...(l.replyClassLabel ? [new Paragraph({ alignment: AlignmentType.LEFT, spacing: line, children: [new TextRun({ text: l.replyClassLabel, font: heiti, size: size3 })] })] : []),
        new Paragraph({
          alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, ...line },
          children: [new TextRun({ text: `关于${numberText}的答复`, font: heiti, size: size2 })],
        }),
        body(`${l.proposerName}委员：`, { indent: false }),
        body(`您提出的《${l.proposalTitle}》收悉。现答复如下：`),
        ...paragraphs.map((x) => body(x)),
        body('感谢您对我们工作的关心和支持。'),
        new Paragraph({ spacing: line, children: [] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: 640 }, children: [new TextRun({ text: l.unitName, font: fangsong, size: size3 })] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, indent: { right: 640 }, children: [new TextRun({ text: letterDate(l.date), font: fangsong, size: size3 })] }),
        new Paragraph({ spacing: line, children: [] }),
        new Paragraph({
          spacing: line, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
          children: [new TextRun({ text: `抄送：${l.cityName}政协提案委员会，${l.cityName}人民政府督查室。`, font: fangsong, size: 28 })],
        }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
