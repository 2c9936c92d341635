/**
 * Turns rows into API objects. Every result goes out with `actions`, what the caller may do now (from the lifecycle's
 * one decision, `allowedActions`), and `progress` (the step bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { attachmentsOf } from '../../attachments/index.ts';
import { findPeople } from '../../identity/index.ts';
import { topicStatusLabels, type ActivityItem, type PlatformDetail, type PlatformListItem, type ResultItem, type TopicItem } from '../contract.ts';
import { canEditPlatform, canRecordOn } from '../domain/platform-policy.ts';
import { evaluationLabels, resultLifecycle, resultStateLabel, type Evaluation, type ResultRecord, type ResultState } from '../domain/result-lifecycle.ts';
import { countyNames, platformsByIds, resultCounts, resultsOfActivities, topicsOf } from './repository.ts';
import { platformsDb, type ActivityRow, type PlatformRow, type ResultRow, type TopicRow } from './tables.ts';

export function toPlatformItem(p: PlatformRow, counties: Map<string, string>): PlatformListItem {
  return {
    id: p.id, countyId: p.tenant_id, countyName: counties.get(p.tenant_id) ?? '', town: p.town, village: p.village, name: p.name,
    convenerUserId: p.convener_user_id ?? null, convenerName: p.convener_name, establishedOn: p.established_on, version: Number(p.version),
  };
}

export async function toPlatformItems(db: AnyModuleDb, rows: PlatformRow[]): Promise<PlatformListItem[]> {
  const counties = await countyNames(db, rows.map((r) => r.tenant_id));
  return rows.map((r) => toPlatformItem(r, counties));
}

export const toTopicItem = (t: TopicRow): TopicItem => ({
  id: t.id, platformId: t.platform_id, title: t.title, raisedBy: t.raised_by, raisedOn: t.raised_on,
  status: t.status as TopicItem['status'], statusLabel: topicStatusLabels[t.status as TopicItem['status']] ?? t.status, version: Number(t.version),
});

export function toResultItem(r: ResultRow, p: PlatformRow | undefined, counties: Map<string, string>, actor: Actor): ResultItem {
  return {
    id: r.id, platformId: r.platform_id, platformName: p?.name ?? '', countyName: counties.get(r.tenant_id) ?? '', activityId: r.activity_id,
    content: r.content, responsibleBody: r.responsible_body, handedOn: r.handed_on, dueDate: r.due_date,
    state: r.state as ResultState, stateLabel: resultStateLabel(r.state), stateTone: stateView(resultLifecycle, r.state).tone,
    feedback: r.feedback ?? null, implementedOn: r.implemented_on ?? null,
    evaluation: (r.evaluation as Evaluation | null) ?? null, evaluationLabel: r.evaluation ? evaluationLabels[r.evaluation as Evaluation] ?? r.evaluation : null,
    version: Number(r.version), progress: stateView(resultLifecycle, r.state),
    actions: allowedActions(resultLifecycle, r.state, { record: r as unknown as ResultRecord, actor }),
  };
}

export async function toResultItems(db: AnyModuleDb, rows: ResultRow[], actor: Actor): Promise<ResultItem[]> {
  const [platforms, counties] = await Promise.all([platformsByIds(db, rows.map((r) => r.platform_id)), countyNames(db, rows.map((r) => r.tenant_id))]);
  return rows.map((r) => toResultItem(r, platforms.get(r.platform_id), counties, actor));
}

export function toActivityItem(a: ActivityRow, p: PlatformRow | undefined, counties: Map<string, string>, results: number): ActivityItem {
  return {
    id: a.id, platformId: a.platform_id, platformName: p?.name ?? '', countyName: counties.get(a.tenant_id) ?? '', town: p?.town ?? '', village: p?.village ?? '',
    topicId: a.topic_id ?? null, topic: a.topic, heldOn: a.held_on, membersCount: Number(a.members_count), residentsCount: Number(a.residents_count),
    participants: a.participants, minutes: a.minutes, recordedByName: a.recorded_by_name, resultCount: results, version: Number(a.version),
  };
}

export async function toActivityItems(db: AnyModuleDb, rows: ActivityRow[]): Promise<ActivityItem[]> {
  const ids = rows.map((a) => a.id);
  const [platforms, counties, counts] = await Promise.all([platformsByIds(db, rows.map((r) => r.platform_id)), countyNames(db, rows.map((r) => r.tenant_id)), resultCounts(db, ids)]);
  return rows.map((a) => toActivityItem(a, platforms.get(a.platform_id), counties, counts.get(a.id) ?? 0));
}

/** `town`: the town the actor's staff account is limited to (null: none). */
export async function toPlatformDetail(db: AnyModuleDb, p: PlatformRow, actor: Actor, town: string | null = null): Promise<PlatformDetail> {
  const tdb = platformsDb(db);
  const memberIds = p.member_user_ids ? p.member_user_ids.split(',').filter(Boolean) : [];
  const [counties, people, topics, activities, total] = await Promise.all([
    countyNames(db, [p.tenant_id]), findPeople(db, memberIds), topicsOf(db, p.id),
    tdb.selectFrom('platforms_activities').selectAll().where('platform_id', '=', p.id).orderBy('held_on', 'desc').orderBy('id', 'desc').limit(50).execute(),
    tdb.selectFrom('platforms_activities').select((eb) => eb.fn.countAll().as('n')).where('platform_id', '=', p.id).executeTakeFirstOrThrow(),
  ]);
  const results = await resultsOfActivities(db, activities.map((a) => a.id));
  const photos = await Promise.all(activities.map((a) => attachmentsOf(db, 'platforms_activity', a.id)));
  const one = new Map([[p.id, p]]);
  return {
    ...toPlatformItem(p, counties),
    convenerPhone: p.convener_phone ?? null,
    members: memberIds.map((id) => ({ id, name: people.get(id)?.name ?? '' })),
    topics: topics.map(toTopicItem),
    activities: activities.map((a, i) => {
      const mine = results.filter((r) => r.activity_id === a.id);
      return { ...toActivityItem(a, one.get(a.platform_id), counties, mine.length), results: mine.map((r) => toResultItem(r, p, counties, actor)), photoCount: photos[i].length };
    }),
    activityTotal: Number(total.n),
    canEdit: canEditPlatform(p, actor, town),
    canRecord: canRecordOn(p, actor, town),
  };
}
