/**
 * Turns rows into API objects. Every record goes out with `actions` (the lifecycle's one decision, `allowedActions`),
 * `can` (the module's other commands the caller may use now) and `progress` (the step bar), so the web derives no rule.
 */
import { can as hasPermission, type Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { orgNames } from '../../organizations/index.ts';
import type { ConsultationDetail, ConsultationListItem, Participant } from '../contract.ts';
import { consultationFormLabel } from '../domain/consultation-forms.ts';
import { beforeMeetingStates, consultationActionLabel, consultationLifecycle, consultationPermissions, consultationStateLabel, outcomeKindLabels, type ConsultationRecord, type ConsultationState, type OutcomeKind } from '../domain/consultation-lifecycle.ts';
import { attendanceLabels, materialsLate, mayAnswer, mayHandInSpeech, noticeLate, participantKindLabels, readsAll, signInOpen, type AttendanceStatus, type ParticipantKind, type SpeechKind } from '../domain/consultation-rules.ts';
import { organiserOf } from './commands.ts';
import { historyOf, instructionsOf, jsonIds, participantsOf, recommendationsOf } from './repository.ts';
import type { ConsultationRow, ParticipantRow } from './tables.ts';

export function toListItem(r: ConsultationRow, committeeName: string, today: string): ConsultationListItem {
  return {
    id: r.id, title: r.title, form: r.form, formLabel: consultationFormLabel(r.form), leadCommitteeId: r.lead_committee_id, leadCommitteeName: committeeName,
    plannedOn: r.planned_on, plannedTime: r.planned_time ?? null, place: r.place ?? null, noticeDue: r.notice_due, materialsDue: r.materials_due, outcomeDue: r.outcome_due ?? null,
    noticeLate: noticeLate(r, today), materialsLate: materialsLate(r, today),
    state: r.state as ConsultationState, stateLabel: consultationStateLabel(r.state), stateTone: stateView(consultationLifecycle, r.state).tone,
    planItemId: r.plan_item_id ?? null, version: Number(r.version),
  };
}

/** List items with their committees' names (one look-up for the page). */
export async function toListItems(ctx: ModuleContext, rows: ConsultationRow[], today: string): Promise<ConsultationListItem[]> {
  const names = await orgNames(ctx.db, [...new Set(rows.map((r) => r.lead_committee_id))]);
  return rows.map((r) => toListItem(r, names.get(r.lead_committee_id)?.name ?? '', today));
}

export function toParticipant(p: ParticipantRow, orgName: string | null): Participant {
  return {
    id: p.id, kind: p.kind as ParticipantKind, kindLabel: participantKindLabels[p.kind as ParticipantKind] ?? p.kind, userId: p.user_id ?? null, name: p.name, orgName,
    status: p.status as AttendanceStatus, statusLabel: attendanceLabels[p.status as AttendanceStatus] ?? p.status, leaveReason: p.leave_reason ?? null,
    signedInAt: p.signed_in_at ?? null, signedInByStaff: !!p.signed_in_at && p.signed_in_by !== p.user_id,
    speechKind: (p.speech_kind as SpeechKind | null) ?? null, speechOrder: p.speech_order == null ? null : Number(p.speech_order), speechText: p.speech_text ?? null, speechAt: p.speech_at ?? null,
    version: Number(p.version),
  };
}

export async function toDetail(ctx: ModuleContext, r: ConsultationRow, actor: Actor): Promise<ConsultationDetail> {
  const today = ctx.calendar.today();
  const [history, participants, recs, instructions] = await Promise.all([historyOf(ctx.db, r.id), participantsOf(ctx.db, r.id), recommendationsOf(ctx.db, r.id), instructionsOf(ctx.db, r.id)]);
  const partnerIds = jsonIds(r.partner_unit_ids);
  const recUnitIds = recs.flatMap((x) => jsonIds(x.unit_ids));
  const orgIds = [...new Set([r.lead_committee_id, ...partnerIds, ...recUnitIds, ...participants.map((p) => p.org_id).filter((x): x is string => !!x)])];
  const names = await orgNames(ctx.db, orgIds);
  const nameOf = (id: string) => names.get(id)?.name ?? id;
  const organiser = organiserOf(r, actor);
  const seesAll = organiser || readsAll(actor);
  const mine = participants.find((p) => p.user_id === actor.userId);
  const proposalIds = jsonIds(r.proposal_ids);
  const reportIds = jsonIds(r.report_ids);
  const [proposalTitles, reportTitles] = await Promise.all([ctx.contributions.titles('proposal', proposalIds), ctx.contributions.titles('opinion', reportIds)]);
  const linkOf = async (type: string, ids: string[], titles: ReadonlyMap<string, string>) =>
    Promise.all(ids.map(async (id) => ({ id, title: titles.get(id) ?? id, link: await ctx.contributions.link(type, id) })));
  const members = participants.filter((p) => p.kind === 'member');
  const before = (beforeMeetingStates as readonly string[]).includes(r.state);
  const signInWhy = signInOpen(r.state, today, r.planned_on);
  const attend = hasPermission(actor, consultationPermissions.attend);
  return {
    ...toListItem(r, nameOf(r.lead_committee_id), today),
    topic: r.topic, partnerUnits: partnerIds.map((id) => ({ id, name: nameOf(id) })), ownerName: r.owner_name,
    noticeSentOn: r.notice_sent_on ?? null, materialsSentOn: r.materials_sent_on ?? null, heldOn: r.held_on ?? null, sentOn: r.sent_on ?? null,
    minutes: seesAll ? r.minutes ?? null : null,
    outcomeKind: (r.outcome_kind as OutcomeKind | null) ?? null, outcomeKindLabel: r.outcome_kind ? outcomeKindLabels[r.outcome_kind as OutcomeKind] ?? r.outcome_kind : null,
    outcomeText: seesAll ? r.outcome_text ?? null : null, returnReason: r.state === 'drafting' ? r.return_reason ?? null : null,
    recommendations: seesAll ? recs.map((x) => ({ seq: Number(x.seq), text: x.text, unitIds: jsonIds(x.unit_ids), unitNames: jsonIds(x.unit_ids).map(nameOf), dueWorkingDays: Number(x.due_working_days) })) : [],
    instructions: instructions.map((i) => ({ id: i.id, by: i.by_name, text: i.text, onDate: i.on_date })),
    proposals: await linkOf('proposal', proposalIds, proposalTitles),
    reports: await linkOf('opinion', reportIds, reportTitles),
    counts: {
      members: members.length, confirmed: members.filter((p) => p.status === 'confirmed').length, leave: members.filter((p) => p.status === 'leave_approved' || p.status === 'leave_requested').length,
      signedIn: participants.filter((p) => p.signed_in_at).length, speeches: participants.filter((p) => p.speech_kind).length,
    },
    participants: (seesAll ? participants : participants.filter((p) => p.user_id === actor.userId)).map((p) => toParticipant(p, p.org_id ? nameOf(p.org_id) : null)),
    me: mine ? toParticipant(mine, null) : null,
    progress: stateView(consultationLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: consultationActionLabel(h.action), toStateLabel: consultationStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(consultationLifecycle, r.state, { record: r as unknown as ConsultationRecord, actor }),
    can: {
      seeAll: seesAll,
      edit: organiser && r.state !== 'closed',
      invite: organiser && before,
      arrange: organiser && !['signoff', 'signed', 'sent', 'closed'].includes(r.state),
      signInOthers: organiser && signInWhy === null,
      showSignInCode: organiser && signInWhy === null,
      editOutcome: organiser && r.state === 'drafting',
      instruct: organiser && (r.state === 'sent' || r.state === 'closed'),
      link: organiser,
      answer: attend && !!mine && mine.kind === 'member' && mine.status !== 'leave_approved' && mayAnswer(r.state, today, r.planned_on) === null,
      speak: attend && !!mine && mine.kind === 'member' && mayHandInSpeech(r.state, today, r.planned_on) === null,
      signIn: attend && !!mine && !mine.signed_in_at && signInWhy === null,
    },
  };
}
