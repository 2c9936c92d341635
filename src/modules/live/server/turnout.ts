/**
 * 到场 (turnout): who was invited to a session, who has come in, and telling the invited when it starts.
 *
 * The invited are the CPPCC's members, the invited experts and the accounts of the invited departments (hosts are not
 * counted: they run it). A signed-in invited person who opens the room while it is open is recorded once in
 * `live_attendance` (migration 1902), and the hosts' stream gets a `turnout` event with the new counts in the same
 * transaction, so the host console shows turnout live on every instance. When the session opens (开始议政), each
 * invited person is told in-app (and on any channel they can be reached on) with the room's link; the notifier's key
 * makes a second delivery of the event tell no one twice.
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { formatDateTime } from '../../../kernel/universal/china-time.ts';
import { findPeople, usersAddressedBy } from '../../identity/index.ts';
import { memberIdsOf } from '../../organizations/index.ts';
import type { Who } from './commands.ts';
import { findSession, jsonIds } from './repository.ts';
import { appendEvent } from './stream.ts';
import { liveDb, type LiveSessionRow } from './tables.ts';

export interface Turnout { invited: number; joined: number }
export interface TurnoutPerson { userId: string; name: string; joinedAt: string | null }

/** The user ids invited to a session: members of its CPPCC, invited experts, accounts of invited departments; not its hosts. */
export async function invitedOf(ctx: Pick<ModuleContext, 'db'>, s: LiveSessionRow): Promise<string[]> {
  const units = jsonIds(s.responder_unit_ids);
  const [members, departments] = await Promise.all([
    memberIdsOf(ctx.db, s.tenant_id).execute(),
    units.length ? usersAddressedBy(ctx.db, { orgIds: units, roles: ['unit_handler', 'unit_leader'] }) : Promise.resolve([]),
  ]);
  const hosts = new Set(jsonIds(s.host_user_ids));
  return [...new Set([...members.map((m) => String(m.user_id)), ...jsonIds(s.expert_user_ids), ...departments])].filter((id) => !hosts.has(id));
}

/** The invited and when each came in (null: not yet), in the order invited. */
export async function turnoutPeople(ctx: Pick<ModuleContext, 'db'>, s: LiveSessionRow): Promise<TurnoutPerson[]> {
  const invited = await invitedOf(ctx, s);
  const [rows, people] = await Promise.all([
    liveDb(ctx.db).selectFrom('live_attendance').select(['user_id', 'first_at']).where('session_id', '=', s.id).execute(),
    findPeople(ctx.db, invited),
  ]);
  const at = new Map(rows.map((r) => [r.user_id, r.first_at]));
  return invited.map((id) => ({ userId: id, name: people.get(id)?.name ?? id, joinedAt: at.get(id) ?? null }));
}

export async function turnoutOf(ctx: Pick<ModuleContext, 'db'>, s: LiveSessionRow): Promise<Turnout> {
  const people = await turnoutPeople(ctx, s);
  return { invited: people.length, joined: people.filter((p) => p.joinedAt).length };
}

/**
 * A signed-in person opened the room: while it is open, the first time, record it and tell the hosts the new turnout
 * (only when the person is one of the invited; a host or someone who merely reads all sessions is not counted).
 * Returns whether this was the person's arrival.
 */
export async function recordArrival(ctx: ModuleContext, s: LiveSessionRow, who: Who): Promise<boolean> {
  if (s.state !== 'open' || who.kind !== 'user' || !who.actor || who.role === 'host') return false;
  const userId = who.actor.userId;
  const ldb = liveDb(ctx.db);
  if (await ldb.selectFrom('live_attendance').select('user_id').where('session_id', '=', s.id).where('user_id', '=', userId).executeTakeFirst()) return false;
  const invited = await invitedOf(ctx, s);
  if (!invited.includes(userId)) return false;
  return ctx.uow.run(async (w) => {
    // (the drivers do not all report rows skipped by ON CONFLICT; a racing second tab at worst sends the same counts twice)
    if (await liveDb(w.trx).selectFrom('live_attendance').select('user_id').where('session_id', '=', s.id).where('user_id', '=', userId).executeTakeFirst()) return false;
    await liveDb(w.trx).insertInto('live_attendance').values({ session_id: s.id, user_id: userId, role: who.role, first_at: w.now })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing()).execute();
    const came = await liveDb(w.trx).selectFrom('live_attendance').select('user_id').where('session_id', '=', s.id).execute();
    const set = new Set(invited);
    await appendEvent(w, s, 'turnout', { invited: invited.length, joined: came.filter((c) => set.has(c.user_id)).length }, true);
    return true;
  });
}

/** 开始议政 → each invited person is told, with the room's link. */
export function subscribeLiveNotices(ctx: ModuleContext): void {
  ctx.events.on('live_session.transitioned', async (e) => {
    const p = e.payload as { action?: string };
    if (p.action !== 'open' || !e.entityId) return;
    const s = await findSession(ctx.db, e.entityId);
    if (!s) return;
    const userIds = await invitedOf(ctx, s);
    if (!userIds.length) return;
    await ctx.notifier.notify({
      tenantId: s.tenant_id, userIds, kind: 'live', key: `${e.id}:open`,
      title: `网络议政已开始：${s.title}`, body: `请进入议政室参与，${formatDateTime(s.closes_at)} 结束。`, link: `/live/${encodeURIComponent(s.id)}`,
    });
  });
}
