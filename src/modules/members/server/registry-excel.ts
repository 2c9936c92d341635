/**
 * 委员管理 as Excel: the export (one row per member, their latest term; contact details as the viewer may see them),
 * the blank template, and the import of the same columns. An import checks every row (界别, 专委会, 届次, dates, posts,
 * phone, 身份证号) and writes nothing if any row is wrong, answering each wrong row with its fields in Chinese. A row
 * is an existing member of this CPPCC when its 用户名, its 身份证号 or its mobile number is theirs (in that order): that
 * member is updated, never added twice; any other row is a new member (委员 account, initial password to hand out).
 * A cell of masked contact details (with *) leaves the stored value as it is.
 */
import { createHmac } from 'node:crypto';
import ExcelJS from 'exceljs';
import { SecretKeyError, currentSecretKeys } from '../../../kernel/server/secrets.ts';
import { insertPreparedUsers, prepareUsers, takenUsernames, temporaryPassword, type NewUser } from '../../identity/index.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { AppError } from '../../../kernel/universal/errors.ts';
import {
  checkRegistryPatch, committeeRoles, leaveReasons, listCommittees, listSectors, termLabel, termNumberOf, termPosts, writeRegistry,
  type RegistryPatch, type RegistryTermRow,
} from '../../organizations/index.ts';
import { assembleRegistry, presentItem, requireRegistryManager, type Assembled } from './registry.ts';
import { membersDb } from './tables.ts';

export const registryColumns = [
  '用户名', '姓名', '性别', '界别', '党派', '工作单位及职务', '届次', '任职日期', '离任日期', '离任原因', '常委', '职务', '专委会',
  '联系电话', '电子邮箱', '通讯地址', '专长', '关注领域',
] as const;
/** columns a file may leave out (files exported before they existed still import) */
export const optionalColumns = ['身份证号'] as const;
type Column = (typeof registryColumns)[number] | (typeof optionalColumns)[number];
const allColumns: readonly Column[] = [...registryColumns, ...optionalColumns];
const HEADER_ROW = 2;

