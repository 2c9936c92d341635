/**
 * Turns rows into API objects. Every activity goes out with `actions` (what the caller may do now, from the
 * lifecycle) and `progress` (the step bar); the organisers see the participants, a member only their own row.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { ActivityDetail, ActivityListItem, ServiceItem } from '../contract.ts';
import { activitiesActionLabel, activitiesLifecycle, activitiesStateLabel, type ActivitiesState } from '../domain/activities-lifecycle.ts';
import { activityKindLabels, manages, serviceKindLabels, takesPart, type ActivityKind, type ServiceKind } from '../domain/activity-rules.ts';
import { organises } from './commands.ts';
import { countsOf, historyOf, type ActivityCounts } from './repository.ts';
import { activitiesDb, type ActivityRow, type ParticipantRow, type ServiceRow } from './tables.ts';

export async function homeNames(db: AnyModuleDb, ids: (string | null)[]): Promise<Map<string, string>> {
  const want = [...new Set(ids.filter((x): x is string => !!x))];
  if (!want.length) return new Map();
  const rows = await activitiesDb(db).selectFrom('activity_homes').select(['id', 'name']).where('id', 'in', want).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function toListItem(r: ActivityRow, c: ActivityCounts, homes: Map<string, string>): ActivityListItem {
  return {
    id: r.id, kind: r.kind as ActivityKind, kindLabel: activityKindLabels[r.kind as ActivityKind] ?? r.kind,
    serviceKind: r.service_kind, serviceKindLabel: r.service_kind ? serviceKindLabels[r.service_kind as ServiceKind] ?? r.service_kind : null,
    title: r.title, homeId: r.home_id, homeName: r.home_id ? homes.get(r.home_id) ?? null : null, county: r.county, place: r.place,
    startsAt: r.starts_at, endsAt: r.ends_at, heldOn: r.held_on, ownerName: r.owner_name,
    state: r.state as ActivitiesState, stateLabel: activitiesStateLabel(r.state), stateTone: stateView(activitiesLifecycle, r.state).tone,
    signedUp: c.signedUp, signedIn: c.signedIn, peopleServed: c.peopleServed, me: c.me, version: Number(r.version),
  };
}

export async function toListItems(db: AnyModuleDb, rows: ActivityRow[], actor: Actor): Promise<ActivityListItem[]> {
  const [counts, homes] = await Promise.all([countsOf(db, rows.map((r) => r.id), actor.userId), homeNames(db, rows.map((r) => r.home_id))]);
  return rows.map((r) => toListItem(r, counts.get(r.id)!, homes));
}

export const toParticipant = (p: ParticipantRow & { activity_title?: string }, title?: string) => ({
  id: p.id, activityId: p.activity_id, activityTitle: p.activity_title ?? title ?? '', userId: p.user_id, name: p.name, kind: p.kind, heldOn: p.held_on,
  signedUpAt: p.signed_up_at, signedInAt: p.signed_in_at, signedInByName: p.signed_in_by_name, distanceM: p.distance_m === null ? null : Number(p.distance_m),
});

export const toService = (s: ServiceRow, actor: Actor): ServiceItem => ({
  id: s.id, activityId: s.activity_id, needId: s.need_id, userId: s.user_id, name: s.name, serviceKind: s.service_kind,
  serviceKindLabel: serviceKindLabels[s.service_kind as ServiceKind] ?? s.service_kind, content: s.content, peopleServed: Number(s.people_served), onDate: s.on_date,
  county: s.county, state: s.state as 'ongoing' | 'done', stateLabel: s.state === 'done' ? '已完成' : '服务中', version: Number(s.version),
  canComplete: s.state === 'ongoing' && s.tenant_id === actor.tenantId && (s.user_id === actor.userId || manages(actor)),
});

export async function toDetail(db: AnyModuleDb, r: ActivityRow, actor: Actor, earlyMinutes: number): Promise<ActivityDetail> {
  const organiser = organises(r, actor);
  const tdb = activitiesDb(db);
  let parts = tdb.selectFrom('activity_participants').selectAll().where('activity_id', '=', r.id);
  if (!organiser) parts = parts.where('user_id', '=', actor.userId);
  let services = tdb.selectFrom('activity_services').selectAll().where('activity_id', '=', r.id);
  if (!organiser && !manages(actor)) services = services.where('user_id', '=', actor.userId);
  const [history, [item], participants, serviceRows] = await Promise.all([
    historyOf(db, r.id), toListItems(db, [r], actor),
    parts.orderBy('signed_in_at').orderBy('name').execute(), services.orderBy('on_date', 'desc').orderBy('id').limit(500).execute(),
  ]);
  return {
    ...item,
    body: r.body, lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng), radiusM: Number(r.radius_m),
    capacity: r.capacity === null ? null : Number(r.capacity), outcome: r.outcome,
    progress: stateView(activitiesLifecycle, r.state),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: activitiesActionLabel(h.action), toStateLabel: activitiesStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    actions: allowedActions(activitiesLifecycle, r.state, { record: r as unknown as Record<string, unknown> & ActivityRow, actor }),
    participants: participants.map((p) => toParticipant(p, r.title)),
    services: serviceRows.map((s) => toService(s, actor)),
    canManage: organiser,
    canSignUp: takesPart(actor) && r.state === 'open' && !item.me.signedUp && !item.me.signedInAt,
    signInOpensAt: new Date(Date.parse(r.starts_at) - earlyMinutes * 60_000).toISOString(),
  };
}
