/**
 * Turns rows into API objects. A meeting goes out with `actions` (the lifecycle's, for the caller) and `can` (the other
 * things the caller may do now), so the web never re-derives a rule. A participant sees their own row only.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { MeetingDetail, MeetingListItem, ParticipantView, SpeechView } from '../contract.ts';
import { attendanceLabels, attendanceOf, attendanceRate, leaveLabels, leaveRefusal, manages, meetingKindLabels, readsAll, speechKindLabels, speechStateLabels, type AttendanceCode, type LeaveState, type MeetingKind } from '../domain/meeting-rules.ts';
import { meetingsLifecycle, meetingStateLabel } from '../domain/meetings-lifecycle.ts';
import { canEdit } from './commands.ts';
import { participantsOf, sessionsOf, signInsOf, speechesOf } from './repository.ts';
import { readMeetingsSettings } from './settings.ts';
import type { MeetingRow, ParticipantRow, SpeechRow } from './tables.ts';

export function toListItem(r: MeetingRow & { session_count?: number | string | null; participant_count?: number | string | null }): MeetingListItem {
  return {
    id: r.id, kind: r.kind as MeetingKind, kindLabel: meetingKindLabels[r.kind as MeetingKind] ?? r.kind, title: r.title, place: r.place, heldOn: r.held_on,
    state: r.state, stateLabel: meetingStateLabel(r.state), stateTone: stateView(meetingsLifecycle, r.state).tone,
    sessions: Number(r.session_count ?? 0), participants: Number(r.participant_count ?? 0), version: Number(r.version),
  };
}

export const toSpeech = (s: SpeechRow, meetingTitle?: string): SpeechView => ({
  id: s.id, meetingId: s.meeting_id, ...(meetingTitle ? { meetingTitle } : {}), userId: s.user_id, name: s.name, kind: s.kind,
  kindLabel: speechKindLabels[s.kind as 'written'] ?? s.kind, title: s.title, body: s.body, state: s.state, stateLabel: speechStateLabels[s.state as 'submitted'] ?? s.state,
  heldOn: s.held_on, version: Number(s.version), createdAt: s.created_at,
});

export async function toDetail(ctx: ModuleContext, r: MeetingRow, actor: Actor): Promise<MeetingDetail> {
  const staff = readsAll(actor);
  const [sessions, people, signs, speeches, settings] = await Promise.all([
    sessionsOf(ctx.db, r.id), participantsOf(ctx.db, r.id), signInsOf(ctx.db, r.id), speechesOf(ctx.db, r.id), readMeetingsSettings(ctx, r.tenant_id),
  ]);
  const byUser = new Map<string, Array<{ sessionId: string; at: string; byStaff: boolean }>>();
  for (const s of signs) {
    const l = byUser.get(s.user_id) ?? [];
    l.push({ sessionId: s.session_id, at: s.signed_in_at, byStaff: Number(s.by_staff) === 1 });
    byUser.set(s.user_id, l);
  }
  const view = (p: ParticipantRow): ParticipantView => {
    const mine = byUser.get(p.user_id) ?? [];
    const code = (p.attendance as AttendanceCode | null) ?? attendanceOf({ sessions: sessions.length, signedIn: mine.length, leave: p.leave_state as LeaveState | null, presentShare: settings.presentShare });
    return {
      id: p.id, userId: p.user_id, name: p.name, source: p.source, leaveState: p.leave_state, leaveLabel: p.leave_state ? leaveLabels[p.leave_state as LeaveState] : null,
      leaveReason: p.leave_reason, signIns: mine, attendance: code, attendanceLabel: attendanceLabels[code], version: Number(p.version),
    };
  };
  const all = people.map(view);
  const me = all.find((p) => p.userId === actor.userId) ?? null;
  const count = (c: AttendanceCode) => all.filter((p) => p.attendance === c).length;
  const present = count('present');
  const mySigns = new Map((byUser.get(actor.userId) ?? []).map((s) => [s.sessionId, s.at]));
  return {
    ...toListItem({ ...r, session_count: sessions.length, participant_count: people.length }),
    body: r.body, agenda: JSON.parse(r.agenda || '[]'), ownerName: r.owner_name, progress: stateView(meetingsLifecycle, r.state),
    sessionList: sessions.map((s) => ({ id: s.id, seq: Number(s.seq), label: s.label, startsAt: s.starts_at, endsAt: s.ends_at, signedIn: signs.filter((x) => x.session_id === s.id).length, mySignedInAt: mySigns.get(s.id) ?? null })),
    participantList: staff ? all : me ? [me] : [],
    summary: { expected: all.length, present, leave: count('leave'), absent: count('absent'), rate: attendanceRate(present, all.length) },
    speeches: speeches.filter((s) => staff || s.user_id === actor.userId || s.state === 'selected').map((s) => toSpeech(s)),
    me, presentShare: settings.presentShare,
    actions: allowedActions(meetingsLifecycle, r.state, { record: r as unknown as Record<string, unknown> & MeetingRow, actor }),
    can: {
      manage: manages(actor) && r.tenant_id === actor.tenantId, edit: canEdit(r, actor),
      requestLeave: !!me && !leaveRefusal({ state: r.state, nowMs: clock.nowMs(), firstStartsAt: sessions[0]?.starts_at ?? null, leave: me.leaveState as LeaveState | null, signedIn: me.signIns.length }),
      speak: !!me && r.state !== 'closed',
    },
  };
}
