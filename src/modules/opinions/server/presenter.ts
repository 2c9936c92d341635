/** Turns 社情民意 rows into API objects: list items, report details (texts side by side, revisions, history, lineage events, actions) and issues. */
import type { Actor } from '../../../kernel/server/actor.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { attachmentsOf, presentAttachment } from '../../attachments/index.ts';
import { adoptionTypeLabels, eventKindLabels, levelLabels, type AdoptionType, type EventKind, type IssueDetail, type Level, type ReportDetail, type ReportListItem } from '../contract.ts';
import {
  issueActionLabel, issueDrivenActions, issueLifecycle, issueStateLabel, reportActionLabel, reportLifecycle, reportStateLabel,
} from '../domain/opinion-lifecycle.ts';
import { canEditReport, canRecordEvent, canSendUp } from '../domain/opinion-policy.ts';
import { lengthWarning, textLength } from '../domain/scoring.ts';
import { unitKinds } from '../domain/ranking.ts';
import { orgNames } from '../../organizations/index.ts';
import { lineageEvents, listHistory, listRevisions, piecesOf, type ReportRow } from './report-repository.ts';
import type { CodeLabel } from './settings.ts';
import type { OpinionDb } from './tables.ts';

/** 报送单位 of reports: the parties, groups, committees and handling units they came in the name of (not the CPPCC itself). */
export async function unitNamesOf(db: OpinionDb, rows: ReadonlyArray<Pick<ReportRow, 'tenant_id' | 'submitter_org_id'>>): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.submitter_org_id).filter((x): x is string => !!x))].filter((id) => !rows.some((r) => r.tenant_id === id));
  const names = await orgNames(db, ids);
  return new Map([...names].filter(([, o]) => unitKinds.has(o.kind)).map(([id, o]) => [id, o.name]));
}

export function toListItem(r: ReportRow, units?: ReadonlyMap<string, string>): ReportListItem {
  return {
    id: r.id, year: Number(r.year), title: r.title, urgent: Number(r.urgent) === 1, state: r.state as ReportListItem['state'], stateLabel: reportStateLabel(r.state), stateTone: stateView(reportLifecycle, r.state).tone,
    submitterUserId: r.submitter_user_id, submitterName: r.submitter_name,
    submitterOrgName: (r.submitter_org_id && units?.get(r.submitter_org_id)) || null, sourceTenantName: r.source_tenant_name ?? null, sourceReportId: r.source_report_id ?? null,
    issueNumber: r.issue_number ?? null, submittedAt: r.submitted_at, sentUpAt: r.sent_up_at ?? null, length: textLength(String(r.body ?? '')), version: Number(r.version),
  };
}

const histItem = (label: (a: string) => string, stateLabel: (s: string) => string) => (h: any) => ({
  id: h.id, action: h.action, actionLabel: label(h.action), fromState: h.from_state ?? null, toState: h.to_state, toStateLabel: stateLabel(h.to_state),
  actorName: h.actor_name, note: h.note ?? null, at: h.at,
});

export function presentEvent(e: any) {
  return {
    id: e.id, kind: e.kind as EventKind, kindLabel: e.kind === 'adoption' && e.adoption_type ? adoptionTypeLabels[e.adoption_type as AdoptionType] : eventKindLabels[e.kind as EventKind],
    level: e.level as Level, levelLabel: levelLabels[e.level as Level] ?? e.level, adoptionType: (e.adoption_type ?? null) as AdoptionType | null, leaderLevel: (e.leader_level ?? null) as Level | null,
    text: e.text ?? null, department: e.department ?? null, points: Number(e.points), tenantName: e.tenant_name, reportId: e.report_id, recordedBy: e.recorded_by, at: e.at,
  };
}

export async function toDetail(db: OpinionDb, r: ReportRow, actor: Actor, lengthGuide: number): Promise<ReportDetail> {
  const [revisions, history, events, files, units] = await Promise.all([listRevisions(db, r.id), listHistory(db, 'opinion', r.id), lineageEvents(db, r.root_report_id), attachmentsOf(db, 'opinion', r.id), unitNamesOf(db, [r])]);
  // the lifecycle's one decision (role, permission, guard); 编期 and 刊发 are fired by the issue, never from the report
  const actions = allowedActions(reportLifecycle, r.state, { record: r, actor }).filter((a) => !issueDrivenActions.has(a.name));
  return {
    ...toListItem(r, units),
    body: r.body, submittedTitle: r.submitted_title, submittedBody: r.submitted_body, lengthWarning: lengthWarning(r.body, lengthGuide),
    returnReason: r.return_reason ?? null, topic: r.topic ?? null, topicId: r.topic_id ?? null, issueId: r.issue_id ?? null, rootReportId: r.root_report_id, upCopyId: r.up_copy_id ?? null, sentUpTo: r.sent_up_to ?? null,
    attachments: files.map((f) => presentAttachment(f)),
    revisions: revisions.map((v: any) => ({ seq: Number(v.seq), title: v.title, body: v.body, editorName: v.editor_name, note: v.note ?? null, at: v.at })),
    history: history.map(histItem(reportActionLabel, reportStateLabel)),
    events: events.map(presentEvent),
    progress: stateView(reportLifecycle, r.state),
    actions,
    abilities: { edit: canEditReport(r, actor), sendUp: canSendUp(r, actor), recordEvent: canRecordEvent(r, actor) },
  };
}

export function toIssueItem(i: any) {
  return {
    id: i.id, year: Number(i.year), numberSeq: Number(i.number_seq), number: i.number, title: i.title, state: i.state, stateLabel: issueStateLabel(i.state), stateTone: stateView(issueLifecycle, i.state).tone,
    pieceCount: Number(i.piece_count), createdAt: i.created_at, signedBy: i.signed_by ?? null, signedAt: i.signed_at ?? null, distributedAt: i.distributed_at ?? null, version: Number(i.version),
  };
}

export async function toIssueDetail(db: OpinionDb, i: any, actor: Actor, recipients: CodeLabel[]): Promise<IssueDetail> {
  const [pieces, history] = await Promise.all([piecesOf(db, i.id), listHistory(db, 'opinion_issue', i.id)]);
  const chosen: string[] = i.recipients ? JSON.parse(i.recipients) : [];
  return {
    ...toIssueItem(i),
    pieces: pieces.map((p: any) => ({
      id: p.id, seq: Number(p.seq), kind: p.kind, kindLabel: p.kind === 'composite' ? '综合' : '单篇', title: p.title, body: p.body,
      sources: p.sources.map((s: any) => ({ reportId: s.report_id, title: s.title, submitterUserId: s.submitter_user_id, submitterName: s.submitter_name })),
    })),
    recipients: chosen.map((c) => recipients.find((x) => x.code === c) ?? { code: c, label: c }),
    history: history.map(histItem(issueActionLabel, issueStateLabel)),
    progress: stateView(issueLifecycle, i.state),
    actions: allowedActions(issueLifecycle, i.state, { record: i, actor }),
  };
}
