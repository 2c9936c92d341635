/**
 * Turns rows into API objects, as the caller may see them. Every record goes out with `actions` (what the caller may do
 * now, from the lifecycle) and its `version`. Staff see turnout and the live results; a department sees its own
 * self-report and rectification, and the results once published; no one sees a ballot's choices (there is no such
 * link to show: the marks carry no voter).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { scopeLabels, type AppraisalDetail, type AppraisalListItem, type AppraisalScope } from '../contract.ts';
import { appraisalsActionLabel, appraisalsLifecycle, appraisalsStateLabel, heldStates, planEditable, publishedStates, tokensIssuable, type AppraisalsState } from '../domain/appraisals-lifecycle.ts';
import { manages, type Viewer } from '../domain/appraisals-policy.ts';
import { computeResults, type UnitResult } from '../domain/appraisals-scoring.ts';
import { voteLinkOf } from './commands.ts';
import { ballotOf, groupOf, historyOf, itemsOf, rectificationsOf, talliesOf, turnoutOf, unitsOf, visitsOf } from './repository.ts';
import type { AppraisalRow, AppraisalUnitRow } from './tables.ts';

export function toListItem(r: AppraisalRow, units: readonly AppraisalUnitRow[]): AppraisalListItem {
  return {
    id: r.id, title: r.title, scope: r.scope as AppraisalScope, scopeLabel: scopeLabels[r.scope as AppraisalScope] ?? r.scope, plannedOn: r.planned_on,
    leadCommitteeName: r.lead_committee_name ?? null, units: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name })),
    state: r.state as AppraisalsState, stateLabel: appraisalsStateLabel(r.state), stateTone: stateView(appraisalsLifecycle, r.state).tone,
    createdAt: r.created_at, version: Number(r.version),
  };
}

const has = (list: readonly string[], s: string) => list.includes(s);
export const choiceScoresOf = (r: AppraisalRow) => ({ satisfied: Number(r.score_satisfied), basic: Number(r.score_basic), dissatisfied: Number(r.score_dissatisfied) });

/** The results of an appraisal per department and item, ranked (from the counted marks only). */
export async function resultsOf(ctx: Pick<ModuleContext, 'db'>, r: AppraisalRow, units?: readonly AppraisalUnitRow[]): Promise<UnitResult[]> {
  const [u, items, tallies] = await Promise.all([units ?? unitsOf(ctx.db, r.id), itemsOf(ctx.db, r.id), talliesOf(ctx.db, r.id)]);
  return computeResults(u.map((x) => ({ unitId: x.unit_id, unitName: x.unit_name })), items, tallies, choiceScoresOf(r));
}

export async function toDetail(ctx: Pick<ModuleContext, 'db'>, r: AppraisalRow, actor: Actor, viewer: Viewer): Promise<AppraisalDetail> {
  const staff = viewer === 'staff';
  const [units, items, group, visits, recs, history] = await Promise.all([
    unitsOf(ctx.db, r.id), itemsOf(ctx.db, r.id), groupOf(ctx.db, r.id), visitsOf(ctx.db, r.id), rectificationsOf(ctx.db, r.id),
    staff ? historyOf(ctx.db, r.id) : Promise.resolve([]),
  ]);
  const mineOnly = (unitId: string) => staff || (viewer === 'department' && unitId === actor.orgId);
  const nameOf = new Map(units.map((u) => [u.unit_id, u.unit_name]));
  const seeResults = staff ? has(heldStates, r.state) : has(publishedStates, r.state);
  const [results, turnout, ballot] = await Promise.all([
    seeResults ? resultsOf(ctx, r, units) : Promise.resolve(null),
    staff ? turnoutOf(ctx.db, r.id) : Promise.resolve(null),
    viewer === 'member' ? ballotOf(ctx.db, r.id, `u:${actor.userId}`) : Promise.resolve(undefined),
  ]);
  const office = staff && manages(actor);
  return {
    ...toListItem(r, units),
    viewer,
    scopeNote: r.scope_note ?? null, place: r.place ?? null, selfReportDue: r.self_report_due ?? null, publishedOn: r.published_on ?? null, summary: r.summary ?? null,
    choiceScores: choiceScoresOf(r), items,
    group: group.map((g) => ({ userId: g.user_id, name: g.name, duty: g.duty, dutyLabel: g.duty === 'leader' ? '组长' : '成员' })),
    departments: units.map((u) => ({
      unitId: u.unit_id, unitName: u.unit_name,
      selfReport: mineOnly(u.unit_id) ? u.self_report ?? null : null, selfReportAt: u.self_report_at ?? null, selfReportBy: mineOnly(u.unit_id) ? u.self_report_by ?? null : null,
      version: Number(u.version), canReport: viewer === 'department' && u.unit_id === actor.orgId && (r.state === 'preparing' || r.state === 'self_check'),
    })),
    visits: visits.filter((v) => mineOnly(v.unit_id)).map((v) => ({ id: v.id, unitId: v.unit_id, unitName: nameOf.get(v.unit_id) ?? v.unit_id, visitedOn: v.visited_on, note: v.note, recordedBy: v.recorded_by })),
    turnout, results,
    rectifications: recs.filter((x) => mineOnly(x.unit_id)).map((x) => ({ unitId: x.unit_id, unitName: nameOf.get(x.unit_id) ?? x.unit_id, seq: Number(x.seq), text: x.text, dueWorkingDays: Number(x.due_working_days) })),
    voteLink: office && r.state === 'voting' ? voteLinkOf(r) : null,
    myVote: viewer === 'member' ? { canVote: r.state === 'voting', voted: !!ballot, castAt: ballot?.cast_at ?? null } : null,
    progress: stateView(appraisalsLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: appraisalsActionLabel(h.action), toStateLabel: appraisalsStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: staff ? allowedActions(appraisalsLifecycle, r.state, { record: r as unknown as AppraisalRow & Record<string, unknown> & { owner_user_id: string }, actor }) : [],
    abilities: {
      edit: office && planEditable(r.state), visit: office && r.state !== 'closed', tokens: office && tokensIssuable(r.state),
      rectify: office && r.state === 'published', export: staff && has(heldStates, r.state),
    },
  };
}
