/**
 * 修改草稿: the proposer edits a draft or a returned proposal; a stale `version` gets a 409. One unit of work: the
 * proposal under its version, its co-signers, its audit record and the `proposal.updated` event.
 */
import type { Actor } from '../../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../../kernel/server/module.ts';
import { forbidden, invalid, notFound } from '../../../../kernel/universal/errors.ts';
import type { ProposalUpdateBody } from '../../contract.ts';
import { canEditDraft, canSeeProposal } from '../../domain/proposal-policy.ts';
import { findProposal, loadFacts } from '../proposal-repository.ts';
import { resolveCosigners, resolveGroupRefs } from './resolve-refs.ts';
import { linkAttachments } from '../../../attachments/index.ts';
import { resolveTopicRef } from '../topics.ts';
import { closeCosignTasks, openCosignTasks } from './confirm-cosign.ts';

const contentFields = { title: 'title', background: 'background', analysis: 'analysis', suggestions: 'suggestions', type: 'type', proposerOrgId: 'proposer_org_id', sectorId: 'sector_id', committeeId: 'committee_id' } as const;

export async function updateDraft(ctx: ModuleContext, actor: Actor, id: string, body: ProposalUpdateBody, ip?: string): Promise<void> {
  const row = await findProposal(ctx.db, id);
  if (!row || !canSeeProposal(row, actor, await loadFacts(ctx.db, id))) throw notFound('提案');
  if (!canEditDraft(row, actor)) throw forbidden('修改此提案（只有提案人可以修改暂存或退回的提案）');
  const type = body.type ?? row.type;
  const cosigners = body.cosignerUserIds ? await resolveCosigners(ctx.db, actor, body.cosignerUserIds) : null;
  if (type === 'joint' && cosigners && cosigners.length === 0) throw invalid('cosignerUserIds', '「联名委员」', '联名提案至少需要一位');
  await resolveGroupRefs(ctx.db, actor, { type, proposerOrgId: body.proposerOrgId, sectorId: body.sectorId, committeeId: body.committeeId });
  const topic = body.topicId !== undefined ? await resolveTopicRef(ctx.db, actor, body.topicId, row.topic_id) : undefined;
  await ctx.uow.run(async (w) => {
    const trx = w.trx;
    const set: Record<string, unknown> = { updated_at: w.now };
    for (const [k, col] of Object.entries(contentFields)) {
      const v = (body as Record<string, unknown>)[k];
      if (v !== undefined) set[col] = v;
    }
    if (body.isPublic !== undefined) set.is_public = body.isPublic ? 1 : 0;
    if (topic !== undefined) { set.topic_id = topic?.id ?? null; set.topic_title = topic?.title ?? null; }
    if (cosigners) {
      const existing = await trx.selectFrom('proposal_cosigners').select(['user_id', 'confirmed_at']).where('proposal_id', '=', id).execute();
      const confirmed = new Map(existing.map((e: any) => [e.user_id, e.confirmed_at as string | null]));
      await trx.deleteFrom('proposal_cosigners').where('proposal_id', '=', id).where('kind', '=', 'invited').execute();
      if (cosigners.length) {
        await trx.insertInto('proposal_cosigners').values(cosigners.map((c) => ({
          proposal_id: id, user_id: c.id, tenant_id: row.tenant_id, name: c.name, kind: 'invited', confirmed_at: confirmed.get(c.id) ?? null,
        }))).execute();
      }
      set.cosigner_count = cosigners.length;
      set.cosigners_pending = cosigners.filter((c) => !confirmed.get(c.id)).length;
      // 待确认联名: a work item for each newly invited co-signer, none left for those taken off
      const kept = new Set(cosigners.map((c) => c.id));
      const invited = cosigners.filter((c) => !confirmed.has(c.id));
      const dropped = [...confirmed.keys()].filter((u) => !kept.has(u));
      for (const userId of dropped) await closeCosignTasks(w, id, userId);
      await openCosignTasks(w, { tenantId: row.tenant_id, proposalId: id, state: row.state, title: body.title ?? row.title, actor, userIds: invited.map((c) => c.id) });
      if (invited.length || dropped.length) {
        // the change of co-signers is a step of the proposal's history; its event moves the worklists
        await w.record({
          tenantId: row.tenant_id, entityType: 'proposal', entityId: id, to: row.state, action: 'invite_cosigners', actor, ip,
          data: { cosigners: cosigners.map((c) => c.name) }, audit: false, event: { title: body.title ?? row.title, version: row.version + 1 },
        });
      }
    }
    if (body.attachmentIds?.length) await linkAttachments(trx, { ids: body.attachmentIds, entityType: 'proposal', entityId: id, actor });
    await w.bumpVersion('proposals', id, body.version, set, '提案');
    const version = body.version + 1;
    await w.audit({
      tenantId: row.tenant_id, actorId: actor.userId, actorName: actor.displayName, action: 'proposal.update',
      entityType: 'proposal', entityId: id, data: { fields: Object.keys(set).filter((k) => k !== 'updated_at'), version }, ip,
    });
    // lists and counts that include this proposal are read again once it is delivered
    await w.emit({ type: 'proposal.updated', tenantId: row.tenant_id, entityType: 'proposal', entityId: id, actorId: actor.userId, payload: { version } });
  });
}
