/** Turns proposal rows into API objects: list items, and details with history, co-signers, units and the caller's actions. */
import type { Actor } from '../../../kernel/server/actor.ts';
import { can } from '../../../kernel/server/actor.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import {
  evaluatorKindLabels, satisfactionLabels, unitRoleLabels, type ProposalDetail, type ProposalListItem, type Satisfaction, type UnitRole,
} from '../contract.ts';
import { mayViewScore, mutualGrade, mutualScoringOpen, mutualSideLabels, mutualSideOf, mutualSides, pendingEvaluators, type MutualSide } from '../domain/proposal-evaluation.ts';
import { actionLabel, buildProposalLifecycle, proposalLifecycle, defaultLifecycleRules, stateLabel, type LifecycleRules, type ProposalDeadlines } from '../domain/proposal-lifecycle.ts';
import { conversionInfoOf } from './conversion.ts';
import { canConfirmCosign, canEditDraft, type VisibilityFacts } from '../domain/proposal-policy.ts';
import type { CodeLabel } from '../domain/proposal-settings.ts';
import { attachmentsOf, presentAttachment } from '../../attachments/index.ts';
import { listAssignments, presentAssignments } from './assignments.ts';
import {
  canAddSupervisionNote, canDecideKey, canMarkExcellent, canNominateKey, keyStatusLabels, supervisionKindLabels, type KeyStatus, type SupervisionKind,
} from '../domain/key-proposals.ts';
import { canRecordConsultation, consultationMethodLabels, type ConsultationMethod } from '../domain/proposal-consultation.ts';
import { listConsultations, listCosigners, listEvaluations, listHistory, listMutualScores, listUnitsOf, type ProposalRow } from './proposal-repository.ts';
import type { ProposalDb } from './tables.ts';

export function toListItem(r: ProposalRow): ProposalListItem {
  return {
    id: r.id, year: Number(r.year), sessionLabel: r.session_label, number: r.number ?? null, title: r.title,
    type: r.type as ProposalListItem['type'], category: (r.category ?? null) as ProposalListItem['category'],
    state: r.state as ProposalListItem['state'], stateLabel: stateLabel(r.state), stateTone: stateView(proposalLifecycle, r.state).tone,
    proposerUserId: r.proposer_user_id, proposerName: r.proposer_name,
    leadUnitId: r.lead_unit_id ?? null, leadUnitName: r.lead_unit_name ?? null,
    handlingMode: (r.handling_mode ?? null) as ProposalListItem['handlingMode'],
    // the released reply's class (答复类别): what the statistics count and the list filter selects
    replyClass: r.released_class ?? null, satisfaction: (r.satisfaction ?? null) as ProposalListItem['satisfaction'],
    isKey: Number(r.is_key) === 1, isExcellent: Number(r.is_excellent) === 1, isPublic: Number(r.is_public) === 1,
    topicId: r.topic_id ?? null, topicTitle: r.topic_title ?? null,
    dueDate: r.due_date ?? null, submittedAt: r.submitted_at ?? null, createdAt: r.created_at, updatedAt: r.updated_at, version: Number(r.version),
  };
}

/** A step's input as the caller may see it: the reply a unit drafted (class and text) only for those who see drafts. */
function historyData(action: string, data: Record<string, unknown> | null, draftSeer: boolean): Record<string, unknown> | null {
  if (!data || draftSeer || !['reply', 'reply_sign', 'release'].includes(action)) return data;
  const { replyClass: _c, replyText: _t, ...rest } = data;
  return Object.keys(rest).length ? rest : null;
}

function parseJson(s: unknown): Record<string, unknown> | null {
  if (typeof s !== 'string' || !s) return null;
  try { return JSON.parse(s); } catch { return null; }
}