/** 委员管理 workbook: a title, the header, one row per member. */
export async function registryWorkbook(tenantName: string, rows: Assembled[], viewer: Actor): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  const ws = wb.addWorksheet('委员档案', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  headerOf(ws, `${tenantName}委员档案`);
  for (const a of rows) {
    const item = presentItem(a, viewer);
    const t = a.row.terms[0];
    ws.addRow([
      item.username, item.name, item.gender ?? '', item.sectorName ?? '', item.party ?? '', item.workplace ?? '',
      t ? termLabel(t.termNo) : '', t?.joinedOn ?? '', t?.leftOn ?? '', t?.leftReason ?? '', item.standing ? '是' : '否', item.posts.join('、'),
      item.committees.map((c) => (c.role === '委员' ? c.name : `${c.name}（${c.role}）`)).join('、'),
      item.phone ?? '', item.email ?? '', item.address ?? '', a.row.skills.join('、'), a.row.fields.join('、'), '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The title and the header row of a registry sheet (the export's and the template's). */
function headerOf(ws: ExcelJS.Worksheet, title: string) {
  ws.columns = allColumns.map((c) => ({ width: ['工作单位及职务', '专委会', '通讯地址', '专长', '关注领域'].includes(c) ? 28 : c === '电子邮箱' || c === '身份证号' ? 24 : 12 }));
  ws.addRow([title]).font = { bold: true, size: 14, name: '黑体' };
  ws.mergeCells(1, 1, 1, allColumns.length);
  const head = ws.addRow([...allColumns]);
  head.font = { bold: true, name: '宋体' };
  head.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; c.border = { bottom: { style: 'thin' } }; });
}

/** 委员档案导入模板: the header, lists to pick 性别/界别/常委 from, and a sheet of instructions. */
export async function registryTemplate(tenantName: string, sectors: string[], committees: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  const ws = wb.addWorksheet('委员档案', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  headerOf(ws, `${tenantName}委员档案（导入模板）`);
  const col = (c: Column) => allColumns.indexOf(c) + 1;
  const lists = wb.addWorksheet('可选值');
  lists.columns = [{ header: '界别', width: 24 }, { header: '专委会', width: 28 }];
  sectors.forEach((name, i) => { lists.getCell(i + 2, 1).value = name; });
  committees.forEach((name, i) => { lists.getCell(i + 2, 2).value = name; });
  for (let r = HEADER_ROW + 1; r <= HEADER_ROW + 500; r++) {
    ws.getCell(r, col('性别')).dataValidation = { type: 'list', allowBlank: true, formulae: ['"男,女"'] };
    ws.getCell(r, col('常委')).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    if (sectors.length) ws.getCell(r, col('界别')).dataValidation = { type: 'list', allowBlank: true, formulae: [`'可选值'!$A$2:$A$${sectors.length + 1}`] };
    ws.getCell(r, col('任职日期')).numFmt = '@';
    ws.getCell(r, col('离任日期')).numFmt = '@';
    ws.getCell(r, col('身份证号')).numFmt = '@';
    ws.getCell(r, col('联系电话')).numFmt = '@';
  }
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 90 }];
  for (const line of [
    ['用户名', '已有委员填其用户名；新委员可不填（以手机号为用户名）'],
    ['姓名', '新委员必填'],
    ['届次', '必填，如「十四届」'],
    ['任职日期', '必填，YYYY-MM-DD；离任日期与离任原因同时填写或同时不填'],
    ['常委', '是或否；职务可填多个，用顿号分隔（主席、副主席、秘书长、常委、委员）'],
    ['专委会', '多个用顿号分隔；担任主任、副主任时写作「提案委员会（副主任）」'],
    ['联系电话', '新委员必填 11 位手机号；已有委员可按手机号对应'],
    ['身份证号', '选填，18 位；用于对应已有委员，只保存其摘要，不显示、不导出'],
    ['导入规则', '有一行不合格则整个文件不导入，逐行列出错误；已有委员（按用户名、身份证号或手机号对应）更新档案，不会重复新增'],
  ]) help.addRow(line);
  help.getColumn(1).font = { bold: true };
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

/** 身份证号 (GB 11643): 17 digits and a check character (0–9 or X) that matches. */
export function idNumberProblem(v: string): string | null {
  if (!/^\d{17}[\dX]$/.test(v)) return '应为 18 位（最后一位可为 X）';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, k, i) => acc + k * Number(v[i]), 0);
  if ('10X98765432'[sum % 11] !== v[17]) return '校验位不正确';
  return null;
}

/** The keyed digest a 身份证号 is kept as (HMAC with a key derived from the server's secret key, per CPPCC). */
export function idNumberDigest(tenantId: string, idNumber: string): string {
  // no fixed stand-in key: digests made without the server's key would stop matching once it is loaded
  const keys = currentSecretKeys();
  if (!keys) throw new SecretKeyError('没有加载密钥（SECRET_KEY 或数据目录中的 secret.key），无法核对身份证号');
  const key = keys.derive('member-id-number', 32);
  return createHmac('sha256', key).update(`${tenantId}\u0000${idNumber}`).digest('base64url');
}

interface ParsedRow {
  row: number; patch: RegistryPatch; name: string; digest: string | null;
  /** the existing member updated, or a new member's account */
  existing: { userId: string; version: number } | null;
  account?: NewUser;
}

