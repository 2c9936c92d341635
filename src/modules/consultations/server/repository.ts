/**
 * Reading 协商活动 (Kysely, both databases). Every list filters by what the actor may see (`canSeeConsultation` says the
 * same for one record): the staff who read all see their CPPCC's, a committee's staff the meetings their committee
 * leads, a member the meetings they are invited to.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import type { ConsultationListQuery, ParticipationListQuery } from '../contract.ts';
import { heldStates, sentStates } from '../domain/consultation-lifecycle.ts';
import { readsAll } from '../domain/consultation-rules.ts';
import { consultationsDb, type ConsultationRow, type ParticipantRow } from './tables.ts';

export async function findConsultation(db: AnyModuleDb, id: string): Promise<ConsultationRow | undefined> {
  return consultationsDb(db).selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function participantsOf(db: AnyModuleDb, consultationId: string): Promise<ParticipantRow[]> {
  return consultationsDb(db).selectFrom('consultation_participants').selectAll().where('consultation_id', '=', consultationId)
    .orderBy('speech_order').orderBy('created_at').orderBy('id').execute();
}

export async function participantOf(db: AnyModuleDb, consultationId: string, userId: string): Promise<ParticipantRow | undefined> {
  return consultationsDb(db).selectFrom('consultation_participants').selectAll().where('consultation_id', '=', consultationId).where('user_id', '=', userId).executeTakeFirst();
}

export async function recommendationsOf(db: AnyModuleDb, consultationId: string) {
  return consultationsDb(db).selectFrom('consultation_recommendations').selectAll().where('consultation_id', '=', consultationId).orderBy('seq').execute();
}

export async function instructionsOf(db: AnyModuleDb, consultationId: string) {
  return consultationsDb(db).selectFrom('consultation_instructions').selectAll().where('consultation_id', '=', consultationId).orderBy('on_date').orderBy('created_at').execute();
}

/** The record's history as the workflow runner and the commands wrote it, oldest first. */
export async function historyOf(db: AnyModuleDb, id: string) {
  return listHistory(db, 'consultation', id);
}

/** The late filter's SQL: the notice or the materials sent after their deadline, or still unsent past it. */
function lateWhere(today: string, which: 'notice' | 'materials' | 'any') {
  return (eb: any) => {
    const notice = eb.or([
      eb.and([eb('notice_sent_on', 'is not', null), eb('notice_sent_on', '>', eb.ref('notice_due'))]),
      eb.and([eb('state', '=', 'preparing'), eb('notice_due', '<', today)]),
    ]);
    const materials = eb.or([
      eb.and([eb('materials_sent_on', 'is not', null), eb('materials_sent_on', '>', eb.ref('materials_due'))]),
      eb.and([eb('state', 'in', ['preparing', 'notified']), eb('materials_due', '<', today)]),
    ]);
    return which === 'notice' ? notice : which === 'materials' ? materials : eb.or([notice, materials]);
  };
}

/** The consultations the query selects among those the actor may see (the list, its figures and its export share it). */
export function consultationQuery(db: AnyModuleDb, actor: Actor, q: Omit<ConsultationListQuery, 'page' | 'pageSize'>, today: string) {
  const tdb = consultationsDb(db);
  let base = tdb.selectFrom('consultations').where('consultations.tenant_id', '=', actor.tenantId);
  const invitedTo = tdb.selectFrom('consultation_participants').select('consultation_participants.consultation_id').where('consultation_participants.user_id', '=', actor.userId);
  if (q.mine) base = base.where('consultations.id', 'in', invitedTo);
  else if (!readsAll(actor)) {
    // a committee's staff see their committee's meetings; everyone the meetings they are invited to
    const organiser = actor.roles.includes('committee_staff') || actor.roles.includes('office_staff');
    base = organiser ? base.where((eb) => eb.or([eb('lead_committee_id', '=', actor.orgId), eb('consultations.id', 'in', invitedTo)])) : base.where('consultations.id', 'in', invitedTo);
  }
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.stage === 'held') base = base.where('state', 'in', [...heldStates]);
  if (q.stage === 'sent') base = base.where('state', 'in', [...sentStates]);
  if (q.form) base = base.where('form', '=', q.form);
  if (q.committeeId) base = base.where('lead_committee_id', '=', q.committeeId);
  if (q.planItemId) base = base.where('plan_item_id', '=', q.planItemId);
  if (q.late) base = base.where(lateWhere(today, q.late));
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  // a period of China dates on the meeting's date (the figures count over the same bounds)
  if (q.from) base = base.where('planned_on', '>=', q.from);
  if (q.to) base = base.where('planned_on', '<=', q.to);
  return base;
}

