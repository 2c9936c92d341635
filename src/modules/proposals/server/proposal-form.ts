/**
 * 提案表: one proposal laid out like the paper form (案由, 提案人, 界别, 联系方式, 附议人, 背景情况, 问题分析, 具体建议,
 * 办理单位, 答复类别) — as data for the print page and as a Word table.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { fangsong, heiti, sizes, songti } from '../../../kernel/server/official-docx.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { handlingModeLabels, proposalCategoryLabels, proposalTypeLabels, unitRoleLabels, type HandlingMode, type ProposalCategory, type ProposalType, type UnitRole } from '../contract.ts';
import type { ProposalForm } from '../contract.ts';
import { isUnitActor } from '../domain/proposal-policy.ts';
import type { CodeLabel } from '../domain/proposal-settings.ts';
import { findOrg } from './directory.ts';
import { letterDate } from './exports.ts';
import { formatDate } from '../../../kernel/universal/china-time.ts';
import { memberProfileOf, sectorNames } from '../../organizations/index.ts';
import { contactsOf } from '../../identity/index.ts';
import { listCosigners, listUnitsOf, type ProposalRow } from './proposal-repository.ts';
import type { ProposalDb } from './tables.ts';

/** The proposer's 界别 and phone from the member profile (the proposal's own sector first). */
async function proposerFacts(db: ProposalDb, row: ProposalRow): Promise<{ sectorName: string | null; phone: string | null }> {
  const profile = await memberProfileOf(db, row.proposer_user_id);
  const sectorId = row.sector_id ?? profile?.sectorId ?? null;
  const sectorName = sectorId ? (await sectorNames(db, [sectorId])).get(sectorId) ?? null : null;
  let phone = profile?.phone ?? null;
  if (!phone) {
    const [u] = await contactsOf(db, [row.proposer_user_id]);
    phone = u?.phone ?? u?.email ?? null;
  }
  return { sectorName, phone };
}

/** The form of a proposal the actor may see (the caller checks visibility). */
export async function loadProposalForm(db: ProposalDb, row: ProposalRow, actor: Actor, replyClasses: CodeLabel[]): Promise<ProposalForm> {
  const [cosigners, units, facts, tenant] = await Promise.all([listCosigners(db, row.id), listUnitsOf(db, row.id), proposerFacts(db, row), findOrg(db, row.tenant_id)]);
  const unitIds = units.map((u: any) => u.unit_id as string);
  const isUnit = isUnitActor(actor) && (row.lead_unit_id === actor.orgId || unitIds.includes(actor.orgId));
  const isProposer = row.proposer_user_id === actor.userId || cosigners.some((c: any) => c.user_id === actor.userId);
  const office = can(actor, 'proposal.read_all');
  // contact data is for the people who work on the proposal, not for everyone who may read a public one
  const contact = isProposer || office || isUnit ? facts.phone : null;
  // the office and the lead unit see the unit's current reply (a draft too); everyone else the released one (decision 0021)
  const replyClass = (office && actor.tenantId === row.tenant_id) || (isUnit && row.lead_unit_id === actor.orgId) ? row.reply_class : row.released_class;
  return {
    id: row.id, organisationName: tenant?.name ?? '', year: Number(row.year), sessionLabel: row.session_label, number: row.number ?? null,
    title: row.title, typeLabel: proposalTypeLabels[row.type as ProposalType] ?? row.type,
    categoryLabel: row.category ? proposalCategoryLabels[row.category as ProposalCategory] ?? row.category : null,
    proposerName: row.proposer_name, sectorName: facts.sectorName, contact,
    cosignerNames: cosigners.filter((c: any) => c.kind !== 'merged' && c.confirmed_at).map((c: any) => c.name as string),
    background: row.background, analysis: row.analysis, suggestions: row.suggestions,
    units: units.map((u: any) => ({ name: u.unit_name as string, roleLabel: unitRoleLabels[u.role as UnitRole] ?? u.role })),
    handlingModeLabel: row.handling_mode ? handlingModeLabels[row.handling_mode as HandlingMode] ?? row.handling_mode : null,
    replyClassLabel: replyClass ? (replyClasses.find((c) => c.code === replyClass)?.label ?? replyClass) : null,
    topicTitle: row.topic_title ?? null, submittedAt: row.submitted_at ?? null, isPublic: Number(row.is_public) === 1,
  };
}

