/**
 * Reading 调研视察 (Kysely, both databases). Every list filters by what the actor may see (`canSeeInspection` says the
 * same for one record). A period counts the trips whose first planned day falls in it; the figures use these very
 * queries, so a figure's value is its list's total.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import type { InspectionListQuery } from '../contract.ts';
import { heldStates, inspectionPermissions, sentStates } from '../domain/inspection-lifecycle.ts';
import { readsAll } from '../domain/inspection-rules.ts';
import { inspectionsDb, type InspectionRow, type ParticipantRow } from './tables.ts';

export const jsonList = (s: string | null | undefined): string[] => {
  try { const v = JSON.parse(s ?? '[]'); return Array.isArray(v) ? v.map(String) : []; } catch { return []; }
};

export async function findInspection(db: AnyModuleDb, id: string): Promise<InspectionRow | undefined> {
  return inspectionsDb(db).selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function participantOf(db: AnyModuleDb, inspectionId: string, userId: string): Promise<ParticipantRow | undefined> {
  return inspectionsDb(db).selectFrom('inspection_participants').selectAll().where('inspection_id', '=', inspectionId).where('user_id', '=', userId).executeTakeFirst();
}

type Filters = Omit<InspectionListQuery, 'page' | 'pageSize'>;

/**
 * The trips the actor may see that match the filters: every trip of the CPPCC for those who read all or sign off,
 * else those their committee leads (committee staff) and those they take part in.
 */
export function inspectionQuery(db: AnyModuleDb, actor: Actor, q: Filters) {
  const tdb = inspectionsDb(db);
  let base = tdb.selectFrom('inspections').where('inspections.tenant_id', '=', actor.tenantId);
  const wide = readsAll(actor) || actor.permissions.has('*') || actor.permissions.has(inspectionPermissions.signOff) || actor.roles.includes('office_staff');
  const mineOnly = q.mine || !wide;
  if (mineOnly) {
    const part = tdb.selectFrom('inspection_participants').select('inspection_participants.inspection_id').where('inspection_participants.user_id', '=', actor.userId);
    const leads = !q.mine && actor.roles.includes('committee_staff');
    base = base.where((eb) => (leads ? eb.or([eb('inspections.id', 'in', part), eb('inspections.lead_committee_id', '=', actor.orgId)]) : eb('inspections.id', 'in', part)));
  }
  if (q.year) base = base.where('inspections.year', '=', q.year);
  if (q.kind) base = base.where('inspections.kind', '=', q.kind);
  if (q.state) base = base.where('inspections.state', 'in', q.state.split(','));
  if (q.stage === 'held') base = base.where('inspections.state', 'in', [...heldStates]);
  if (q.stage === 'sent') base = base.where('inspections.state', 'in', [...sentStates]);
  if (q.committeeId) base = base.where('inspections.lead_committee_id', '=', q.committeeId);
  if (q.q) base = base.where('inspections.title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  if (q.from) base = base.where('inspections.planned_from', '>=', q.from);
  if (q.to) base = base.where('inspections.planned_from', '<=', q.to);
  return base;
}

/** One page of trips, in the order of the plan (by date), with the total for 共 N 条. */
export async function listInspections(db: AnyModuleDb, actor: Actor, q: InspectionListQuery): Promise<{ rows: InspectionRow[]; total: number }> {
  const base = inspectionQuery(db, actor, q);
  const [rows, total] = await Promise.all([
    base.selectAll('inspections').orderBy('inspections.planned_from', 'desc').orderBy('inspections.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** How many members are on each trip. */
export async function participantCounts(db: AnyModuleDb, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await inspectionsDb(db).selectFrom('inspection_participants').select(['inspection_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('inspection_id', 'in', [...ids]).groupBy('inspection_id').execute();
  return new Map(rows.map((r) => [r.inspection_id, Number(r.n)]));
}

/** Members' sign-ins on the CPPCC's trips in a period (委员参加调研视察), optionally one member's. */
export function participationQuery(db: AnyModuleDb, tenantId: string, q: { userId?: string; from?: string; to?: string }) {
  let base = inspectionsDb(db).selectFrom('inspection_participants').innerJoin('inspections', 'inspections.id', 'inspection_participants.inspection_id')
    .where('inspections.tenant_id', '=', tenantId).where('inspection_participants.signed_in_at', 'is not', null);
  if (q.userId) base = base.where('inspection_participants.user_id', '=', q.userId);
  if (q.from) base = base.where('inspections.planned_from', '>=', q.from);
  if (q.to) base = base.where('inspections.planned_from', '<=', q.to);
  return base;
}

/** The problems or recommendations of the reports sent in a period (the trip's date counts). */
export function findingsQuery(db: AnyModuleDb, tenantId: string, q: { type: string; kind?: string; from?: string; to?: string }) {
  let base = inspectionsDb(db).selectFrom('inspection_findings').innerJoin('inspections', 'inspections.id', 'inspection_findings.inspection_id')
    .where('inspections.tenant_id', '=', tenantId).where('inspections.state', 'in', [...sentStates]).where('inspection_findings.type', '=', q.type);
  if (q.kind) base = base.where('inspections.kind', '=', q.kind);
  if (q.from) base = base.where('inspections.planned_from', '>=', q.from);
  if (q.to) base = base.where('inspections.planned_from', '<=', q.to);
  return base;
}

/** The leaders' instructions (批示) recorded in a period, by the instruction's date. */
export function instructionsQuery(db: AnyModuleDb, tenantId: string, q: { from?: string; to?: string }) {
  let base = inspectionsDb(db).selectFrom('inspection_instructions').innerJoin('inspections', 'inspections.id', 'inspection_instructions.inspection_id')
    .where('inspection_instructions.tenant_id', '=', tenantId);
  if (q.from) base = base.where('inspection_instructions.on_date', '>=', q.from);
  if (q.to) base = base.where('inspection_instructions.on_date', '<=', q.to);
  return base;
}

/** The record's history (办理过程) as the workflow runner and the commands wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'inspection', id);
}
