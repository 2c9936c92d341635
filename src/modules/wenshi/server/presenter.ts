/**
 * Turns rows into API objects. Every material goes out with `actions` (from the lifecycle's one decision) and
 * `progress` (the step bar); the contributor's contact only to 文史委 staff.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { attachmentsOf } from '../../attachments/index.ts';
import type { IssueDetail, IssueListItem, WenshiDetail, WenshiListItem } from '../contract.ts';
import { issueLabel } from '../domain/wenshi-catalogue.ts';
import { wenshiActionLabel, wenshiLifecycle, wenshiStateLabel, type WenshiState } from '../domain/wenshi-lifecycle.ts';
import { handles, seesContact } from '../domain/wenshi-policy.ts';
import { contentsOf, historyOf, issueLabels, revisionsOf } from './repository.ts';
import type { WenshiIssueRow, WenshiMaterialRow } from './tables.ts';

export function toListItem(r: WenshiMaterialRow, issues: Map<string, WenshiIssueRow>): WenshiListItem {
  const issue = r.issue_id ? issues.get(r.issue_id) : undefined;
  return {
    id: r.id, title: r.title, contributorName: r.contributor_name, source: r.source === 'public' ? 'public' : 'member',
    period: r.period ?? null, place: r.place ?? null, people: r.people ?? null, topic: r.topic ?? null,
    state: r.state as WenshiState, stateLabel: wenshiStateLabel(r.state), stateTone: stateView(wenshiLifecycle, r.state).tone,
    issueId: r.issue_id ?? null, issueLabel: issue ? `《${issue.title}》${issueLabel(Number(issue.number))}` : null, section: r.section ?? null,
    createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toListItems(db: AnyModuleDb, rows: WenshiMaterialRow[]): Promise<WenshiListItem[]> {
  const issues = await issueLabels(db, rows.map((r) => r.issue_id));
  return rows.map((r) => toListItem(r, issues));
}

export async function toDetail(db: AnyModuleDb, r: WenshiMaterialRow, actor: Actor): Promise<WenshiDetail> {
  const [history, revisions, files, issues] = await Promise.all([historyOf(db, r.id), revisionsOf(db, r.id), attachmentsOf(db, 'wenshi_material', r.id), issueLabels(db, [r.issue_id])]);
  return {
    ...toListItem(r, issues),
    body: r.body,
    ...(seesContact(actor) ? { contributorContact: r.contributor_contact ?? null } : {}),
    declineReason: r.decline_reason ?? null,
    originalTitle: r.original_title, originalBody: r.original_body,
    revisions: revisions.map((v) => ({ no: Number(v.no), title: v.title, body: v.body, editorName: v.editor_name, note: v.note ?? null, at: v.created_at })),
    attachments: files.map((f) => ({ id: f.id, filename: f.filename, mime: f.mime, size: Number(f.size) })),
    progress: stateView(wenshiLifecycle, r.state),
    history: history.map((h) => ({
      id: h.id, action: h.action, actionLabel: wenshiActionLabel(h.action), toStateLabel: wenshiStateLabel(h.to_state),
      actorName: h.actor_name, note: h.note ?? null, at: h.at,
    })),
    actions: allowedActions(wenshiLifecycle, r.state, { record: r as unknown as Record<string, unknown> & WenshiMaterialRow, actor }),
  };
}

export function toIssueItem(r: WenshiIssueRow & { materials: number }): IssueListItem {
  return {
    id: r.id, number: Number(r.number), label: issueLabel(Number(r.number)), year: Number(r.year), title: r.title, editor: r.editor,
    published: Number(r.published) === 1, publishedAt: r.published_at ?? null, materials: r.materials, version: Number(r.version),
  };
}

export async function toIssueDetail(db: AnyModuleDb, r: WenshiIssueRow, actor: Actor): Promise<IssueDetail> {
  const contents = await contentsOf(db, r.id);
  const published = Number(r.published) === 1;
  return {
    ...toIssueItem({ ...r, materials: contents.length }),
    contents: contents.map((m) => ({ materialId: m.id, seq: Number(m.seq ?? 0), section: m.section ?? '', title: m.title, contributorName: m.contributor_name, period: m.period ?? null, version: Number(m.version) })),
    actions: [...(handles(actor) && !published ? (['edit', 'publish'] as const) : []), 'export'],
  };
}
