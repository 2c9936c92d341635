/**
 * 双向评议: the first proposer scores the handling and the lead unit scores the proposal's quality, once each, back to back.
 * One unit of work: the score, the proposal under its version (the one the page showed, or the one read here), the audit
 * record and the `proposal.mutual_scored` event.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import { isUniqueViolation } from '../../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { AppError, forbidden, notFound } from '../../../../kernel/universal/errors.ts';
import { newId } from '../../../../kernel/universal/ids.ts';
import type { MutualScoreBody } from '../../contract.ts';
import { mutualScoringOpen, mutualSideLabels, mutualSideOf } from '../../domain/proposal-evaluation.ts';
import { canSeeProposal } from '../../domain/proposal-policy.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';

export async function submitMutualScore(ctx: ModuleContext, actor: Actor, id: string, body: MutualScoreBody, ip?: string): Promise<void> {
  const row = await findProposal(ctx.db, id);
  if (!row || !canSeeProposal(row, actor, await loadFacts(ctx.db, id))) throw notFound('提案');
  const side = mutualSideOf(row, actor);
  if (!side) throw forbidden('双向评议（只有第一提案人和主办单位可以评议）');
  if (!mutualScoringOpen(row)) throw new AppError('INVALID_TRANSITION', '答复发布后才能进行双向评议');
  const version = body.version ?? Number(row.version);
  try {
    await ctx.uow.run(async (w) => {
      const trx = w.trx;
      const done = await trx.selectFrom('proposal_mutual_scores').select('id').where('proposal_id', '=', id).where('side', '=', side).executeTakeFirst();
      if (done) throw new AppError('CONFLICT', `已提交${mutualSideLabels[side]}评分，不能重复评议`);
      await trx.insertInto('proposal_mutual_scores').values({
        id: newId(), tenant_id: row.tenant_id, proposal_id: id, side, score: body.score, comment: body.comment || null,
        scorer_user_id: actor.userId, scorer_name: actor.displayName, scorer_org_id: actor.orgId, created_at: w.now,
      }).execute();
      await w.bumpVersion('proposals', id, version, { updated_at: w.now }, '提案');
      await w.audit({
        tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.mutual_score',
        entityType: 'proposal', entityId: id, data: { side, version: version + 1 }, ip,
      });
      await w.emit({ type: 'proposal.mutual_scored', tenantId: row.tenant_id, entityType: 'proposal', entityId: id, actorId: actor.userId, payload: { side, version: version + 1 } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `已提交${mutualSideLabels[side]}评分，不能重复评议`);
    throw e;
  }
}
