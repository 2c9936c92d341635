/**
 * 联名确认: an invited co-signer confirms, so that the joint proposal counts with their name. One unit of work: the
 * confirmation, the proposal under its version (the one the page showed, or the one read here: a change in between is a
 * 409), the audit record and the `proposal.cosigned` event.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { forbidden, notFound } from '../../../../kernel/universal/errors.ts';
import { canConfirmCosign, canSeeProposal } from '../../domain/proposal-policy.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';

export async function confirmCosign(ctx: ModuleContext, actor: Actor, id: string, ip?: string, expectedVersion?: number): Promise<void> {
  const row = await findProposal(ctx.db, id);
  const facts = row ? await loadFacts(ctx.db, id) : null;
  if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
  if (!canConfirmCosign(row, actor, facts.pendingCosignerIds)) throw forbidden('确认联名（您不是待确认的联名委员，或提案已提交）');
  await ctx.uow.run(async (w) => {
    const res = await w.trx.updateTable('proposal_cosigners').set({ confirmed_at: w.now })
      .where('proposal_id', '=', id).where('user_id', '=', actor.userId).where('confirmed_at', 'is', null).executeTakeFirst();
    // confirmed a moment ago (a second click): nothing more to do
    if (Number(res.numUpdatedRows) !== 1) return;
    const version = expectedVersion ?? Number(row.version);
    // the version holds, so the count read with the row is the count now
    await w.bumpVersion('proposals', id, version, { cosigners_pending: Math.max(0, Number(row.cosigners_pending) - 1), updated_at: w.now }, '提案');
    await w.audit({
      tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.cosign',
      entityType: 'proposal', entityId: id, data: { version: version + 1 }, ip,
    });
    // lists that show this proposal (its co-signers, its version) are read again once it is delivered
    await w.emit({ type: 'proposal.cosigned', tenantId: row.tenant_id, entityType: 'proposal', entityId: id, actorId: actor.userId, payload: { version: version + 1 } });
  });
}
