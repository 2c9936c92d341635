/**
 * Turns rows into API objects. Every record goes out with `actions`, what the caller may do now (from the lifecycle's
 * one decision, `allowedActions`), and `progress` (the step bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { findPeople } from '../../identity/index.ts';
import type { SurveysDetail, SurveysListItem } from '../contract.ts';
import { isCollecting, surveysActionLabel, surveysLifecycle, surveysStateLabel, type SurveysState } from '../domain/surveys-lifecycle.ts';
import { audienceLabels, type Audience } from '../domain/surveys-policy.ts';
import { canEditItem } from './commands.ts';
import { answerCounts, audienceIdsOf, historyOf, questionsOf } from './repository.ts';
import type { SurveysItemRow } from './tables.ts';

export function toListItem(r: SurveysItemRow, answers: number): SurveysListItem {
  return {
    id: r.id, title: r.title, ownerUserId: r.owner_user_id, ownerName: r.owner_name,
    state: r.state as SurveysState, stateLabel: surveysStateLabel(r.state), stateTone: stateView(surveysLifecycle, r.state).tone,
    audience: r.audience as Audience, audienceLabel: audienceLabels[r.audience as Audience] ?? r.audience,
    opensOn: r.opens_on ?? null, closesOn: r.closes_on ?? null, collecting: isCollecting(r, clock.today()), answerCount: answers,
    createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toListItems(db: AnyModuleDb, rows: SurveysItemRow[]): Promise<SurveysListItem[]> {
  const counts = await answerCounts(db, rows.map((r) => r.id));
  return rows.map((r) => toListItem(r, counts.get(r.id) ?? 0));
}

export async function toDetail(db: AnyModuleDb, r: SurveysItemRow, actor: Actor): Promise<SurveysDetail> {
  const listed = r.audience === 'list' ? audienceIdsOf(r) : [];
  const [history, counts, people] = await Promise.all([historyOf(db, r.id), answerCounts(db, [r.id]), findPeople(db, listed)]);
  return {
    ...toListItem(r, counts.get(r.id) ?? 0),
    body: r.body, questions: questionsOf(r), audienceUserIds: audienceIdsOf(r),
    audiencePeople: listed.map((id) => ({ userId: id, name: people.get(id)?.name ?? id })), allowAnonymous: Number(r.allow_anonymous) === 1,
    sharePath: `/s/${r.share_token}`,
    progress: stateView(surveysLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: surveysActionLabel(h.action), toStateLabel: surveysStateLabel(h.to_state),
      actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(surveysLifecycle, r.state, { record: r as unknown as Record<string, unknown> & SurveysItemRow, actor }),
    canEdit: canEditItem(r, actor),
  };
}