/** Read and check every row; the problems, each naming its row and field in Chinese. */
async function parseRegistryImport(ctx: Pick<ModuleContext, 'db' | 'settings'>, actor: Actor, content: Buffer) {
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(content as any); } catch { throw new AppError('VALIDATION_FAILED', '「文件」不是有效的 Excel（.xlsx）文件', { field: 'file' }); }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', '「文件」没有工作表', { field: 'file' });
  // the header row: the export's second row, or the first when a file has no title
  let headerAt = 0;
  for (const r of [1, 2]) if (cellText(ws.getRow(r).getCell(1).value) === '用户名') headerAt = r;
  if (!headerAt) throw new AppError('VALIDATION_FAILED', '「文件」第一列表头应为「用户名」（请使用导出的委员档案或导入模板的格式）', { field: 'file' });
  const colOf = new Map<string, number>();
  ws.getRow(headerAt).eachCell((c, i) => colOf.set(cellText(c.value), i));
  const missing = registryColumns.filter((c) => !colOf.has(c));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `「文件」缺少列：${missing.join('、')}`, { field: 'file' });

  const [members, sectors, committees, digests] = await Promise.all([
    assembleRegistry(ctx.db, actor.tenantId), listSectors(ctx.db, actor.tenantId), listCommittees(ctx.db, actor.tenantId),
    membersDb(ctx.db).selectFrom('member_id_numbers').select(['user_id', 'digest']).where('tenant_id', '=', actor.tenantId).execute(),
  ]);
  const byUsername = new Map(members.map((m) => [m.username, m]));
  const byUserId = new Map(members.map((m) => [m.row.userId, m]));
  const byDigest = new Map(digests.map((d) => [d.digest, byUserId.get(d.user_id)]));
  const byPhone = new Map<string, Assembled>();
  for (const m of members) if (m.row.phone) byPhone.set(m.row.phone, m);
  const sectorByName = new Map(sectors.map((s) => [s.name, s.id]));
  const committeeByName = new Map<string, string>();
  for (const c of committees) { committeeByName.set(c.name, c.id); if (c.short_name) committeeByName.set(c.short_name, c.id); }

  // 用户名 not of this CPPCC's members but taken by another account (another CPPCC's member, staff)
  const named: string[] = [];
  for (let n = headerAt + 1; n <= ws.rowCount; n++) {
    const u = cellText(ws.getRow(n).getCell(colOf.get('用户名')!).value);
    if (u && !byUsername.has(u)) named.push(u);
  }
  const takenElsewhere = await takenUsernames(ctx.db, [...new Set(named)]);

  const rows: ParsedRow[] = [];
  const errors: Array<{ row: number; message: string }> = [];
  // a member, a new username, a 身份证号 or a phone met on an earlier row: the row it was on
  const seen = new Map<string, number>();
  const once = (key: string, n: number) => { const at = seen.get(key); if (at === undefined) seen.set(key, n); return at; };
  for (let n = headerAt + 1; n <= ws.rowCount; n++) {
    const get = (c: Column) => (colOf.has(c) ? cellText(ws.getRow(n).getCell(colOf.get(c)!).value) : '');
    if (allColumns.every((c) => get(c) === '')) continue;
    const problems: string[] = [];
    const bad = (label: string, msg: string) => problems.push(`「${label}」${msg}`);
    const username = get('用户名');
    const name = get('姓名');
    const phone = get('联系电话');
    const idNumber = get('身份证号').toUpperCase();
    const idProblem = idNumber ? idNumberProblem(idNumber) : null;
    if (idProblem) bad('身份证号', idProblem);
    const digest = idNumber && !idProblem ? idNumberDigest(actor.tenantId, idNumber) : null;
    // which member the row is: by 用户名, else by 身份证号, else by the mobile number
    const byName = username ? byUsername.get(username) : undefined;
    const byId = digest ? byDigest.get(digest) : undefined;
    const byMobile = phone && !phone.includes('*') ? byPhone.get(phone) : undefined;
    const m = byName ?? byId ?? byMobile;
    if (username && !byName && takenElsewhere.has(username)) bad('用户名', `${username}不是本级政协的委员`);
    else if (username && !byName && m) bad('用户名', `与按${byId ? '身份证号' : '手机号'}对应的委员${m.name}（${m.username}）不符`);
    if (m && byId && byId !== m) bad('身份证号', `已登记为委员${byId.name}的身份证号`);
    if (m) {
      const at = once(`user:${m.row.userId}`, n);
      if (at !== undefined) bad(byName ? '用户名' : byId ? '身份证号' : '联系电话', `与第 ${at} 行是同一位委员`);
    } else {
      if (!name) bad('姓名', '新委员不能为空');
      if (!/^1\d{10}$/.test(phone)) bad('联系电话', '新委员应填写 11 位手机号');
      const login = username || phone;
      if (login && !/^[A-Za-z0-9._-]{3,64}$/.test(login)) bad('用户名', '只能包含字母、数字和 . _ -，3 至 64 位');
      else if (login) {
        const at = once(`new:${login}`, n);
        if (at !== undefined) bad('用户名', `${login}与第 ${at} 行重复`);
      }
    }
    if (digest) { const at = once(`id:${digest}`, n); if (at !== undefined && !problems.length) bad('身份证号', `与第 ${at} 行重复`); }
    if (phone && !phone.includes('*') && !m) { const at = once(`phone:${phone}`, n); if (at !== undefined && !problems.length) bad('联系电话', `与第 ${at} 行重复`); }
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
    if (phone && !phone.includes('*') && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) bad('联系电话', '应为 11 位手机号或带区号的固定电话');
    const email = get('电子邮箱');
    if (email && !email.includes('*') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) bad('电子邮箱', '格式不正确');
    const address = get('通讯地址');
    if (problems.length || !termNo) { errors.push({ row: n, message: [...new Set(problems)].join('；') }); continue; }
    // the row's term replaces that term of the member; their other terms stay
    const term: RegistryTermRow = { termNo, joinedOn, leftOn, leftReason, standing: standingText === '是', posts: posts.length ? posts : [standingText === '是' ? '常委' : '委员'] };
    const terms = [...(m?.row.terms ?? []).filter((t) => t.termNo !== termNo), term];
    const patch: RegistryPatch = {
      gender: gender || null, sectorId: sectorId ?? null, party: get('党派') || null, workplace: get('工作单位及职务') || null,
      skills: splitList(get('专长')), fields: splitList(get('关注领域')), committees: committeeList, terms,
    };
    if (!phone.includes('*')) patch.phone = phone || null;
    if (!email.includes('*')) patch.email = email || null;
    if (!address.includes('*')) patch.address = address || null;
    if (m) rows.push({ row: n, existing: { userId: m.row.userId, version: m.row.version }, patch, name: m.name, digest });
    else {
      rows.push({
        row: n, existing: null, patch, name, digest,
        account: { tenantId: actor.tenantId, orgId: actor.tenantId, username: username || phone, displayName: name, password: temporaryPassword(), roles: [{ code: 'member' }], phone, email: patch.email ?? null, mustChangePassword: true },
      });
    }
  }
  // a new member's username (the phone when none is given) must be free in the whole system
  const fresh = rows.filter((r) => r.account);
  const taken = await takenUsernames(ctx.db, fresh.map((r) => r.account!.username));
  for (const r of fresh) if (taken.has(r.account!.username)) errors.push({ row: r.row, message: `「用户名」${r.account!.username}已被其他账号使用，请另填用户名` });
  return { rows, errors };
}

