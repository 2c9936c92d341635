/** Reads and writes of organisations, sectors and committees; every read is scoped to tenants. */
import type { AliasableExpression, ExpressionBuilder } from 'kysely';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { orgDb, type OrganizationDb } from './tables.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { AppError, invalid, notFound, versionConflict } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { buildTree, childLevelOf, descendantTenants, tenantForNew, type OrgKind, type OrgLevel } from '../domain/org-kinds.ts';
import type { CreateOrgBody, UpdateOrgBody } from '../contract.ts';
import { clock } from '../../../kernel/universal/clock.ts';

// the functions here are lookups other modules call with their own view of the database: each narrows it to this module's (orgDb)

export interface OrgRow {
  id: string;
  parent_id: string | null;
  kind: OrgKind;
  level: OrgLevel | null;
  name: string;
  short_name: string | null;
  code: string | null;
  sort: number;
  tenant_id: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export async function getOrg(anyDb: AnyModuleDb, id: string): Promise<OrgRow | undefined> {
  const db = orgDb(anyDb);
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** 租户: the CPPCC (city or county) an organisation belongs to; throws when the organisation does not exist. */
export async function tenantOf(anyDb: AnyModuleDb, orgId: string): Promise<string> {
  const db = orgDb(anyDb);
  const row = await db.selectFrom('organizations').select('tenant_id').where('id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('组织');
  return row.tenant_id;
}

/** Every CPPCC (tenant) on this installation. */
export async function allTenantIds(anyDb: AnyModuleDb): Promise<string[]> {
  const rows = await orgDb(anyDb).selectFrom('organizations').select('tenant_id').where('kind', '=', 'cppcc').orderBy('tenant_id').execute();
  return [...new Set(rows.map((r) => r.tenant_id))];
}

/** The tenants visible to an administrator of `tenantId`: their own and every CPPCC below it. */
export async function visibleTenantIds(anyDb: AnyModuleDb, tenantId: string): Promise<string[]> {
  const db = orgDb(anyDb);
  const cppccs = await db.selectFrom('organizations').select(['id', 'parent_id', 'tenant_id']).where('kind', '=', 'cppcc').execute();
  return descendantTenants(cppccs, tenantId);
}

/** Every organisation of the given tenants, ordered for display. */
export async function orgsOfTenants(anyDb: AnyModuleDb, tenantIds: string[]): Promise<OrgRow[]> {
  const db = orgDb(anyDb);
  if (tenantIds.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where('tenant_id', 'in', tenantIds)
    .orderBy('sort').orderBy('name').execute();
}

/** The organisation tree of a tenant and the CPPCCs below it (a city's tree contains its counties). */
export async function orgTree(anyDb: AnyModuleDb, tenantId: string) {
  const db = orgDb(anyDb);
  const rows = await orgsOfTenants(db, await visibleTenantIds(db, tenantId));
  return buildTree(rows);
}

export async function listUnits(anyDb: AnyModuleDb, tenantId: string) {
  const db = orgDb(anyDb);
  return db.selectFrom('organizations').select(['id', 'name', 'short_name', 'code'])
    .where('tenant_id', '=', tenantId).where('kind', '=', 'gov_unit').where('active', '=', 1)
    .orderBy('sort').orderBy('name').execute();
}

export async function listSectors(anyDb: AnyModuleDb, tenantId: string) {
  const db = orgDb(anyDb);
  return db.selectFrom('sectors').select(['id', 'name', 'sort']).where('tenant_id', '=', tenantId).orderBy('sort').orderBy('name').execute();
}

export async function listCommittees(anyDb: AnyModuleDb, tenantId: string) {
  const db = orgDb(anyDb);
  const rows = await db.selectFrom('organizations').select(['id', 'name', 'short_name'])
    .where('tenant_id', '=', tenantId).where('kind', '=', 'committee').where('active', '=', 1)
    .orderBy('sort').orderBy('name').execute();
  const counts = await db.selectFrom('committee_memberships').select(['committee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId).groupBy('committee_id').execute();
  const byId = new Map(counts.map((c) => [c.committee_id, Number(c.n)]));
  return rows.map((r) => ({ ...r, member_count: byId.get(r.id) ?? 0 }));
}

/** Create an organisation under a parent the actor administers; a CPPCC becomes a tenant of its own. */
export async function createOrg(anyDb: AnyModuleDb, dialect: DialectName, actor: Actor, input: CreateOrgBody): Promise<OrgRow> {
  const db = orgDb(anyDb);
  const visible = await visibleTenantIds(db, actor.tenantId);
  const parent = await getOrg(db, input.parentId);
  if (!parent || !visible.includes(parent.tenant_id)) throw invalid('parentId', '「上级组织」', '不存在或无权管理');
  let level: OrgLevel | null = null;
  if (input.kind === 'cppcc') {
    if (parent.kind !== 'cppcc') throw invalid('parentId', '「上级组织」', '必须是政协组织');
    const expected = childLevelOf(parent.level);
    if (!expected) throw invalid('level', '「层级」', '县级政协之下不能再设政协组织');
    if (input.level && input.level !== expected) throw invalid('level', '「层级」', `应为${expected === 'city' ? '市级' : '县级'}`);
    level = expected;
  } else if (input.level) {
    throw invalid('level', '「层级」', '只有政协组织才有层级');
  }
  const now = clock.iso();
  const id = newId();
  const row: OrgRow = {
    id, parent_id: parent.id, kind: input.kind, level, name: input.name, short_name: input.shortName ?? null,
    code: input.code ?? null, sort: input.sort ?? 0, tenant_id: tenantForNew(input.kind, id, parent),
    active: 1, version: 1, created_at: now, updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organizations').values(row).execute();
    await appendAudit(trx, dialect, {
      tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'org.create',
      entityType: 'organization', entityId: id, data: { name: row.name, kind: row.kind, parentId: row.parent_id },
    });
  });
  return row;
}

/** Update an organisation with an optimistic version check: a stale version gets a 409. */
export async function updateOrg(anyDb: AnyModuleDb, dialect: DialectName, actor: Actor, id: string, input: UpdateOrgBody): Promise<OrgRow> {
  const db = orgDb(anyDb);
  const visible = await visibleTenantIds(db, actor.tenantId);
  return db.transaction().execute(async (trx) => {
    const cur = await trx.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!cur || !visible.includes(cur.tenant_id)) throw notFound('组织');
    if (input.active === false && cur.id === actor.tenantId) throw new AppError('BAD_REQUEST', '不能停用自己所属的政协组织');
    const patch: Partial<OrgRow> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.shortName !== undefined) patch.short_name = input.shortName;
    if (input.code !== undefined) patch.code = input.code;
    if (input.sort !== undefined) patch.sort = input.sort;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    const now = clock.iso();
    const res = await trx.updateTable('organizations').set({ ...patch, version: input.version + 1, updated_at: now })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict('组织');
    await appendAudit(trx, dialect, {
      tenantId: cur.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'org.update',
      entityType: 'organization', entityId: id, data: { changes: patch, version: input.version + 1 },
    });
    return { ...cur, ...patch, version: input.version + 1, updated_at: now };
  });
}

/** 委员: the user ids of a CPPCC's members, as a subquery other modules can filter by (`where user in (…)`). */
export function memberIdsOf(anyDb: AnyModuleDb, tenantId: string) {
  const db = orgDb(anyDb);
  return db.selectFrom('member_profiles').select('member_profiles.user_id').where('member_profiles.tenant_id', '=', tenantId);
}

/** How many members a CPPCC has. */
export async function countMembers(anyDb: AnyModuleDb, tenantId: string): Promise<number> {
  const db = orgDb(anyDb);
  const r = await db.selectFrom('member_profiles').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** A member's place in one 专委会 or 界别: the subquery `memberGroupsOf` gives. */
export interface MemberGroupRow { user_id: string; group_id: string }
/** What other modules do with it: read its rows, or join their records to it under an alias. */
export type MemberGroupsQuery = AliasableExpression<MemberGroupRow> & { execute(): Promise<MemberGroupRow[]> };

/**
 * 专委会 and 界别 of a CPPCC's members as subqueries of (user_id, group_id) that other modules join their records to:
 * `committee` gives one row per committee membership (a member of two committees has two rows), `sector` one per member.
 */
export function memberGroupsOf(anyDb: AnyModuleDb, tenantId: string, by: 'committee' | 'sector'): MemberGroupsQuery {
  const db = orgDb(anyDb);
  return by === 'committee'
    ? db.selectFrom('committee_memberships').select(['committee_memberships.user_id as user_id', 'committee_memberships.committee_id as group_id'])
      .where('committee_memberships.tenant_id', '=', tenantId)
    : db.selectFrom('member_profiles').select(['member_profiles.user_id as user_id', 'member_profiles.sector_id as group_id'])
      .where('member_profiles.tenant_id', '=', tenantId).where('member_profiles.sector_id', 'is not', null).$narrowType<{ group_id: string }>();
}

/** The user ids of the members of one 专委会 or one 界别, as a subquery (`where user in (…)`) of a query or of an expression builder. */
export function memberIdsOfGroup(anyDb: Pick<AnyModuleDb, 'selectFrom'> | ExpressionBuilder<any, any>, tenantId: string, by: 'committee' | 'sector', groupId: string) {
  const db = anyDb as Pick<OrganizationDb, 'selectFrom'>;
  return by === 'committee'
    ? db.selectFrom('committee_memberships').select('committee_memberships.user_id').where('committee_memberships.tenant_id', '=', tenantId).where('committee_memberships.committee_id', '=', groupId)
    : db.selectFrom('member_profiles').select('member_profiles.user_id').where('member_profiles.tenant_id', '=', tenantId).where('member_profiles.sector_id', '=', groupId);
}

/** Display names and kinds of organisations by id (short name first). */
export async function orgNames(anyDb: AnyModuleDb, ids: readonly string[]): Promise<Map<string, { name: string; kind: OrgKind }>> {
  if (ids.length === 0) return new Map();
  const rows = await orgDb(anyDb).selectFrom('organizations').select(['id', 'name', 'short_name', 'kind']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { name: r.short_name ?? r.name, kind: r.kind }]));
}

/** Full names of organisations by id (the name as registered, not the short one). */
export async function orgFullNames(anyDb: AnyModuleDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await orgDb(anyDb).selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 委员 of a CPPCC with their 界别 (null where none is recorded), one entry per member. */
export async function memberSectorsOf(anyDb: AnyModuleDb, tenantId: string): Promise<Map<string, string | null>> {
  const rows = await orgDb(anyDb).selectFrom('member_profiles').select(['member_profiles.user_id', 'member_profiles.sector_id']).where('member_profiles.tenant_id', '=', tenantId).execute();
  return new Map(rows.map((m) => [m.user_id, m.sector_id]));
}

/** 委员档案 of one person: their 界别 and the phone on their profile; undefined when they have no member profile. */
export async function memberProfileOf(anyDb: AnyModuleDb, userId: string): Promise<{ sectorId: string | null; phone: string | null } | undefined> {
  const row = await orgDb(anyDb).selectFrom('member_profiles').select(['sector_id', 'phone']).where('user_id', '=', userId).executeTakeFirst();
  return row && { sectorId: row.sector_id, phone: row.phone };
}

/** Names of 界别 by id. */
export async function sectorNames(anyDb: AnyModuleDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await orgDb(anyDb).selectFrom('sectors').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of `userIds` are members (委员) of a CPPCC. */
export async function membersAmong(anyDb: AnyModuleDb, tenantId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await memberIdsOf(anyDb, tenantId).where('member_profiles.user_id', 'in', userIds).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Whether a user is a member (委员) of a CPPCC. */
export async function isMemberOf(anyDb: AnyModuleDb, tenantId: string, userId: string): Promise<boolean> {
  return (await membersAmong(anyDb, tenantId, [userId])).has(userId);
}

/** 常委: the user ids of a CPPCC's standing-committee members (`is_standing`). */
export async function standingMemberIdsOf(anyDb: AnyModuleDb, tenantId: string): Promise<string[]> {
  const rows = await orgDb(anyDb).selectFrom('member_profiles').select('user_id').where('tenant_id', '=', tenantId).where('is_standing', '=', 1).execute();
  return rows.map((r) => r.user_id);
}
