/**
 * Turns rows into API objects. Every record goes out with `actions`, what the caller may do now (from the lifecycle's
 * one decision, `allowedActions`), and `progress` (the step bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { WenshiDetail, WenshiListItem } from '../contract.ts';
import { wenshiActionLabel, wenshiLifecycle, wenshiStateLabel, type WenshiState } from '../domain/wenshi-lifecycle.ts';
import { canEditItem } from './commands.ts';
import { historyOf } from './repository.ts';
import type { WenshiItemRow } from './tables.ts';

export function toListItem(r: WenshiItemRow): WenshiListItem {
  return {
    id: r.id, title: r.title, ownerUserId: r.owner_user_id, ownerName: r.owner_name,
    state: r.state as WenshiState, stateLabel: wenshiStateLabel(r.state), stateTone: stateView(wenshiLifecycle, r.state).tone,
    dueDate: r.due_date ?? null, createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toDetail(db: AnyModuleDb, r: WenshiItemRow, actor: Actor): Promise<WenshiDetail> {
  const history = await historyOf(db, r.id);
  return {
    ...toListItem(r),
    body: r.body, returnReason: r.return_reason ?? null, result: r.result ?? null,
    progress: stateView(wenshiLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: wenshiActionLabel(h.action), toStateLabel: wenshiStateLabel(h.to_state),
      actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(wenshiLifecycle, r.state, { record: r as unknown as Record<string, unknown> & WenshiItemRow, actor }),
    canEdit: canEditItem(r, actor),
  };
}
