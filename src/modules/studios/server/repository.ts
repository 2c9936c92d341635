/**
 * Reading 委员工作室 (Kysely, both databases). Every list is one base query per record kind, filtered by the actor's
 * CPPCC and the query's studio, period and member; the figures count the very same query, so a figure equals its list.
 */
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { studiosDb, type StudioRow } from './tables.ts';

export interface Period { from?: string; to?: string }
export interface ListFilter extends Period { studioId?: string; userId?: string }

export async function findStudio(db: AnyModuleDb, id: string): Promise<(StudioRow & { memberIds: string[] }) | undefined> {
  const s = await studiosDb(db).selectFrom('studios').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  return { ...s, memberIds: await memberIdsOf(db, id) };
}

export async function memberIdsOf(db: AnyModuleDb, studioId: string): Promise<string[]> {
  const rows = await studiosDb(db).selectFrom('studio_members').select('user_id').where('studio_id', '=', studioId).execute();
  return rows.map((r) => r.user_id);
}

export async function membersOf(db: AnyModuleDb, studioId: string) {
  return studiosDb(db).selectFrom('studio_members').select(['user_id', 'name']).where('studio_id', '=', studioId).orderBy('joined_at').orderBy('name').execute();
}

/** The studios of a CPPCC, by kind and name, with their member counts; `mine` marks those the user belongs to. */
export async function listStudios(db: AnyModuleDb, tenantId: string, userId: string, q: { kind?: string; q?: string; page: number; pageSize: number }) {
  const sdb = studiosDb(db);
  let base = sdb.selectFrom('studios').where('tenant_id', '=', tenantId);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.q) base = base.where('name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('kind').orderBy('name').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const counts = ids.length === 0 ? [] : await sdb.selectFrom('studio_members').select(['studio_id', (eb) => eb.fn.countAll<number>().as('n')]).where('studio_id', 'in', ids).groupBy('studio_id').execute();
  const mine = ids.length === 0 ? [] : await sdb.selectFrom('studio_members').select('studio_id').where('studio_id', 'in', ids).where('user_id', '=', userId).execute();
  return {
    rows: rows.map((r) => ({ ...r, memberCount: Number(counts.find((c) => c.studio_id === r.id)?.n ?? 0), mine: mine.some((m) => m.studio_id === r.id) || r.convener_user_id === userId })),
    total: Number(total.n),
  };
}

const within = <Q extends { where: (...a: any[]) => Q }>(q: Q, col: string, p: Period): Q => {
  let out = q;
  if (p.from) out = out.where(col, '>=', p.from);
  if (p.to) out = out.where(col, '<=', p.to);
  return out;
};

/** 工作室活动: by date held; a member's are those they took part in. */
export function activityQuery(db: AnyModuleDb, tenantId: string, f: ListFilter) {
  let q = studiosDb(db).selectFrom('studio_activities as a').where('a.tenant_id', '=', tenantId);
  if (f.studioId) q = q.where('a.studio_id', '=', f.studioId);
  if (f.userId) q = q.where('a.id', 'in', (eb) => eb.selectFrom('studio_activity_members').select('activity_id').where('tenant_id', '=', tenantId).where('user_id', '=', f.userId!));
  return within(q, 'a.held_on', f);
}

/** 调解案件: by date received; a member's are those they handled; `outcome` 'open' is still being mediated. */
export function caseQuery(db: AnyModuleDb, tenantId: string, f: ListFilter & { outcome?: string }) {
  let q = studiosDb(db).selectFrom('studio_cases as c').where('c.tenant_id', '=', tenantId);
  if (f.studioId) q = q.where('c.studio_id', '=', f.studioId);
  if (f.outcome === 'open') q = q.where('c.outcome', 'is', null);
  else if (f.outcome) q = q.where('c.outcome', '=', f.outcome);
  if (f.userId) q = q.where('c.id', 'in', (eb) => eb.selectFrom('studio_case_handlers').select('case_id').where('tenant_id', '=', tenantId).where('user_id', '=', f.userId!));
  return within(q, 'c.received_on', f);
}

export function needQuery(db: AnyModuleDb, tenantId: string, f: ListFilter & { state?: string }) {
  let q = studiosDb(db).selectFrom('studio_needs as n').where('n.tenant_id', '=', tenantId);
  if (f.studioId) q = q.where('n.studio_id', '=', f.studioId);
  if (f.state) q = q.where('n.state', '=', f.state);
  return within(q, 'n.recorded_on', f);
}

export function offerQuery(db: AnyModuleDb, tenantId: string, f: ListFilter) {
  let q = studiosDb(db).selectFrom('studio_offers as o').where('o.tenant_id', '=', tenantId);
  if (f.studioId) q = q.where('o.studio_id', '=', f.studioId);
  return within(q, 'o.recorded_on', f);
}

/** 放贷: by date granted. */
export function loanQuery(db: AnyModuleDb, tenantId: string, f: ListFilter) {
  let q = studiosDb(db).selectFrom('studio_loans as l').where('l.tenant_id', '=', tenantId);
  if (f.studioId) q = q.where('l.studio_id', '=', f.studioId);
  return within(q, 'l.granted_on', f);
}

/** 引进项目: by date introduced. */
export function projectQuery(db: AnyModuleDb, tenantId: string, f: ListFilter & { status?: string }) {
  let q = studiosDb(db).selectFrom('studio_projects as p').where('p.tenant_id', '=', tenantId);
  if (f.studioId) q = q.where('p.studio_id', '=', f.studioId);
  if (f.status) q = q.where('p.status', '=', f.status);
  return within(q, 'p.introduced_on', f);
}

/** count(*) and, when asked, the sum of a column of a base query. */
export async function countAndSum(q: any, sumCol?: string): Promise<{ n: number; sum: number }> {
  const r = await q.select((eb: any) => [eb.fn.countAll().as('n'), ...(sumCol ? [eb.fn.sum(sumCol).as('s')] : [])]).executeTakeFirstOrThrow();
  return { n: Number(r.n), sum: Number(r.s ?? 0) };
}

/** The names of the studios of a page of rows (the lists count without joining the studios). */
export async function studioNames(db: AnyModuleDb, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await studiosDb(db).selectFrom('studios').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Members' names of activities, and handlers of cases, for a page of rows. */
export async function activityMembers(db: AnyModuleDb, ids: string[]) {
  if (ids.length === 0) return new Map<string, string[]>();
  const rows = await studiosDb(db).selectFrom('studio_activity_members').select(['activity_id', 'name']).where('activity_id', 'in', ids).execute();
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.activity_id, [...(m.get(r.activity_id) ?? []), r.name]);
  return m;
}
export async function caseHandlers(db: AnyModuleDb, ids: string[]) {
  if (ids.length === 0) return new Map<string, string[]>();
  const rows = await studiosDb(db).selectFrom('studio_case_handlers').select(['case_id', 'name']).where('case_id', 'in', ids).execute();
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.case_id, [...(m.get(r.case_id) ?? []), r.name]);
  return m;
}

/** The ids of the studios an actor belongs to (member or convener), to decide who sees parties on a page of cases. */
export async function studiosOfUser(db: AnyModuleDb, tenantId: string, userId: string): Promise<Set<string>> {
  const sdb = studiosDb(db);
  const [m, c] = await Promise.all([
    sdb.selectFrom('studio_members').select('studio_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute(),
    sdb.selectFrom('studios').select('id').where('tenant_id', '=', tenantId).where('convener_user_id', '=', userId).execute(),
  ]);
  return new Set([...m.map((r) => r.studio_id), ...c.map((r) => r.id)]);
}
