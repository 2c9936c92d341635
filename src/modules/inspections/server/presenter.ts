/**
 * Turns rows into API objects. Every record goes out with `actions` (what the caller may do now, from the lifecycle),
 * `abilities` (the steps outside it) and `progress` (the step bar), so the web never re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { attachmentsOf, attachmentsOfMany } from '../../attachments/index.ts';
import { orgNames } from '../../organizations/index.ts';
import type { InspectionDetail, InspectionListItem } from '../contract.ts';
import { inspectionActionLabel, inspectionKindLabels, inspectionLifecycle, inspectionStateLabel, reportLabel, sentStates, type InspectionKind, type InspectionState } from '../domain/inspection-lifecycle.ts';
import { reportLate } from '../domain/inspection-rules.ts';
import { abilitiesOf, INSTRUCTION_ENTITY } from './commands.ts';
import { historyOf, jsonList, participantCounts } from './repository.ts';
import { inspectionsDb, type InspectionRow, type ParticipantRow } from './tables.ts';

export async function toListItems(ctx: Pick<ModuleContext, 'db' | 'calendar'>, rows: InspectionRow[]): Promise<InspectionListItem[]> {
  const [names, counts] = await Promise.all([orgNames(ctx.db, [...new Set(rows.map((r) => r.lead_committee_id))]), participantCounts(ctx.db, rows.map((r) => r.id))]);
  const today = ctx.calendar.today();
  return rows.map((r) => ({
    id: r.id, year: Number(r.year), kind: r.kind as InspectionKind, kindLabel: inspectionKindLabels[r.kind as InspectionKind] ?? r.kind, title: r.title, proposer: r.proposer,
    leadCommitteeId: r.lead_committee_id, leadCommitteeName: names.get(r.lead_committee_id)?.name ?? '', places: jsonList(r.places),
    plannedFrom: r.planned_from, plannedTo: r.planned_to, approvedMeeting: r.approved_meeting ?? null, approvedOn: r.approved_on ?? null,
    state: r.state as InspectionState, stateLabel: inspectionStateLabel(r.state), stateTone: stateView(inspectionLifecycle, r.state).tone,
    reportDue: r.report_due ?? null, reportLate: reportLate(r, today), participantCount: counts.get(r.id) ?? 0,
    problemCount: Number(r.problem_count), recommendationCount: Number(r.recommendation_count), sentOn: r.sent_on ?? null, version: Number(r.version),
  }));
}

const presentParticipant = (p: ParticipantRow) => ({ id: p.id, userId: p.user_id, name: p.name, signedInAt: p.signed_in_at ?? null, byStaff: !!p.signed_in_at && p.signed_in_by !== p.user_id, version: Number(p.version) });

export async function toDetail(ctx: Pick<ModuleContext, 'db' | 'calendar'>, r: InspectionRow, actor: Actor, me: ParticipantRow | undefined): Promise<InspectionDetail> {
  const db = inspectionsDb(ctx.db);
  const [[item], history, participants, stops, notes, findings, instructions, files] = await Promise.all([
    toListItems(ctx, [r]), historyOf(ctx.db, r.id),
    db.selectFrom('inspection_participants').selectAll().where('inspection_id', '=', r.id).orderBy('created_at').orderBy('name').execute(),
    db.selectFrom('inspection_stops').selectAll().where('inspection_id', '=', r.id).orderBy('seq').execute(),
    db.selectFrom('inspection_notes').selectAll().where('inspection_id', '=', r.id).orderBy('created_at', 'desc').orderBy('id').execute(),
    db.selectFrom('inspection_findings').selectAll().where('inspection_id', '=', r.id).orderBy('type').orderBy('seq').execute(),
    db.selectFrom('inspection_instructions').selectAll().where('inspection_id', '=', r.id).orderBy('on_date').orderBy('created_at').execute(),
    attachmentsOf(ctx.db, 'inspection', r.id),
  ]);
  const [unitNames, docs] = await Promise.all([
    orgNames(ctx.db, [...new Set(findings.flatMap((f) => jsonList(f.unit_ids)))]),
    attachmentsOfMany(ctx.db, INSTRUCTION_ENTITY, instructions.filter((i) => i.document_id).map((i) => i.id)),
  ]);
  const fileById = new Map(files.map((f) => [f.id, { id: f.id, filename: f.filename, mime: f.mime }]));
  const placeOf = new Map(stops.map((s) => [s.id, s.place]));
  const finding = (f: (typeof findings)[number]) => ({ seq: Number(f.seq), text: f.text, unitIds: jsonList(f.unit_ids), unitNames: jsonList(f.unit_ids).map((u) => unitNames.get(u)?.name ?? u), dueWorkingDays: f.due_working_days === null ? null : Number(f.due_working_days) });
  return {
    ...item,
    topic: r.topic, ownerName: r.owner_name, startedOn: r.started_on ?? null, endedOn: r.ended_on ?? null, returnReason: r.return_reason ?? null, reportLabel: reportLabel(r.kind),
    report: Number(r.report_no) > 0 ? {
      no: Number(r.report_no), title: r.report_title ?? '', body: r.report_body ?? '',
      problems: findings.filter((f) => f.type === 'problem').map(finding), recommendations: findings.filter((f) => f.type === 'recommendation').map(finding),
    } : null,
    participants: participants.map(presentParticipant),
    me: me ? presentParticipant(me) : null,
    stops: stops.map((s) => ({ id: s.id, seq: Number(s.seq), onDate: s.on_date, place: s.place, purpose: s.purpose ?? null, visitedAt: s.visited_at ?? null })),
    notes: notes.map((n) => ({
      id: n.id, kind: n.kind as 'note' | 'document', kindLabel: n.kind === 'document' ? '收到的材料' : '笔记照片', stopId: n.stop_id ?? null, place: n.stop_id ? placeOf.get(n.stop_id) ?? null : null,
      text: n.text, attachments: jsonList(n.attachment_ids).map((a) => fileById.get(a)).filter((a): a is NonNullable<typeof a> => !!a), authorName: n.author_name, createdAt: n.created_at,
    })),
    instructions: instructions.map((i) => ({
      id: i.id, inspectionId: r.id, inspectionTitle: r.title, by: i.by_name, text: i.text, onDate: i.on_date,
      recommendationNos: i.recommendation_nos ? (JSON.parse(i.recommendation_nos) as number[]) : [],
      document: i.document_id ? { id: i.document_id, filename: docs.get(i.id)?.find((f) => f.id === i.document_id)?.filename ?? '批示件' } : null,
    })),
    trackerLink: (sentStates as readonly string[]).includes(r.state) ? `/recommendations?sourceId=${encodeURIComponent(r.id)}` : null,
    progress: stateView(inspectionLifecycle, r.state),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: inspectionActionLabel(h.action), toStateLabel: inspectionStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    actions: allowedActions(inspectionLifecycle, r.state, { record: r as unknown as InspectionRow & Record<string, unknown> & { lead_committee_id: string; report_no: number; recommendation_count: number }, actor }),
    abilities: abilitiesOf(r, actor, me, ctx.calendar.today()),
  };
}
