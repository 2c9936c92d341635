/**
 * 委员管理 as Excel: the export (one row per member, their latest term; contact details as the viewer may see them)
 * and the import of the same columns. An import checks every row (the member by 用户名 among this CPPCC's members,
 * 界别, 专委会, 届次, dates, posts) and writes nothing if any row is wrong, answering each wrong row with its fields in
 * Chinese; a cell of masked contact details (with *) leaves the stored value as it is.
 */
import ExcelJS from 'exceljs';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import {
  checkRegistryPatch, committeeRoles, leaveReasons, listCommittees, listSectors, termLabel, termNumberOf, termPosts, writeRegistry,
  type RegistryPatch, type RegistryTermRow,
} from '../../organizations/index.ts';
import { assembleRegistry, presentItem, requireRegistryManager, type Assembled } from './registry.ts';

export const registryColumns = [
  '用户名', '姓名', '性别', '界别', '党派', '工作单位及职务', '届次', '任职日期', '离任日期', '离任原因', '常委', '职务', '专委会',
  '联系电话', '电子邮箱', '通讯地址', '专长', '关注领域',
] as const;
type Column = (typeof registryColumns)[number];
const HEADER_ROW = 2;

/** 委员管理 workbook: a title, the header, one row per member. */
export async function registryWorkbook(tenantName: string, rows: Assembled[], viewer: Actor): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  const ws = wb.addWorksheet('委员档案', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = registryColumns.map((c) => ({ width: ['工作单位及职务', '专委会', '通讯地址', '专长', '关注领域'].includes(c) ? 28 : c === '电子邮箱' ? 24 : 12 }));
  ws.addRow([`${tenantName}委员档案`]).font = { bold: true, size: 14, name: '黑体' };
  ws.mergeCells(1, 1, 1, registryColumns.length);
  const head = ws.addRow([...registryColumns]);
  head.font = { bold: true, name: '宋体' };
  head.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; c.border = { bottom: { style: 'thin' } }; });
  for (const a of rows) {
    const item = presentItem(a, viewer);
    const t = a.row.terms[0];
    ws.addRow([
      item.username, item.name, item.gender ?? '', item.sectorName ?? '', item.party ?? '', item.workplace ?? '',
      t ? termLabel(t.termNo) : '', t?.joinedOn ?? '', t?.leftOn ?? '', t?.leftReason ?? '', item.standing ? '是' : '否', item.posts.join('、'),
      item.committees.map((c) => (c.role === '委员' ? c.name : `${c.name}（${c.role}）`)).join('、'),
      item.phone ?? '', item.email ?? '', item.address ?? '', a.row.skills.join('、'), a.row.fields.join('、'),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};
const splitList = (s: string) => s.split(/[、,，;；\s]+/).map((x) => x.trim()).filter(Boolean);
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

interface ParsedRow { row: number; userId: string; version: number; patch: RegistryPatch; name: string }

/** Read and check every row; the problems, each naming its row and field in Chinese. */
async function parseRegistryImport(ctx: Pick<ModuleContext, 'db' | 'settings'>, actor: Actor, content: Buffer) {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(content as any); } catch { throw new AppError('VALIDATION_FAILED', '「文件」不是有效的 Excel（.xlsx）文件', { field: 'file' }); }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', '「文件」没有工作表', { field: 'file' });
  // the header row: the export's second row, or the first when a file has no title
  let headerAt = 0;
  for (const r of [1, 2]) if (cellText(ws.getRow(r).getCell(1).value) === '用户名') headerAt = r;
  if (!headerAt) throw new AppError('VALIDATION_FAILED', '「文件」第一列表头应为「用户名」（请使用导出的委员档案格式）', { field: 'file' });
  const colOf = new Map<string, number>();
  ws.getRow(headerAt).eachCell((c, i) => colOf.set(cellText(c.value), i));
  const missing = registryColumns.filter((c) => !colOf.has(c));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `「文件」缺少列：${missing.join('、')}`, { field: 'file' });

  const [members, sectors, committees] = await Promise.all([assembleRegistry(ctx.db, actor.tenantId), listSectors(ctx.db, actor.tenantId), listCommittees(ctx.db, actor.tenantId)]);
  const byUsername = new Map(members.map((m) => [m.username, m]));
  const sectorByName = new Map(sectors.map((s) => [s.name, s.id]));
  const committeeByName = new Map<string, string>();
  for (const c of committees) { committeeByName.set(c.name, c.id); if (c.short_name) committeeByName.set(c.short_name, c.id); }

  const rows: ParsedRow[] = [];
  const errors: Array<{ row: number; message: string }> = [];
  const seen = new Set<string>();
  for (let n = headerAt + 1; n <= ws.rowCount; n++) {
    const get = (c: Column) => cellText(ws.getRow(n).getCell(colOf.get(c)!).value);
    if (registryColumns.every((c) => get(c) === '')) continue;
    const problems: string[] = [];
    const bad = (label: string, msg: string) => problems.push(`「${label}」${msg}`);
    const username = get('用户名');
    const m = byUsername.get(username);
    if (!username) bad('用户名', '不能为空');
    else if (!m) bad('用户名', `${username}不是本级政协的委员`);
    else if (seen.has(username)) bad('用户名', `${username}重复`);
    seen.add(username);
    const gender = get('性别');
    if (gender && gender !== '男' && gender !== '女') bad('性别', '应为男或女');
    const sectorName = get('界别');
    const sectorId = sectorName ? sectorByName.get(sectorName) : null;
    if (sectorName && !sectorId) bad('界别', `${sectorName}不是本级政协的界别`);
    const termNo = termNumberOf(get('届次'));
    if (!termNo) bad('届次', '应为如「十四届」的届次');
    const joinedOn = get('任职日期');
    if (!isDate(joinedOn)) bad('任职日期', '应为 YYYY-MM-DD 格式的日期');
    const leftOn = get('离任日期') || null;
    if (leftOn && !isDate(leftOn)) bad('离任日期', '应为 YYYY-MM-DD 格式的日期');
    else if (leftOn && isDate(joinedOn) && leftOn < joinedOn) bad('离任日期', '不能早于任职日期');
    const leftReason = get('离任原因') || null;
    if (leftReason && !(leaveReasons as readonly string[]).includes(leftReason)) bad('离任原因', `应为${leaveReasons.join('、')}之一`);
    if (leftOn && !leftReason) bad('离任原因', '填写了离任日期时必须填写');
    if (!leftOn && leftReason) bad('离任日期', '填写了离任原因时必须填写');
    const standingText = get('常委');
    if (standingText && standingText !== '是' && standingText !== '否') bad('常委', '应为是或否');
    const posts = splitList(get('职务'));
    for (const p of posts) if (!(termPosts as readonly string[]).includes(p)) bad('职务', `${p}不是可选的职务（${termPosts.join('、')}）`);
    const committeeList: Array<{ committeeId: string; role: string }> = [];
    for (const part of splitList(get('专委会'))) {
      const mm = /^(.+?)[（(](.+)[)）]$/.exec(part);
      const cname = mm ? mm[1] : part;
      const role = mm ? mm[2] : '委员';
      const id = committeeByName.get(cname);
      if (!id) bad('专委会', `${cname}不是本级政协的专门委员会`);
      else if (!(committeeRoles as readonly string[]).includes(role)) bad('专委会', `${cname}的职务应为${committeeRoles.join('、')}之一`);
      else committeeList.push({ committeeId: id, role });
    }
    const phone = get('联系电话');
    if (phone && !phone.includes('*') && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) bad('联系电话', '应为 11 位手机号或带区号的固定电话');
    const email = get('电子邮箱');
    if (email && !email.includes('*') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) bad('电子邮箱', '格式不正确');
    const address = get('通讯地址');
    if (problems.length || !m || !termNo) { errors.push({ row: n, message: problems.join('；') }); continue; }
    // the row's term replaces that term of the member; their other terms stay
    const term: RegistryTermRow = { termNo, joinedOn, leftOn, leftReason, standing: standingText === '是', posts: posts.length ? posts : [standingText === '是' ? '常委' : '委员'] };
    const terms = [...m.row.terms.filter((t) => t.termNo !== termNo), term];
    const patch: RegistryPatch = {
      gender: gender || null, sectorId: sectorId ?? null, party: get('党派') || null, workplace: get('工作单位及职务') || null,
      skills: splitList(get('专长')), fields: splitList(get('关注领域')), committees: committeeList, terms,
    };
    if (!phone.includes('*')) patch.phone = phone || null;
    if (!email.includes('*')) patch.email = email || null;
    if (!address.includes('*')) patch.address = address || null;
    rows.push({ row: n, userId: m.row.userId, version: m.row.version, patch, name: m.name });
  }
  return { rows, errors };
}