/** 办理单位 as one line: 市住建局（主办）、市教育局（会办） */
export function unitsLine(f: Pick<ProposalForm, 'units' | 'handlingModeLabel'>): string {
  if (!f.units.length) return '';
  const list = f.units.map((u) => (f.units.length > 1 ? `${u.name}（${u.roleLabel}）` : u.name)).join('、');
  return f.handlingModeLabel ? `${list}　[${f.handlingModeLabel}]` : list;
}

const size4 = sizes.si;
const size5 = sizes.xiaoSi;
const border = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

const label = (text: string, rowSpan?: number) => new TableCell({
  borders, width: { size: 1400, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, rowSpan,
  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: heiti, size: size5 })] })],
});
const value = (text: string, columnSpan?: number) => new TableCell({
  borders, columnSpan, verticalAlign: VerticalAlign.CENTER,
  children: (text ? text.split(/\n+/) : ['']).map((t) => new Paragraph({ spacing: { line: 360 }, children: [new TextRun({ text: t, font: fangsong, size: size5 })] })),
});
const block = (title: string, text: string) => new TableRow({
  children: [new TableCell({
    borders, columnSpan: 4,
    children: [
      new Paragraph({ spacing: { before: 60, after: 60 }, children: [new TextRun({ text: title, font: heiti, size: size5 })] }),
      ...(text.trim() ? text.split(/\n+/).map((x) => x.trim()).filter(Boolean) : ['（未填写）']).map((t) =>
        new Paragraph({ spacing: { line: 400 }, indent: { firstLine: 480 }, children: [new TextRun({ text: t, font: fangsong, size: size5 })] })),
    ],
  })],
});

/** The 提案表 as a .docx: a one-table form in 宋体/仿宋 on A4. */
export async function buildProposalFormDocx(f: ProposalForm): Promise<Buffer> {
  const rows = [
    new TableRow({ children: [label('编　　号'), value(f.number ?? '（未立案）'), label('提案类型'), value(f.typeLabel)] }),
    new TableRow({ children: [label('案　　由'), value(f.title, 3)] }),
    new TableRow({ children: [label('提 案 人'), value(f.proposerName), label('界　　别'), value(f.sectorName ?? '')] }),
    new TableRow({ children: [label('联系方式'), value(f.contact ?? '（不公开）'), label('提交时间'), value(f.submittedAt ? letterDate(formatDate(f.submittedAt)) : '')] }),
    new TableRow({ children: [label('附 议 人'), value(f.cosignerNames.join('、') || '无', 3)] }),
    ...(f.topicTitle ? [new TableRow({ children: [label('参考选题'), value(f.topicTitle, 3)] })] : []),
    block('一、背景情况', f.background),
    block('二、问题分析', f.analysis),
    block('三、具体建议', f.suggestions),
    new TableRow({ children: [label('办理单位'), value(unitsLine(f) || '（待交办）', 3)] }),
    new TableRow({ children: [label('答复类别'), value(f.replyClassLabel ?? ''), label('是否公开'), value(f.isPublic ? '同意公开' : '不公开')] }),
  ];
  const doc = new Document({
    creator: f.organisationName,
    title: `提案表 ${f.number ?? ''} ${f.title}`,
    styles: { default: { document: { run: { font: songti, size: size5 } } } },
    sections: [{
      properties: { page: { margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: f.organisationName, font: songti, size: size4 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: `${f.sessionLabel}${f.categoryLabel ? ` · ${f.categoryLabel}` : ''}`, font: fangsong, size: size5 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: '提　案　表', font: heiti, size: 44 })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [1400, 3300, 1400, 3300], rows }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
