/**
 * Turns rows into API objects. Every record goes out with `actions`, what the caller may do now (from the lifecycle's
 * one decision, `allowedActions`), its `abilities` outside the lifecycle (延期申请, 审核延期) and `progress` (the step
 * bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { sourceTypeLabels, type AnySourceType, type RecommendationsDetail, type RecommendationsListItem } from '../contract.ts';
import { isOverdue, recommendationsActionLabel, recommendationsLifecycle, recommendationsStateLabel, type RecommendationsState } from '../domain/recommendations-lifecycle.ts';
import { readsAll } from '../domain/recommendations-policy.ts';
import { canDecideExtension, canRecordInstruction, canRequestExtension } from './commands.ts';
import { historyOf, instructionsOf, partsOf } from './repository.ts';
import type { RecommendationRow } from './tables.ts';

const extensionLabels: Record<string, string> = { requested: '待审核', granted: '已同意', refused: '不同意' };

export function toListItem(r: RecommendationRow, today: string): RecommendationsListItem {
  return {
    id: r.id, text: r.text, sourceType: r.source_type as AnySourceType, sourceTypeLabel: sourceTypeLabels[r.source_type as AnySourceType] ?? r.source_type,
    sourceTitle: r.source_title, itemKey: r.item_key, unitId: r.unit_id, unitName: r.unit_name,
    state: r.state as RecommendationsState, stateLabel: recommendationsStateLabel(r.state), stateTone: stateView(recommendationsLifecycle, r.state).tone,
    dueDate: r.due_date ?? null, overdue: isOverdue(r, today), extensionPending: r.ext_state === 'requested', hasInstruction: !!r.instruction_text,
    createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toDetail(db: AnyModuleDb, r: RecommendationRow, actor: Actor, today: string): Promise<RecommendationsDetail> {
  const [history, parts, later] = await Promise.all([historyOf(db, r.id), partsOf(db, r), instructionsOf(db, r)]);
  // the instruction it was handed over with comes first; the later ones were recorded here (or sent by the source)
  const same = (i: { by_name: string; text: string; on_date: string }) => i.by_name === r.instruction_by && i.text === r.instruction_text && i.on_date === r.instruction_at;
  const first = r.instruction_text && !later.some(same)
    ? [{ id: `${r.id}-0`, by: r.instruction_by ?? '', text: r.instruction_text, onDate: r.instruction_at ?? r.created_at.slice(0, 10), scope: 'source' as const, scopeLabel: '整份报告', documentId: null, recordedByName: r.requested_by_name, recordedAt: r.created_at }]
    : [];
  return {
    ...toListItem(r, today),
    sourceModule: r.source_module, sourceId: r.source_id, sourceLink: r.source_link ?? null,
    instruction: r.instruction_text ? { by: r.instruction_by ?? '', text: r.instruction_text, at: r.instruction_at ?? null } : null,
    instructions: [...first, ...later.map((i) => ({
      id: i.id, by: i.by_name, text: i.text, onDate: i.on_date, scope: i.item_key === null ? 'source' as const : 'recommendation' as const,
      scopeLabel: i.item_key === null ? '整份报告' : '本条建议', documentId: i.document_id ?? null, recordedByName: i.recorded_by_name, recordedAt: i.created_at,
    }))],
    requestedByName: r.requested_by_name,
    feedback: r.feedback ?? null, repliedAt: r.replied_at ?? null, assessment: r.assessment ?? null, notDoneReason: r.not_done_reason ?? null,
    returnReason: r.state === 'pending' ? r.return_reason ?? null : null,
    extension: r.ext_state ? { state: r.ext_state, stateLabel: extensionLabels[r.ext_state] ?? r.ext_state, reason: r.ext_reason ?? null, dueDate: r.ext_due_date ?? null, answer: r.ext_answer ?? null } : null,
    // a department sees that others share the recommendation, not how they stand (each sees its own part)
    siblings: parts.filter((p) => p.id !== r.id).map((p) => ({
      id: p.id, unitName: p.unit_name,
      stateLabel: actor.tenantId === p.tenant_id && (p.unit_id === actor.orgId || readsAll(actor)) ? recommendationsStateLabel(p.state) : '',
      stateTone: stateView(recommendationsLifecycle, p.state).tone,
    })),
    progress: stateView(recommendationsLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: recommendationsActionLabel(h.action), toStateLabel: recommendationsStateLabel(h.to_state),
      actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(recommendationsLifecycle, r.state, { record: r as unknown as Record<string, unknown> & RecommendationRow, actor }),
    abilities: { requestExtension: canRequestExtension(r, actor), decideExtension: canDecideExtension(r, actor), recordInstruction: canRecordInstruction(r, actor) },
  };
}

