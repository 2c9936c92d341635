/**
 * 协商平台台账 in Excel: the export (the registry as the list filters it) and the import (a county's staff fill the same
 * columns and upload the file). An import is all or nothing: every row is checked first, and a file with a bad row adds
 * nothing and answers which rows are wrong and why.
 */
import ExcelJS from 'exceljs';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import type { ActivityItem, PlatformListItem, ResultItem } from '../contract.ts';
import { managesPlatforms } from '../domain/platform-policy.ts';
import { staffTownOf } from './repository.ts';
import { platformsDb } from './tables.ts';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachmentHeader = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The registry's columns, in the order of both the export and the import template. */
export const registryColumns = ['县（区）', '乡镇（街道）', '村（社区）', '平台名称', '召集人', '召集人电话', '设立日期'] as const;

export async function registryWorkbook(rows: PlatformListItem[], phones: Map<string, string | null>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协商平台台账');
  ws.addRow([...registryColumns]).font = { bold: true };
  for (const r of rows) ws.addRow([r.countyName, r.town, r.village, r.name, r.convenerName, phones.get(r.id) ?? '', r.establishedOn]);
  ws.columns.forEach((c, i) => { c.width = [14, 16, 16, 28, 10, 14, 12][i]; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The most rows one export holds (a year of a large city's consultations fits; narrow the filters for more). */
export const EXPORT_MAX = 20_000;

async function sheet(name: string, columns: Array<[string, number]>, rows: Array<Array<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(columns.map(([h]) => h)).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c, i) => { c.width = columns[i][1]; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 协商活动清单 in Excel: the consultations as the list filters them. */
export function activitiesWorkbook(items: ActivityItem[]): Promise<Buffer> {
  return sheet('协商活动清单', [['协商日期', 12], ['协商议题', 36], ['平台名称', 28], ['县（区）', 14], ['乡镇（街道）', 14], ['村（社区）', 14], ['参加委员人数', 12], ['参加群众人数', 12], ['成果', 8], ['参加人员', 30], ['协商纪要', 50]],
    items.map((a) => [a.heldOn, a.topic, a.platformName, a.countyName, a.town, a.village, a.membersCount, a.residentsCount, a.resultCount, a.participants, a.minutes]));
}

/** 协商成果清单 in Excel: the results as the list filters them, with their state, feedback and evaluation. */
export function resultsWorkbook(items: ResultItem[]): Promise<Buffer> {
  return sheet('协商成果清单', [['成果内容', 40], ['责任主体', 18], ['平台名称', 28], ['县（区）', 14], ['交办日期', 12], ['落实期限', 12], ['状态', 10], ['落实日期', 12], ['落实情况', 36], ['群众评价', 12]],
    items.map((r) => [r.content, r.responsibleBody, r.platformName, r.countyName, r.handedOn, r.dueDate, r.stateLabel, r.implementedOn ?? '', r.feedback ?? '', r.evaluationLabel ?? '']));
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};

export interface ImportRow { row: number; town: string; village: string; name: string; convenerName: string; convenerPhone: string | null; establishedOn: string }

/** Read and check the rows of an uploaded registry (pure apart from reading the file). */
export async function parseRegistry(content: Buffer, today: string): Promise<{ rows: ImportRow[]; errors: Array<{ row: number; message: string }> }> {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(content as unknown as ArrayBuffer); } catch { throw new AppError('VALIDATION_FAILED', '「文件」不是有效的 Excel 文件（.xlsx）', { field: 'file' }); }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', '「文件」没有工作表', { field: 'file' });
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
  const col = (name: string) => header.indexOf(name) + 1;
  const need = ['乡镇（街道）', '村（社区）', '平台名称', '召集人', '设立日期'];
  const missing = need.filter((n) => col(n) === 0);
  if (missing.length) throw new AppError('VALIDATION_FAILED', `「文件」缺少列：${missing.join('、')}`, { field: 'file' });
  const rows: ImportRow[] = [];
  const errors: Array<{ row: number; message: string }> = [];
  const seen = new Set<string>();
  for (let i = 2; i <= ws.rowCount; i++) {
    const r = ws.getRow(i);
    const get = (n: string) => (col(n) ? text(r.getCell(col(n)).value) : '');
    const item = { row: i, town: get('乡镇（街道）'), village: get('村（社区）'), name: get('平台名称'), convenerName: get('召集人'), convenerPhone: get('召集人电话') || null, establishedOn: get('设立日期') };
    if (!item.town && !item.village && !item.name && !item.convenerName) continue; // an empty line
    const bad = (m: string) => errors.push({ row: i, message: m });
    if (!item.town) bad('「乡镇（街道）」不能为空');
    else if (item.name.length < 2) bad('「平台名称」至少 2 个字');
    else if (!item.convenerName) bad('「召集人」不能为空');
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(item.establishedOn)) bad('「设立日期」应为 YYYY-MM-DD 格式的日期');
    else if (item.establishedOn > today) bad('「设立日期」不能晚于今天');
    else if (seen.has(`${item.town}/${item.village}`)) bad(`${item.town}${item.village}在文件中重复`);
    else { seen.add(`${item.town}/${item.village}`); rows.push(item); }
  }
  if (rows.length + errors.length > 50_000) throw new AppError('VALIDATION_FAILED', '「文件」行数超过 50,000', { field: 'file' });
  return { rows, errors };
}

/** 导入协商平台: every row into the actor's own county, in one unit of work, with one audit record and one event. */
export async function importRegistry(ctx: ModuleContext, actor: Actor, content: Buffer, ip?: string): Promise<number> {
  if (!managesPlatforms(actor)) throw new AppError('FORBIDDEN', '只有县（区）有事来商量工作人员可以导入协商平台');
  const { rows, errors } = await parseRegistry(content, ctx.calendar.today());
  const existing = new Set((await platformsDb(ctx.db).selectFrom('platforms_registry').select(['town', 'village']).where('tenant_id', '=', actor.tenantId).execute()).map((r) => `${r.town}/${r.village}`));
  for (const r of rows) if (existing.has(`${r.town}/${r.village}`)) errors.push({ row: r.row, message: `${r.town}${r.village}已有协商平台` });
  // a town's staff import their town's platforms only
  const town = await staffTownOf(ctx.db, actor.userId);
  if (town) for (const r of rows) if (r.town !== town) errors.push({ row: r.row, message: `乡镇（街道）只能是您负责的${town}` });
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError('VALIDATION_FAILED', `第 ${errors[0].row} 行：${errors[0].message}（共 ${errors.length} 行有误，未导入任何平台）`, {
      field: 'file', details: errors.slice(0, 200).map((e) => ({ field: `row.${e.row}`, message: e.message })),
    });
  }
  if (!rows.length) throw new AppError('VALIDATION_FAILED', '「文件」没有可导入的平台', { field: 'file' });
  await ctx.uow.run(async (w) => {
    await insertBatches(w.trx, 'platforms_registry', rows.map((r) => ({
      id: newId(), tenant_id: actor.tenantId, town: r.town, village: r.village, name: r.name, convener_user_id: null, convener_name: r.convenerName,
      convener_phone: r.convenerPhone, member_user_ids: '', established_on: r.establishedOn, active: 1, version: 1, created_at: w.now, updated_at: w.now,
    })));
    await w.audit({ tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'platforms_platform.import', entityType: 'platforms_platform', entityId: actor.tenantId, data: { added: rows.length }, ip });
    await w.emit({ type: 'platforms_platform.imported', tenantId: actor.tenantId, entityType: 'platforms_platform', entityId: actor.tenantId, actorId: actor.userId, audience: { userIds: [actor.userId], orgIds: [], roles: [] }, payload: { added: rows.length } });
  });
  return rows.length;
}
