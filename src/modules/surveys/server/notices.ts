/**
 * 问卷通知: when a survey for the CPPCC's members or for a list of accounts is published, each of them is told (in-app,
 * and on any channel they can be reached on) with the link to answer. Subscribed to the lifecycle's
 * `survey.transitioned` event, delivered from the outbox after the publication commits; the notifier's key makes a
 * second delivery tell no one twice. Public surveys are shared by link and QR code instead.
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { memberIdsOf } from '../../organizations/index.ts';
import { audienceIdsOf, findItem } from './repository.ts';

export function subscribeSurveyNotices(ctx: ModuleContext): void {
  ctx.events.on('survey.transitioned', async (e) => {
    const p = e.payload as { action?: string };
    if (p.action !== 'publish' || !e.entityId) return;
    const s = await findItem(ctx.db, e.entityId);
    if (!s || s.audience === 'public') return;
    const userIds = s.audience === 'members'
      ? (await memberIdsOf(ctx.db, s.tenant_id).execute()).map((r) => String(r.user_id))
      : audienceIdsOf(s);
    if (userIds.length === 0) return;
    await ctx.notifier.notify({
      tenantId: s.tenant_id, userIds, kind: 'survey', key: `${e.id}:publish`,
      title: `请填写问卷：${s.title}`, body: `${s.closes_on ? `请于 ${s.closes_on} 前填写。` : ''}${s.body.slice(0, 100)}`, link: `/s/${s.share_token}`,
    });
  });
}
