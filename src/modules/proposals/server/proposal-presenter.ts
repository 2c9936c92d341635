/** Turns proposal rows into API objects: list items, and details with history, co-signers, units and the caller's actions. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { allowedActions } from '../../../kernel/universal/workflow.ts';
import { unitRoleLabels, type ProposalDetail, type ProposalListItem, type UnitRole } from '../contract.ts';
import { actionLabel, actionPermission, buildProposalLifecycle, stateLabel, type ProposalDeadlines } from '../domain/proposal-lifecycle.ts';
import { canConfirmCosign, canEditDraft, type VisibilityFacts } from '../domain/proposal-policy.ts';
import type { CodeLabel } from '../domain/proposal-settings.ts';
import { attachmentsOf, presentAttachment } from '../../attachments/index.ts';
import { listCosigners, listHistory, listUnitsOf, type ProposalRow } from './proposal-repository.ts';

export function toListItem(r: ProposalRow): ProposalListItem {
  return {
    id: r.id, year: Number(r.year), sessionLabel: r.session_label, number: r.number ?? null, title: r.title,
    type: r.type as ProposalListItem['type'], category: (r.category ?? null) as ProposalListItem['category'],
    state: r.state as ProposalListItem['state'], stateLabel: stateLabel(r.state),
    proposerUserId: r.proposer_user_id, proposerName: r.proposer_name,
    leadUnitId: r.lead_unit_id ?? null, leadUnitName: r.lead_unit_name ?? null,
    handlingMode: (r.handling_mode ?? null) as ProposalListItem['handlingMode'],
    replyClass: r.reply_class ?? null, satisfaction: (r.satisfaction ?? null) as ProposalListItem['satisfaction'],
    isKey: Number(r.is_key) === 1, isExcellent: Number(r.is_excellent) === 1, isPublic: Number(r.is_public) === 1,
    dueDate: r.due_date ?? null, submittedAt: r.submitted_at ?? null, createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
  };
}

function parseJson(s: unknown): Record<string, unknown> | null {
  if (typeof s !== 'string' || !s) return null;
  try { return JSON.parse(s); } catch { return null; }
}

export async function toDetail(db: Kysely<any>, r: ProposalRow, actor: Actor, facts: VisibilityFacts & { pendingCosignerIds: string[] },
  deadlines: ProposalDeadlines, notFiledReasons: CodeLabel[]): Promise<ProposalDetail> {
  const [history, cosigners, units, files] = await Promise.all([listHistory(db, r.id), listCosigners(db, r.id), listUnitsOf(db, r.id), attachmentsOf(db, 'proposal', r.id)]);
  const wf = buildProposalLifecycle(deadlines);
  const actions = allowedActions(wf, r.state, { record: r, actor })
    .filter((a) => !actionPermission[a.name] || can(actor, actionPermission[a.name]));
  const reason = r.not_filed_reason ? (notFiledReasons.find((x) => x.code === r.not_filed_reason)?.label ?? r.not_filed_reason) : null;
  return {
    ...toListItem(r),
    background: r.background, analysis: r.analysis, suggestions: r.suggestions,
    proposerOrgId: r.proposer_org_id ?? null, sectorId: r.sector_id ?? null, committeeId: r.committee_id ?? null,
    replyText: r.reply_text ?? null, notFiledReason: reason, mergedIntoId: r.merged_into_id ?? null,
    filedAt: r.filed_at ?? null, repliedAt: r.replied_at ?? null,
    cosigners: cosigners.map((c: any) => ({ userId: c.user_id, name: c.name, confirmedAt: c.confirmed_at ?? null })),
    units: units.map((u: any) => ({ unitId: u.unit_id, unitName: u.unit_name, role: u.role as UnitRole, roleLabel: unitRoleLabels[u.role as UnitRole] ?? u.role })),
    attachments: files.map((f) => presentAttachment(f)),
    history: history.map((h: any) => ({
      id: h.id, action: h.action, actionLabel: actionLabel(h.action), fromState: h.from_state ?? null, toState: h.to_state,
      toStateLabel: stateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, data: parseJson(h.data), at: h.at,
    })),
    actions,
    abilities: { edit: canEditDraft(r, actor), confirmCosign: canConfirmCosign(r, actor, facts.pendingCosignerIds) },
  };
}
