/**
 * 年度协商计划 as an Excel workbook, from the plan's detail (the object the page shows): a sheet of its items in the
 * document's order (by form, then month; cancelled items marked), with the consultations carrying each out and the
 * proposals and 社情民意 reports linked to it (选题来源, 协商成果: one line each, as the Word document words them), and a sheet
 * of the changes made after approval with their reasons.
 */
import ExcelJS from 'exceljs';
import { consultationFormLabels, consultationForms } from '../domain/consultation-forms.ts';
import type { PlanDetail } from '../domain/plan-contract.ts';
import { linkLines } from './plan-docx.ts';

export async function buildPlanXlsx(plan: PlanDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const items = wb.addWorksheet('计划项');
  items.addRow(['序号', '协商形式', '协商议题', '计划月份', '牵头专委会', '协同部门', '状态', '已开展', '协商活动', '关联提案和社情民意', '备注']).font = { bold: true };
  const order = (f: string) => consultationForms.indexOf(f as (typeof consultationForms)[number]);
  const sorted = [...plan.items].sort((a, b) => order(a.form) - order(b.form) || a.plannedMonth - b.plannedMonth);
  sorted.forEach((i, k) => items.addRow([
    k + 1, consultationFormLabels[i.form as keyof typeof consultationFormLabels] ?? i.formLabel, i.title, `${i.plannedMonth}月`, i.leadOrgName, i.partnerUnitNames.join('、'),
    i.status === 'cancelled' ? '已取消' : i.addedByChange ? '计划调整增加' : '计划', i.carriedOut ? '是' : '否', i.consultations.map((c) => c.title).join('；'), linkLines(i).join('\n'), i.notes ?? '',
  ]));
  items.columns.forEach((c, i) => { c.width = [6, 18, 40, 10, 18, 28, 12, 8, 36, 48, 24][i]; });
  items.getColumn(10).alignment = { wrapText: true, vertical: 'top' };
  const changes = wb.addWorksheet('计划调整');
  changes.addRow(['调整时间', '计划项', '调整类型', '调整前', '调整后', '理由', '调整人']).font = { bold: true };
  for (const c of plan.changes) changes.addRow([c.at.slice(0, 10), c.itemTitle, c.kindLabel, c.before, c.after, c.reason, c.actorName]);
  changes.columns.forEach((c, i) => { c.width = [12, 36, 10, 24, 24, 36, 10][i]; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
