/**
 * 联名确认: an invited co-signer confirms, so that the joint proposal counts with their name, or declines (谢绝联名), which
 * takes their name off it. Each invited co-signer has a work item (待确认联名) until they answer or the draft is withdrawn.
 * One unit of work each: the co-signer's row, the proposal under its version (the one the page showed, or the one read
 * here: a change in between is a 409), the work item closed, the history step with its audit record, and the events.
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

export async function confirmCosign(ctx: ModuleContext, actor: Actor, id: string, ip?: string, expectedVersion?: number): Promise<void> {
  const row = await loadForAnswer(ctx, actor, id, '确认联名');
  await ctx.uow.run(async (w) => {
    const res = await w.trx.updateTable('proposal_cosigners').set({ confirmed_at: w.now })
      .where('proposal_id', '=', id).where('user_id', '=', actor.userId).where('confirmed_at', 'is', null).executeTakeFirst();
    // confirmed a moment ago (a second click): nothing more to do
    if (Number(res.numUpdatedRows) !== 1) return;
    const version = expectedVersion ?? Number(row.version);
    // the version holds, so the count read with the row is the count now
    const pending = Math.max(0, Number(row.cosigners_pending) - 1);
    await w.bumpVersion('proposals', id, version, { cosigners_pending: pending, updated_at: w.now }, '提案');
    await closeCosignTasks(w, id, actor.userId);
    // a step in the proposal's history the proposer sees; its event moves the worklists and the lists showing the proposal
    await w.record({
      tenantId: row.tenant_id, entityType: 'proposal', entityId: id, to: row.state, action: 'cosign', actor, ip,
      // the counts after this answer, for the proposer's notice (the last confirmation means it can be submitted)
      data: { cosignersPending: pending, cosignerCount: Number(row.cosigner_count) },
      audit: { action: 'proposal.cosign', data: { version: version + 1 } }, event: { title: row.title, version: version + 1, audience: { userIds: [row.proposer_user_id] } },
    });
    // lists that show this proposal (its co-signers, its version) are read again once it is delivered
    await w.emit({ type: 'proposal.cosigned', tenantId: row.tenant_id, entityType: 'proposal', entityId: id, actorId: actor.userId, payload: { version: version + 1 } });
  });
}

/** 谢绝联名: the invited co-signer takes their name off the proposal; the proposer may invite someone else. */
export async function declineCosign(ctx: ModuleContext, actor: Actor, id: string, ip?: string): Promise<void> {
  const row = await loadForAnswer(ctx, actor, id, '谢绝联名');
  await ctx.uow.run(async (w) => {
    const res = await w.trx.deleteFrom('proposal_cosigners')
      .where('proposal_id', '=', id).where('user_id', '=', actor.userId).where('confirmed_at', 'is', null).where('kind', '=', 'invited').executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) return;
    const version = Number(row.version);
    const count = Math.max(0, Number(row.cosigner_count) - 1);
    const pending = Math.max(0, Number(row.cosigners_pending) - 1);
    await w.bumpVersion('proposals', id, version, { cosigner_count: count, cosigners_pending: pending, updated_at: w.now }, '提案');
    await closeCosignTasks(w, id, actor.userId);
    await w.record({
      tenantId: row.tenant_id, entityType: 'proposal', entityId: id, to: row.state, action: 'decline_cosign', actor, ip,
      data: { cosignersPending: pending, cosignerCount: count },
      audit: { action: 'proposal.cosign_decline', data: { version: version + 1 } }, event: { title: row.title, version: version + 1, audience: { userIds: [row.proposer_user_id] } },
    });
  });
}
