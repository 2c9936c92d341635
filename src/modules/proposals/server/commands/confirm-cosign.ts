/**
 * 联名确认: an invited co-signer confirms, so that the joint proposal counts with their name, or declines (谢绝联名), which
 * takes their name off it. Each invited co-signer has a work item (待确认联名) until they answer or the draft is withdrawn.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import type { Work } from '../../../../kernel/server/unit-of-work.ts';
import { forbidden, notFound } from '../../../../kernel/universal/errors.ts';
import { canConfirmCosign, canSeeProposal } from '../../domain/proposal-policy.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';

/** The work items of the invited co-signers (待确认联名), one per person, beside the proposal's own. */
export const cosignEntity = 'proposal-cosign';

/** Open a 待确认联名 work item for each newly invited co-signer; the task.opened event tells them. */
export async function openCosignTasks(w: Work, p: { tenantId: string; proposalId: string; state: string; title: string; userIds: readonly string[]; actor: Actor }) {
  for (const userId of p.userIds) {
    await w.openTask({
      tenantId: p.tenantId, entityType: cosignEntity, entityId: p.proposalId, recordType: 'proposal', state: p.state,
      title: p.title, label: '待确认联名', userId, actor: p.actor,
    });
  }
}

/** Close the 待确认联名 work items of a proposal (only one person's, when `userId` is given). */
export async function closeCosignTasks(w: Work, proposalId: string, userId?: string) {
  await w.closeTasks(cosignEntity, proposalId, userId ? { userId } : {});
}

async function loadForAnswer(ctx: ModuleContext, actor: Actor, id: string, what: string) {
  const row = await findProposal(ctx.db, id);
  const facts = row ? await loadFacts(ctx.db, id) : null;
  if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
  if (!canConfirmCosign(row, actor, facts.pendingCosignerIds)) throw forbidden(`${what}（您不是待确认的联名委员，或提案已提交）`);
  return row;
}

export async function confirmCosign(ctx: ModuleContext, actor: Actor, id: string, ip?: string): Promise<void> {
  const row = await loadForAnswer(ctx, actor, id, '确认联名');
  await ctx.uow.run(async (w) => {
    const res = await w.trx.updateTable('proposal_cosigners').set({ confirmed_at: w.now })
      .where('proposal_id', '=', id).where('user_id', '=', actor.userId).where('confirmed_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return;
    await w.trx.updateTable('proposals')
      .set((eb) => ({ cosigners_pending: eb('cosigners_pending', '-', 1), version: eb('version', '+', 1), updated_at: w.now }))
      .where('id', '=', id).execute();
    await closeCosignTasks(w, id, actor.userId);
    // a step in the proposal's history the proposer sees; its event moves the worklists and the lists showing the proposal
    await w.record({
      tenantId: row.tenant_id, entityType: 'proposal', entityId: id, to: row.state, action: 'cosign', actor, ip,
      audit: { action: 'proposal.cosign', data: {} }, event: { title: row.title, version: row.version + 1, audience: { userIds: [row.proposer_user_id] } },
    });
  });
}

/** 谢绝联名: the invited co-signer takes their name off the proposal; the proposer may invite someone else. */
export async function declineCosign(ctx: ModuleContext, actor: Actor, id: string, ip?: string): Promise<void> {
  const row = await loadForAnswer(ctx, actor, id, '谢绝联名');
  await ctx.uow.run(async (w) => {
    const res = await w.trx.deleteFrom('proposal_cosigners')
      .where('proposal_id', '=', id).where('user_id', '=', actor.userId).where('confirmed_at', 'is', null).where('kind', '=', 'invited').executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) return;
    await w.trx.updateTable('proposals')
      .set((eb) => ({ cosigner_count: eb('cosigner_count', '-', 1), cosigners_pending: eb('cosigners_pending', '-', 1), version: eb('version', '+', 1), updated_at: w.now }))
      .where('id', '=', id).execute();
    await closeCosignTasks(w, id, actor.userId);
    await w.record({
      tenantId: row.tenant_id, entityType: 'proposal', entityId: id, to: row.state, action: 'decline_cosign', actor, ip,
      audit: { action: 'proposal.cosign_decline', data: {} }, event: { title: row.title, version: row.version + 1, audience: { userIds: [row.proposer_user_id] } },
    });
  });
}
