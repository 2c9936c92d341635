/**
 * Reading 会议 (Kysely, both databases). Every list filters by what the actor may see: staff and leaders read every
 * meeting of their CPPCC; a participant reads the notified meetings they take part in.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import { runPrepared } from '../../../kernel/server/db/prepared.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { AttendanceQuery, MeetingListQuery, SpeechListQuery } from '../contract.ts';
import { readsAll } from '../domain/meeting-rules.ts';
import { meetingsDb, type MeetingRow, type ParticipantRow, type SessionRow, type SpeechRow } from './tables.ts';

export async function findMeeting(db: AnyModuleDb, id: string): Promise<MeetingRow | undefined> {
  return meetingsDb(db).selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function sessionsOf(db: AnyModuleDb, meetingId: string): Promise<SessionRow[]> {
  return meetingsDb(db).selectFrom('meeting_sessions').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}
export async function participantsOf(db: AnyModuleDb, meetingId: string): Promise<ParticipantRow[]> {
  return meetingsDb(db).selectFrom('meeting_participants').selectAll().where('meeting_id', '=', meetingId).orderBy('name').orderBy('id').execute();
}
export async function participantOf(db: AnyModuleDb, meetingId: string, userId: string): Promise<ParticipantRow | undefined> {
  return meetingsDb(db).selectFrom('meeting_participants').selectAll().where('meeting_id', '=', meetingId).where('user_id', '=', userId).executeTakeFirst();
}
/**
 * What a sign-in by QR link needs, in one statement compiled once (the door's hot path): the meeting, the session asked
 * for (null when it is not one of the meeting's), the member as a participant (null when not one) and whether they
 * already signed in to that session. Undefined when there is no such meeting.
 */
export async function signInFacts(db: AnyModuleDb, meetingId: string, sessionId: string, userId: string) {
  const r = await runPrepared(db, 'meetings:sign_in_facts', [userId, sessionId, userId, meetingId], (d, v) => meetingsDb(d)
    .selectFrom('meetings as m')
    .leftJoin('meeting_sessions as s', (j) => j.onRef('s.meeting_id', '=', 'm.id').on('s.id', '=', v[1] as string))
    .leftJoin('meeting_participants as p', (j) => j.onRef('p.meeting_id', '=', 'm.id').on('p.user_id', '=', v[2] as string))
    .select((eb) => [
      eb.selectFrom('meeting_signins as si').select('si.id').whereRef('si.session_id', '=', 's.id').where('si.user_id', '=', v[0] as string).limit(1).as('signed_id'),
      'm.id', 'm.tenant_id', 'm.title', 'm.state', 'm.signin_secret',
      's.id as session_id', 's.label as session_label', 's.starts_at as session_starts_at', 's.ends_at as session_ends_at',
      'p.user_id as participant_user_id', 'p.name as participant_name',
    ])
    .where('m.id', '=', v[3] as string));
  const row = r.rows[0] as undefined | {
    signed_id: string | null; id: string; tenant_id: string; title: string; state: string; signin_secret: string;
    session_id: string | null; session_label: string | null; session_starts_at: string | null; session_ends_at: string | null;
    participant_user_id: string | null; participant_name: string | null;
  };
  if (!row) return undefined;
  return {
    meeting: { id: row.id, tenant_id: row.tenant_id, title: row.title, state: row.state, signin_secret: row.signin_secret },
    session: row.session_id ? { id: row.session_id, label: row.session_label!, starts_at: row.session_starts_at!, ends_at: row.session_ends_at! } : null,
    participant: row.participant_user_id ? { user_id: row.participant_user_id, name: row.participant_name! } : null,
    signedIn: row.signed_id !== null && row.signed_id !== undefined,
  };
}

export async function signInsOf(db: AnyModuleDb, meetingId: string, userId?: string) {
  let q = meetingsDb(db).selectFrom('meeting_signins').select(['session_id', 'user_id', 'signed_in_at', 'by_staff']).where('meeting_id', '=', meetingId);
  if (userId) q = q.where('user_id', '=', userId);
  return q.execute();
}
export async function speechesOf(db: AnyModuleDb, meetingId: string): Promise<SpeechRow[]> {
  return meetingsDb(db).selectFrom('meeting_speeches').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
}

/** The meetings the actor may see that match the query (the list and the kind figures share it). */
export function meetingQuery(db: AnyModuleDb, actor: Actor, q: Omit<MeetingListQuery, 'page' | 'pageSize'>) {
  let base = meetingsDb(db).selectFrom('meetings as m').where('m.tenant_id', '=', actor.tenantId);
  if (q.mine || !readsAll(actor)) {
    base = base.where('m.state', '!=', 'preparing')
      .where((eb) => eb.exists(eb.selectFrom('meeting_participants as p').select('p.id').whereRef('p.meeting_id', '=', 'm.id').where('p.user_id', '=', actor.userId)));
  }
  if (q.kind) base = base.where('m.kind', '=', q.kind);
  if (q.state) base = base.where('m.state', '=', q.state);
  if (q.q) base = base.where('m.title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  if (q.from) base = base.where('m.held_on', '>=', q.from);
  if (q.to) base = base.where('m.held_on', '<=', q.to);
  return base;
}

export async function listMeetings(db: AnyModuleDb, actor: Actor, q: MeetingListQuery) {
  const base = meetingQuery(db, actor, q);
  const [rows, total] = await Promise.all([
    base.selectAll('m')
      .select((eb) => [
        eb.selectFrom('meeting_sessions as s').select((e) => e.fn.countAll<number>().as('n')).whereRef('s.meeting_id', '=', 'm.id').as('session_count'),
        eb.selectFrom('meeting_participants as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.meeting_id', '=', 'm.id').as('participant_count'),
      ])
      .orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Participants of closed meetings (出勤): the member figures count these rows. */
export function attendanceRows(db: AnyModuleDb, tenantId: string, q: Omit<AttendanceQuery, 'page' | 'pageSize'>) {
  let base = meetingsDb(db).selectFrom('meeting_participants as p').innerJoin('meetings as m', 'm.id', 'p.meeting_id')
    .where('p.tenant_id', '=', tenantId).where('p.closed', '=', 1);
  if (q.userId) base = base.where('p.user_id', '=', q.userId);
  if (q.meetingId) base = base.where('p.meeting_id', '=', q.meetingId);
  if (q.attendance) base = base.where('p.attendance', '=', q.attendance);
  if (q.kind) base = base.where('p.kind', '=', q.kind);
  if (q.from) base = base.where('p.held_on', '>=', q.from);
  if (q.to) base = base.where('p.held_on', '<=', q.to);
  return base;
}

/** Speeches (大会发言) by member, meeting, state and the meeting's date. */
export function speechRows(db: AnyModuleDb, tenantId: string, q: Omit<SpeechListQuery, 'page' | 'pageSize'>) {
  let base = meetingsDb(db).selectFrom('meeting_speeches as sp').innerJoin('meetings as m', 'm.id', 'sp.meeting_id').where('sp.tenant_id', '=', tenantId);
  if (q.userId) base = base.where('sp.user_id', '=', q.userId);
  if (q.meetingId) base = base.where('sp.meeting_id', '=', q.meetingId);
  if (q.state) base = base.where('sp.state', '=', q.state);
  if (q.from) base = base.where('sp.held_on', '>=', q.from);
  if (q.to) base = base.where('sp.held_on', '<=', q.to);
  return base;
}