/** An account made by an import: the office hands the initial password to the member (changed at first sign-in). */
export interface ImportedAccount { row: number; name: string; username: string; initialPassword: string }

/** Import the registry: every row checked, all written in one unit of work or none. */
export async function importRegistry(ctx: ModuleContext, actor: Actor, content: Buffer, ip?: string): Promise<{ updated: number; created: number; accounts: ImportedAccount[] }> {
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
  const fresh = rows.filter((r) => r.account);
  const prepared = await prepareUsers(ctx.db, fresh.map((r) => r.account!));
  await ctx.uow.run(async (w) => {
    const ids = await insertPreparedUsers(w.trx, actor.tenantId, prepared, w.now);
    const userIdOf = new Map(fresh.map((r, i) => [r, ids[i]]));
    const mdb = membersDb(w.trx);
    for (const r of rows) {
      const userId = r.existing?.userId ?? userIdOf.get(r)!;
      await writeRegistry(w.trx, actor.tenantId, userId, r.existing?.version ?? null, r.patch, w.now);
      if (r.digest) {
        await mdb.deleteFrom('member_id_numbers').where('tenant_id', '=', actor.tenantId).where('user_id', '=', userId).execute();
        await mdb.insertInto('member_id_numbers').values({ tenant_id: actor.tenantId, user_id: userId, digest: r.digest, updated_at: w.now }).execute();
      }
    }
    await w.auditAll([
      ...fresh.map((r) => ({
        tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'user.create', entityType: 'user', entityId: userIdOf.get(r)!,
        data: { username: r.account!.username, orgId: actor.tenantId, roles: ['member'], via: 'member_registry.import' }, ip,
      })),
      ...rows.map((r) => ({
        tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.displayName, action: 'member_registry.import', entityType: 'member_registry',
        entityId: r.existing?.userId ?? userIdOf.get(r)!, data: { row: r.row, created: !r.existing }, ip,
      })),
    ]);
  });
  return {
    updated: rows.length - fresh.length, created: fresh.length,
    accounts: fresh.map((r) => ({ row: r.row, name: r.name, username: r.account!.username, initialPassword: r.account!.password })),
  };
}
