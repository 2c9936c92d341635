/**
 * 委员名录: the members of a CPPCC with sector, committees and the year's counts — proposals led, co-signed and merged
 * (one grouped query through the proposals index) and 社情民意 reported, accepted, adopted, instructed and points (by the
 * year-end ranking's rules, one read of the year's reports through the opinions index) — searched, filtered, sorted and paged here, and as
 * an Excel workbook. A city has hundreds of members, so the whole list is assembled in memory from five queries.
 */
import ExcelJS from 'exceljs';
import { invalid } from '../../../kernel/universal/errors.ts';
import { listCommittees, listSectors, memberGroupsOf, memberIdsOf } from '../../organizations/index.ts';
import { findPeople } from '../../identity/index.ts';
import { memberProposalCounts } from '../../proposals/index.ts';
import { memberReportCounts } from '../../opinions/index.ts';
import type { DirectoryItem, DirectoryQuery, ExportQuery } from '../contract.ts';
import { currentYear } from './record.ts';
import type { MembersDb } from './tables.ts';

/** Names in pinyin order (one collator: creating one per comparison costs more than the queries). */
const collator = new Intl.Collator('zh-CN');

export async function directoryFilters(db: MembersDb, tenantId: string) {
  const [sectors, committees] = await Promise.all([listSectors(db, tenantId), listCommittees(db, tenantId)]);
  return {
    sectors: sectors.map((s) => ({ id: String(s.id), name: String(s.name) })),
    committees: committees.map((c) => ({ id: String(c.id), name: String(c.short_name ?? c.name) })),
    currentYear: await currentYear(db, tenantId),
  };
}

/** Every member of the CPPCC with the year's counts, filtered and sorted as asked (not paged). */
export async function directoryRows(db: MembersDb, tenantId: string, q: ExportQuery): Promise<{ year: number; rows: DirectoryItem[] }> {
  const year = q.year ?? await currentYear(db, tenantId);
  const [memberRows, sectorRows, committeeRows, filters, proposalCounts, points] = await Promise.all([
    memberIdsOf(db, tenantId).execute(),
    memberGroupsOf(db, tenantId, 'sector').execute(),
    memberGroupsOf(db, tenantId, 'committee').execute(),
    directoryFilters(db, tenantId),
    memberProposalCounts(db, tenantId, { year }),
    memberReportCounts(db, tenantId, year),
  ]);
  if (q.sector && !filters.sectors.some((s) => s.id === q.sector)) throw invalid('sector', '「界别」', '不存在');
  if (q.committee && !filters.committees.some((c) => c.id === q.committee)) throw invalid('committee', '「专委会」', '不存在');
  const ids = (memberRows as any[]).map((m) => String(m.user_id));
  const people = await findPeople(db, ids);
  const sectorName = new Map(filters.sectors.map((s) => [s.id, s.name]));
  const committeeName = new Map(filters.committees.map((c) => [c.id, c.name]));
  const sectorOf = new Map((sectorRows as any[]).map((r) => [String(r.user_id), String(r.group_id)]));
  const committeesOf = new Map<string, Array<{ id: string; name: string }>>();
  for (const r of committeeRows as any[]) {
    const list = committeesOf.get(String(r.user_id)) ?? [];
    list.push({ id: String(r.group_id), name: committeeName.get(String(r.group_id)) ?? '专门委员会' });
    committeesOf.set(String(r.user_id), list);
  }
  const proposalsOf = new Map(proposalCounts.map((p) => [p.userId, p]));
  const needle = q.q?.trim();
  let rows: DirectoryItem[] = [];
  for (const userId of ids) {
    const person = people.get(userId);
    if (!person) continue; // a deactivated account is no longer listed
    const sectorId = sectorOf.get(userId) ?? null;
    const committees = committeesOf.get(userId) ?? [];
    if (needle && !person.name.includes(needle)) continue;
    if (q.sector && sectorId !== q.sector) continue;
    if (q.committee && !committees.some((c) => c.id === q.committee)) continue;
    const p = proposalsOf.get(userId);
    const o = points.get(userId);
    rows.push({
      userId, name: person.name, sectorId, sectorName: sectorId ? sectorName.get(sectorId) ?? null : null, committees,
      led: p?.led ?? 0, cosigned: p?.cosigned ?? 0, merged: p?.merged ?? 0,
      reports: o?.submitted ?? 0, accepted: o?.accepted ?? 0, adopted: o?.adopted ?? 0, instructed: o?.instructed ?? 0, points: o?.points ?? 0,
    });
  }
  const key = q.sort ?? 'points';
  const dir = (q.order ?? (key === 'name' ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
  const byName = (a: DirectoryItem, b: DirectoryItem) => collator.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  rows = rows.sort(key === 'name' ? (a, b) => dir * byName(a, b) : (a, b) => dir * (a[key] - b[key]) || byName(a, b));
  return { year, rows };
}

export async function directoryPageOf(db: MembersDb, tenantId: string, q: DirectoryQuery) {
  const { year, rows } = await directoryRows(db, tenantId, q);
  const start = (q.page - 1) * q.pageSize;
  return { year, items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}

/** 委员名录 as Excel: one row per member with the year's counts. */
export async function directoryWorkbook(tenantName: string, year: number, rows: DirectoryItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '智慧政协';
  const ws = wb.addWorksheet('委员名录', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 12 }, { width: 16 }, { width: 30 }, { width: 10 }, { width: 10 }, { width: 8 }, { width: 10 }, { width: 8 }, { width: 8 }, { width: 8 }, { width: 8 }];
  ws.addRow([`${tenantName}委员名录（${year}年度履职情况）`]).font = { bold: true, size: 14, name: '黑体' };
  ws.mergeCells(1, 1, 1, 12);
  const head = ws.addRow(['序号', '姓名', '界别', '专委会', '领衔提案', '附议提案', '并案', '报送信息', '录用', '被采用', '批示', '积分']);
  head.font = { bold: true, name: '宋体' };
  head.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; c.border = { bottom: { style: 'thin' } }; });
  rows.forEach((r, i) => ws.addRow([
    i + 1, r.name, r.sectorName ?? '', r.committees.map((c) => c.name).join('、'),
    r.led, r.cosigned, r.merged, r.reports, r.accepted, r.adopted, r.instructed, r.points,
  ]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
