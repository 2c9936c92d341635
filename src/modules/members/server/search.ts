/**
 * 选择委员: the members of the caller's CPPCC for a picker (联名委员), searched by name and narrowed by 界别 and 专委会,
 * in pinyin order, paged. Only active accounts holding the 委员 role are listed, the caller excepted, so whoever is
 * picked can be invited. A city has hundreds of members: the list is assembled in memory from four reads.
 */
import { invalid } from '../../../kernel/universal/errors.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { listCommittees, listSectors, memberGroupsOf, memberIdsOf } from '../../organizations/index.ts';
import { findPeople } from '../../identity/index.ts';
import type { MemberSearchGroups, MemberSearchItem, MemberSearchPage, MemberSearchQuery } from '../contract.ts';
import type { MembersDb } from './tables.ts';

const collator = new Intl.Collator('zh-CN');

export async function memberSearchGroups(db: MembersDb, tenantId: string): Promise<MemberSearchGroups> {
  const [sectors, committees] = await Promise.all([listSectors(db, tenantId), listCommittees(db, tenantId)]);
  return {
    sectors: sectors.map((s) => ({ id: String(s.id), name: String(s.name) })),
    committees: committees.map((c) => ({ id: String(c.id), name: String(c.short_name ?? c.name) })),
  };
}

export async function searchMembers(db: MembersDb, actor: Actor, q: MemberSearchQuery): Promise<MemberSearchPage> {
  const tenantId = actor.tenantId;
  const [memberRows, sectorRows, committeeRows, groups] = await Promise.all([
    memberIdsOf(db, tenantId).execute(),
    memberGroupsOf(db, tenantId, 'sector').execute(),
    memberGroupsOf(db, tenantId, 'committee').execute(),
    memberSearchGroups(db, tenantId),
  ]);
  if (q.sector && !groups.sectors.some((s) => s.id === q.sector)) throw invalid('sector', '「界别」', '不是本级政协的界别');
  if (q.committee && !groups.committees.some((c) => c.id === q.committee)) throw invalid('committee', '「专委会」', '不是本级政协的专委会');
  const sectorName = new Map(groups.sectors.map((s) => [s.id, s.name]));
  const committeeName = new Map(groups.committees.map((c) => [c.id, c.name]));
  const sectorOf = new Map(sectorRows.map((r) => [String(r.user_id), String(r.group_id)]));
  const committeesOf = new Map<string, string[]>();
  for (const r of committeeRows) {
    const list = committeesOf.get(String(r.user_id)) ?? [];
    list.push(String(r.group_id));
    committeesOf.set(String(r.user_id), list);
  }
  const ids = memberRows.map((m) => String(m.user_id)).filter((id) => id !== actor.userId);
  const people = await findPeople(db, ids);
  const needle = q.q?.trim();
  const rows: MemberSearchItem[] = [];
  for (const userId of ids) {
    const person = people.get(userId);
    // a deactivated account, one of another CPPCC or one without the 委员 role cannot be invited
    if (!person || person.tenantId !== tenantId || !person.roles.includes('member')) continue;
    if (needle && !person.name.includes(needle)) continue;
    const sectorId = sectorOf.get(userId) ?? null;
    const committees = committeesOf.get(userId) ?? [];
    if (q.sector && sectorId !== q.sector) continue;
    if (q.committee && !committees.includes(q.committee)) continue;
    rows.push({
      userId, name: person.name, sectorName: sectorId ? sectorName.get(sectorId) ?? null : null,
      committees: committees.map((c) => committeeName.get(c) ?? '专门委员会'),
    });
  }
  rows.sort((a, b) => collator.compare(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const start = (q.page - 1) * q.pageSize;
  return { items: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
}
