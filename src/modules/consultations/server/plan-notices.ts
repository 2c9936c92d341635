/**
 * 选题处理结果通知: when the office accepts a topic into the plan, declines it (with the reason) or merges it, the person
 * who proposed it is told in the inbox (and by the live push), once per event. Delivered from the outbox after commit.
 */
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { findTopic } from './plan-repository.ts';

/** What the proposer is told of a step, or null. Pure. */
export function topicNotice(action: string, f: { title: string; reason?: string | null; target?: string | null; year: number }): { title: string; body: string } | null {
  if (action === 'accept') return { title: '协商选题已列入计划', body: `您单位提出的协商选题「${f.title}」已列入${f.year}年度协商计划（草案），待主席会议审定。` };
  if (action === 'decline') return { title: '协商选题未被采纳', body: `您单位提出的协商选题「${f.title}」未被采纳${f.reason ? `，理由：${f.reason.replace(/[。\s]+$/, '')}` : ''}。` };
  if (action === 'merge') return { title: '协商选题已合并', body: `您单位提出的协商选题「${f.title}」已与${f.target ? `「${f.target}」` : '相近选题'}合并办理。` };
  return null;
}

export async function tellTopicProposer(ctx: ModuleContext, e: DomainEvent): Promise<void> {
  if (!e.entityId) return;
  const action = String((e.payload as { action?: string }).action ?? '');
  if (!['accept', 'decline', 'merge'].includes(action)) return;
  const r = await findTopic(ctx.db, e.entityId);
  if (!r || r.proposer_user_id === e.actorId) return;
  const target = r.merged_into_id ? await findTopic(ctx.db, r.merged_into_id) : undefined;
  const n = topicNotice(action, { title: r.title, reason: r.decline_reason, target: target?.title, year: Number(r.year) });
  if (!n) return;
  await ctx.notifier.notify({ tenantId: r.tenant_id, userIds: [r.proposer_user_id], kind: 'consultation', title: n.title, body: n.body, link: `/consultations/topics/${r.id}`, key: e.id ? `topic:${e.id}` : undefined });
}

export function subscribePlanNotices(ctx: ModuleContext): void {
  ctx.events.on('consultation_topic.transitioned', (e) => tellTopicProposer(ctx, e));
}