/** Import the registry: every row checked, all written in one unit of work or none. */
export async function importRegistry(ctx: ModuleContext, actor: Actor, content: Buffer, ip?: string): Promise<{ updated: number }> {
  requireRegistryManager(actor);
  const { rows, errors } = await parseRegistryImport(ctx, actor, content);
  // the checks of the stored data's own rules (a second look, naming the row)
  for (const r of rows) {
    try { await checkRegistryPatch(ctx.db, actor.tenantId, r.patch); } catch (e) { errors.push({ row: r.row, message: (e as Error).message }); }
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError('VALIDATION_FAILED', `第 ${errors[0].row} 行：${errors[0].message}（共 ${errors.length} 行有误，未导入任何委员）`, {
      field: 'file', details: errors.slice(0, 200).map((e) => ({ field: `row.${e.row}`, message: `第 ${e.row} 行：${e.message}` })),
    });
  }
  if (!rows.length) throw new AppError('VALIDATION_FAILED', '「文件」没有可导入的委员', { field: 'file' });
  await ctx.uow.run(async (w) => {
    for (const r of rows) await writeRegistry(w.trx, actor.tenantId, r.userId, r.version, r.patch, w.now);
    await w.auditAll(rows.map((r) => ({
      tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'member_registry.import', entityType: 'member_registry', entityId: r.userId,
      data: { row: r.row }, ip,
    })));
  });
  return { updated: rows.length };
}
