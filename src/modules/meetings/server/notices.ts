/**
 * 会议通知: when the staff send the notice, every participant is told in the inbox (and by the live push); someone added
 * later is told when added; a member whose leave is decided is told the decision. Delivered from the outbox after commit.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { meetingKindLabels, type MeetingKind } from '../domain/meeting-rules.ts';
import { findMeeting, participantsOf, sessionsOf } from './repository.ts';

const when = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The notice's text (pure). */
export function noticeText(m: { kind: string; title: string; place: string; firstStartsAt: string | null }): { title: string; body: string } {
  return {
    title: `${meetingKindLabels[m.kind as MeetingKind] ?? '会议'}通知：${m.title}`,
    body: `请您出席${m.title}${m.firstStartsAt ? `，时间 ${when(m.firstStartsAt)}` : ''}，地点 ${m.place}。如不能出席，请在会前提交请假。`,
  };
}

async function tell(ctx: ModuleContext, e: DomainEvent, userIds?: string[]) {
  if (!e.entityId) return;
  const m = await findMeeting(ctx.db, e.entityId);
  if (!m) return;
  const [sessions, people] = await Promise.all([sessionsOf(ctx.db, m.id), userIds ? Promise.resolve(null) : participantsOf(ctx.db, m.id)]);
  const to = userIds ?? people!.map((p) => p.user_id);
  if (!to.length) return;
  const n = noticeText({ kind: m.kind, title: m.title, place: m.place, firstStartsAt: sessions[0]?.starts_at ?? null });
  await ctx.notifier.notify({ tenantId: m.tenant_id, userIds: to, kind: 'meeting', title: n.title, body: n.body, link: `/meetings/${m.id}`, key: e.id ? `meeting:${e.id}` : undefined });
}

export function subscribeMeetingNotices(ctx: ModuleContext): void {
  ctx.events.on('meeting.transitioned', async (e) => {
    if ((e.payload as { action?: string }).action === 'notify') await tell(ctx, e);
  });
  ctx.events.on('meeting.invited', (e) => tell(ctx, e, (e.payload as { userIds: string[] }).userIds));
  ctx.events.on('meeting.leave_decided', async (e) => {
    if (!e.entityId) return;
    const m = await findMeeting(ctx.db, e.entityId);
    const p = e.payload as { userId: string; approve: boolean };
    if (!m) return;
    await ctx.notifier.notify({
      tenantId: m.tenant_id, userIds: [p.userId], kind: 'meeting', title: p.approve ? '请假已批准' : '请假未批准',
      body: p.approve ? `您${m.title}的请假已批准。` : `您${m.title}的请假未获批准，请按时出席。`, link: `/meetings/${m.id}`, key: e.id ? `meeting:${e.id}` : undefined,
    });
  });
}
