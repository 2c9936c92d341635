/**
 * Turns rows into API objects. Every record goes out with `actions`, what the caller may do now (from the lifecycle's
 * one decision, `allowedActions`), and `progress` (the step bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { StudiosDetail, StudiosListItem } from '../contract.ts';
import { studiosActionLabel, studiosLifecycle, studiosStateLabel, type StudiosState } from '../domain/studios-lifecycle.ts';
import { canEditItem } from './commands.ts';
import { historyOf } from './repository.ts';
import type { StudiosItemRow } from './tables.ts';

export function toListItem(r: StudiosItemRow): StudiosListItem {
  return {
    id: r.id, title: r.title, ownerUserId: r.owner_user_id, ownerName: r.owner_name,
    state: r.state as StudiosState, stateLabel: studiosStateLabel(r.state), stateTone: stateView(studiosLifecycle, r.state).tone,
    dueDate: r.due_date ?? null, createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toDetail(db: AnyModuleDb, r: StudiosItemRow, actor: Actor): Promise<StudiosDetail> {
  const history = await historyOf(db, r.id);
  return {
    ...toListItem(r),
    body: r.body, returnReason: r.return_reason ?? null, result: r.result ?? null,
    progress: stateView(studiosLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: studiosActionLabel(h.action), toStateLabel: studiosStateLabel(h.to_state),
      actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(studiosLifecycle, r.state, { record: r as unknown as Record<string, unknown> & StudiosItemRow, actor }),
    canEdit: canEditItem(r, actor),
  };
}
