/**
 * 年度协商计划 as a Word document in the official layout: the CPPCC's name, the title, the approving meeting, then the
 * items grouped by form (重点协商 first) in a table by month with the lead committee and the partner departments, and the
 * changes made after approval. 宋体/仿宋/黑体 on A4, as the proposal forms.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { fangsong, heiti, officialMargins, sizes, songti, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import { chineseNumber } from '../../../kernel/universal/work-year.ts';
import { consultationFormLabels, consultationForms } from '../domain/consultation-forms.ts';
import { topicLinkRelationLabels, type PlanDetail } from '../domain/plan-contract.ts';

const size3 = sizes.san;
const size5 = sizes.xiaoSi;
const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };
const widths = [700, 3500, 1100, 1700, 2400];

const cell = (text: string, i: number, head = false) => new TableCell({
  borders, width: { size: widths[i], type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER,
  children: text.split('\n').map((t) => new Paragraph({ alignment: head || i !== 1 ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: t, font: head ? heiti : fangsong, size: size5 })] })),
});
const para = (text: string, o: { font?: typeof songti; size?: number; center?: boolean; before?: number; after?: number; indent?: boolean } = {}) => new Paragraph({
  alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 560 },
  indent: o.indent ? { firstLine: 640 } : undefined,
  children: [new TextRun({ text, font: o.font ?? fangsong, size: o.size ?? size3 })],
});

/** The plan's items as the document lists them: planned ones, by form in the list's order, then by month. Pure. */
export function documentSections(plan: Pick<PlanDetail, 'items'>) {
  const live = plan.items.filter((i) => i.status === 'planned');
  return consultationForms
    .map((form) => ({ form, label: consultationFormLabels[form], items: live.filter((i) => i.form === form).sort((a, b) => a.plannedMonth - b.plannedMonth) }))
    .filter((s) => s.items.length > 0);
}

/** An item's linked proposals and 社情民意 reports as the document words them: one line per relation. Pure. */
export function linkLines(item: Pick<PlanDetail['items'][number], 'links'>): string[] {
  return (['source', 'outcome'] as const).flatMap((relation) => {
    const of = (type: 'proposal' | 'opinion') => item.links.filter((l) => l.relation === relation && l.entityType === type).map((l) => `《${l.title}》`).join('、');
    const parts = [of('proposal') && `提案${of('proposal')}`, of('opinion') && `社情民意${of('opinion')}`].filter(Boolean);
    return parts.length ? [`${topicLinkRelationLabels[relation]}：${parts.join('；')}`] : [];
  });
}

export async function buildPlanDocx(plan: PlanDetail, organisationName: string): Promise<Buffer> {
  const sections = documentSections(plan);
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const children: Array<Paragraph | Table> = [
    para(plan.title, { font: xiaobiaosong, size: 44, center: true, before: 240, after: 120 }),
    para(plan.approvedMeeting ? `（${plan.approvedOn ?? ''} ${plan.approvedMeeting}审定${plan.party ? `，${plan.party.approvedOn} ${plan.party.meeting}批准` : ''}）` : `（${plan.stateLabel}）`, { size: size3, center: true, after: 360 }),
    para(`根据政协章程和年度工作要点，${organisationName}${plan.year}年度安排协商议题${total}项，按协商形式列示如下。各牵头专门委员会会同协同部门认真组织实施，做好调研、会议组织和成果报送工作。`, { indent: true, after: 240 }),
  ];
  sections.forEach((s, i) => {
    children.push(para(`${chineseNumber(i + 1)}、${s.label}（${s.items.length}项）`, { font: heiti, before: 240, after: 120 }));
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: ['序号', '协商议题', '计划时间', '牵头单位', '协同部门'].map((t, k) => cell(t, k, true)) }),
        ...s.items.map((item, k) => new TableRow({
          children: [cell(String(k + 1), 0), cell([item.title + (item.major ? '（重大协商议题）' : '') + (item.notes ? `\n（${item.notes}）` : ''), ...linkLines(item)].join('\n'), 1), cell(item.plannedMonth ? `${item.plannedMonth}月` : '待定', 2), cell(item.leadOrgName, 3), cell(item.partnerUnitNames.join('、') || '—', 4)],
        })),
      ],
    }));
  });
  if (plan.changes.length) {
    children.push(para('计划调整情况', { font: heiti, before: 360, after: 120 }));
    plan.changes.forEach((c, i) => children.push(para(`${i + 1}. ${c.at.slice(0, 10)} ${c.kindLabel}「${c.itemTitle}」${c.before ? `：${c.before} → ${c.after}` : ''}。理由：${c.reason}`, { size: size5 })));
  }
  children.push(para(organisationName, { before: 480, after: 0, center: false }));
  const doc = new Document({
    creator: organisationName,
    title: plan.title,
    styles: { default: { document: { run: { font: songti, size: size3 } } } },
    sections: [{ properties: { page: { margin: { ...officialMargins } } }, children }],
  });
  return Packer.toBuffer(doc);
}
