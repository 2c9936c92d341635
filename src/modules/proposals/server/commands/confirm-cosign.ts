/** 联名确认: an invited co-signer confirms, so that the joint proposal counts with their name. */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { appendAudit } from '../../../../kernel/server/audit.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { forbidden, notFound } from '../../../../kernel/universal/errors.ts';
import { canConfirmCosign, canSeeProposal } from '../../domain/proposal-policy.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';
import { clock } from '../../../../kernel/universal/clock.ts';

export async function confirmCosign(ctx: ModuleContext, actor: Actor, id: string, ip?: string): Promise<void> {
  const row = await findProposal(ctx.db, id);
  const facts = row ? await loadFacts(ctx.db, id) : null;
  if (!row || !facts || !canSeeProposal(row, actor, facts)) throw notFound('提案');
  if (!canConfirmCosign(row, actor, facts.pendingCosignerIds)) throw forbidden('确认联名（您不是待确认的联名委员，或提案已提交）');
  const now = clock.iso();
  const confirmed = await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('proposal_cosigners').set({ confirmed_at: now })
      .where('proposal_id', '=', id).where('user_id', '=', actor.userId).where('confirmed_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await trx.updateTable('proposals')
      .set((eb) => ({ cosigners_pending: eb('cosigners_pending', '-', 1), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', id).execute();
    await appendAudit(trx, ctx.dialect, {
      tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.cosign',
      entityType: 'proposal', entityId: id, data: null, ip,
    });
    return true;
  });
  // after commit: lists that show this proposal (its co-signers, its version) are read again
  if (confirmed) {
    await ctx.events.publish({ type: 'proposal.cosigned', tenantId: row.tenant_id, entityType: 'proposal', entityId: id, actorId: actor.userId, payload: {} });
  }
}
