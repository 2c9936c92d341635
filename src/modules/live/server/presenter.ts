/**
 * Turns rows into API objects. Sessions go out with `actions` (what the caller may do now, from the lifecycle) and
 * `version`; contributions are plain text (the web renders them as text, so HTML in them stays text).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { findPeople } from '../../identity/index.ts';
import { orgNames } from '../../organizations/index.ts';
import type { ContributionItem, SessionDetail, SessionListItem } from '../contract.ts';
import { liveLifecycle, liveStateLabel, type LiveState } from '../domain/live-lifecycle.ts';
import { followupKindLabels, participantRoleLabels, type FollowupKind, type ParticipantRole } from '../domain/live-rules.ts';
import type { PublicAccess } from '../domain/live-rules.ts';
import { countsOf, jsonIds, type SessionCounts } from './repository.ts';
import type { LiveContributionRow, LiveSessionRow } from './tables.ts';

export function toListItem(r: LiveSessionRow, counts?: SessionCounts): SessionListItem & Partial<SessionCounts> {
  return {
    id: r.id, title: r.title, opensAt: r.opens_at, closesAt: r.closes_at,
    state: r.state as LiveState, stateLabel: liveStateLabel(r.state), stateTone: stateView(liveLifecycle, r.state).tone,
    publicAccess: r.public_access as PublicAccess, createdByName: r.created_by_name, version: Number(r.version),
    ...(counts ?? {}),
  };
}

export async function toDetail(db: AnyModuleDb, r: LiveSessionRow, actor: Actor | null, canEdit: boolean): Promise<SessionDetail> {
  const hosts = jsonIds(r.host_user_ids);
  const experts = jsonIds(r.expert_user_ids);
  const units = jsonIds(r.responder_unit_ids);
  const [people, orgs, counts] = await Promise.all([findPeople(db, [...hosts, ...experts]), orgNames(db, units), countsOf(db, [r.id])]);
  const isHost = !!actor && hosts.includes(actor.userId);
  return {
    ...toListItem(r),
    topic: r.topic,
    hosts: hosts.map((id) => ({ id, name: people.get(id)?.name ?? id })),
    experts: experts.map((id) => ({ id, name: people.get(id)?.name ?? id })),
    responderUnits: units.map((id) => ({ id, name: orgs.get(id)?.name ?? id })),
    moderatePublic: Number(r.moderate_public) === 1,
    consultationId: r.consultation_id ?? null,
    publicKey: isHost && r.public_access !== 'none' ? r.public_key : null,
    progress: stateView(liveLifecycle, r.state),
    actions: actor ? allowedActions(liveLifecycle, r.state, { record: r as unknown as Record<string, unknown> & LiveSessionRow, actor }) : [],
    canEdit,
    counts: counts.get(r.id)!,
  };
}

function words(text: string | null): string[] {
  if (!text) return [];
  try { const v = JSON.parse(text); return Array.isArray(v) ? v.map(String) : []; } catch { return []; }
}

/** A contribution for the stream; `viewer` is the participant reading it (null in a pushed event: `mine` is false). */
export function toContribution(c: LiveContributionRow, viewer: string | null): ContributionItem {
  return {
    id: c.id, kind: c.kind as ContributionItem['kind'], role: c.role as ParticipantRole, roleLabel: participantRoleLabels[c.role as ParticipantRole] ?? c.role,
    authorName: c.author_name, body: c.body, status: c.status as ContributionItem['status'], rejectReason: c.reject_reason ?? null,
    flaggedWords: words(c.flagged_words), replyTo: c.reply_to ?? null, routedUnitId: c.routed_unit_id ?? null, routedUnitName: c.routed_unit_name ?? null,
    answeredAt: c.answered_at ?? null, mine: viewer !== null && c.participant_id === viewer, version: Number(c.version), createdAt: c.created_at,
    followup: c.followup_kind ? { kind: c.followup_kind as FollowupKind, label: followupKindLabels[c.followup_kind as FollowupKind] ?? c.followup_kind, at: c.followup_at ?? '' } : null,
  };
}