export async function toDetail(db: ProposalDb, r: ProposalRow, actor: Actor, facts: VisibilityFacts & { pendingCosignerIds: string[] },
  deadlines: ProposalDeadlines, notFiledReasons: CodeLabel[], rules: LifecycleRules = defaultLifecycleRules): Promise<ProposalDetail> {
  const [history, cosigners, units, files, ratings, scores, assignments, consultations] = await Promise.all([
    listHistory(db, r.id), listCosigners(db, r.id), listUnitsOf(db, r.id), attachmentsOf(db, 'proposal', r.id), listEvaluations(db, r.id), listMutualScores(db, r.id),
    listAssignments(db, r.id), listConsultations(db, r.id),
  ]);
  const [leaders, notes] = await Promise.all([
    db.selectFrom('proposal_key_leaders').select(['user_id', 'name']).where('proposal_id', '=', r.id).orderBy('name').execute(),
    db.selectFrom('proposal_supervision_notes').selectAll().where('proposal_id', '=', r.id).orderBy('date').orderBy('created_at').execute(),
  ]);
  const leaderIds = leaders.map((l: any) => l.user_id as string);
  const wf = buildProposalLifecycle(deadlines, rules);
  // the same decision firing makes (role, permission, guard): what is offered can be fired
  const actions = allowedActions(wf, r.state, { record: r, actor });
  const draftSeer = seesReplyDraft(r, actor);
  const reason = r.not_filed_reason ? (notFiledReasons.find((x) => x.code === r.not_filed_reason)?.label ?? r.not_filed_reason) : null;
  return {
    ...toListItem(r),
    background: r.background, analysis: r.analysis, suggestions: r.suggestions,
    proposerOrgId: r.proposer_org_id ?? null, sectorId: r.sector_id ?? null, committeeId: r.committee_id ?? null,
    ...replyFor(r, actor),
    notFiledReason: reason, mergedIntoId: r.merged_into_id ?? null,
    filedAt: r.filed_at ?? null, repliedAt: r.replied_at ?? null,
    cosigners: cosigners.map((c: any) => ({ userId: c.user_id, name: c.name, confirmedAt: c.confirmed_at ?? null })),
    units: units.map((u: any) => ({ unitId: u.unit_id, unitName: u.unit_name, role: u.role as UnitRole, roleLabel: unitRoleLabels[u.role as UnitRole] ?? u.role })),
    attachments: files.map((f) => presentAttachment(f)),
    history: history.map((h: any) => ({
      id: h.id, action: h.action, actionLabel: actionLabel(h.action), fromState: h.from_state ?? null, toState: h.to_state,
      toStateLabel: stateLabel(h.to_state), toStateTone: stateView(proposalLifecycle, h.to_state).tone, toStateEnds: stateView(proposalLifecycle, h.to_state).status, actorName: h.actor_name, note: h.note ?? null, data: historyData(h.action, parseJson(h.data), draftSeer), at: h.at,
    })),
    progress: stateView(wf, r.state),
    actions,
    abilities: {
      edit: canEditDraft(r, actor), confirmCosign: canConfirmCosign(r, actor, facts.pendingCosignerIds),
      recordConsultation: canRecordConsultation(r, actor, facts.unitIds),
    },
    evaluation: presentEvaluation(r, ratings, cosigners),
    mutual: presentMutual(r, actor, scores),
    assignments: presentAssignments(assignments, r, actor, deadlines, rules.replySignOff !== false),
    key: {
      status: (r.key_status ?? null) as ProposalDetail['key']['status'],
      statusLabel: r.key_status ? keyStatusLabels[r.key_status as KeyStatus] ?? r.key_status : null,
      plan: r.key_plan ?? null,
      leaders: leaders.map((l: any) => ({ userId: l.user_id, name: l.name })),
      notes: notes.map((n: any) => ({
        id: n.id, kind: n.kind, kindLabel: supervisionKindLabels[n.kind as SupervisionKind] ?? n.kind, date: n.date, content: n.content, authorName: n.author_name, at: n.created_at,
      })),
      excellentReason: r.excellent_reason ?? null,
      followUpYear: r.follow_up_year === null || r.follow_up_year === undefined ? null : Number(r.follow_up_year),
      followUpCount: Number(r.follow_up_count ?? 0),
      abilities: {
        nominate: canNominateKey(r, actor), decide: canDecideKey(r, actor),
        addNote: canAddSupervisionNote(r, actor, leaderIds), markExcellent: canMarkExcellent(r, actor),
      },
    },
    conversion: conversionInfoOf(r),
    excellentYear: r.excellent_year === null || r.excellent_year === undefined ? null : Number(r.excellent_year),
    consultations: consultations.map((c: any) => ({
      id: c.id, unitId: c.unit_id, unitName: c.unit_name, method: c.method, methodLabel: consultationMethodLabels[c.method as ConsultationMethod] ?? c.method,
      date: c.date, people: c.people, notes: c.notes, recordedBy: c.recorded_by_name, at: c.created_at,
    })),
  };
}

