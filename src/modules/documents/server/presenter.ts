/**
 * Turns rows into API objects. Every record goes out with `actions`, what the caller may do now (from the lifecycle's
 * one decision, `allowedActions`), and `progress` (the step bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { DocumentsDetail, DocumentsListItem } from '../contract.ts';
import { documentsActionLabel, documentsLifecycle, documentsStateLabel, type DocumentsState } from '../domain/documents-lifecycle.ts';
import { canEditItem } from './commands.ts';
import { historyOf } from './repository.ts';
import type { DocumentsItemRow } from './tables.ts';

export function toListItem(r: DocumentsItemRow): DocumentsListItem {
  return {
    id: r.id, title: r.title, ownerUserId: r.owner_user_id, ownerName: r.owner_name,
    state: r.state as DocumentsState, stateLabel: documentsStateLabel(r.state), stateTone: stateView(documentsLifecycle, r.state).tone,
    dueDate: r.due_date ?? null, createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toDetail(db: AnyModuleDb, r: DocumentsItemRow, actor: Actor): Promise<DocumentsDetail> {
  const history = await historyOf(db, r.id);
  return {
    ...toListItem(r),
    body: r.body, returnReason: r.return_reason ?? null, result: r.result ?? null,
    progress: stateView(documentsLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: documentsActionLabel(h.action), toStateLabel: documentsStateLabel(h.to_state),
      actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(documentsLifecycle, r.state, { record: r as unknown as Record<string, unknown> & DocumentsItemRow, actor }),
    canEdit: canEditItem(r, actor),
  };
}
