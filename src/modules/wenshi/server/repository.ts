/**
 * Reading 文史资料 and 《长治文史》 issues (Kysely, both databases). Every list query filters by what the actor may see
 * (`canSeeMaterial` says the same for one record).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { ilike } from '../../../kernel/server/db/dialect.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import type { WenshiListQuery } from '../contract.ts';
import { readsAll } from '../domain/wenshi-policy.ts';
import { wenshiDb, type WenshiIssueRow, type WenshiMaterialRow } from './tables.ts';

export async function findMaterial(db: AnyModuleDb, id: string): Promise<WenshiMaterialRow | undefined> {
  return wenshiDb(db).selectFrom('wenshi_materials').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findIssue(db: AnyModuleDb, id: string): Promise<WenshiIssueRow | undefined> {
  return wenshiDb(db).selectFrom('wenshi_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A China date's first instant as stored UTC text (timestamps are UTC; a China day starts 8 hours earlier). */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** A user's words in a LIKE pattern, their own wildcards removed. */
export const likeText = (s: string) => `%${s.replace(/[%_\\]/g, '')}%`;

/**
 * One page of the materials the actor may see that match the query, newest first (an issue's contents in their order),
 * with the total. Staff see every material of their CPPCC; others their own submissions (`mine`) or the archive.
 */
export async function listMaterials(db: AnyModuleDb, dialect: DialectName, actor: Actor, q: WenshiListQuery): Promise<{ rows: WenshiMaterialRow[]; total: number }> {
  const tdb = wenshiDb(db);
  const like = ilike(dialect);
  let base = tdb.selectFrom('wenshi_materials').where('tenant_id', '=', actor.tenantId);
  if (q.mine) base = base.where('owner_user_id', '=', actor.userId);
  else if (q.archive || !readsAll(actor)) base = base.where('published', '=', 1);
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.q) {
    const p = likeText(q.q);
    base = base.where((eb) => eb.or([eb('title', like, p), eb('body', like, p), eb('people', like, p), eb('place', like, p), eb('topic', like, p)]));
  }
  if (q.period) base = base.where('period', '=', q.period);
  if (q.place) base = base.where('place', like, likeText(q.place));
  if (q.people) base = base.where('people', like, likeText(q.people));
  if (q.topic) base = base.where('topic', like, likeText(q.topic));
  if (q.issueId) base = base.where('issue_id', '=', q.issueId);
  if (q.source) base = base.where('source', '=', q.source);
  if (q.year) base = base.where('created_at', '>=', chinaDayStart(`${q.year}-01-01`)).where('created_at', '<', chinaDayStart(`${q.year + 1}-01-01`));
  if (q.from) base = base.where('created_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('created_at', '<', chinaDayStart(nextDay(q.to)));
  const ordered = q.issueId
    ? base.selectAll().orderBy('seq').orderBy('id')
    : base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  const [rows, total] = await Promise.all([
    ordered.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The issues of the actor's CPPCC (staff see those being edited too), newest number first, with their material counts. */
export async function listIssues(db: AnyModuleDb, actor: Actor, q: { page: number; pageSize: number; published?: boolean; year?: number; from?: string; to?: string }) {
  const tdb = wenshiDb(db);
  let base = tdb.selectFrom('wenshi_issues').where('tenant_id', '=', actor.tenantId);
  if (q.published !== undefined) base = base.where('published', '=', q.published ? 1 : 0);
  if (!readsAll(actor)) base = base.where('published', '=', 1);
  if (q.year) base = base.where('year', '=', q.year);
  if (q.from) base = base.where('published_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('published_at', '<', chinaDayStart(nextDay(q.to)));
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('number', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const counts = rows.length
    ? await tdb.selectFrom('wenshi_materials').select(['issue_id', (eb) => eb.fn.countAll<number>().as('n')]).where('issue_id', 'in', rows.map((r) => r.id)).groupBy('issue_id').execute()
    : [];
  const countOf = new Map(counts.map((c) => [c.issue_id, Number(c.n)]));
  return { rows: rows.map((r) => ({ ...r, materials: countOf.get(r.id) ?? 0 })), total: Number(total.n) };
}

/** An issue's contents in order. */
export async function contentsOf(db: AnyModuleDb, issueId: string): Promise<WenshiMaterialRow[]> {
  return wenshiDb(db).selectFrom('wenshi_materials').selectAll().where('issue_id', '=', issueId).orderBy('seq').orderBy('id').execute();
}

export async function revisionsOf(db: AnyModuleDb, materialId: string) {
  return wenshiDb(db).selectFrom('wenshi_revisions').selectAll().where('material_id', '=', materialId).orderBy('no').execute();
}

/** Issue labels by id (for list rows that name their issue). */
export async function issueLabels(db: AnyModuleDb, ids: readonly (string | null)[]): Promise<Map<string, WenshiIssueRow>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map();
  const rows = await wenshiDb(db).selectFrom('wenshi_issues').selectAll().where('id', 'in', want).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The material's history as the workflow runner wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'wenshi_material', id);
}
