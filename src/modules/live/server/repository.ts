/**
 * Reading 网络议政 (Kysely, both databases): sessions as an actor may see them, a session's participants, stream,
 * statements and votes. Every list filters by the actor's CPPCC.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { SessionListQuery } from '../contract.ts';
import { readsAll, type SessionAccess } from '../domain/live-rules.ts';
import { liveDb, type LiveSessionRow } from './tables.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function jsonIds(text: string | null | undefined): string[] {
  if (!text) return [];
  try { const v = JSON.parse(text); return Array.isArray(v) ? v.map(String) : []; } catch { return []; }
}

export function accessOf(r: LiveSessionRow): SessionAccess {
  return { tenant_id: r.tenant_id, host_user_ids: jsonIds(r.host_user_ids), responder_unit_ids: jsonIds(r.responder_unit_ids), expert_user_ids: jsonIds(r.expert_user_ids) };
}

export async function findSession(db: AnyModuleDb, id: string): Promise<LiveSessionRow | undefined> {
  return liveDb(db).selectFrom('live_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSessionByKey(db: AnyModuleDb, key: string): Promise<LiveSessionRow | undefined> {
  return liveDb(db).selectFrom('live_sessions').selectAll().where('public_key', '=', key).executeTakeFirst();
}

/** A China date's first instant as stored UTC text. */
export const chinaDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * One page of the sessions of the actor's CPPCC, newest first. Staff who read all see every session; others see the
 * sessions they host, respond in or are invited to as experts, and (members) every session of their CPPCC.
 */
export async function listSessions(db: AnyModuleDb, actor: Actor, q: SessionListQuery): Promise<{ rows: LiveSessionRow[]; total: number }> {
  let base = liveDb(db).selectFrom('live_sessions').where('tenant_id', '=', actor.tenantId);
  if (!readsAll(actor) && actor.roles.some((r) => r === 'unit_handler' || r === 'unit_leader')) {
    // a department sees the sessions it is invited to
    base = base.where('responder_unit_ids', 'like', `%"${actor.orgId.replace(/[%_"\\]/g, '')}"%`);
  }
  if (q.state) base = base.where('state', 'in', q.state.split(','));
  if (q.consultationId) base = base.where('consultation_id', '=', q.consultationId);
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  if (q.from) base = base.where('opens_at', '>=', chinaDayStart(q.from));
  if (q.to) base = base.where('opens_at', '<', chinaDayStart(nextDay(q.to)));
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('opens_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface SessionCounts { participants: number; contributions: number; statements: number; votes: number; questionsAnswered: number; questionsOpen: number }

/** The counts of several sessions (participants who took part, published contributions, questions, statements, votes). */
export async function countsOf(db: AnyModuleDb, ids: readonly string[]): Promise<Map<string, SessionCounts>> {
  const out = new Map<string, SessionCounts>(ids.map((id) => [id, { participants: 0, contributions: 0, statements: 0, votes: 0, questionsAnswered: 0, questionsOpen: 0 }]));
  if (!ids.length) return out;
  const ldb = liveDb(db);
  const [parts, contribs, stmts, votes] = await Promise.all([
    ldb.selectFrom('live_participants').select(['session_id', (eb) => eb.fn.countAll<number>().as('n')]).where('session_id', 'in', ids).groupBy('session_id').execute(),
    ldb.selectFrom('live_contributions').select(['session_id', 'kind', 'answered_at', 'status']).where('session_id', 'in', ids).where('status', '=', 'published').execute(),
    ldb.selectFrom('live_statements').select(['session_id', (eb) => eb.fn.countAll<number>().as('n')]).where('session_id', 'in', ids).where('status', '=', 'published').groupBy('session_id').execute(),
    ldb.selectFrom('live_votes').select(['session_id', (eb) => eb.fn.countAll<number>().as('n')]).where('session_id', 'in', ids).groupBy('session_id').execute(),
  ]);
  for (const p of parts) out.get(p.session_id)!.participants = Number(p.n);
  for (const c of contribs) {
    const o = out.get(c.session_id)!;
    o.contributions++;
    if (c.kind === 'question') { if (c.answered_at) o.questionsAnswered++; else o.questionsOpen++; }
  }
  for (const s of stmts) out.get(s.session_id)!.statements = Number(s.n);
  for (const v of votes) out.get(v.session_id)!.votes = Number(v.n);
  return out;
}