/**
 * Who works on the reply before it is released: the office (of the proposal's CPPCC) and the lead unit. They see the
 * unit's current reply, a draft while it waits for sign-off and the office's check.
 */
export function seesReplyDraft(r: ProposalRow, actor: Actor): boolean {
  return (can(actor, 'proposal.read_all') && actor.tenantId === r.tenant_id) || (!!r.lead_unit_id && r.lead_unit_id === actor.orgId);
}

/**
 * Whether the unit's current reply is the released one: only while the proposal waits for or has had its evaluation
 * (已答复, 已办结); in any other state after a release (重新办理, 二次交办) the unit may be drafting a new reply.
 */
export const currentReplyReleased = (r: ProposalRow): boolean => !!r.replied_at && (r.state === 'replied' || r.state === 'closed');

/**
 * The lead unit's reply as the caller may see it (decision 0021, as for the 分办 replies): the office and the lead unit see
 * the current reply, a draft included; everyone else (the proposers, the other units, the public) the released reply
 * only, with its signer and 报出 time while it is still the current one.
 */
function replyFor(r: ProposalRow, actor: Actor): Pick<ProposalDetail, 'replyClass' | 'replyText' | 'signerName' | 'signedAt' | 'replySentAt'> {
  if (seesReplyDraft(r, actor)) {
    return { replyClass: r.reply_class ?? null, replyText: r.reply_text ?? null, signerName: r.signer_name ?? null, signedAt: r.signed_at ?? null, replySentAt: r.reply_sent_at ?? null };
  }
  const current = currentReplyReleased(r);
  return {
    replyClass: r.released_class ?? null, replyText: r.released_text ?? null,
    signerName: current ? r.signer_name ?? null : null, signedAt: current ? r.signed_at ?? null : null, replySentAt: current ? r.reply_sent_at ?? null : null,
  };
}

function presentEvaluation(r: ProposalRow, ratings: any[], cosigners: any[]): ProposalDetail['evaluation'] {
  const names = new Map<string, string>([[r.proposer_user_id, r.proposer_name], ...cosigners.map((c: any) => [c.user_id, c.name] as [string, string])]);
  const pending = r.state === 'replied' ? pendingEvaluators(r) : [];
  return {
    round: Number(r.reply_round ?? 0),
    ratings: ratings.map((e: any) => ({
      userId: e.user_id, name: e.user_name, kind: e.evaluator_kind, kindLabel: evaluatorKindLabels[e.evaluator_kind as keyof typeof evaluatorKindLabels] ?? e.evaluator_kind,
      round: Number(e.round), satisfaction: e.satisfaction, satisfactionLabel: satisfactionLabels[e.satisfaction as Satisfaction] ?? e.satisfaction,
      comment: e.comment ?? null, at: e.created_at,
    })),
    pending: pending.map((u) => ({ userId: u, name: names.get(u) ?? u })),
    leaderAttention: Number(r.leader_attention ?? 0) === 1,
  };
}

/** 双向评议, back to back: the other party's score stays hidden until both are in; the office sees both. */
function presentMutual(r: ProposalRow, actor: Actor, scores: any[]): ProposalDetail['mutual'] {
  const mySide = mutualSideOf(r, actor);
  const bySide = new Map<string, any>(scores.map((x: any) => [x.side, x]));
  const bothIn = mutualSides.every((s) => bySide.has(s));
  const office = can(actor, 'proposal.review') && actor.tenantId === r.tenant_id;
  const entry = (side: MutualSide) => {
    const x = bySide.get(side);
    const show = !!x && mayViewScore(side, mySide, bothIn, office);
    return {
      side, sideLabel: mutualSideLabels[side], submitted: !!x,
      score: show ? Number(x.score) : null, grade: show ? mutualGrade(Number(x.score)) : null,
      comment: show ? (x.comment ?? null) : null, scorerName: show ? x.scorer_name : null, at: x ? x.created_at : null,
    };
  };
  return { handling: entry('handling'), quality: entry('quality'), mySide, canScore: !!mySide && !bySide.has(mySide) && mutualScoringOpen(r) };
}