/** One page of the consultations the actor may see that match the query, the latest meetings first, with the total. */
export async function listConsultations(db: AnyModuleDb, actor: Actor, q: ConsultationListQuery, today: string): Promise<{ rows: ConsultationRow[]; total: number }> {
  const base = consultationQuery(db, actor, q, today);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('planned_on', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** 关联协商: the consultations the actor may see that link this proposal ('proposal') or 社情民意 report ('opinion'). */
export async function consultationsLinkedTo(db: AnyModuleDb, actor: Actor, entityType: string, entityId: string, today: string) {
  const linked = consultationsDb(db).selectFrom('consultation_links').select('consultation_links.consultation_id')
    .where('consultation_links.entity_type', '=', entityType).where('consultation_links.entity_id', '=', entityId);
  return consultationQuery(db, actor, {}, today).where('consultations.id', 'in', linked).selectAll()
    .orderBy('planned_on', 'desc').orderBy('id', 'desc').limit(100).execute();
}

/** Every consultation the query selects (the Excel export), at most `limit`. */
export async function allConsultations(db: AnyModuleDb, actor: Actor, q: Omit<ConsultationListQuery, 'page' | 'pageSize'>, today: string, limit = 10_000) {
  return consultationQuery(db, actor, q, today).selectAll().orderBy('planned_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/**
 * 委员参加协商 (participations): rows of invited members, each with its consultation, for the office (a CPPCC's) or one
 * member (their own). `figure`: invited (every invitation), attended (signed in), speeches (a speech given or handed in).
 */
export function participationQuery(db: AnyModuleDb, tenantId: string, q: Omit<ParticipationListQuery, 'page' | 'pageSize'>) {
  let base = consultationsDb(db).selectFrom('consultation_participants as p').innerJoin('consultations as c', 'c.id', 'p.consultation_id')
    .where('c.tenant_id', '=', tenantId).where('p.kind', '=', 'member');
  if (q.userId) base = base.where('p.user_id', '=', q.userId);
  if (q.from) base = base.where('c.planned_on', '>=', q.from);
  if (q.to) base = base.where('c.planned_on', '<=', q.to);
  if (q.figure === 'attended') base = base.where('p.signed_in_at', 'is not', null);
  if (q.figure === 'speeches') base = base.where('p.speech_kind', 'is not', null);
  return base;
}

export async function listParticipations(db: AnyModuleDb, tenantId: string, q: ParticipationListQuery) {
  const base = participationQuery(db, tenantId, q);
  const [rows, total] = await Promise.all([
    base.select(['p.id', 'p.consultation_id', 'p.user_id', 'p.name', 'p.status', 'p.signed_in_at', 'p.speech_kind', 'c.title', 'c.form', 'c.planned_on', 'c.state'])
      .orderBy('c.planned_on', 'desc').orderBy('p.id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export const jsonIds = (s: string | null | undefined): string[] => {
  try { const v = JSON.parse(s ?? '[]'); return Array.isArray(v) ? v.map(String) : []; } catch { return []; }
};

/** The CPPCC's consultation meetings of a form held on a day (the demo links the day's live session to its meeting). */
export async function consultationsOn(db: AnyModuleDb, tenantId: string, plannedOn: string, form?: string): Promise<string[]> {
  let q = consultationsDb(db).selectFrom('consultations').select('id').where('tenant_id', '=', tenantId).where('planned_on', '=', plannedOn);
  if (form) q = q.where('form', '=', form);
  return (await q.orderBy('id').execute()).map((r) => r.id);
}
